import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, StringSelectMenuBuilder, type APIEmbed } from 'discord.js';
import type { VersionInfo } from '../engine/live-engine.ts';
import type { Topic } from '../engine/types.ts';
import { askButtonId, TOPICS_MENU_ID } from './custom-ids.ts';
import { fitEmbed, type ArticleInfo, type Reply } from './discord.ts';
import { LIMITS } from './limits.ts';
import { joinWithin, truncate } from './truncate.ts';

/**
 * `/topics` as a compact menu: the article and its topics in a few lines, a select menu of the
 * topics, and, once one is picked, its questions as buttons that ask them. The version reads as
 * a date, with the content hash in small print.
 */

const COLOUR = 0x5865f2;
/** Buttons under a picked topic: one row, beside the menu's row. */
const QUESTION_BUTTONS = LIMITS.buttonsPerRow;

function articleLine(article: ArticleInfo): string {
  const title = article.url !== undefined ? `[${article.title}](${article.url})` : `**${article.title}**`;
  return article.source !== undefined ? `${title} (${article.source})` : title;
}

/** `-#` is Discord's small print; the date renders in the reader's own time zone. */
export function versionLine(version: VersionInfo): string {
  return `-# Knowledge of <t:${Math.floor(version.loadedAt.getTime() / 1000)}:f> · version ${version.version}`;
}

function menu(topics: readonly Topic[], picked: number | undefined): Reply['components'][number] {
  const select = new StringSelectMenuBuilder()
    .setCustomId(TOPICS_MENU_ID)
    .setPlaceholder('Pick a topic to see its questions')
    .addOptions(
      topics.slice(0, LIMITS.selectOptions).map((t, i) => ({
        label: truncate(t.name, LIMITS.selectOptionLabel) || `Topic ${i + 1}`,
        value: String(i),
        description: truncate(`${t.questions.length} question${t.questions.length === 1 ? '' : 's'}`, LIMITS.selectOptionDescription),
        default: i === picked,
      })),
    );
  return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select).toJSON();
}

function build(embed: APIEmbed): APIEmbed {
  return new EmbedBuilder(fitEmbed(embed)).toJSON();
}

export function renderTopicsMenu(topics: readonly Topic[], article: ArticleInfo, version: VersionInfo): Reply {
  const names = joinWithin(topics.map((t) => t.name), 1500, ' · ');
  const description = `Questions about ${articleLine(article)}.\n\n**Topics:** ${names}\n\nPick a topic below, or just ask with \`/ask\`.\n${versionLine(version)}`;
  return {
    embeds: [build({ title: 'What I can answer', description, color: COLOUR })],
    components: topics.length > 0 ? [menu(topics, undefined)] : [],
    allowedMentions: { parse: [] },
  };
}

/** The menu again, with one topic's questions listed and the first few as buttons that ask them. */
export function renderTopic(topics: readonly Topic[], index: number, article: ArticleInfo, version: VersionInfo): Reply {
  const topic = topics[index];
  if (topic === undefined) return renderTopicsMenu(topics, article, version);
  const list = joinWithin(topic.questions.map((q) => `• ${q.question}`), 3000);
  const description = `**${topic.name}**: ${topic.questions.length} question${topic.questions.length === 1 ? '' : 's'} about ${articleLine(article)}.\n\n${list}\n${versionLine(version)}`;
  const buttons: ButtonBuilder[] = [];
  for (const q of topic.questions) {
    const id = askButtonId(q.id);
    const label = truncate(q.question.replace(/\s+/g, ' ').trim(), LIMITS.buttonLabel);
    if (id === undefined || label === '' || buttons.some((b) => (b.toJSON() as { custom_id?: string }).custom_id === id)) continue;
    buttons.push(new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Secondary));
    if (buttons.length === QUESTION_BUTTONS) break;
  }
  return {
    embeds: [build({ title: topic.name, description, color: COLOUR })],
    components: [menu(topics, index), ...(buttons.length > 0 ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON()] : [])],
    allowedMentions: { parse: [] },
  };
}
