import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord, SentInteraction } from './fake-discord/index.ts';
import { REPO_ROOT, useBot } from './support/bot-process.ts';
import { buttonsOf, EPHEMERAL, firstFlags, interactionReply, onlyEmbed, quotes, requestsOf } from './support/replies.ts';
import { html, startPageServer, type PageServer } from '../support/page-server.ts';

/**
 * /article against the real bot process and the fake Discord: a moderator imports a page served
 * from 127.0.0.1 (allowed by IMPORT_ALLOW_HOSTS), presses Confirm, and members are then answered
 * from the new article; /article undo brings the old one back.
 */

const PAGE = join(REPO_ROOT, 'tests', 'fixtures', 'pages', 'herald-sun-1', 'source.html');
const TITLE = 'Angry media won’t buckle over new surveillance laws';
const MODERATOR_PERMISSIONS = '2080';
const SLOW_MS = 30_000;

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
  server.route('/story', html(await readFile(PAGE)));
});
afterAll(() => server.close());

type Body = Record<string, unknown>;

/** A button press answered by replacing its message: the update's data, or the edit after a deferred update. */
async function pressed(fake: FakeDiscord, sent: SentInteraction): Promise<Body> {
  const done = await fake.waitForRequest((r) => {
    const mine = requestsOf(fake, sent);
    if (!mine.includes(r) || r.status >= 300) return false;
    if (r.route === 'update_original_webhook_message') return true;
    return r.route === 'create_interaction_response' && [4, 7].includes((r.body as { type: number }).type);
  }, SLOW_MS);
  const body = done.body as Body;
  return done.route === 'create_interaction_response' ? (body.data as Body) : body;
}

describe('/article', () => {
  const harness = useBot({ via: 'node', env: { IMPORT_ALLOW_HOSTS: '127.0.0.1' } });

  it(
    'imports a page for a moderator after Confirm, answers from it, and undo puts the old article back',
    async () => {
      const { fake, knowledge } = harness;
      // As README > Using another article says: the curated files belong to the shipped article.
      for (const file of ['qa.yaml', 'facts.yaml', 'concepts.yaml']) await rm(knowledge.path(file));

      const refused = await interactionReply(fake, fake.sendCommand('article import', { url: server.url('/story') }, { user: 'member', permissions: '0' }));
      expect(firstFlags(refused) & EPHEMERAL).toBe(EPHEMERAL);
      expect(refused.body.content).toMatch(/only moderators/i);

      const asked = fake.sendCommand('article import', { url: server.url('/story') }, { user: 'moderator', permissions: MODERATOR_PERMISSIONS });
      const preview = await interactionReply(fake, asked, SLOW_MS);
      expect(firstFlags(preview) & EPHEMERAL).toBe(EPHEMERAL);
      expect(onlyEmbed(preview.body).title).toBe(TITLE);
      const confirm = buttonsOf(preview.body).find((b) => b.label === 'Confirm');
      expect(confirm?.custom_id).toMatch(/^article:confirm:/);
      expect(await knowledge.read('article.md')).toBe(knowledge.original('article.md'));

      const report = await pressed(fake, fake.sendButton(confirm!.custom_id, undefined, { user: 'moderator', permissions: MODERATOR_PERMISSIONS }));
      expect(report.content).toContain(`Imported **${TITLE}**`);
      expect(onlyEmbed(report).title).toBe('Knowledge refreshed');
      expect(await knowledge.read('article.previous.md')).toBe(knowledge.original('article.md'));

      const answer = onlyEmbed((await interactionReply(fake, fake.sendCommand('ask', { question: "who is the prime minister's national security adviser?" }), SLOW_MS)).body);
      expect(quotes(answer).map((q) => q.text).join(' ')).toContain('Andrew Shearer');

      const undone = await interactionReply(fake, fake.sendCommand('article undo', {}, { user: 'moderator', permissions: MODERATOR_PERMISSIONS }), SLOW_MS);
      expect(undone.body.content).toMatch(/^Put the previous article back/);
      expect(await knowledge.read('article.md')).toBe(knowledge.original('article.md'));

      expect(fake.takeViolations()).toEqual([]);
    },
    120_000,
  );
});
