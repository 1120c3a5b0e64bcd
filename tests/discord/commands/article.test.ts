import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config.ts';
import { data } from '../../../src/discord/commands/article.ts';
import { createDispatcher } from '../../../src/discord/dispatch.ts';
import { createLiveEngine } from '../../../src/app/live.ts';
import type { LiveEngine } from '../../../src/engine/live-engine.ts';
import { ARTICLE_MESSAGES } from '../../../src/render/article.ts';
import { copyKnowledge, ROOT } from '../../support/knowledge.ts';
import { FakeInteraction, MANAGE_GUILD, type FakeOptions } from '../../support/fake-interactions.ts';
import { html, redirect, startPageServer, type PageServer } from '../../support/page-server.ts';
import { recordingLogger } from '../../support/recording-logger.ts';

const TIMEOUT = 60_000;
const MOD_ROLE = '500000000000000001';
const TITLE = 'Angry media won’t buckle over new surveillance laws';
const PAGE = join(ROOT, 'tests', 'fixtures', 'pages', 'herald-sun-1', 'source.html');

type Payload = {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id: string; label: string }[] }[];
};

let server: PageServer;
let fetches = 0;

beforeAll(async () => {
  server = await startPageServer();
  const page = await readFile(PAGE);
  server.route('/story', (req, res) => {
    fetches++;
    html(page)(req, res);
  });
  server.route('/to-private', redirect('http://192.168.0.10/story'));
});
afterAll(() => server.close());

/** A bot over its own copy of knowledge/, as the dispatcher runs commands and buttons. */
async function bot(options: { curated: boolean }) {
  const copy = await copyKnowledge();
  if (!options.curated) for (const file of ['qa.yaml', 'facts.yaml', 'concepts.yaml']) await rm(join(copy.dir, file));
  const live: LiveEngine = await createLiveEngine(copy.dir);
  const config: Config = { knowledgeDir: copy.dir, askChannelIds: [], moderatorRoleIds: [MOD_ROLE], logLevel: 'info', importAllowHosts: ['127.0.0.1'] };
  const dispatch = createDispatcher({ live, config, log: recordingLogger() });
  const send = async (o: Partial<FakeOptions> & Pick<FakeOptions, 'kind'>) => {
    const i = new FakeInteraction({ permissions: MANAGE_GUILD, ...o });
    await dispatch(i.asInteraction());
    return i;
  };
  const command = (subcommand: string, options: Record<string, string> = {}, o: Partial<FakeOptions> = {}) =>
    send({ kind: 'command', commandName: 'article', subcommand, options, ...o });
  const press = (customId: string, o: Partial<FakeOptions> = {}) => send({ kind: 'button', customId, onEphemeralMessage: true, ...o });
  const article = () => readFile(join(copy.dir, 'article.md'), 'utf8');
  return { copy, live, command, press, article, original: await article() };
}

/** What the user ends up seeing: the last payload sent. */
const shown = (i: FakeInteraction) => i.calls.at(-1)!.payload as Payload;
const buttons = (p: Payload) => (p.components ?? []).flatMap((row) => row.components);

describe('/article definition', () => {
  it('is hidden by default from members without Manage Server, offered in servers only, with import and undo', () => {
    const json = data.toJSON();
    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json.contexts).toEqual([0]);
    expect(json.options?.map((o) => o.name)).toEqual(['import', 'undo']);
  });
});

