import { describe, expect, it } from 'vitest';
import { article, fact, fixture, names, shipped } from './support.ts';

describe('people and their offices, from the article alone', () => {
  const ship = shipped();

  it('GIVEN "Foreign Minister Sergey Lavrov" THEN a person Sergey Lavrov, Foreign Minister, called Lavrov, citing that sentence', () => {
    const f = fact(ship, 'Sergey Lavrov');
    expect(f).toMatchObject({ kind: 'person', role: 'Foreign Minister', cite: ['p4.s2'], evidence: ['Foreign Minister Sergey Lavrov'] });
    expect(f.aliases).toContain('Lavrov');
    expect(f.roleAliases).toEqual(expect.arrayContaining(['foreign minister', 'minister of foreign affairs', 'russian foreign minister']));
  });

  it('GIVEN "Kim Jong Un, leader of the D.P.R.K." THEN the role comes from the apposition and the family name comes first', () => {
    const f = fact(ship, 'Kim Jong Un');
    expect(f.role).toBe('leader of the D.P.R.K.');
    expect(f.evidence).toEqual(['Kim Jong Un, leader of the D.P.R.K.']);
    expect(f.aliases).toEqual(expect.arrayContaining(['Kim', 'Kim Jong-un']));
    expect(f.aliases).not.toContain('Un');
    expect(f.roleAliases).toEqual(expect.arrayContaining(['leader of north korea', 'north korean leader']));
  });

  it('GIVEN "Russian President Vladimir Putin" and later "Putin said" THEN one person who speaks, cited where the role is', () => {
    const f = fact(ship, 'Vladimir Putin');
    expect(f.role).toBe('Russian President');
    expect(f.cite[0]).toBe('p1.s1');
    expect(f.speaks).toBe(true);
    expect(f.aliases).toEqual(expect.arrayContaining(['Putin', "Putin's", 'Putin’s']));
    expect(f.roleAliases).toEqual(expect.arrayContaining(['president of russia', "russia's president", 'president']));
    expect(names(ship, 'person').filter((n) => n.includes('Putin'))).toEqual(['Vladimir Putin']);
  });

  it('GIVEN "Russian Railways CEO Oleg Belozyorov" THEN the office is spelled out both ways and the company is an organisation without an invented acronym', () => {
    const f = fact(ship, 'Oleg Belozyorov');
    expect(f.role).toBe('Russian Railways CEO');
    expect(f.roleAliases).toEqual(
      expect.arrayContaining(['ceo of russian railways', 'russian railways chief executive', 'chief executive of russian railways', 'head of russian railways']),
    );
    const railways = fact(ship, 'Russian Railways');
    expect(railways.kind).toBe('organisation');
    expect(railways.aliases).not.toContain('RR');
  });

  it('GIVEN a list of titled names THEN every one of them is a person, and none is quoted', () => {
    const people = ['Sergey Lavrov', 'Denis Manturov', 'Andrey Belousov', 'Mikhail Murashko', 'Roman Starovoyt', 'Yuri Borisov', 'Oleg Belozyorov'];
    for (const name of people) expect(fact(ship, name), name).toMatchObject({ kind: 'person', cite: ['p4.s2'], speaks: false });
    expect(fact(ship, 'Denis Manturov').role).toBe('First Deputy Prime Minister');
    expect(fact(ship, 'Yuri Borisov').roleAliases).toEqual(expect.arrayContaining(['roscosmos director general', 'director general of roscosmos']));
  });

  const company = fixture('company-reshuffle');

  it('GIVEN "X, chairman of Y" after a quote THEN X is chairman of Y and speaks', () => {
    const f = fact(company, 'Peter Lindqvist');
    expect(f).toMatchObject({ role: 'chairman of Brightwater Foods', speaks: true, cite: ['p2.s1'] });
    expect(f.roleAliases).toEqual(expect.arrayContaining(['chairman', 'brightwater foods chairman', 'chair of brightwater foods']));
  });

  it('GIVEN "Ms Marsh-Okafor, who heads the company\'s European division" THEN the earlier full name is the same person, head of that division', () => {
    const f = fact(company, 'Helen Marsh-Okafor');
    expect(f.kind).toBe('person');
    expect(f.role).toBe("head of the company's European division");
    expect(f.aliases).toEqual(expect.arrayContaining(['Marsh-Okafor', 'Helen Marsh Okafor']));
    expect(f.cite).toEqual(['p1.s2', 'p1.s1']);
  });

  it('GIVEN "Finance Director Sarah Okoro said" THEN a speaking person whose portfolio is no organisation', () => {
    const f = fact(company, 'Sarah Okoro');
    expect(f).toMatchObject({ role: 'Finance Director', speaks: true });
    expect(f.roleAliases).toEqual(expect.arrayContaining(['director of finance', 'cfo']));
    expect(names(company, 'organisation')).not.toContain('Finance');
  });

  it('GIVEN "Its chief executive, Amira Haddad, told the Yorkshire Post" THEN Haddad speaks and the newspaper, told, does not', () => {
    expect(fact(company, 'Amira Haddad')).toMatchObject({ role: 'chief executive', speaks: true });
    expect(fact(company, 'Yorkshire Post')).toMatchObject({ kind: 'organisation', speaks: false });
  });

  it('GIVEN "Daniel Price, who is retiring" THEN a person with no office', () => {
    const f = fact(company, 'Daniel Price');
    expect(f.kind).toBe('person');
    expect(f.role).toBeUndefined();
    expect(f.roleAliases).toEqual([]);
  });

  const transfer = fixture('sports-transfer');

  it('GIVEN "Kestrel United\'s manager Ruth Abara" and "The club\'s CEO Martin Vasquez" THEN possessive offices', () => {
    expect(fact(transfer, 'Ruth Abara').role).toBe("Kestrel United's manager");
    expect(fact(transfer, 'Ruth Abara').roleAliases).toEqual(expect.arrayContaining(['manager', 'manager of kestrel united']));
    expect(fact(transfer, 'Martin Vasquez').role).toBe("club's CEO");
  });

  it('GIVEN "the French striker Jean-Luc Moreau" and later "Moreau" THEN one person, striker, and the hyphenated name stays whole', () => {
    const f = fact(transfer, 'Jean-Luc Moreau');
    expect(f.role).toBe('French striker');
    expect(f.aliases).toEqual(expect.arrayContaining(['Moreau', 'Jean Luc Moreau']));
    expect(f.cite).toEqual(['p1.s1', 'p1.s2', 'p2.s1']);
    expect(f.speaks).toBe(false);
    expect(names(transfer, 'person')).not.toContain('Moreau');
  });

  const council = fixture('city-council');

  it('GIVEN "Mayor Grace Delgado" and "The head of the Riverton Transport Authority, Ines Varga" THEN both offices', () => {
    expect(fact(council, 'Grace Delgado')).toMatchObject({ role: 'Mayor', speaks: true, cite: ['p1.s2', 'p3.s2'] });
    const varga = fact(council, 'Ines Varga');
    expect(varga.role).toBe('head of the Riverton Transport Authority');
    expect(varga.roleAliases).toEqual(expect.arrayContaining(['head of riverton transport authority', 'riverton transport authority head']));
    expect(varga.evidence).toEqual(['head of the Riverton Transport Authority, Ines Varga']);
  });

  const short = article(
    "---\ntitle: Rates\n---\n\nHarbor Bank's chief economist, Lena Ortiz, said rates would fall. Senator José Ibáñez of Millford called the plan \"a gamble\".\n",
  );

  it('GIVEN "Harbor Bank\'s chief economist, Lena Ortiz, said" THEN the possessive office before the name, and she speaks', () => {
    expect(fact(short, 'Lena Ortiz')).toMatchObject({ role: "Harbor Bank's chief economist", speaks: true, evidence: ["Harbor Bank's chief economist, Lena Ortiz"] });
  });

  it('GIVEN "Senator José Ibáñez of Millford called the plan ..." THEN he speaks, and is also found typed without accents', () => {
    const f = fact(short, 'José Ibáñez');
    expect(f).toMatchObject({ role: 'Senator', speaks: true });
    expect(f.aliases).toEqual(expect.arrayContaining(['Ibáñez', 'Ibanez', 'Jose Ibanez']));
  });

  it('GIVEN two people of the same surname THEN neither is called by it alone', () => {
    const twins = article('---\ntitle: Twins\n---\n\nCoach Tom Price and Mayor Anna Price met on Monday.\n');
    expect(fact(twins, 'Tom Price').aliases).not.toContain('Price');
    expect(fact(twins, 'Anna Price').aliases).not.toContain('Price');
    expect(fact(twins, 'Anna Price').role).toBe('Mayor');
  });
});
