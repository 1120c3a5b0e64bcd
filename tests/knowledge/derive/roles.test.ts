import { describe, expect, it } from 'vitest';
import { roleAliases } from '../../../src/knowledge/derive/roles.ts';

describe('roleAliases: the other ways a question names an office', () => {
  it('GIVEN "X Minister" in an article about a country THEN "minister of X" and the country\'s forms', () => {
    expect(roleAliases('Defence Minister', { country: 'France' })).toEqual(
      expect.arrayContaining(['defence minister', 'defense minister', 'minister of defence', 'french defence minister', "france's defence minister"]),
    );
    expect(roleAliases('Foreign Minister')).toContain('minister of foreign affairs');
  });

  it('GIVEN "Prime Minister" THEN abbreviations, and no "minister of prime"', () => {
    const aliases = roleAliases('Prime Minister', { country: 'Canada' });
    expect(aliases).toEqual(expect.arrayContaining(['prime minister', 'pm', 'premier', 'canadian prime minister', 'prime minister of canada']));
    expect(aliases.join('|')).not.toMatch(/of prime|for prime/);
  });

  it('GIVEN an organisation\'s office THEN with and without the organisation, spelled out, and no country added', () => {
    const aliases = roleAliases('Acme Holdings CEO', { country: 'Canada' });
    expect(aliases).toEqual(expect.arrayContaining(['acme holdings ceo', 'ceo of acme holdings', 'chief executive of acme holdings', 'ceo', 'head of acme holdings']));
    expect(aliases.join('|')).not.toMatch(/canad/);
  });

  it('GIVEN a possessive office THEN the office alone and "of" the owner', () => {
    expect(roleAliases("Harbor Bank's chief economist")).toEqual(expect.arrayContaining(['chief economist', 'chief economist of harbor bank', 'harbor bank chief economist']));
    expect(roleAliases("ACB's director of research")).toEqual(expect.arrayContaining(['director of research', 'director of research at acb']));
  });

  it('GIVEN "X at Y" where X is an office THEN the office and Y stay apart', () => {
    expect(roleAliases('deputy editor at the Morning Ledger')).toEqual(
      expect.arrayContaining(['deputy editor', 'deputy editor of morning ledger', 'morning ledger deputy editor']),
    );
  });

  it('GIVEN a qualified office THEN the plain office too, and no owner made of the qualifier', () => {
    expect(roleAliases('head coach')).toEqual(['head coach', 'coach']);
    expect(roleAliases('group chief executive')).toEqual(expect.arrayContaining(['group ceo', 'chief executive', 'ceo']));
    expect(roleAliases('Dublin-based co-chairman')).toEqual(expect.arrayContaining(['co-chairman', 'co-chair']));
  });

  it('GIVEN a nationality before a job that is no office of state THEN no country from the context', () => {
    const aliases = roleAliases('Chilean goalkeeper', { country: 'Spain' });
    expect(aliases).toEqual(expect.arrayContaining(['chilean goalkeeper', 'goalkeeper', "chile's goalkeeper"]));
    expect(aliases.join('|')).not.toMatch(/spain|spanish/);
  });
});
