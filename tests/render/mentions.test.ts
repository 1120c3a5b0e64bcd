import { describe, expect, it } from 'vitest';
import { NO_NAMES, readableMentions } from '../../src/render/mentions.ts';

const names = {
  user: (id: string) => (id === '123456789012345678' ? 'Ann' : undefined),
  role: (id: string) => (id === '223456789012345678' ? 'Moderators' : undefined),
  channel: (id: string) => (id === '323456789012345678' ? 'news' : undefined),
};

describe('readableMentions', () => {
  it('names users, roles and channels it knows', () => {
    expect(readableMentions('<@123456789012345678> <@!123456789012345678> ask <@&223456789012345678> in <#323456789012345678>', names)).toBe(
      '@Ann @Ann ask @Moderators in #news',
    );
  });

  it('says "someone", "a role", "a channel" for ids it cannot name, never the raw id', () => {
    const out = readableMentions('hi <@999999999999999999> <@&999999999999999999> <#999999999999999999>', NO_NAMES);
    expect(out).toBe('hi @someone @a role #a channel');
    expect(out).not.toMatch(/\d{17}/);
  });
});
