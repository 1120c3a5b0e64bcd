import { isObject, type JsonObject } from './payloads.ts';

// Limits Discord enforces that its OpenAPI document does not encode, plus the
// project's own promise never to ping anyone.

const CHAT_INPUT_NAME = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Devanagari}\p{sc=Thai}]{1,32}$/u;
const MAX_CONTENT = 2000;
const MAX_EMBED_TOTAL = 6000;
const MAX_CUSTOM_ID = 100;
const MAX_CHOICES = 25;

export interface LimitProblem {
  /** JSON pointer into the body, as ajv reports it ("/data/content"). */
  path: string;
  message: string;
  /** Discord answers 400 for it; false for the project's own policies. */
  rejects: boolean;
}

export interface LimitContext {
  requireAllowedMentionsNone: boolean;
  /** Files uploaded with the request (multipart). */
  fileCount: number;
}

/** A problem at `path` (segments of the body), before it is known whether Discord rejects it. */
interface Issue {
  path: (string | number)[];
  text: string;
}

const issue = (path: (string | number)[], text: string): Issue => ({ path, text });

const MESSAGE_CREATES = new Set(['create_message', 'execute_webhook']);
const MESSAGE_EDITS = new Set(['update_message', 'update_original_webhook_message', 'update_webhook_message']);
const COMMAND_LISTS = new Set(['bulk_set_application_commands', 'bulk_set_guild_application_commands']);
const COMMAND_SINGLES = new Set([
  'create_application_command',
  'create_guild_application_command',
  'update_application_command',
  'update_guild_application_command',
]);

export function checkDiscordLimits(operationId: string, body: unknown, ctx: LimitContext): LimitProblem[] {
  const rejected = discordIssues(operationId, body, ctx.fileCount);
  const policy = ctx.requireAllowedMentionsNone ? allowedMentionsIssues(operationId, body) : [];
  const toProblem = (rejects: boolean) => (found: Issue) => {
    const where = found.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
    return {
      path: found.path.map((segment) => `/${segment}`).join(''),
      message: `${where.replace(/^\./, '') || 'body'} ${found.text}`,
      rejects,
    };
  };
  return [...rejected.map(toProblem(true)), ...policy.map(toProblem(false))];
}

function allowedMentionsIssues(operationId: string, body: unknown): Issue[] {
  if (!isObject(body)) return [];
  if (MESSAGE_CREATES.has(operationId) || MESSAGE_EDITS.has(operationId)) return checkAllowedMentions(body, []);
  if (operationId === 'create_interaction_response' && (body.type === 4 || body.type === 7) && isObject(body.data)) {
    return checkAllowedMentions(body.data, ['data']);
  }
  return [];
}

function discordIssues(operationId: string, body: unknown, fileCount: number): Issue[] {
  if (MESSAGE_CREATES.has(operationId) && isObject(body)) return checkMessage(body, fileCount, true, []);
  if (MESSAGE_EDITS.has(operationId) && isObject(body)) return checkMessage(body, fileCount, false, []);
  if (operationId === 'create_interaction_response' && isObject(body)) return checkInteractionResponse(body, fileCount);
  if (COMMAND_LISTS.has(operationId) && Array.isArray(body)) return checkCommandList(body);
  if (COMMAND_SINGLES.has(operationId) && isObject(body)) return checkCommand(body, [], operationId.startsWith('create'));
  return [];
}

function checkInteractionResponse(body: JsonObject, fileCount: number): Issue[] {
  const data = isObject(body.data) ? body.data : undefined;
  switch (body.type) {
    case 4:
      return checkMessage(data ?? {}, fileCount, true, ['data']);
    case 7:
      return data ? checkMessage(data, fileCount, false, ['data']) : [];
    case 8:
      return checkChoices(data?.choices, ['data', 'choices']);
    case 9:
      return data ? checkCustomIds(data, ['data']) : [];
    default:
      return [];
  }
}

function embedCharacters(embed: JsonObject): number {
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  let total = text(embed.title) + text(embed.description);
  if (isObject(embed.footer)) total += text(embed.footer.text);
  if (isObject(embed.author)) total += text(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) if (isObject(field)) total += text(field.name) + text(field.value);
  }
  return total;
}

function checkMessage(body: JsonObject, fileCount: number, creates: boolean, at: string[]): Issue[] {
  const issues: Issue[] = [];
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > MAX_CONTENT) {
    issues.push(issue([...at, 'content'], `has ${content.length} characters; Discord allows ${MAX_CONTENT}`));
  }
  const embeds = Array.isArray(body.embeds) ? body.embeds.filter(isObject) : [];
  const embedTotal = embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);
  if (embedTotal > MAX_EMBED_TOTAL) {
    issues.push(issue([...at, 'embeds'], `have ${embedTotal} characters in total; Discord allows ${MAX_EMBED_TOTAL}`));
  }
  issues.push(...checkCustomIds(body, at));

  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  const hasAttachments = fileCount > 0 || (Array.isArray(body.attachments) && body.attachments.length > 0);
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  if (creates && content.trim() === '' && embeds.length === 0 && !hasComponents && !hasAttachments && !hasStickers && !isObject(body.poll)) {
    issues.push(issue(at, 'is an empty message (Discord answers 50006 "Cannot send an empty message")'));
  }
  return issues;
}

