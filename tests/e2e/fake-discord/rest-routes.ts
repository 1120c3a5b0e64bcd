import { Router } from './path-template.ts';
import type { RouteDefinition } from './route-kit.ts';
export type { RouteName } from './route-kit.ts';
import { basicRoutes } from './routes-basics.ts';
import { channelRoutes } from './routes-channels.ts';
import { commandRoutes } from './routes-commands.ts';
import { interactionRoutes } from './routes-interactions.ts';

export const API_PREFIX = '/api/v10';

export const ROUTES: readonly RouteDefinition[] = [...basicRoutes, ...commandRoutes, ...interactionRoutes, ...channelRoutes];

export function buildRouter(): Router<RouteDefinition> {
  const router = new Router<RouteDefinition>();
  for (const route of ROUTES) router.add(route.method, route.path, route);
  return router;
}
