import { appendFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import {
  copyKnowledge,
  printBotOutputOnFailure,
  spawnWatched,
  testEnvironment,
  type BotProcess,
  type KnowledgeCopy,
} from './support/bot-process.ts';
import { interactionReply, onlyEmbed, type Body } from './support/replies.ts';
import { REDIS_MISSING, redisServerInstalled, startRedisServer, type RedisServer } from './support/redis-server.ts';

/**
 * The multi-host layout the README documents: 4 shards as two "hosts" (two sharding managers,
 * SHARD_IDS 0,1 and 2,3, each with its own copy of the knowledge), one Redis, one gateway.
 * The first host runs `npm run start:sharded`, the second the same program under plain node.
 */

const installed = redisServerInstalled();
if (!installed) console.warn(`sharding across hosts: skipped, ${REDIS_MISSING}`);

const ZEBRA = 'The Pyongyang zoo opened a zebra exhibition for the visiting delegation.';
const ZEBRA_QUESTION = 'tell me about the zebra exhibition at the pyongyang zoo';
const MODERATOR_PERMISSIONS = '2080';
/** Each shard process logs in once its hooks (refresh, metrics) are about to be in place. */
const BOTH_SHARDS_LOGGED_IN = /"msg":"logged in as[\s\S]*"msg":"logged in as/;

describe.skipIf(!installed)(`4 shards on two hosts with Redis${installed ? '' : ` (skipped: ${REDIS_MISSING})`}`, () => {
  let fake: FakeDiscord;
  let redis: RedisServer;
  const knowledge: KnowledgeCopy[] = [];
  const hosts: BotProcess[] = [];

  function startHost(index: 0 | 1): BotProcess {
    const env = testEnvironment(
      fake,
      { knowledgeDir: knowledge[index]!.dir },
      {
        SHARD_COUNT: '4',
        SHARD_IDS: index === 0 ? '0,1' : '2,3',
        REDIS_URL: redis.url,
        SHARD_SPAWN_DELAY_MS: '0',
        ...(index === 0 && { METRICS_PORT: '0' }),
      },
    );
    return index === 0
      ? spawnWatched('npm', ['run', 'start:sharded'], env, 'host A: npm run start:sharded')
      : spawnWatched(process.execPath, ['dist/shard/manager.js'], env, 'host B: node dist/shard/manager.js');
  }

  const readySessions = () => fake.sessions.filter((s) => s.ready && s.socket !== null).length;

  async function refreshFrom(shard: number): Promise<Body> {
    const sent = fake.sendCommand('refresh', {}, { guildId: fake.guildOfShard(shard), user: 'moderator', permissions: MODERATOR_PERMISSIONS });
    expect(sent.shards).toEqual([shard]);
    return onlyEmbed((await interactionReply(fake, sent, 20_000)).body) as unknown as Body;
  }

  async function askOn(shard: number, question: string) {
    const sent = fake.sendCommand('ask', { question }, { guildId: fake.guildOfShard(shard) });
    expect(sent.shards).toEqual([shard]);
    return onlyEmbed((await interactionReply(fake, sent)).body);
  }

  const shardsField = (embed: Body) => (embed.fields as { name: string; value: string }[]).find((f) => f.name.startsWith('Shards'))!;

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 4 });
    redis = await startRedisServer();
    knowledge.push(await copyKnowledge(), await copyKnowledge());
    hosts.push(startHost(0), startHost(1));
    await fake.waitFor(() => readySessions() === 4, 60_000, '4 shard sessions');
    await hosts[0]!.waitForOutput(/registered \d+ slash commands|slash commands already up to date/, 20_000);
    // Each shard process has subscribed to Redis once its hooks are in place.
    for (const host of hosts) await host.waitForOutput(BOTH_SHARDS_LOGGED_IN, 20_000);
  }, 90_000);

  afterAll(async () => {
    for (const host of hosts) await host.stop();
    await fake?.close();
    await redis?.stop();
    for (const copy of knowledge) await copy.remove();
  }, 30_000);

  printBotOutputOnFailure(() => hosts);

  it('identifies each shard with [id, 4], and only shard 0 registers the commands', () => {
    const identified = fake.identifies.map((i) => i.shard).sort((a, b) => a![0] - b![0]);
    expect(identified).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]]);
    expect(fake.requestsTo('bulk_set_guild_application_commands').length + fake.requestsTo('list_guild_application_commands').length).toBeLessThanOrEqual(2);
    expect(hosts[1]!.output()).not.toMatch(/slash commands/);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('routes each guild to shard (guild_id >> 22) % 4, and that shard answers it', async () => {
    for (const shard of [0, 1, 2, 3]) {
      const guildId = fake.guildOfShard(shard);
      expect(Number((BigInt(guildId) >> 22n) % 4n)).toBe(shard);
      const embed = await askOn(shard, 'who runs roscosmos');
      expect(embed.description).toMatch(/Borisov/);
      const host = hosts[shard < 2 ? 0 : 1]!;
      expect(host.output().split('\n').some((l) => l.includes(`"shard":"${shard}"`) && l.includes(`guild ${guildId}`))).toBe(true);
    }
    expect(fake.takeViolations()).toEqual([]);
  });

  it("the manager's /metrics adds up its shards, and /healthz lists each of them", async () => {
    const base = /metrics on (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(hosts[0]!.output())![1]!;
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/citebot_gateway_up\{shard="0"\} 1/);
    expect(text).toMatch(/citebot_gateway_up\{shard="1"\} 1/);
    // One answered /ask on each of this host's two shards, in the test before.
    expect(text).toMatch(/citebot_questions_total\{outcome="answered",way="slash"\} 2\b/);
    expect(text).toMatch(/citebot_knowledge_info\{version="\w+"\} 2/);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, shards: [{ id: 0, ready: true }, { id: 1, ready: true }] });
  });

  it('one /refresh reloads all 4 shards on both hosts, and the report lists each with its version', async () => {
    for (const copy of knowledge) await appendFile(copy.path('article.md'), `\n${ZEBRA}\n`);
    const embed = await refreshFrom(1);
    const field = shardsField(embed);
    expect(field.name).toBe('Shards: 4 of 4 refreshed');
    const version = /✅ shards 0–3: version `(\w+)`/.exec(field.value)?.[1];
    expect(version).toBeDefined();
    expect(String(embed.description)).toContain(version!);

    // A shard of the other host answers from the new knowledge.
    expect(JSON.stringify(await askOn(3, ZEBRA_QUESTION))).toContain(ZEBRA);
    expect(fake.takeViolations()).toEqual([]);
  });

  it('a host whose files are broken keeps its knowledge, and the report names its shards', async () => {
    const before = /version `(\w+)`/.exec(shardsField(await refreshFrom(0)).value)![1]!;
    await writeFile(knowledge[1]!.path('qa.yaml'), 'not: [valid');
    const field = shardsField(await refreshFrom(2));
    expect(field.name).toBe('Shards: 2 of 4 refreshed');
    expect(field.value).toContain(`❌ shards 2–3: refresh failed`);
    expect(field.value).toContain(`still serving \`${before}\``);
    expect(field.value).toContain(`✅ shards 0–1: version \`${before}\``);
    // Still answering on the old knowledge.
    expect(JSON.stringify(await askOn(2, ZEBRA_QUESTION))).toContain(ZEBRA);
    await writeFile(knowledge[1]!.path('qa.yaml'), await knowledge[0]!.read('qa.yaml'));
  });

  it('names the shards of a host that is down, and a host started later serves the current version', async () => {
    const stopped = await hosts[1]!.stop();
    expect(stopped).toMatchObject({ killed: false });
    expect(stopped.ms).toBeLessThan(5000);
    await fake.waitFor(() => readySessions() === 2, 5000, 'two sessions left');

    for (const copy of knowledge) await appendFile(copy.path('article.md'), '\nThe delegation also visited a new railway depot.\n');
    const field = shardsField(await refreshFrom(0));
    expect(field.name).toBe('Shards: 2 of 4 refreshed');
    expect(field.value).toContain('⚠️ shards 2–3: no answer, not refreshed');
    const current = /✅ shards 0–1: version `(\w+)`/.exec(field.value)![1]!;

    hosts[1] = startHost(1);
    await fake.waitFor(() => readySessions() === 4, 30_000, 'the restarted host');
    await hosts[1]!.waitForOutput(BOTH_SHARDS_LOGGED_IN, 20_000);
    const again = shardsField(await refreshFrom(3));
    expect(again.name).toBe('Shards: 4 of 4 refreshed');
    expect(again.value).toContain(`✅ shards 0–3: version \`${current}\``);
  }, 60_000);
});

