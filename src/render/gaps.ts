import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { NearSentence } from '../engine/nearest.ts';
import { defuseWithin, fitEmbed, type Reply } from './discord.ts';
import { GAPS_DRAFT_ID, gapsPageId } from './custom-ids.ts';
import { LIMITS } from './limits.ts';
import { joinWithin, truncate } from './truncate.ts';

/**
 * What members asked that the bot could not answer, for moderators, and a qa.yaml entry drafted
 * from one such question. Questions come from members: escaped and defused like any user text.
 */

// The question log's records this page shows; `store/question-log.ts` keeps them.

/** How a question reached the bot. */
export type WayIn = 'slash' | 'mention' | 'dm' | 'ask-channel' | 'terminal' | 'preview';

export interface UnansweredQuestion {
  /** The normalised question: the key that groups phrasings differing in case, spacing, punctuation. */
  readonly key: string;
  /**
   * A short stable id of the key, for the draft menu: it names the same question however the
   * list has moved since, where a key may be longer than a menu option's value can hold.
   */
  readonly id: string;
  /** The first phrasing seen, as it was typed (cleaned of mentions and markdown). */
  readonly question: string;
  readonly count: number;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly vias: readonly WayIn[];
  /** 'declined', or 'unsure' when every time it was answered below LOW_CONFIDENCE. */
  readonly reason: 'declined' | 'unsure';
}

export interface VoteTally {
  /** The entry voted on: a Q&A or fact id, or `p4.s2` for an answer from a sentence. */
  readonly entry: string;
  readonly up: number;
  readonly down: number;
}

export const GAPS_PAGE_SIZE = 5;

const COLOUR = 0xf08c00;

export const GAPS_MESSAGES = Object.freeze({
  title: 'Questions I could not answer',
  none: 'No unanswered questions logged yet. Questions the article does not cover, or that I answer unsure, appear here.',
  notLogging: 'The question log is off or cannot be read (see the bot log): nothing to show.',
  pick: 'Draft a qa.yaml entry for…',
  draftTitle: 'Draft for knowledge/qa.yaml',
  draftGone: 'That question is no longer in the log (it may have been forgotten after the retention period). Run `/gaps` again.',
  onlyModerators: 'Only moderators can see unanswered questions (Manage Server permission or a moderator role).',
  onlyInServers: '`/gaps` works only in a server, not in direct messages.',
});

export interface GapsPage {
  readonly questions: readonly UnansweredQuestion[];
  readonly total: number;
  /** 0-based. */
  readonly page: number;
  readonly tallies: readonly VoteTally[];
  /** The question an entry answers, to name it beside its votes. */
  readonly entryQuestion: (entry: string) => string | undefined;
}

const ways: Readonly<Record<string, string>> = { slash: '/ask', mention: 'mention', dm: 'DM', 'ask-channel': 'ask-channel', terminal: 'terminal', preview: 'preview' };

function questionLine(q: UnansweredQuestion, rank: number): string {
  const seconds = Math.floor(q.lastSeen.getTime() / 1000);
  const unsure = q.reason === 'unsure' ? ' · answered unsure' : '';
  return `**${rank}.** ${defuseWithin(q.question, 200)}\n   asked **${q.count}×**, last <t:${seconds}:R> · ${q.vias.map((v) => ways[v] ?? v).join(', ')}${unsure}`;
}

export function tallyLine(t: VoteTally, question: string | undefined): string {
  const what = question !== undefined ? defuseWithin(question, 120) : `\`${t.entry}\``;
  return `${what}: 👍 ${t.up} · 👎 ${t.down}`;
}

