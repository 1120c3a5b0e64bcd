import { randomBytes } from 'node:crypto';
import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { deriveOffProcess } from '../../knowledge/derive/off-process.ts';
import { previewImport, type Derive } from '../../knowledge/import/preview.ts';
import { extractFromUrl } from '../../knowledge/import/source.ts';
import { restorePreviousArticle, writeArticle } from '../../knowledge/import/store.ts';
import { ARTICLE_CANCEL_PREFIX, ARTICLE_CONFIRM_PREFIX, articleButtonId, parseCustomId } from '../../render/custom-ids.ts';
import { ARTICLE_MESSAGES, renderImportPreview, renderImportRefused, text, withNote } from '../../render/article.ts';
import type { Reply } from '../../render/discord.ts';
import type { BotContext, Command, ComponentHandler, ComponentInteraction } from '../command.ts';
import { decideRefresh, memberRoleIds, refreshKnowledge } from './refresh.ts';

/**
 * `/article import url:<link>`: fetch a page, show what would become the article, and on Confirm
 * write it (the current one kept beside it) and reload the knowledge as /refresh does.
 * `/article undo`: put the previous article back and reload. Moderators only, as /refresh.
 */

export const data = new SlashCommandBuilder()
  .setName('article')
  .setDescription('Moderators: replace the article with one from a web page, or put the previous one back')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('import')
      .setDescription('Fetch a news article from a link and show it before it replaces the current one')
      .addStringOption((o) => o.setName('url').setDescription('The address of the article (http or https)').setRequired(true).setMaxLength(2000)),
  )
  .addSubcommand((sub) => sub.setName('undo').setDescription('Put back the article the last import replaced, and reload'));

/** A preview waits as long as Discord lets its message be edited. */
const PENDING_MS = 15 * 60_000;
/** Each waiting preview holds an article (up to 200,000 characters); a few moderators at once is plenty. */
const MAX_PENDING = 10;

interface Pending {
  readonly markdown: string;
  readonly title?: string;
  readonly url?: string;
  readonly userId: string;
  readonly expires: number;
}

/**
 * The previews waiting for Confirm, in this process only: the button carries an id, never the
 * article, so what is written is exactly what the moderator saw.
 */
export class PendingImports {
  private readonly items = new Map<string, Pending>();

  add(item: Omit<Pending, 'expires'>, now = Date.now()): string {
    for (const [id, old] of this.items) if (old.expires <= now) this.items.delete(id);
    while (this.items.size >= MAX_PENDING) this.items.delete(this.items.keys().next().value!);
    const id = randomBytes(8).toString('hex');
    this.items.set(id, { ...item, expires: now + PENDING_MS });
    return id;
  }

  peek(id: string, now = Date.now()): Pending | undefined {
    const item = this.items.get(id);
    return item !== undefined && item.expires > now ? item : undefined;
  }

  delete(id: string): void {
    this.items.delete(id);
  }
}

const pending = new PendingImports();

type Asker = Pick<ChatInputCommandInteraction | ComponentInteraction, 'inGuild' | 'memberPermissions' | 'member' | 'user'>;

/** The /refresh rule, with this command's wording. */
function refusal(interaction: Asker, ctx: BotContext): Reply | undefined {
  const decision = decideRefresh(interaction.inGuild(), interaction.memberPermissions?.bitfield, memberRoleIds(interaction.member), ctx.config);
  if (decision.allowed) return undefined;
  ctx.log.info(`refused /article for user ${interaction.user.id}: ${decision.reason}`);
  return text(decision.reason === 'dm' ? ARTICLE_MESSAGES.onlyInServers : ARTICLE_MESSAGES.onlyModerators);
}

/** In a child process, so the bot does not keep the NLP model's memory for one preview. */
const derive: Derive = deriveOffProcess;

async function preview(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
  const url = interaction.options.getString('url', true).trim();
  const extracted = await extractFromUrl(url, { allowHosts: ctx.config.importAllowHosts ?? [] });
  if (!extracted.ok) {
    ctx.log.info(`/article import by user ${interaction.user.id}: ${extracted.reason}`);
    return renderImportRefused(extracted.reason);
  }
  const previewed = await previewImport(extracted.article, derive);
  if (!previewed.ok) return renderImportRefused(previewed.reason);
  const { preview: found } = previewed;
  const id = pending.add({
    markdown: found.markdown,
    userId: interaction.user.id,
    ...(found.title !== undefined && { title: found.title }),
    ...(found.url !== undefined && { url: found.url }),
  });
  ctx.log.info(`/article import by user ${interaction.user.id}: previewing ${found.url ?? url} (${found.words} words)`);
  return renderImportPreview(found, { confirm: articleButtonId(true, id), cancel: articleButtonId(false, id) });
}