describe('2 shards on one host, without Redis: the manager carries /refresh', () => {
  let fake: FakeDiscord;
  let knowledge: KnowledgeCopy;
  let host: BotProcess | undefined;

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2 });
    knowledge = await copyKnowledge();
    // SHARD_COUNT unset: the count Discord recommends (GET /gateway/bot says 2).
    const env = testEnvironment(fake, { knowledgeDir: knowledge.dir }, { SHARD_SPAWN_DELAY_MS: '0' });
    host = spawnWatched(process.execPath, ['dist/shard/manager.js'], env, 'node dist/shard/manager.js');
    await host.waitForOutput(BOTH_SHARDS_LOGGED_IN, 60_000);
  }, 90_000);

  afterAll(async () => {
    await host?.stop();
    await fake?.close();
    await knowledge?.remove();
  }, 30_000);

  printBotOutputOnFailure(() => (host === undefined ? [] : [host]));

  it('runs the recommended 2 shards, and one /refresh reaches both over IPC', async () => {
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    await appendFile(knowledge.path('article.md'), `\n${ZEBRA}\n`);
    const sent = fake.sendCommand('refresh', {}, { guildId: fake.guildOfShard(1), user: 'moderator', permissions: MODERATOR_PERMISSIONS });
    const embed = onlyEmbed((await interactionReply(fake, sent, 20_000)).body) as unknown as Body;
    const field = (embed.fields as { name: string; value: string }[]).find((f) => f.name.startsWith('Shards'))!;
    expect(field.name).toBe('Shards: 2 of 2 refreshed');
    expect(field.value).toMatch(/✅ shards 0–1: version `\w+`/);
    const answer = fake.sendCommand('ask', { question: ZEBRA_QUESTION }, { guildId: fake.guildOfShard(0) });
    expect(JSON.stringify(onlyEmbed((await interactionReply(fake, answer)).body))).toContain(ZEBRA);

    const stopped = await host!.stop();
    expect(stopped).toMatchObject({ code: 0, killed: false });
    expect(stopped.ms).toBeLessThan(5000);
  });
});