export function renderGaps(view: GapsPage): Reply {
  const pages = Math.max(1, Math.ceil(view.total / GAPS_PAGE_SIZE));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const first = page * GAPS_PAGE_SIZE;
  const description =
    view.questions.length === 0 ? GAPS_MESSAGES.none : joinWithin(view.questions.map((q, i) => questionLine(q, first + i + 1)), LIMITS.embedDescription, '\n\n');
  const fields: APIEmbedField[] = [];
  const voted = view.tallies.filter((t) => t.up + t.down > 0);
  if (voted.length > 0) {
    fields.push({
      name: 'Votes on answers (most 👎 first)',
      value: joinWithin(voted.slice(0, 10).map((t) => `• ${tallyLine(t, view.entryQuestion(t.entry))}`), LIMITS.embedFieldValue),
    });
  }
  const embed: APIEmbed = {
    title: GAPS_MESSAGES.title,
    description,
    color: COLOUR,
    fields,
    footer: { text: `Page ${page + 1} of ${pages} · ${view.total} question${view.total === 1 ? '' : 's'} · most asked first` },
  };
  const components: Reply['components'] = [];
  if (view.questions.length > 0) {
    const menu = new StringSelectMenuBuilder()
      .setCustomId(GAPS_DRAFT_ID)
      .setPlaceholder(GAPS_MESSAGES.pick)
      .addOptions(
        view.questions.map((q) => ({
          label: truncate(q.question.replace(/\s+/g, ' ').trim(), LIMITS.selectOptionLabel) || '…',
          value: q.id,
          description: truncate(`asked ${q.count}×`, LIMITS.selectOptionDescription),
        })),
      );
    components.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON());
  }
  if (pages > 1) {
    components.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          new ButtonBuilder().setCustomId(gapsPageId(page - 1)).setLabel('◀ Previous').setStyle(ButtonStyle.Secondary).setDisabled(page === 0),
          new ButtonBuilder().setCustomId(gapsPageId(page + 1)).setLabel('Next ▶').setStyle(ButtonStyle.Secondary).setDisabled(page >= pages - 1),
        )
        .toJSON(),
    );
  }
  return { embeds: [new EmbedBuilder(fitEmbed(embed)).toJSON()], components, allowedMentions: { parse: [] } };
}

/** An entry id from the question's words, within qa.yaml's rule (1-40 lowercase letters, digits, dashes). */
export function draftId(question: string): string {
  const slug = question
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut between words: drop a word the 40th character falls inside.
  const cut = slug.length <= 40 ? slug : slug[40] === '-' ? slug.slice(0, 40) : slug.slice(0, 40).replace(/-[^-]*$/, '');
  return /^[a-z0-9]/.test(cut) ? cut : 'new-question';
}

/** A YAML double-quoted string: JSON's escaping is valid YAML. */
const yamlString = (s: string) => JSON.stringify(s);

/**
 * A ready-to-paste qa.yaml entry: the question as the first phrasing and the nearest sentences
 * as candidate citations, each quoted in a comment so the moderator can judge without the article.
 */
export function draftEntry(question: string, nearest: readonly NearSentence[]): string {
  const cites = nearest.map((n) => n.passage.id);
  const lines = [
    `  - id: ${draftId(question)}`,
    '    type: statement  # or person, organisation, place, date, number, list',
    '    questions:',
    `      - ${yamlString(question.replace(/\s+/g, ' ').trim())}`,
    `    answer: ${yamlString('Write the short answer here, saying only what the cited sentences say.')}`,
  ];
  if (cites.length > 0) {
    lines.push(`    cite: [${cites.join(', ')}]  # keep the ones that say it (at most 3)`);
    for (const n of nearest) lines.push(`    # ${n.passage.id}: “${truncate(n.passage.text, 160)}”`);
  } else {
    lines.push('    cite: []  # no sentence of the article is close: it may simply not say, then leave it unanswered');
  }
  return lines.join('\n');
}

export function renderDraft(question: UnansweredQuestion, nearest: readonly NearSentence[]): Reply {
  const yaml = draftEntry(question.question, nearest);
  const intro = `Asked **${question.count}×**: ${defuseWithin(question.question, 300)}\n\nAdd under \`entries:\` in \`knowledge/qa.yaml\`, then \`npm run knowledge:check\` and \`/refresh\`:\n`;
  const block = '```yaml\n' + yaml.replace(/```/g, "'''") + '\n```';
  const description = intro.length + block.length <= LIMITS.embedDescription ? intro + block : intro + '```yaml\n' + truncate(yaml, LIMITS.embedDescription - intro.length - 12) + '\n```';
  return {
    embeds: [new EmbedBuilder(fitEmbed({ title: GAPS_MESSAGES.draftTitle, description, color: COLOUR })).toJSON()],
    components: [],
    allowedMentions: { parse: [] },
  };
}