describe('/article at run time', () => {
  it(
    'refuses a member without Manage Server or a moderator role, and fetches nothing',
    async () => {
      const b = await bot({ curated: false });
      try {
        const before = fetches;
        const i = await b.command('import', { url: server.url('/story') }, { permissions: 0n, roles: ['500000000000000002'] });
        expect(i.calls[0]!.payload).toEqual({ flags: MessageFlags.Ephemeral });
        expect(shown(i).content).toBe(ARTICLE_MESSAGES.onlyModerators);
        expect(fetches).toBe(before);
        const dm = await b.command('undo', {}, { inGuild: false });
        expect(shown(dm).content).toBe(ARTICLE_MESSAGES.onlyInServers);
      } finally {
        await b.copy.remove();
      }
    },
    TIMEOUT,
  );

  it(
    'previews, then on Confirm writes the article, keeps the previous one and swaps the knowledge; undo puts it back',
    async () => {
      const b = await bot({ curated: false });
      try {
        const versionBefore = b.live.current().knowledge.version;
        // A moderator by role, as /refresh allows.
        const asked = await b.command('import', { url: server.url('/story') }, { permissions: 0n, roles: [MOD_ROLE] });
        expect(asked.methods()).toEqual(['deferReply', 'editReply']);
        expect(asked.calls[0]!.payload).toEqual({ flags: MessageFlags.Ephemeral });
        const preview = shown(asked);
        expect(preview.embeds?.[0]?.title).toBe(TITLE);
        expect(preview.embeds?.[0]?.description).toMatch(/^\d+ words in \d+ paragraphs\./);
        expect(preview.embeds?.[0]?.description).toContain('A HIGH-powered federal government team');
        expect(preview.embeds?.[0]?.fields?.map((f) => f.name)).toEqual(['People', 'Places', 'Organisations']);
        expect(preview.embeds?.[0]?.fields?.[0]?.value).toContain('Andrew Shearer');
        const [confirm, cancel] = buttons(preview);
        expect(confirm).toMatchObject({ label: 'Confirm', custom_id: expect.stringMatching(/^article:confirm:[0-9a-f]{16}$/) });
        expect(cancel).toMatchObject({ label: 'Cancel', custom_id: expect.stringMatching(/^article:cancel:[0-9a-f]{16}$/) });
        // Nothing is written before Confirm.
        expect(await b.article()).toBe(b.original);

        const confirmed = await b.press(confirm!.custom_id);
        const report = shown(confirmed);
        expect(report.content).toContain(`Imported **${TITLE}**`);
        expect(report.embeds?.[0]?.title).toBe('Knowledge refreshed');
        expect(report.components).toEqual([]);
        expect(b.live.current().knowledge.article.meta.title).toBe(TITLE);
        expect(b.live.current().knowledge.version).not.toBe(versionBefore);
        expect(await b.article()).toMatch(/^---\ntitle: Angry media won’t buckle over new surveillance laws\n/);
        expect(await readFile(join(b.copy.dir, 'article.previous.md'), 'utf8')).toBe(b.original);

        // The preview's buttons work once.
        expect(shown(await b.press(confirm!.custom_id)).content).toBe(ARTICLE_MESSAGES.expired);

        const undone = await b.command('undo');
        expect(shown(undone).content).toMatch(/^Put the previous article back: \*\*Putin/);
        expect(shown(undone).embeds?.[0]?.title).toBe('Knowledge refreshed');
        expect(await b.article()).toBe(b.original);
        expect(b.live.current().knowledge.version).toBe(versionBefore);
      } finally {
        await b.copy.remove();
      }
    },
    TIMEOUT,
  );

  it(
    'writes nothing on Cancel',
    async () => {
      const b = await bot({ curated: false });
      try {
        const asked = await b.command('import', { url: server.url('/story') });
        const [confirm, cancel] = buttons(shown(asked));
        // A moderator no longer: refused in a message of its own, the preview left waiting.
        const refused = await b.press(confirm!.custom_id, { permissions: 0n });
        expect(refused.methods()).toEqual(['reply']);
        expect(shown(refused).content).toBe(ARTICLE_MESSAGES.onlyModerators);
        const cancelled = await b.press(cancel!.custom_id);
        expect(cancelled.methods()).toEqual(['update']);
        expect(shown(cancelled).content).toBe(ARTICLE_MESSAGES.cancelled);
        expect(await b.article()).toBe(b.original);
        await expect(stat(join(b.copy.dir, 'article.previous.md'))).rejects.toThrow();
      } finally {
        await b.copy.remove();
      }
    },
    TIMEOUT,
  );

  it(
    'puts the previous article back when the knowledge does not load with the new one, and says why',
    async () => {
      // The shipped Q&A and facts cite words of the shipped article that the new one lacks.
      const b = await bot({ curated: true });
      try {
        const version = b.live.current().knowledge.version;
        const asked = await b.command('import', { url: server.url('/story') });
        const [confirm] = buttons(shown(asked));
        const report = shown(await b.press(confirm!.custom_id));
        expect(report.content).toMatch(/was not made the article: .* the previous article was put back/);
        expect(report.embeds?.[0]?.title).toBe('Refresh failed');
        expect(await b.article()).toBe(b.original);
        // As it was before: there was no backup, so none is left.
        await expect(stat(join(b.copy.dir, 'article.previous.md'))).rejects.toThrow();
        expect(b.live.current().knowledge.version).toBe(version);
      } finally {
        await b.copy.remove();
      }
    },
    TIMEOUT,
  );

  it(
    'shows a refusal in one line and offers no buttons',
    async () => {
      const b = await bot({ curated: false });
      try {
        const refused = shown(await b.command('import', { url: server.url('/to-private') }));
        expect(refused.embeds?.[0]).toMatchObject({ title: 'Nothing imported', description: 'refused: http://192.168.0.10/story is a private address' });
        expect(refused.components).toEqual([]);
        const scheme = shown(await b.command('import', { url: 'file:///etc/passwd' }));
        expect(scheme.embeds?.[0]?.description).toBe('refused: file:///etc/passwd is not an http or https address');
        const nothing = shown(await b.command('undo'));
        expect(nothing.content).toMatch(/^There is no previous article to put back/);
      } finally {
        await b.copy.remove();
      }
    },
    TIMEOUT,
  );
});
