// Route templates use the OpenAPI spelling (`/channels/{channel_id}/messages`)
// so the fake's routes and the spec's operations share one matcher.

type Segment = { literal: string } | { param: string };

interface CompiledRoute<T> {
  method: string;
  template: string;
  segments: Segment[];
  literals: number;
  value: T;
}

export interface RouteMatch<T> {
  value: T;
  template: string;
  params: Record<string, string>;
}

/** Splits a request path into decoded segments (discord.js sends `@original` as `%40original`). */
export function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

export class Router<T> {
  readonly #routes: CompiledRoute<T>[] = [];

  add(method: string, template: string, value: T): void {
    const segments: Segment[] = splitPath(template).map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      return param === undefined ? { literal: segment } : { param };
    });
    this.#routes.push({
      method: method.toUpperCase(),
      template,
      segments,
      literals: segments.filter((segment) => 'literal' in segment).length,
      value,
    });
  }

  match(method: string, path: string): RouteMatch<T> | null {
    const parts = splitPath(path);
    let best: { route: CompiledRoute<T>; params: Record<string, string> } | null = null;
    for (const route of this.#routes) {
      if (route.method !== method.toUpperCase() || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matches = route.segments.every((segment, index) => {
        const part = parts[index]!;
        if ('literal' in segment) return segment.literal === part;
        params[segment.param] = part;
        return true;
      });
      // `/users/@me` must win over `/users/{user_id}`: prefer more literal segments.
      if (matches && (!best || route.literals > best.route.literals)) best = { route, params };
    }
    return best ? { value: best.route.value, template: best.route.template, params: best.params } : null;
  }

  /** Whether any route exists for this path under another method (405 vs 404). */
  hasPath(path: string): boolean {
    return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].some((method) => this.match(method, path) !== null);
  }
}
