import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type MessageMentionOptions,
} from 'discord.js';
import type { RefreshReport, VersionInfo } from '../engine/live-engine.ts';
import type { Answer, Citation, Suggestion } from '../engine/types.ts';
import type { KnowledgeBase, KnowledgeProblem } from '../knowledge/types.ts';
import { askButtonId, SHARE_ID, voteButtonId } from './custom-ids.ts';
import { describeChanges, type ChangeContext } from './changes.ts';
import { capLines, errorsFirst, isWarning, plural, problemSummary, unusedConceptWarnings } from '../knowledge/report.ts';
import { highlightQuote } from './highlight.ts';
import { LIMITS } from './limits.ts';
import { joinWithin, truncate } from './truncate.ts';

/**
 * Pure renderers: engine values in, discord.js message payloads out. Every string is fitted to
 * Discord's limits here, before the builders (which throw past a limit) ever see it.
 *
 * Trust: questions come from anyone and are escaped and defused; answers, quotes and topics
 * come from the moderators' knowledge files and are shown as written. A quote in particular is
 * the verbatim article sentence, so nothing is inserted into it. No payload pings anyone:
 * each one carries `allowedMentions: { parse: [] }` on top of the client-wide default.
 */

export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: MessageMentionOptions;
}

/** How an answer is shown; every part is optional. */
export interface AnswerView {
  /** The question as the title, with mentions already made readable; default: the question as asked. */
  readonly title?: string;
  /** A private answer offers a Share button that posts it for everyone. */
  readonly private?: boolean;
  /** 👍/👎 under a found answer. Default true; off where no vote can be counted. */
  readonly feedback?: boolean;
}

export interface ArticleInfo {
  readonly title: string;
  readonly source?: string;
  readonly url?: string;
}

export const MAX_SUGGESTION_BUTTONS = 3;

const COLOURS = Object.freeze({ answer: 0x2b8a3e, decline: 0x868e96, info: 0x5865f2, ok: 0x2b8a3e, problem: 0xc92a2a });

/** Every user-facing sentence in one place, so wording stays consistent and easy to change. */
export const MESSAGES = Object.freeze({
  declined: "The article doesn't cover that.",
  suggestionsIntro: 'Questions it does answer:',
  somethingWentWrong: 'Something went wrong while answering. Please try again in a moment.',
  questionUnavailable: 'That question is no longer available: the knowledge was updated since. Try `/topics` or `/ask`.',
  unknownCommand: "I don't know that command any more. It will disappear once Discord catches up.",
  refreshOnlyInServers: '`/refresh` works only in a server, not in direct messages.',
  refreshOnlyModerators: 'Only moderators can refresh the knowledge (Manage Server permission or a moderator role). Nothing was reloaded.',
  untitledArticle: 'the article',
  share: 'Share',
});

const NO_PINGS = (): MessageMentionOptions => ({ parse: [] });

function reply(embeds: APIEmbed[], components: Reply['components'] = []): Reply {
  return { embeds, components, allowedMentions: NO_PINGS() };
}

export function articleInfo(knowledge: KnowledgeBase): ArticleInfo {
  const { title, source, url } = knowledge.article.meta;
  return {
    title: title ?? MESSAGES.untitledArticle,
    ...(source !== undefined && { source }),
    ...(url !== undefined && { url }),
  };
}

// --- user text -------------------------------------------------------------------------------

/** Longer than any user text the replies show: a question is read up to 500 characters, a title holds 256. */
const MAX_DEFUSED = 2048;

/**
 * Makes text from a user display as typed: markdown escaped, and mentions broken with a
 * zero-width space so `@everyone` or `<@&role>` shows as text even where Discord would render it.
 */
export function defuse(text: string): string {
  // discord.js's escaping is quadratic on long text; nothing Discord shows is longer than this,
  // and whoever shows it shortens it further (with an ellipsis).
  let capped = text.length > MAX_DEFUSED ? text.slice(0, MAX_DEFUSED) : text;
  if (/[\uD800-\uDBFF]$/.test(capped)) capped = capped.slice(0, -1);
  const escaped = escapeMarkdown(capped.replace(/\s+/g, ' ').trim(), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return escaped.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<@/g, '<@\u200b');
}

/**
 * `defuse`, shortened so the escaped result fits. Escaping lengthens text by an amount that
 * depends on where the cut falls, so search for the longest raw prefix that fits.
 */