/**
 * Writes, then reloads. When the knowledge does not load with the new article (curated files
 * written for the old one cite what it lacks), the old one is put back, so the files on disk are
 * always the ones being served.
 */
async function confirm(interaction: ComponentInteraction, ctx: BotContext, item: Pending): Promise<Reply> {
  const dir = ctx.config.knowledgeDir;
  const written = await writeArticle(dir, item.markdown);
  const refreshed = await refreshKnowledge(ctx, interaction.user.id);
  if (refreshed.ok) {
    ctx.log.info(`/article import by user ${interaction.user.id}: wrote ${item.url ?? 'the article'}`);
    return withNote((t) => `Imported **${t}**. The previous article is kept: \`/article undo\` puts it back.`, item.title, refreshed.reply);
  }
  await written.revert();
  ctx.log.info(`/article import by user ${interaction.user.id}: ${item.url ?? 'the article'} did not load; put the previous one back`);
  return withNote(
    (t) =>
      `**${t}** was not made the article: the knowledge did not load with it (below), so the previous article was put back and is still ` +
      'the one answered from. Curated files written for the old article (qa.yaml, facts.yaml, concepts.yaml) must be emptied or changed first.',
    item.title,
    refreshed.reply,
  );
}

async function undo(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
  const dir = ctx.config.knowledgeDir;
  const restored = await restorePreviousArticle(dir);
  if (!restored.ok) return text('There is no previous article to put back: `/article undo` works after an import.');
  const refreshed = await refreshKnowledge(ctx, interaction.user.id);
  if (refreshed.ok) {
    const title = ctx.live.current().knowledge.article.meta.title;
    return withNote((t) => `Put the previous article back: **${t}**. Run \`/article undo\` again to return to the one it replaced.`, title, refreshed.reply);
  }
  await restorePreviousArticle(dir);
  return withNote(() => 'The previous article did not load (below), so nothing was changed.', undefined, refreshed.reply);
}

/** A press of Confirm or Cancel: which, and the preview it names; or the refusal of a member who may not. */
type Press = { readonly refused: Reply } | { readonly confirm: boolean; readonly id: string };

/**
 * Confirm and Cancel under a preview. Their report replaces the preview, privately, so a pressed
 * button is gone with it; a refusal is a private message of its own.
 */
export const previewButtons: ComponentHandler<Press> = {
  prefixes: [ARTICLE_CONFIRM_PREFIX, ARTICLE_CANCEL_PREFIX],
  parse(interaction, ctx) {
    const parsed = parseCustomId(interaction.customId);
    if (parsed.kind !== 'article') return undefined;
    const refused = refusal(interaction, ctx);
    return refused !== undefined ? { refused } : { confirm: parsed.confirm, id: parsed.pendingId };
  },
  response: (press) => ('refused' in press ? { visibility: 'ephemeral' } : { visibility: 'ephemeral', update: true }),
  async run(press, interaction, ctx) {
    if ('refused' in press) return press.refused;
    const item = pending.peek(press.id);
    if (item === undefined) return text(ARTICLE_MESSAGES.expired);
    if (item.userId !== interaction.user.id) return text(ARTICLE_MESSAGES.notYours);
    // Taken before the work, so a second press cannot write twice.
    pending.delete(press.id);
    return press.confirm ? confirm(interaction, ctx, item) : text(ARTICLE_MESSAGES.cancelled);
  },
};

export const article: Command = {
  data,
  // Previews and reports are for the moderator who asked.
  visibility: () => 'ephemeral',
  // Fetching a page and finding its names takes seconds.
  defer: 'now',
  async execute(interaction, ctx) {
    const refused = refusal(interaction, ctx);
    if (refused !== undefined) return refused;
    return interaction.options.getSubcommand() === 'undo' ? undo(interaction, ctx) : preview(interaction, ctx);
  },
  components: [previewButtons],
};
