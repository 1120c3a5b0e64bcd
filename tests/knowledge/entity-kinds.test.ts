import { describe, expect, it } from 'vitest';
import { ENTITY_KIND_TABLE } from '../../src/knowledge/entity-kinds.ts';
import { ENTITY_KINDS } from '../../src/knowledge/schema.ts';

describe('the entity-kind table', () => {
  it('covers every kind a fact may have', () => {
    expect(Object.keys(ENTITY_KIND_TABLE).sort()).toEqual([...ENTITY_KINDS].sort());
  });

  it('names people, organisations and places by the answer type they give; dates and events are not names', () => {
    for (const [kind, info] of Object.entries(ENTITY_KIND_TABLE)) {
      if (kind === 'date' || kind === 'event') expect(info.nameKind).toBeUndefined();
      else expect(info.nameKind).toBe(info.answerType);
    }
  });
});
