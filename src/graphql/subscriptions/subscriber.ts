import { GraphQLError } from 'graphql';
import type { EventBus } from '../../events/bus.js';
import { createContext, type ContextDependencies, type GraphQLContext } from '../context.js';
import type { Credential } from '../../credentials.js';
import { ErrorCode } from '../errors.js';
import type { Backlog } from './backlog.js';

/** What a subscription needs besides a request's context: whose events, from where, and its connection's backlog. */
export interface Subscriber {
  /** The tenant of the connection's credential (a key's SHA-256 prefix). */
  readonly tenant: string;
  /** Whether webhooks of this tenant can arrive here at all (its key is one the receiver accepts). */
  readonly receivesWebhooks: boolean;
  readonly bus: EventBus;
  readonly backlog: Backlog;
}

/**
 * A subscription's context: the same reads and credential rules as a request, renewed for each
 * event, so every event is re-read fresh (nothing cached from the previous one) within a deadline
 * of its own.
 */
export interface SubscriptionContext extends GraphQLContext {
  readonly subscriber: Subscriber;
  renew(): void;
}

export function createSubscriptionContext(
  deps: ContextDependencies,
  request: { readonly requestId: string; readonly credential: Credential },
  subscriber: Subscriber,
): SubscriptionContext {
  let current = createContext(deps, request);
  let events = 0;
  return {
    requestId: request.requestId,
    logger: deps.logger,
    enums: deps.enums,
    get loaders() {
      return current.loaders;
    },
    get writes() {
      return current.writes;
    },
    upstreamUsage: () => current.upstreamUsage(),
    subscriber,
    renew() {
      events += 1;
      current = createContext(deps, { ...request, requestId: `${request.requestId}:${events}` });
    },
  };
}

/** The subscription side of a context; over HTTP there is none (the validation rule refuses earlier). */
export function subscriptionContextOf(context: GraphQLContext): SubscriptionContext {
  if ('subscriber' in context) return context as SubscriptionContext;
  throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql.', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

export class NoWebhooksForTenantError extends GraphQLError {
  constructor() {
    super(
      'This server receives no webhooks signed with your Align key, so no event could reach you: the operator adds the key to ALIGN_WEBHOOK_KEYS.',
      { extensions: { code: ErrorCode.FORBIDDEN } },
    );
  }
}
