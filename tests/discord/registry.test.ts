import { describe, expect, it } from 'vitest';
import { COMMANDS, commandBodies, commandsByName, componentFor, componentsByPrefix } from '../../src/discord/registry.ts';
import { COMMAND_NAME, LIMITS } from '../../src/render/limits.ts';
import { HELP_COMMANDS, renderHelp } from '../../src/render/discord.ts';

describe('command registry', () => {
  it('offers /ask, /topics, /help, /refresh, /gaps and /article', () => {
    expect([...commandsByName().keys()]).toEqual(['ask', 'topics', 'help', 'refresh', 'gaps', 'article']);
  });

  it('/help lists every registered command, and no other', () => {
    expect(HELP_COMMANDS.map((c) => c.name)).toEqual([...commandsByName().keys()]);
    const help = renderHelp({ article: { title: 'T' }, askChannelIds: [], examples: [] }).embeds[0]!.description!;
    for (const name of commandsByName().keys()) expect(help).toContain(`\`/${name}`);
  });

  it('has names and descriptions Discord accepts, options included', () => {
    for (const body of commandBodies()) {
      expect(body.name).toMatch(COMMAND_NAME);
      expect(body.description.length).toBeGreaterThanOrEqual(LIMITS.commandDescriptionMin);
      expect(body.description.length).toBeLessThanOrEqual(LIMITS.commandDescriptionMax);
      for (const option of body.options ?? []) {
        expect(option.name).toMatch(COMMAND_NAME);
        expect(option.description.length).toBeLessThanOrEqual(LIMITS.commandDescriptionMax);
      }
    }
  });

  it('acknowledges slow work at once only where it is needed', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c.data.name, c.defer]))).toEqual({
      ask: 'if-slow',
      topics: 'if-slow',
      help: 'if-slow',
      refresh: 'now',
      gaps: 'if-slow',
      article: 'now',
    });
  });
});

describe('buttons and menus, by the command that owns them', () => {
  it('routes every custom id the replies carry to its command, the longest prefix first', () => {
    const byPrefix = componentsByPrefix();
    const owner = (id: string) => COMMANDS.find((c) => c.components?.includes(componentFor(byPrefix, id)!))?.data.name;
    const ids = ['ask:roscosmos-head', 'vote:up:x', 'share', 'gaps:page:2', 'gaps:draft', 'topics:menu'];
    ids.push('article:confirm:0123456789abcdef', 'article:cancel:0123456789abcdef');
    expect(ids.map(owner)).toEqual(['ask', 'ask', 'ask', 'gaps', 'gaps', 'topics', 'article', 'article']);
    expect(componentFor(byPrefix, 'something:else')).toBeUndefined();
  });

  it('refuses two commands claiming one prefix, at start', () => {
    const [ask, topics] = [COMMANDS.find((c) => c.data.name === 'ask')!, COMMANDS.find((c) => c.data.name === 'topics')!];
    const clash = { ...topics, components: [...(topics.components ?? []), ...(ask.components ?? []).slice(1, 2)] };
    expect(() => componentsByPrefix([ask, clash])).toThrow(/custom-id prefix "vote:" of \/topics is empty or claimed twice/);
  });
});
