import { Events, type Client, type Interaction } from 'discord.js';
import type { APIInteraction, APIInteractionResponse } from 'discord.js';

/**
 * Lets the gateway bot's dispatcher answer interactions that arrive over HTTP. discord.js builds
 * the same interaction objects from the raw payload, and their first response (reply, deferral,
 * choices), which over the gateway is a POST to the callback route, is taken from the REST
 * client and returned here to become the HTTP response. Later calls (editing a deferred reply,
 * follow-ups) go to Discord's webhook routes as usual: they need no gateway and no state here.
 */

const CALLBACK_ROUTE = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

export interface WebhookInteractions {
  /**
   * Runs `handle` on the interaction built from `payload`. Resolves with the first response, or
   * with undefined when the handler ended without one. `done` settles when the handler ends.
   */
  answer(
    payload: APIInteraction,
    handle: (interaction: Interaction) => Promise<void>,
  ): { readonly response: Promise<APIInteractionResponse | undefined>; readonly done: Promise<void> };
}

interface InteractionActions {
  readonly actions: { readonly InteractionCreate: { handle(data: APIInteraction): void } };
}

export function createWebhookInteractions(client: Client): WebhookInteractions {
  const waiting = new Map<string, (body: APIInteractionResponse) => void>();
  const rest = client.rest;
  const post = rest.post.bind(rest);
  rest.post = async (route, options) => {
    const id = CALLBACK_ROUTE.exec(route)?.[1];
    const respond = id === undefined ? undefined : waiting.get(id);
    if (id === undefined || respond === undefined) return post(route, options);
    waiting.delete(id);
    respond(options?.body as APIInteractionResponse);
    return undefined;
  };

  // discord.js emits the interaction it built synchronously, inside `handle`.
  let built: Interaction | undefined;
  client.on(Events.InteractionCreate, (interaction) => {
    built = interaction;
  });

  return {
    answer(payload, handle) {
      let settle!: (body: APIInteractionResponse | undefined) => void;
      const response = new Promise<APIInteractionResponse | undefined>((resolve) => {
        settle = resolve;
      });
      waiting.set(payload.id, settle);
      built = undefined;
      (client as unknown as InteractionActions).actions.InteractionCreate.handle(payload);
      const interaction = built as Interaction | undefined;
      const done = (interaction === undefined ? Promise.resolve() : handle(interaction)).finally(() => {
        waiting.delete(payload.id);
        settle(undefined);
      });
      return { response, done };
    },
  };
}
