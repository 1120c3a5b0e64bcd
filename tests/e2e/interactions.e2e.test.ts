import { describe, expect, it } from 'vitest';
import { useBot } from './support/bot-process.ts';
import {
  EPHEMERAL,
  articleOf,
  articleTitleOf,
  buttonsOf,
  firstFlags,
  interactionReply,
  onlyEmbed,
  passageLabel,
  qaOf,
  quotes,
  requestsOf,
  type Body,
} from './support/replies.ts';

/** Slash commands, autocomplete and buttons, as a member uses them in the guild. */

describe('slash commands, autocomplete and buttons', () => {
  const harness = useBot({ via: 'npm' });
  const article = () => articleOf(harness.knowledge);

  it('/ask answers in public with the answer and the verbatim sentence it rests on', async () => {
    const { fake } = harness;
    const sent = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    const reply = await interactionReply(fake, sent);

    expect(firstFlags(reply) & EPHEMERAL).toBe(0);
    const embed = onlyEmbed(reply.body);
    expect(embed.description).toMatch(/Borisov/);
    const found = quotes(embed);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const quote of found) {
      expect(article()).toContain(quote.text);
      expect(quote.label).toMatch(/paragraph \d+.*sentence \d+/i);
    }
    expect(found.some((q) => q.text.includes('Roscosmos Director General Yuri Borisov'))).toBe(true);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });

    expect(fake.takeViolations()).toEqual([]);
  });

  it('/ask private:true answers only the asker: the first response is ephemeral', async () => {
    const { fake } = harness;
    const sent = fake.sendCommand('ask', { question: 'who is the defence minister', private: true });
    const reply = await interactionReply(fake, sent);

    expect(firstFlags(reply) & EPHEMERAL).toBe(EPHEMERAL);
    const embed = onlyEmbed(reply.body);
    expect(embed.description).toMatch(/Belousov/);
    for (const quote of quotes(embed)) expect(article()).toContain(quote.text);
    expect(quotes(embed)).not.toEqual([]);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('quotes every sentence an answer rests on when it needs several', async () => {
    const { fake } = harness;
    const entry = qaOf(harness.knowledge).find((e) => e.cite.length >= 2);
    if (entry === undefined) throw new Error('knowledge/qa.yaml has no entry citing two or more sentences');
    const sent = fake.sendCommand('ask', { question: entry.questions[0]! });
    const reply = await interactionReply(fake, sent);

    const found = quotes(onlyEmbed(reply.body));
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const quote of found) expect(article()).toContain(quote.text);
    for (const id of entry.cite) expect(found.map((q) => q.label)).toContainEqual(expect.stringMatching(passageLabel(id)));

    expect(fake.takeViolations()).toEqual([]);
  });

  it('declines what the article does not say, offers questions as buttons, and anyone can press one', async () => {
    const { fake } = harness;
    const sent = fake.sendCommand('ask', { question: 'did they sign a treaty with north korea' });
    const reply = await interactionReply(fake, sent);

    const embed = onlyEmbed(reply.body);
    expect(embed.description).toMatch(/the article doesn['’]t say/i);
    expect(quotes(embed)).toEqual([]);
    expect(embed.fields ?? []).toEqual([]);
    const buttons = buttonsOf(reply.body);
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const button of buttons) {
      expect(button.custom_id).toMatch(/^ask:\S+$/);
      expect(button.custom_id.length).toBeLessThanOrEqual(100);
    }

    // Pressed by someone else than the asker.
    const pressed = fake.sendButton(buttons[0]!.custom_id, undefined, { user: 'moderator' });
    expect(pressed.payload.member?.user.id).toBe(fake.moderator.id);
    expect(sent.payload.member?.user.id).toBe(fake.member.id);
    const answer = await interactionReply(fake, pressed);
    const answered = onlyEmbed(answer.body);
    expect(answered.title).toBe(buttons[0]!.label);
    const found = quotes(answered);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const quote of found) expect(article()).toContain(quote.text);
    // The decline was public, so the answer to its suggestion is too.
    expect(firstFlags(answer) & EPHEMERAL).toBe(0);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('answers a suggestion pressed under a private decline privately, and a stale button with a notice', async () => {
    const { fake } = harness;
    const sent = fake.sendCommand('ask', { question: 'did they sign a treaty with north korea', private: true });
    const decline = await interactionReply(fake, sent);
    expect(firstFlags(decline) & EPHEMERAL).toBe(EPHEMERAL);
    const [button] = buttonsOf(decline.body);
    if (button === undefined) throw new Error('the private decline offered no buttons');

    const pressed = fake.sendButton(button.custom_id);
    expect(pressed.payload.message?.flags).toBe(EPHEMERAL);
    const answer = await interactionReply(fake, pressed);
    expect(firstFlags(answer) & EPHEMERAL).toBe(EPHEMERAL);
    expect(quotes(onlyEmbed(answer.body))).not.toEqual([]);

    // A button whose question is gone from the knowledge (or was never there).
    const stale = await interactionReply(fake, fake.sendButton('ask:no-such-entry'));
    expect(firstFlags(stale) & EPHEMERAL).toBe(EPHEMERAL);
    expect(stale.body.content).toMatch(/no longer available/i);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('autocompletes questions: a fragment, and empty input', async () => {
    const { fake } = harness;
    const choicesOf = async (typed: string) => {
      const sent = fake.sendAutocomplete('ask', { question: typed }, 'question');
      await sent.waitForChoices();
      const callback = requestsOf(fake, sent).find((r) => r.route === 'create_interaction_response' && r.status < 300);
      const body = callback?.body as Body;
      expect(body.type).toBe(8);
      const choices = (body.data as Body).choices as { name: string; value: string }[];
      expect(choices.length).toBeGreaterThanOrEqual(1);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThanOrEqual(1);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
      return choices;
    };

    // The choices are the known questions that match, by their canonical wording: the one that
    // answers "who runs Roscosmos" is "Who is Yuri Borisov?". Picking it asks it, so the first
    // choice must lead to the answer about Roscosmos.
    const typed = await choicesOf('who runs ros');
    const picked = fake.sendCommand('ask', { question: typed[0]!.value });
    const answer = onlyEmbed((await interactionReply(fake, picked)).body);
    expect(answer.description).toMatch(/Roscosmos/);
    expect(quotes(answer).some((q) => q.text.includes('Roscosmos Director General Yuri Borisov'))).toBe(true);

    const offered = await choicesOf('');
    const featured = qaOf(harness.knowledge).find((e) => e.featured === true)?.questions[0];
    expect(offered.map((c) => c.name)).toContain(featured);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('/topics shows what the article covers, naming it, as a compact menu of topics', async () => {
    const { fake } = harness;
    const reply = await interactionReply(fake, fake.sendCommand('topics'));
    const embed = onlyEmbed(reply.body);
    expect(embed.description).toContain(articleTitleOf(harness.knowledge));
    expect(embed.description).toMatch(/\/ask/);
    expect(embed.fields ?? []).toEqual([]);
    expect(embed.description).toMatch(/^-# Knowledge of <t:\d+:f> · version [0-9a-f]{12}$/m);
    const menu = ((reply.body.components as Body[])[0]!.components as Body[])[0]!;
    expect(menu).toMatchObject({ type: 3, custom_id: 'topics:menu' });
    expect((menu.options as unknown[]).length).toBeGreaterThanOrEqual(2);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('/help says how to ask, naming the article', async () => {
    const { fake } = harness;
    const reply = await interactionReply(fake, fake.sendCommand('help'));
    const embed = onlyEmbed(reply.body);
    expect(embed.title).toMatch(/how to ask/i);
    expect(embed.description).toContain(articleTitleOf(harness.knowledge));
    expect(embed.description).toMatch(/`\/ask question:/);
    expect(embed.description).toContain(`<@${fake.botUser.id}>`);
    expect(embed.description).toMatch(/direct message/i);
    // No ask-channels configured: none offered.
    expect(embed.description).not.toMatch(/<#\d+>/);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('never pings: @everyone and role mentions in a question stay inert text', async () => {
    const { fake } = harness;
    const role = fake.guild.roles.moderator;
    const question = `@everyone @here <@&${role}> <@${fake.moderator.id}> who is the defence minister`;
    const sent = fake.sendCommand('ask', { question });
    const reply = await interactionReply(fake, sent);

    expect(reply.requests.length).toBeGreaterThanOrEqual(1);
    for (const request of reply.requests) {
      const body = request.body as Body;
      const message = (request.route === 'create_interaction_response' ? body.data : body) as Body | undefined;
      if (message === undefined) continue;
      expect(message.allowed_mentions).toEqual({ parse: [] });
      const text = JSON.stringify(message);
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toContain(`<@&${role}>`);
      expect(text).not.toContain(`<@${fake.moderator.id}>`);
    }
    // Still answered, and the question is shown, defused.
    const embed = onlyEmbed(reply.body);
    expect(embed.description).toMatch(/Belousov/);
    expect(embed.title).toMatch(/everyone/);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('answers through a 500 on its reply (discord.js retries), and through a reply that keeps failing (defer, then edit)', async () => {
    const { fake } = harness;
    fake.injectFailure({ route: 'create_interaction_response', status: 500 });
    const retried = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    const answer = await interactionReply(fake, retried);
    expect(quotes(onlyEmbed(answer.body))).not.toEqual([]);
    const callbacks = requestsOf(fake, retried).filter((r) => r.route === 'create_interaction_response');
    expect(callbacks.map((r) => r.status)).toEqual([500, 204]);

    // discord.js gives up after 1 + 3 attempts; a 5xx says nothing of whether the reply
    // landed, so the bot defers (Discord would refuse that with 40060 had it landed) and edits.
    fake.injectFailure({ route: 'create_interaction_response', status: 500, times: 4 });
    const failed = fake.sendCommand('ask', { question: 'who runs roscosmos' });
    const deferred = await interactionReply(fake, failed);
    expect(deferred.first.type).toBe(5);
    expect(firstFlags(deferred) & EPHEMERAL).toBe(0);
    expect(quotes(onlyEmbed(deferred.body))).not.toEqual([]);

    const after = fake.sendCommand('ask', { question: 'when did putin last visit north korea' });
    const found = quotes(onlyEmbed((await interactionReply(fake, after)).body));
    expect(found.some((q) => q.text.includes('Putin had last visited North Korea in 2000.'))).toBe(true);
    expect(harness.bot.hasExited).toBe(false);

    expect(fake.takeViolations()).toEqual([]);
  });
});
