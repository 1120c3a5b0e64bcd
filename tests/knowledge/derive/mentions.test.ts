import { describe, expect, it } from 'vitest';
import { derived, fixture, shipped } from './support.ts';
import type { Article } from '../../../src/knowledge/types.ts';

const of = (a: Article, kind: string) => derived(a).mentions.filter((m) => m.kind === kind).map((m) => `${m.passageId} ${m.text}`);

describe('mentions: every name, date, number, amount and percentage, where it stands', () => {
  it('gives each mention as a verbatim slice of its sentence', () => {
    for (const a of [shipped(), fixture('company-reshuffle'), fixture('city-council'), fixture('sports-transfer')])
      for (const m of derived(a).mentions) expect(a.passages.get(m.passageId)!.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('GIVEN "£1.2bn", "£80m", "€45m" and "£340 million" THEN money, symbol and scale included', () => {
    expect(of(fixture('company-reshuffle'), 'money')).toEqual(['p2.s2 £1.2bn', 'p2.s2 £80m']);
    expect(of(fixture('sports-transfer'), 'money')).toEqual(['p1.s1 €45m']);
    expect(of(fixture('city-council'), 'money')).toEqual(['p1.s2 £340 million']);
  });

  it('GIVEN "rose 4.5%", "12% of the shares", "about 60% more" THEN percentages', () => {
    expect(of(fixture('company-reshuffle'), 'percent')).toEqual(['p2.s2 4.5%', 'p3.s1 12%']);
    expect(of(fixture('sports-transfer'), 'percent')).toEqual(['p3.s1 60%']);
  });

  it('GIVEN dates with and without a year THEN dates, without the preposition, and no bare "day" or "year"', () => {
    expect(of(fixture('city-council'), 'date')).toEqual(['p1.s1 12 May', 'p3.s1 2027']);
    expect(of(fixture('sports-transfer'), 'date')).toContain('p3.s1 June 2029');
    expect(of(shipped(), 'date')).toEqual(expect.arrayContaining(['p1.s4 September 2023', 'p1.s5 2000', 'p2.s1 1950-53']));
  });

  it('GIVEN counts THEN numbers, apart from amounts and percentages', () => {
    expect(of(fixture('city-council'), 'number')).toEqual(['p1.s2 20,000']);
    expect(of(fixture('sports-transfer'), 'number')).toEqual(['p1.s2 24', 'p1.s2 31']);
  });

  it('points a name at its fact, also on a later mention by surname', () => {
    const a = fixture('sports-transfer');
    const d = derived(a);
    const moreau = d.facts.find((f) => f.name === 'Jean-Luc Moreau')!;
    const mentions = d.mentions.filter((m) => m.entityId === moreau.id).map((m) => `${m.passageId} ${m.text}`);
    expect(mentions).toEqual(['p1.s1 Jean-Luc Moreau', 'p1.s2 Moreau', 'p2.s1 Moreau', 'p3.s1 Moreau']);
    for (const m of d.mentions) if (m.entityId !== undefined) expect(d.facts.some((f) => f.id === m.entityId)).toBe(true);
  });

  it('GIVEN "D.P.R.K." and "North Korea" THEN one country', () => {
    const d = derived(shipped());
    const ids = new Set(d.mentions.filter((m) => m.text === 'D.P.R.K.' || m.text === 'North Korea').map((m) => m.entityId));
    expect(ids.size).toBe(1);
    expect(d.facts.find((f) => f.id === [...ids][0])).toMatchObject({ kind: 'country', name: 'North Korea' });
  });
});
