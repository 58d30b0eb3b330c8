import type { GraphQLModule } from '../module.js';
import { EventSubscriptionResolver } from './subscription.resolver.js';
import { TransferEventResolver } from './transfer-event.resolver.js';
import { VirtualAccountEventResolver } from './virtual-account-event.resolver.js';
import { WebhookResolver } from './webhook.resolver.js';

/** Webhook registration, and Align's webhooks as subscriptions. */
export const webhooksModule: GraphQLModule = {
  resolvers: [WebhookResolver, EventSubscriptionResolver, TransferEventResolver, VirtualAccountEventResolver],
};