export function defuseWithin(text: string, limit: number): string {
  const whole = defuse(text);
  if (whole.length <= limit) return whole;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (defuse(truncate(text, mid)).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  const out = defuse(truncate(text, lo));
  return out.length <= limit ? out : '';
}

// --- embed fitting ---------------------------------------------------------------------------

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Brings an embed within every per-part limit and the 6000 total. When the total is over, the
 * footer gives way first, then the description, then fields from the last one, since the
 * first citations are the strongest evidence.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = (embed.fields ?? []).slice(0, LIMITS.embedFields).map((f) => ({
    ...f,
    name: truncate(f.name, LIMITS.embedFieldName) || '\u200b',
    value: truncate(f.value, LIMITS.embedFieldValue) || '\u200b',
  }));
  const out: APIEmbed = { ...embed };
  if (embed.title !== undefined) out.title = truncate(embed.title, LIMITS.embedTitle);
  if (embed.description !== undefined) out.description = truncate(embed.description, LIMITS.embedDescription);
  if (embed.author !== undefined) out.author = { ...embed.author, name: truncate(embed.author.name, LIMITS.embedAuthorName) };
  if (embed.footer !== undefined) out.footer = { ...embed.footer, text: truncate(embed.footer.text, LIMITS.embedFooterText) };
  if (embed.fields !== undefined) out.fields = fields;

  const over = () => embedLength(out) - LIMITS.embedTotal;
  if (over() > 0 && out.footer !== undefined) {
    out.footer = { ...out.footer, text: truncate(out.footer.text, Math.max(1, out.footer.text.length - over())) };
  }
  if (over() > 0 && out.description !== undefined) {
    out.description = truncate(out.description, Math.max(1, out.description.length - over()));
  }
  while (over() > 0 && fields.length > 0) {
    fields.pop();
    out.fields = [...fields];
  }
  if (over() > 0 && out.title !== undefined) out.title = truncate(out.title, Math.max(1, out.title.length - over()));
  return out;
}

/** Builds through EmbedBuilder so discord.js's own validation guards every payload. */
function build(embed: APIEmbed): APIEmbed {
  return new EmbedBuilder(fitEmbed(embed)).toJSON();
}

function sourceFooter(article: ArticleInfo): APIEmbed['footer'] {
  return { text: `Source: ${article.title}` };
}

// --- answers ---------------------------------------------------------------------------------

export function citationLabel(c: Pick<Citation, 'paragraph' | 'sentence'>): string {
  return `Paragraph ${c.paragraph}, sentence ${c.sentence}`;
}

/**
 * A block quote of the sentence exactly as written, escaped, with the part that answers in
 * bold; shortened (and then left plain, so no bold marker is cut in half) only past Discord's
 * field limit.
 */
export function quoteField(c: Citation, answer = ''): APIEmbedField {
  const marker = '> ';
  const room = LIMITS.embedFieldValue - marker.length;
  const marked = highlightQuote(c.quote, answer);
  const value = marked.length <= room ? marked : truncate(escapeMarkdown(c.quote), room);
  return { name: citationLabel(c), value: `${marker}${value}` };
}

/** What a vote on this answer counts for: its entry, or the sentence it rests on. */
export function voteTarget(answer: Answer): string | undefined {
  return answer.entryId ?? answer.citations[0]?.passageId;
}

function answerRow(answer: Answer, view: AnswerView): Reply['components'] {
  const buttons: APIButtonComponent[] = [];
  const target = voteTarget(answer);
  if (view.feedback !== false && target !== undefined) {
    const up = voteButtonId(true, target);
    const down = voteButtonId(false, target);
    if (up !== undefined && down !== undefined) {
      buttons.push(new ButtonBuilder().setCustomId(up).setEmoji({ name: '👍' }).setStyle(ButtonStyle.Secondary).toJSON());
      buttons.push(new ButtonBuilder().setCustomId(down).setEmoji({ name: '👎' }).setStyle(ButtonStyle.Secondary).toJSON());
    }
  }
  if (view.private === true) buttons.push(new ButtonBuilder().setCustomId(SHARE_ID).setLabel(MESSAGES.share).setStyle(ButtonStyle.Primary).toJSON());
  if (buttons.length === 0) return [];
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.map((b) => new ButtonBuilder(b))).toJSON()];
}