function checkAllowedMentions(body: JsonObject, at: string[]): Issue[] {
  // Only text can ping; embeds never notify anyone.
  if (typeof body.content !== 'string' || body.content.trim() === '') return [];
  const allowed = body.allowed_mentions;
  const where = [...at, 'allowed_mentions'];
  if (!isObject(allowed)) return [issue(where, 'missing: the bot must send allowed_mentions { parse: [] }')];
  const issues: Issue[] = [];
  if (!Array.isArray(allowed.parse) || allowed.parse.length > 0) {
    issues.push(issue([...where, 'parse'], `must be [] (got ${JSON.stringify(allowed.parse)})`));
  }
  // The one ping allowed: a single member the message explicitly points at, mentioned in it.
  const users = allowed.users;
  const targeted = Array.isArray(users) && users.length === 1 && body.content.includes(`<@${String(users[0])}>`);
  for (const key of ['users', 'roles'] as const) {
    const list = allowed[key];
    if (key === 'users' && targeted) continue;
    if (Array.isArray(list) && list.length > 0) issues.push(issue([...where, key], `would ping ${list.length}`));
  }
  if (allowed.replied_user === true) issues.push(issue([...where, 'replied_user'], 'pings the replied-to author'));
  return issues;
}

function checkCustomIds(node: JsonObject, at: string[]): Issue[] {
  const issues: Issue[] = [];
  const checkOne = (value: JsonObject, where: (string | number)[]) => {
    if (typeof value.custom_id === 'string' && value.custom_id.length > MAX_CUSTOM_ID) {
      issues.push(issue([...where, 'custom_id'], `has ${value.custom_id.length} characters; Discord allows ${MAX_CUSTOM_ID}`));
    }
  };
  const visit = (value: unknown, where: (string | number)[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...where, index]));
      return;
    }
    if (!isObject(value)) return;
    checkOne(value, where);
    // Non-link, non-premium buttons need a custom_id to be clickable at all.
    if (value.type === 2 && value.style !== 5 && value.style !== 6 && typeof value.custom_id !== 'string') {
      issues.push(issue(where, 'is a button without custom_id'));
    }
    for (const key of ['components', 'accessory', 'component']) {
      if (key in value) visit(value[key], [...where, key]);
    }
  };
  checkOne(node, at);
  visit(node.components, [...at, 'components']);
  return issues;
}

function checkChoices(choices: unknown, at: (string | number)[]): Issue[] {
  if (choices === undefined || choices === null) return [];
  if (!Array.isArray(choices)) return [issue(at, 'must be an array')];
  const issues: Issue[] = [];
  if (choices.length > MAX_CHOICES) issues.push(issue(at, `has ${choices.length} choices; Discord allows ${MAX_CHOICES}`));
  choices.forEach((choice, index) => {
    if (!isObject(choice)) return;
    const name = typeof choice.name === 'string' ? choice.name : '';
    if (name.length < 1 || name.length > 100) {
      issues.push(issue([...at, index, 'name'], `must have 1..100 characters (has ${name.length})`));
    }
    if (typeof choice.value === 'string' && choice.value.length > 100) {
      issues.push(issue([...at, index, 'value'], `has ${choice.value.length} characters; Discord allows 100`));
    }
  });
  return issues;
}

function checkCommandList(commands: unknown[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    if (!isObject(command)) return;
    issues.push(...checkCommand(command, [index], true));
    const key = `${String(command.type ?? 1)}:${String(command.name)}`;
    if (seen.has(key)) issues.push(issue([index, 'name'], `"${String(command.name)}" is used by two commands`));
    seen.add(key);
  });
  return issues;
}

function checkCommand(command: JsonObject, at: (string | number)[], complete: boolean): Issue[] {
  if ((command.type ?? 1) !== 1) return [];
  const issues: Issue[] = [];
  if (complete || 'name' in command) issues.push(...checkName(command.name, [...at, 'name']));
  if (isObject(command.name_localizations)) {
    for (const [locale, name] of Object.entries(command.name_localizations)) {
      issues.push(...checkName(name, [...at, 'name_localizations', locale]));
    }
  }
  if (complete || 'description' in command) issues.push(...checkDescription(command.description, [...at, 'description']));
  issues.push(...checkOptions(command.options, [...at, 'options']));
  return issues;
}

function checkName(name: unknown, at: (string | number)[]): Issue[] {
  if (typeof name === 'string' && CHAT_INPUT_NAME.test(name)) return [];
  return [issue(at, `${JSON.stringify(name)} must be 1..32 lowercase letters, digits, "-" or "_"`)];
}

function checkDescription(description: unknown, at: (string | number)[]): Issue[] {
  const length = typeof description === 'string' ? description.length : 0;
  return length >= 1 && length <= 100 ? [] : [issue(at, `must have 1..100 characters (has ${length})`)];
}

function checkOptions(options: unknown, at: (string | number)[]): Issue[] {
  if (!Array.isArray(options)) return [];
  const issues: Issue[] = [];
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, index) => {
    if (!isObject(option)) return;
    const where = [...at, index];
    issues.push(...checkName(option.name, [...where, 'name']), ...checkDescription(option.description, [...where, 'description']));
    if (typeof option.name === 'string') {
      if (names.has(option.name)) issues.push(issue([...where, 'name'], `"${option.name}" is used twice`));
      names.add(option.name);
    }
    if (option.required === true && sawOptional) issues.push(issue(where, 'is required but follows an optional option'));
    if (option.required !== true && option.type !== 1 && option.type !== 2) sawOptional = true;
    if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0) {
      issues.push(issue(where, 'cannot have both autocomplete and choices'));
    }
    issues.push(...checkChoices(option.choices, [...where, 'choices']), ...checkOptions(option.options, [...where, 'options']));
  });
  return issues;
}
