import { GatewayIntentBits, IntentsBitField, Partials } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { clientOptions, createClient, intentsFor } from '../../src/discord/client.ts';

const BASE: Config = { knowledgeDir: 'k', askChannelIds: [], moderatorRoleIds: [], logLevel: 'info' };

describe('client setup', () => {
  it('asks for guilds, guild messages and DMs only, without the privileged Message Content intent', () => {
    expect(intentsFor(BASE)).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages]);
  });

  it('adds Message Content only when ask channels need it', () => {
    expect(intentsFor({ askChannelIds: ['400000000000000001'] })).toContain(GatewayIntentBits.MessageContent);
  });

  it('receives DMs from uncached channels and pings nobody by default', () => {
    const options = clientOptions(BASE);
    expect(options.partials).toEqual([Partials.Channel]);
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(options.rest).toBeUndefined();
  });

  it('points REST at DISCORD_API_URL when set, keeping test overrides', () => {
    const options = clientOptions({ ...BASE, discordApiUrl: 'http://127.0.0.1:5000/api' }, { rest: { timeout: 500 } });
    expect(options.rest).toEqual({ api: 'http://127.0.0.1:5000/api', timeout: 500 });
  });

  it('builds a discord.js client with those intents', async () => {
    const client = createClient({ ...BASE, askChannelIds: ['400000000000000001'] });
    try {
      const intents = new IntentsBitField(client.options.intents);
      expect(intents.has(GatewayIntentBits.MessageContent)).toBe(true);
      expect(intents.has(GatewayIntentBits.GuildMembers)).toBe(false);
    } finally {
      await client.destroy();
    }
  });
});
