import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The fewest intents the features need. Message Content is privileged (it must be switched on
 * in the Developer Portal, and verified past 100 servers), and mentions and DMs carry their
 * content without it, so it is asked for only when ask channels are configured.
 */
export function intentsFor(config: Pick<Config, 'askChannelIds'>): GatewayIntentBits[] {
  return [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
    ...(config.askChannelIds.length > 0 ? [GatewayIntentBits.MessageContent] : []),
  ];
}

export function clientOptions(config: Config, overrides: Partial<ClientOptions> = {}): ClientOptions {
  const rest = { ...(config.discordApiUrl !== undefined && { api: config.discordApiUrl }), ...overrides.rest };
  return {
    intents: intentsFor(config),
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    // Nothing the bot sends pings anyone unless a call says otherwise.
    allowedMentions: { parse: [] },
    ...overrides,
    ...(Object.keys(rest).length > 0 && { rest }),
  };
}

/** Everything not set here keeps discord.js's defaults; tests pass `overrides` to go faster. */
export function createClient(config: Config, overrides: Partial<ClientOptions> = {}): Client {
  return new Client(clientOptions(config, overrides));
}
