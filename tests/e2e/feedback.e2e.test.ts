import { describe, expect, it } from 'vitest';
import { useBot } from './support/bot-process.ts';
import { EPHEMERAL, buttonsOf, firstFlags, interactionReply, onlyEmbed, quotes, type Body } from './support/replies.ts';

/**
 * The moderators' loop end to end, through the real discord.js client and the local Discord:
 * members vote on answers and share private ones; moderators see what could not be answered.
 * Every body the bot sends is validated against Discord's OpenAPI spec by the fake.
 */

describe('feedback, sharing and /gaps', () => {
  const harness = useBot({ via: 'tsx' });

  it('puts 👍/👎 under an answer; a vote is counted once per member, and the voter is thanked privately', async () => {
    const { fake } = harness;
    const answer = await interactionReply(fake, fake.sendCommand('ask', { question: 'who runs roscosmos' }));
    const buttons = buttonsOf(answer.body);
    expect(buttons.map((b) => b.label)).toEqual(['👍', '👎']);
    const [up, down] = buttons;
    expect(up!.custom_id).toMatch(/^vote:up:/);

    const message = fake.botMessages().find((m) => (m.components ?? []).length > 0 && JSON.stringify(m.components).includes(up!.custom_id));
    if (message === undefined) throw new Error('the answer message is not in the channel');

    const first = await interactionReply(fake, fake.sendButton(up!.custom_id, message));
    expect(firstFlags(first) & EPHEMERAL).toBe(EPHEMERAL);
    expect(first.body.content).toMatch(/Your 👍 is counted/);

    const again = await interactionReply(fake, fake.sendButton(up!.custom_id, message));
    expect(again.body.content).toMatch(/already gave this answer 👍/);

    const other = await interactionReply(fake, fake.sendButton(down!.custom_id, message, { user: 'moderator' }));
    expect(other.body.content).toMatch(/Your 👎 is counted/);

    expect(fake.takeViolations()).toEqual([]);
  });

  it('offers Share under a private answer, which posts it for everyone, pinging nobody', async () => {
    const { fake } = harness;
    const sent = fake.sendCommand('ask', { question: 'who is the defence minister', private: true });
    const privately = await interactionReply(fake, sent);
    expect(firstFlags(privately) & EPHEMERAL).toBe(EPHEMERAL);
    const share = buttonsOf(privately.body).find((b) => b.custom_id === 'share');
    expect(share?.label).toBe('Share');

    const shared = await interactionReply(fake, fake.sendButton('share'));
    expect(firstFlags(shared) & EPHEMERAL).toBe(0);
    expect(shared.body.content).toBe(`Shared by <@${fake.member.id}>`);
    expect(shared.body.allowed_mentions).toEqual({ parse: [] });
    expect(onlyEmbed(shared.body).description).toMatch(/Belousov/);
    expect(quotes(onlyEmbed(shared.body))).toEqual(quotes(onlyEmbed(privately.body)));
    expect(buttonsOf(shared.body).map((b) => b.custom_id)).not.toContain('share');

    expect(fake.takeViolations()).toEqual([]);
  });

  it('/ask mention:@member points the answer at that member and lets only them be pinged', async () => {
    const { fake } = harness;
    const reply = await interactionReply(fake, fake.sendCommand('ask', { question: 'who runs rzd', mention: fake.moderator.id }));
    expect(reply.body.content).toBe(`<@${fake.moderator.id}>`);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], users: [fake.moderator.id] });
    expect(fake.takeViolations()).toEqual([]);
  });

  it('shows moderators, privately, the questions that were not answered, with counts and the votes', async () => {
    const { fake } = harness;
    for (const question of ['did they sign a treaty', 'Did they sign a treaty?', 'what does beijing think of the settlement mechanisms']) {
      await interactionReply(fake, fake.sendCommand('ask', { question }));
    }
    // The question log is written just after each reply; give the last write a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const refused = await interactionReply(fake, fake.sendCommand('gaps', {}, { user: 'member', permissions: '0' }));
    expect(firstFlags(refused) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.body.content).toMatch(/Only moderators/);

    const gaps = await interactionReply(fake, fake.sendCommand('gaps', {}, { user: 'moderator' }));
    expect(firstFlags(gaps) & EPHEMERAL).toBe(EPHEMERAL);
    const embed = onlyEmbed(gaps.body);
    expect(embed.description).toMatch(/^\*\*1\.\*\* did they sign a treaty\n {3}asked \*\*2×\*\*, last <t:\d+:R> · \/ask/);
    expect(embed.description).toContain('what does beijing think of the settlement mechanisms');
    expect(embed.fields?.[0]?.value).toMatch(/👍 1 · 👎 1/);

    const menu = ((gaps.body.components as Body[])[0]!.components as Body[])[0]!;
    expect(menu.custom_id).toBe('gaps:draft');
    expect(fake.takeViolations()).toEqual([]);
  });
});
