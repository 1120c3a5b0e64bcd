import type { Message } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { onceOnly, postChannelReply } from '../../src/discord/channel-reply.ts';

interface Post {
  readonly route: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
}

/** A message whose client's REST answers each post as `behaviour(attempt)` says. */
function questionMessage(behaviour: (attempt: number, signal: AbortSignal) => Promise<unknown>) {
  const posts: Post[] = [];
  const started = Date.now();
  const message = {
    id: '300000000000000001',
    channelId: '400000000000000001',
    // What discord.js's MessagePayload reads of a target that is not a real Message.
    messages: { resolveId: (id: string) => id },
    client: {
      options: { failIfNotExists: true, allowedMentions: { parse: [] } },
      rest: {
        post(route: string, options: { body: Record<string, unknown>; signal: AbortSignal }) {
          posts.push({ route, body: options.body, at: Date.now() - started });
          return behaviour(posts.length, options.signal);
        },
      },
    },
  };
  return { message: message as unknown as Message, posts };
}

const hang = (signal: AbortSignal) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));

describe('postChannelReply', () => {
  const payload = { content: 'answer', allowedMentions: { parse: [] }, ...onceOnly('300000000000000001') };

  it('replies to the question with its id as an enforced nonce', async () => {
    const { message, posts } = questionMessage(async () => ({ id: '1' }));
    await postChannelReply(message, payload);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.route).toBe('/channels/400000000000000001/messages');
    expect(posts[0]!.body).toMatchObject({
      content: 'answer',
      nonce: '300000000000000001',
      enforce_nonce: true,
      message_reference: { message_id: '300000000000000001' },
    });
  });

  it('gives up on a request that hangs after its deadline and sends the same body again', async () => {
    const { message, posts } = questionMessage((attempt, signal) => (attempt === 1 ? hang(signal) : Promise.resolve({ id: '1' })));
    await postChannelReply(message, payload, { deadlineMs: 100 });
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at).toBeGreaterThanOrEqual(90);
    expect(posts[1]!.at).toBeLessThan(1000);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
  });

  it('tries again when its deadline ran out while it waited behind another request of the channel', async () => {
    // discord.js rejects a request aborted in its queue with a plain Error.
    const queued = (signal: AbortSignal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('Request aborted manually'))));
    const { message, posts } = questionMessage((attempt, signal) => (attempt === 1 ? queued(signal) : Promise.resolve({ id: '1' })));
    await postChannelReply(message, payload, { deadlineMs: 50 });
    expect(posts).toHaveLength(2);
  });

  it('does not send again what Discord refused', async () => {
    const { DiscordAPIError } = await import('discord.js');
    const refused = new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'POST', '/x', {});
    const { message, posts } = questionMessage(() => Promise.reject(refused));
    await expect(postChannelReply(message, payload)).rejects.toBe(refused);
    expect(posts).toHaveLength(1);
  });

  it('stops after its attempts when every one hangs', async () => {
    const { message, posts } = questionMessage((_, signal) => hang(signal));
    await expect(postChannelReply(message, payload, { deadlineMs: 30, attempts: 3 })).rejects.toThrow();
    expect(posts).toHaveLength(3);
  });
});
