import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsx, type Run } from '../support/run.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

/** `npm run deploy-commands` registers the commands without starting the bot, in one server or globally. */

function deploy(fake: FakeDiscord, env: Record<string, string>): Promise<Run> {
  return tsx(['src/cli/deploy-commands.ts'], {
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.url,
      DISCORD_CLIENT_ID: '',
      DISCORD_GUILD_ID: '',
      ASK_CHANNEL_IDS: '',
      MODERATOR_ROLE_IDS: '',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
}

describe('npm run deploy-commands', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });

  afterAll(async () => {
    await fake.close();
  });

  it('registers the six commands globally, finding the application from the token', async () => {
    const run = await deploy(fake, {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^registered 6 commands/);
    const puts = fake.requestsTo('bulk_set_application_commands');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect((puts[0]!.body as { name: string }[]).map((c) => c.name).sort()).toEqual(['article', 'ask', 'gaps', 'help', 'refresh', 'topics']);
    expect(run.stderr).not.toContain(fake.token);
    expect(fake.takeViolations()).toEqual([]);
  }, 60_000);

  it('leaves commands alone when they are already registered, and registers in one server when asked', async () => {
    const again = await deploy(fake, { DISCORD_CLIENT_ID: fake.applicationId });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^unchanged: 6 commands/);
    expect(fake.requestsTo('bulk_set_application_commands')).toHaveLength(1);

    const guild = await deploy(fake, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guild.id });
    expect(guild.code, guild.stderr).toBe(0);
    expect(fake.requestsTo('bulk_set_guild_application_commands')).toHaveLength(1);
    expect(fake.takeViolations()).toEqual([]);
  }, 60_000);
});
