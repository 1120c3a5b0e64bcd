import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../../src/knowledge/derive/index.ts';
import type { FactEntry } from '../../../src/knowledge/schema.ts';

const fact = (id: string, name: string, aliases: string[] = [], extra: Partial<FactEntry> = {}): FactEntry => ({
  id,
  kind: 'person',
  name,
  aliases,
  roleAliases: [],
  description: `${name} is named in paragraph 1.`,
  speaks: false,
  cite: ['p1.s1'],
  ...extra,
});

describe('mergeFacts: curated entries win', () => {
  const curated = [fact('lavrov', 'Sergey Lavrov', ['Lavrov', 'Sergei Lavrov']), fact('kim', 'Kim Jong Un', ['Kim Jong-un'])];

  it('keeps every curated fact, in order and unchanged, and appends the derived ones they do not cover', () => {
    const merged = mergeFacts(curated, [fact('jane-doe', 'Jane Doe')], []);
    expect(merged).toEqual([...curated, fact('jane-doe', 'Jane Doe')]);
  });

  it('drops a derived fact whose name or any alias is a curated name or alias, ignoring case, dots, hyphens and apostrophes', () => {
    const derived = [
      fact('sergey-lavrov', 'Sergey Lavrov'),
      fact('lavrov-2', 'S. Lavrov', ['LAVROV']),
      fact('kim-jong-un', 'Kim Jong-Un'),
      fact('someone', 'Someone Else', ['Kim Jong Un’s', 'Kim Jong Un']),
    ];
    expect(mergeFacts(curated, derived, []).map((f) => f.id)).toEqual(['lavrov', 'kim']);
  });

  it('drops a derived fact listed under suppress, by id or by name', () => {
    const derived = [fact('jane-doe', 'Jane Doe'), fact('acme', 'Acme Group', [], { kind: 'organisation' }), fact('leeds', 'Leeds', [], { kind: 'place' })];
    expect(mergeFacts(curated, derived, ['jane-doe', 'acme group']).map((f) => f.id)).toEqual(['lavrov', 'kim', 'leeds']);
  });

  it('never suppresses a curated fact', () => {
    expect(mergeFacts(curated, [], ['lavrov', 'Kim Jong Un'])).toEqual(curated);
  });

  it('renames a derived fact whose id a curated fact already uses', () => {
    const merged = mergeFacts([fact('leeds', 'Leeds United', [], { kind: 'organisation' })], [fact('leeds', 'Leeds', [], { kind: 'place' })], []);
    expect(merged.map((f) => `${f.id} ${f.name}`)).toEqual(['leeds Leeds United', 'leeds-2 Leeds']);
  });
});
