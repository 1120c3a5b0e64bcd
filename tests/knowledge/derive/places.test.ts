import { describe, expect, it } from 'vitest';
import { derived, fact, fixture, names, shipped } from './support.ts';

describe('organisations and places', () => {
  it('GIVEN "Northern Retail Partners" or "Riverton Transport Authority" THEN organisations with their initials as alias', () => {
    expect(fact(fixture('company-reshuffle'), 'Northern Retail Partners').aliases).toContain('NRP');
    expect(fact(fixture('city-council'), 'Riverton Transport Authority').aliases).toContain('RTA');
  });

  it('GIVEN "Brightwater Foods, the Leeds-based snack maker, said" THEN an organisation that speaks, described by its apposition', () => {
    const f = fact(fixture('company-reshuffle'), 'Brightwater Foods');
    expect(f).toMatchObject({ kind: 'organisation', role: 'Leeds-based snack maker', speaks: true });
    expect(f.description).toBe('Brightwater Foods is the Leeds-based snack maker, named in paragraphs 1 and 2.');
    expect(fact(fixture('company-reshuffle'), 'Leeds').kind).toBe('place');
  });

  it('GIVEN "a leading daily in North Korea, Rodong Sinmun," THEN a publication-like organisation with that description', () => {
    expect(fact(shipped(), 'Rodong Sinmun')).toMatchObject({ kind: 'organisation', role: 'leading daily in North Korea', cite: ['p1.s1'] });
  });

  it('GIVEN names after "in" or "to" THEN places; countries are countries', () => {
    expect(names(shipped(), 'place')).toEqual(expect.arrayContaining(['Pyongyang', 'Eurasia', 'Vostochny Cosmodrome']));
    expect(names(shipped(), 'country')).toEqual(expect.arrayContaining(['North Korea', 'Russia']));
    expect(names(fixture('company-reshuffle'), 'place')).toContain('Doncaster');
  });

  it('GIVEN "Soviet times" or "French striker" THEN no place named Soviet or French', () => {
    expect(names(shipped(), 'place')).not.toContain('Soviet');
    expect(names(fixture('sports-transfer'), 'place')).not.toContain('French');
  });

  it('GIVEN "according to the Daily Courier" THEN the newspaper is an organisation', () => {
    expect(fact(fixture('sports-transfer'), 'Daily Courier').kind).toBe('organisation');
  });
});

describe('every derived fact', () => {
  it('has a valid, unique id, at most 3 sentence citations, and evidence word for word in them, and no curly quotes it did not copy', () => {
    for (const a of [shipped(), fixture('company-reshuffle'), fixture('city-council'), fixture('sports-transfer')]) {
      const facts = derived(a).facts;
      expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
      for (const f of facts) {
        expect(f.id).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
        expect(f.cite.length).toBeGreaterThan(0);
        expect(f.cite.length).toBeLessThanOrEqual(3);
        for (const e of f.evidence ?? []) expect(f.cite.some((id) => a.passages.get(id)!.text.includes(e)), `${f.id}: ${e}`).toBe(true);
        expect(f.description).not.toMatch(/[“”]/);
      }
    }
  });
});

