import { describe, expect, it } from 'vitest';
import { COMMANDS, commandBodies, commandsByName } from '../../src/discord/registry.ts';
import { COMMAND_NAME, LIMITS } from '../../src/render/limits.ts';

describe('command registry', () => {
  it('offers /ask, /topics, /help, /refresh, /gaps and /article', () => {
    expect([...commandsByName().keys()]).toEqual(['ask', 'topics', 'help', 'refresh', 'gaps', 'article']);
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