function withNotice(text: string, notice: string | undefined): string {
  if (notice === undefined || notice.trim() === '') return text;
  return `*${escapeMarkdown(notice.trim())}*\n\n${text}`;
}

function suggestionRow(suggestions: readonly Suggestion[]): Reply['components'] {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const s of suggestions) {
    const id = askButtonId(s.id);
    const label = truncate(s.question.replace(/\s+/g, ' ').trim(), LIMITS.buttonLabel);
    if (id === undefined || seen.has(id) || label === '') continue;
    seen.add(id);
    buttons.push(new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Secondary).toJSON());
    if (buttons.length === MAX_SUGGESTION_BUTTONS) break;
  }
  if (buttons.length === 0) return [];
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.map((b) => new ButtonBuilder(b))).toJSON()];
}

/**
 * An answer: the asker's question as the title, the short answer, then each cited sentence
 * quoted whole in its own field. A decline says so plainly, quotes nothing, and offers up to
 * three questions the article does answer as buttons.
 */
export function renderAnswer(answer: Answer, article: ArticleInfo, view: AnswerView = {}): Reply {
  const title = defuseWithin(view.title ?? answer.question, LIMITS.embedTitle) || undefined;
  if (!answer.found) {
    const decline = answer.answer.trim() === '' ? MESSAGES.declined : answer.answer.trim();
    const components = suggestionRow(answer.suggestions);
    const text = components.length > 0 ? `${decline}\n\n${MESSAGES.suggestionsIntro}` : decline;
    return reply(
      [
        build({
          ...(title !== undefined && { title }),
          description: withNotice(text, answer.notice),
          color: COLOURS.decline,
          footer: sourceFooter(article),
        }),
      ],
      components,
    );
  }
  return reply(
    [
      build({
        ...(title !== undefined && { title }),
        description: withNotice(answer.answer, answer.notice),
        color: COLOURS.answer,
        fields: answer.citations.map((c) => quoteField(c, answer.answer)),
        footer: sourceFooter(article),
      }),
    ],
    answerRow(answer, view),
  );
}

// --- topics and help -------------------------------------------------------------------------

export function versionFooter(version: VersionInfo): { footer: APIEmbed['footer']; timestamp: string } {
  return { footer: { text: `Knowledge version ${version.version} · loaded` }, timestamp: version.loadedAt.toISOString() };
}

export interface HelpContext {
  readonly article: ArticleInfo;
  /** Shown as a mention (`@citebot`) when known; mentions inside embeds never ping. */
  readonly botUserId?: string;
  readonly askChannelIds: readonly string[];
  readonly examples: readonly string[];
}

/**
 * Every slash command the bot registers, as /help lists them (a test checks the list against
 * the registry, which sits above this layer).
 */
export const HELP_COMMANDS: readonly { readonly name: string; readonly usage: string; readonly what: string }[] = Object.freeze([
  { name: 'ask', usage: '/ask question:<text>', what: 'ask about the article (`private: True` to see the answer alone, `mention:` to point it at a member)' },
  { name: 'topics', usage: '/topics', what: 'what the article covers, with questions to pick' },
  { name: 'help', usage: '/help', what: 'this help' },
  { name: 'refresh', usage: '/refresh', what: 'moderators: reload the knowledge files and see what changed' },
  { name: 'gaps', usage: '/gaps', what: 'moderators: the questions the article did not answer, most asked first, and the votes' },
  {
    name: 'article',
    usage: '/article import url:<link>',
    what: 'moderators: replace the article with one from a web page (`/article undo` puts the previous one back)',
  },
]);

