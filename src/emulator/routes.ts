import type { UpstreamHandler } from './context.js';
import { customerProfileRoutes } from './customer-profile.js';
import { customerRoutes } from './customers.js';
import { developerFeeRoutes } from './developer-fees.js';
import { fileRoutes } from './files.js';
import { externalAccountRoutes } from './external-accounts.js';
import { offrampRoutes } from './offramp.js';
import { crossChainRoutes } from './cross-chain.js';
import { permanentRouteRoutes } from './permanent-routes.js';
import { onrampRoutes } from './onramp.js';
import { Router } from './router.js';
import { virtualAccountRoutes } from './virtual-accounts.js';
import { webhookRoutes } from './webhooks.js';

/**
 * Every upstream route the emulator serves. A resource group (transfers, virtual accounts, ...)
 * adds its own table here; the route key `METHOD template` is what stats and faults name.
 */
export const upstreamRoutes = new Router<UpstreamHandler>([
  ...customerRoutes,
  ...customerProfileRoutes,
  ...fileRoutes,
  ...developerFeeRoutes,
  ...offrampRoutes,
  ...externalAccountRoutes,
  ...crossChainRoutes,
  ...permanentRouteRoutes,
  ...onrampRoutes,
  ...virtualAccountRoutes,
  ...webhookRoutes,
]);
