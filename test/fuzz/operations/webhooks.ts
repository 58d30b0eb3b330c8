import fc from 'fast-check';
import { hostileString, json, object } from '../arbitraries.js';
import type { FuzzOperation } from './index.js';

/** Webhook registration with hostile URLs and ids; subscriptions sent over HTTP (always refused). */
export const webhookOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  fc.constant<FuzzOperation>({ query: 'query { webhooks { id url status createdAt } }', variables: object([]) }),
  fc.oneof(hostileString, json).map((url) => ({
    query: 'mutation($url: String!) { createWebhook(url: $url) { id url status } }',
    variables: object([['url', url]]),
  })),
  fc.oneof(hostileString, json).map((webhookId) => ({
    query: 'mutation($webhookId: ID!) { deleteWebhook(webhookId: $webhookId) }',
    variables: object([['webhookId', webhookId]]),
  })),
  fc.oneof(hostileString, json).map((customerId) => ({
    query: 'subscription($c: ID) { customerKycUpdated(customerId: $c) { eventId customer { id } } }',
    variables: object([['c', customerId]]),
  })),
];
