import fc from 'fast-check';
import type { Message } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createChatHandler } from '../../src/discord/chat.ts';
import type { BotContext } from '../../src/discord/command.ts';
import { createDispatcher } from '../../src/discord/dispatch.ts';
import type { Answer, Engine } from '../../src/engine/types.ts';
import type { Reply } from '../../src/render/discord.ts';
import { checkDiscordLimits } from '../e2e/fake-discord/discord-limits.ts';
import { fakeLive } from '../support/fake-engine.ts';
import { FakeInteraction } from '../support/fake-interactions.ts';
import { realEngine } from '../support/knowledge.ts';
import { expectWithinLimits } from '../support/limits.ts';
import { recordingLogger } from '../support/recording-logger.ts';

/**
 * Whatever Unicode people paste (astral characters, bidi controls, combining marks, zero-width
 * characters, control codes, lone surrogates, 100,000 characters of it): a question asked by
 * /ask or by a mention never throws, gets exactly one reply, never quotes anything but whole
 * sentences of the article, and every payload is within Discord's limits and pings no one.
 * The engine runs in this process (no network), so 10,000 runs take seconds, not minutes.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const BOT = '900000000000000001';
const CONFIG: Config = Object.freeze({ knowledgeDir: 'knowledge', askChannelIds: [], moderatorRoleIds: [], logLevel: 'info' });

const engine = await realEngine();
const sentences = new Set(engine.knowledge.article.sentences.map((s) => s.text));
const articleWords = [...sentences].join(' ').split(/\s+/);

/** The answers the engine gave, so each reply can be checked against the answer behind it. */
let asked: Answer[] = [];
const watched: Engine = { ...engine, ask: (question: string) => {
  const answer = engine.ask(question);
  asked.push(answer);
  return answer;
} };
const ctx: BotContext = { live: fakeLive(watched), config: CONFIG, log: recordingLogger() };
const dispatch = createDispatcher(ctx);

const codePoint = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...articleWords), weight: 6 },
  { arbitrary: fc.constantFrom('who', 'when', 'where', 'how many', 'what did', 'and', '?', 'putin', 'roscosmos', 'lavrov'), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 3 }, // any code point, astral included
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }), weight: 2 },
  { arbitrary: codePoint(0x1f300, 0x1faff), weight: 1 }, // emoji
  { arbitrary: codePoint(0x1d400, 0x1d7ff), weight: 1 }, // mathematical letters (NFKC folds them)
  { arbitrary: fc.constantFrom('\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'), weight: 1 }, // bidi
  { arbitrary: codePoint(0x0300, 0x036f), weight: 1 }, // combining marks
  { arbitrary: fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'), weight: 1 }, // zero-width
  { arbitrary: codePoint(0x0000, 0x001f), weight: 1 }, // C0 controls
  { arbitrary: codePoint(0x007f, 0x009f), weight: 1 }, // DEL and C1 controls
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom('@everyone', '@here', `<@${BOT}>`, '<@123456789012345678>', '<@&987654321098765432>', '<#400000000000000001>'), weight: 1 },
  { arbitrary: fc.constantFrom('**', '__', '||', '`', '```', '> ', '# ', '[x](https://example.invalid)', '\\'), weight: 1 },
);
const shortQuestion = fc.array(piece, { maxLength: 30 }).chain((parts) =>
  fc.constantFrom(' ', '', '\n').map((glue) => parts.join(glue)),
);
/** Pasted walls of text: a short question repeated up to 100,000 characters. */
const longQuestion = fc
  .tuple(shortQuestion.filter((q) => q.length > 0), fc.integer({ min: 1000, max: 100_000 }))
  .map(([q, length]) => q.repeat(Math.ceil(length / q.length)).slice(0, length));
const question = fc.oneof({ arbitrary: shortQuestion, weight: 99 }, { arbitrary: longQuestion, weight: 1 });

/** The body discord.js sends for a reply, as Discord checks it. */
function apiBody(reply: Reply): Record<string, unknown> {
  return {
    ...(reply.content !== undefined && { content: reply.content }),
    embeds: reply.embeds,
    components: reply.components,
    allowed_mentions: { parse: [...(reply.allowedMentions.parse ?? [])] },
  };
}

function expectSound(reply: Reply, answers: readonly Answer[]): void {
  // A reply to a message also declines to ping the author it replies to.
  const { repliedUser, ...parsing } = reply.allowedMentions;
  expect(repliedUser ?? false).toBe(false);
  expectWithinLimits({ ...reply, allowedMentions: parsing });
  expect(checkDiscordLimits('create_message', apiBody(reply), { requireAllowedMentionsNone: true, fileCount: 0 })).toEqual([]);
  // What the user sees as a quote is the article's own words.
  for (const field of reply.embeds.flatMap((e) => e.fields ?? []))
    if (field.value.startsWith('> ')) {
      // The words that answer the question are shown in bold; the rest is the sentence as written.
      const quoted = field.value.slice(2).replace(/…$/, '').replaceAll('**', '');
      expect([...sentences].some((sentence) => sentence.includes(quoted)), quoted).toBe(true);
    }
  for (const answer of answers) {
    for (const citation of answer.citations) expect(sentences.has(citation.quote), citation.quote).toBe(true);
    if (!answer.found) expect(answer.citations).toEqual([]);
  }
}

function mention(content: string, sent: Reply[]): Message {
  return {
    id: '300000000000000001',
    content,
    author: { id: '800000000000000001', bot: false },
    webhookId: null,
    system: false,
    channelId: '400000000000000002',
    channel: { type: 0, isThread: () => false },
    client: { user: { id: BOT } },
    inGuild: () => true,
    reply: async (payload: Reply) => {
      sent.push(payload);
    },
  } as unknown as Message;
}
const chat = createChatHandler(ctx, { send: (message, payload) => message.reply(payload).then(() => undefined) });

describe('arbitrary Unicode questions', () => {
  it(`by /ask: never throw, one reply, only the article's sentences quoted, within every limit (${RUNS} runs, half of them)`, async () => {
    let quoting = 0;
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        asked = [];
        const interaction = new FakeInteraction({ kind: 'command', commandName: 'ask', options: { question: q } });
        await dispatch(interaction.asInteraction());
        expect(interaction.methods()).toEqual(['reply']);
        expectSound(interaction.calls[0]!.payload as Reply, asked);
        if (asked.some((a) => a.citations.length > 0)) quoting += 1;
      }),
      { numRuns: RUNS / 2 },
    );
    // Not vacuous: many of the questions are answered with quotes.
    expect(quoting).toBeGreaterThan(RUNS / 20);
  }, 300_000);

  it(`by mention: never throw, one reply, only the article's sentences quoted, within every limit (${RUNS} runs, the other half)`, async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        asked = [];
        const sent: Reply[] = [];
        await chat(mention(`<@${BOT}> ${q}`, sent));
        expect(sent).toHaveLength(1);
        expectSound(sent[0]!, asked);
      }),
      { numRuns: RUNS / 2 },
    );
  }, 300_000);
});
