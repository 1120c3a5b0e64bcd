import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from '../src/config.ts';

const GUILD = '123456789012345678';
const CHANNEL_A = '223456789012345678';
const CHANNEL_B = '323456789012345678';
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-part-of-the-token_0123456789';

function problems(env: NodeJS.ProcessEnv): readonly string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('loadConfig', () => {
  it('accepts an empty environment: no token means terminal chat, everything else has a default', () => {
    const result = loadConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        knowledgeDir: DEFAULTS.knowledgeDir,
        askChannelIds: [],
        moderatorRoleIds: [],
        logLevel: 'info',
        dataDir: 'data',
        logUserIds: false,
        retentionDays: 90,
        importAllowHosts: [],
      },
    });
  });

  it('reads every variable into a typed config', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '423456789012345678',
      DISCORD_GUILD_ID: GUILD,
      KNOWLEDGE_DIR: 'data/knowledge',
      ASK_CHANNEL_IDS: `${CHANNEL_A}, ${CHANNEL_B}`,
      MODERATOR_ROLE_IDS: CHANNEL_A,
      LOG_LEVEL: 'debug',
      DISCORD_API_URL: 'http://127.0.0.1:5000/api',
      DATA_DIR: '/var/lib/citebot',
      LOG_USER_IDS: 'TRUE',
      QUESTION_LOG_DAYS: '30',
      IMPORT_ALLOW_HOSTS: '127.0.0.1, news.intranet, [::1]',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        discordToken: TOKEN,
        clientId: '423456789012345678',
        guildId: GUILD,
        knowledgeDir: 'data/knowledge',
        askChannelIds: [CHANNEL_A, CHANNEL_B],
        moderatorRoleIds: [CHANNEL_A],
        logLevel: 'debug',
        discordApiUrl: 'http://127.0.0.1:5000/api',
        dataDir: '/var/lib/citebot',
        logUserIds: true,
        retentionDays: 30,
        importAllowHosts: ['127.0.0.1', 'news.intranet', '[::1]'],
      },
    });
  });

  it('returns a frozen config, lists included', () => {
    const result = loadConfig({ ASK_CHANNEL_IDS: CHANNEL_A });
    if (!result.ok) throw new Error('expected ok');
    expect(Object.isFrozen(result.config)).toBe(true);
    expect(Object.isFrozen(result.config.askChannelIds)).toBe(true);
  });

  it('treats empty values, as left by a copied .env.example, as unset', () => {
    const result = loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: '', ASK_CHANNEL_IDS: '', LOG_USER_IDS: '' });
    expect(result).toEqual({
      ok: true,
      config: { knowledgeDir: 'knowledge', askChannelIds: [], moderatorRoleIds: [], logLevel: 'info', dataDir: 'data', logUserIds: false, retentionDays: 90, importAllowHosts: [] },
    });
  });

  it('refuses an empty KNOWLEDGE_DIR or DATA_DIR instead of guessing which folder was meant', () => {
    expect(problems({ KNOWLEDGE_DIR: '', DATA_DIR: '  ' })).toEqual([
      'KNOWLEDGE_DIR: is empty: name a folder, or remove the line to use knowledge; got ""',
      'DATA_DIR: is empty: name a folder, or remove the line to use data; got ""',
    ]);
  });

  it('refuses LOG_USER_IDS other than true or false, and a retention that is not a number of days', () => {
    expect(problems({ LOG_USER_IDS: 'yes', QUESTION_LOG_DAYS: '0' })).toEqual([
      'LOG_USER_IDS: must be true or false; got "yes"',
      'QUESTION_LOG_DAYS: must be at least 1; got "0"',
    ]);
  });

  it('refuses an IMPORT_ALLOW_HOSTS item that is a URL rather than a host', () => {
    expect(problems({ IMPORT_ALLOW_HOSTS: '127.0.0.1, http://intranet/' })).toEqual([
      'IMPORT_ALLOW_HOSTS (item 2): must be a host name or IP address, such as 127.0.0.1 (no scheme, port or path); got "http://intranet/"',
    ]);
  });

  it('ignores blank items and spaces in comma-separated lists', () => {
    const result = loadConfig({ ASK_CHANNEL_IDS: ` ${CHANNEL_A} ,, ${CHANNEL_B}, ` });
    expect(result.ok && result.config.askChannelIds).toEqual([CHANNEL_A, CHANNEL_B]);
  });

  it('reads LOG_LEVEL case-insensitively', () => {
    const result = loadConfig({ LOG_LEVEL: 'WARN' });
    expect(result.ok && result.config.logLevel).toBe('warn');
  });

  it('drops a trailing slash from DISCORD_API_URL, since discord.js appends /v10 itself', () => {
    const result = loadConfig({ DISCORD_API_URL: 'http://127.0.0.1:5000/api/' });
    expect(result.ok && result.config.discordApiUrl).toBe('http://127.0.0.1:5000/api');
  });

  it('reports every problem at once, one line each, starting with the variable name', () => {
    const found = problems({
      DISCORD_GUILD_ID: 'my-server',
      ASK_CHANNEL_IDS: `${CHANNEL_A},general`,
      MODERATOR_ROLE_IDS: '12',
      LOG_LEVEL: 'verbose',
      DISCORD_API_URL: 'ftp://example.com',
    });
    expect(found).toHaveLength(5);
    for (const line of found) expect(line).not.toContain('\n');
    expect(found).toEqual([
      expect.stringMatching(/^DISCORD_GUILD_ID: must be a Discord id.*got "my-server"$/),
      expect.stringMatching(/^ASK_CHANNEL_IDS \(item 2\): must be a Discord id.*got "general"$/),
      expect.stringMatching(/^MODERATOR_ROLE_IDS \(item 1\): must be a Discord id/),
      'LOG_LEVEL: must be one of error, warn, info, debug; got "verbose"',
      expect.stringMatching(/^DISCORD_API_URL: must be an http\(s\) URL/),
    ]);
  });

  it('explains a token pasted with its "Bot " prefix without ever repeating the token', () => {
    const found = problems({ DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(found).toEqual(['DISCORD_TOKEN: remove the "Bot " prefix; paste the token alone']);
    expect(found.join('\n')).not.toContain('secret-part');
  });

  it('rejects a token with spaces inside without repeating it', () => {
    const found = problems({ DISCORD_TOKEN: 'abc.def secret-part' });
    expect(found).toEqual(['DISCORD_TOKEN: must not contain spaces or line breaks']);
  });

  it('GIVEN a token that is not three base64url parts joined by dots THEN it is refused before connecting, without repeating it', () => {
    for (const bad of ['abc', 'abc.def', 'abc.def.ghi.jkl', 'secret+part.def.ghi', 'a..b']) {
      const found = problems({ DISCORD_TOKEN: bad });
      expect(found, bad).toEqual([expect.stringMatching(/^DISCORD_TOKEN: is not shaped like a bot token \(three parts/)]);
      expect(found.join('\n')).not.toContain(bad);
    }
    expect(loadConfig({ DISCORD_TOKEN: TOKEN }).ok).toBe(true);
  });

  it('does not complain about variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).ok).toBe(true);
  });
});
