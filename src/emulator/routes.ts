import type { UpstreamHandler } from './context.js';
import { customerRoutes } from './customers.js';
import { Router } from './router.js';
import { webhookRoutes } from './webhooks.js';

/**
 * Every upstream route the emulator serves. A resource group (transfers, virtual accounts, ...)
 * adds its own table here; the route key `METHOD template` is what stats and faults name.
 */
export const upstreamRoutes = new Router<UpstreamHandler>([...customerRoutes, ...webhookRoutes]);