export function renderHelp(ctx: HelpContext): Reply {
  const me = ctx.botUserId !== undefined ? `<@${ctx.botUserId}>` : '@citebot';
  const example = ctx.examples[0] ?? 'Who is in the delegation?';
  const ways = [
    `• \`/ask question: ${example}\` (add \`private: True\` to see the answer alone)`,
    `• Mention me: ${me} ${example}`,
    '• Send me a direct message.',
    ...(ctx.askChannelIds.length > 0 ? [`• Post in ${ctx.askChannelIds.map((id) => `<#${id}>`).join(', ')}`] : []),
  ];
  const title = ctx.article.url !== undefined ? `[${ctx.article.title}](${ctx.article.url})` : `**${ctx.article.title}**`;
  const sections = [
    `I answer questions about one article, ${title}, and quote the sentences that say so, word for word. ` +
      "When the article doesn't say, I tell you, and suggest questions it does answer.",
    `**Ways to ask**\n${ways.join('\n')}`,
    ...(ctx.examples.length > 0 ? [`**Examples**\n${ctx.examples.map((q) => `• ${q}`).join('\n')}`] : []),
    `**Commands**\n${HELP_COMMANDS.map((c) => `• \`${c.usage}\`: ${c.what}`).join('\n')}`,
  ];
  return reply([
    build({ title: 'How to ask', description: sections.join('\n\n'), color: COLOURS.info, footer: sourceFooter(ctx.article) }),
  ]);
}

// --- refresh reports -------------------------------------------------------------------------

function problemLine(p: KnowledgeProblem): string {
  const entry = p.entry !== undefined && p.entry !== '' ? ` [\`${p.entry}\`]` : '';
  return `• ${isWarning(p) ? 'warning: ' : ''}\`${p.file}${p.line !== undefined ? `:${p.line}` : ''}\`${entry}: ${escapeMarkdown(p.message)}`;
}

function lineList(lines: readonly string[]): string {
  return joinWithin(capLines(lines.map((line) => `• ${line}`)), LIMITS.embedFieldValue);
}

/** `changes`: the knowledge before and after, so entries are named by their question. */
export function renderRefreshReport(report: RefreshReport, changes: ChangeContext = {}): Reply {
  if (!report.ok) {
    const count = report.problems.filter((p) => !isWarning(p)).length;
    const head =
      `**${escapeMarkdown(problemSummary(report.problems))}**\n\n` +
      `Nothing changed: still serving version \`${report.current.version}\`.\n` +
      `${plural(count, 'problem')} to fix, then run \`/refresh\` again:\n\n`;
    return reply([
      build({
        title: 'Refresh failed',
        description: head + joinWithin(capLines(errorsFirst(report.problems).map(problemLine)), LIMITS.embedDescription - head.length),
        color: COLOURS.problem,
        ...versionFooter(report.current),
      }),
    ]);
  }
  const { before, after } = report;
  const { added, changed, removed } = describeChanges(report, changes);
  const total = report.added.length + report.changed.length + report.removed.length;
  const warnings = changes.after === undefined ? [] : unusedConceptWarnings(changes.after.concepts, changes.after.article);
  const versions =
    before.version === after.version
      ? `Version \`${after.version}\` (unchanged).`
      : `Version \`${before.version}\` → \`${after.version}\`.`;
  const counts = `${added.length} added, ${changed.length} changed, ${removed.length} removed.`;
  const groups: [string, readonly string[]][] = [
    ['Added', added],
    ['Changed', changed],
    ['Removed', removed],
    ['Warnings', warnings.map((w) => `\`${w.file}\` [\`${w.entry ?? ''}\`]: ${escapeMarkdown(w.message)}`)],
  ];
  return reply([
    build({
      title: total === 0 ? 'Knowledge reloaded: nothing changed' : 'Knowledge refreshed',
      description: `${versions}\n${counts}`,
      color: COLOURS.ok,
      fields: groups
        .filter(([, keys]) => keys.length > 0)
        .map(([name, lines]) => ({ name: `${name} (${lines.length})`, value: lineList(lines) })),
      ...versionFooter(after),
    }),
  ]);
}

// --- short messages --------------------------------------------------------------------------

function text(content: string): Reply {
  return { content: truncate(content, LIMITS.messageContent), embeds: [], components: [], allowedMentions: NO_PINGS() };
}

export const renderSomethingWentWrong = (): Reply => text(MESSAGES.somethingWentWrong);
export const renderQuestionUnavailable = (): Reply => text(MESSAGES.questionUnavailable);
export const renderUnknownCommand = (): Reply => text(MESSAGES.unknownCommand);
export const renderRefreshRefusal = (reason: 'dm' | 'not-moderator'): Reply =>
  text(reason === 'dm' ? MESSAGES.refreshOnlyInServers : MESSAGES.refreshOnlyModerators);

/** For a message that mentions the bot and asks nothing. */
export function renderMentionHowTo(botUserId: string | undefined, example = 'Who is in the delegation?'): Reply {
  const me = botUserId !== undefined ? `<@${botUserId}>` : '@citebot';
  return text(
    `Ask me something about the article after the mention, like: ${me} ${example}\n` +
      'Or use `/ask`, or `/topics` to see what it covers.',
  );
}
