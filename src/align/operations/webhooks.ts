import { defineOperation, type Reconciliation, type Send } from '../operation.js';
import { arrayOf, asObject, optionalString, requiredString } from '../shape.js';

/** Webhook registration, R38-R40 (docs/align-api.md §17): account-level, one per URL is enough. */

export interface AlignWebhook {
  readonly id: string;
  readonly url: string;
  /** `active` or `inactive`; absent in some answers (then UNKNOWN). */
  readonly status: string | null;
  readonly created_at: string | null;
}

export const listWebhooks = defineOperation({
  method: 'GET',
  route: '/v0/webhooks',
  retry: 'read',
  parse: (answer) => arrayOf(asObject(answer, 'webhook list').items, 'items', parseWebhook),
});

/**
 * No key is documented, so a create is sent once (class C); a lost answer is settled by listing the
 * webhooks: one registered for the same URL is the create's result (docs/align-api.md §18).
 */
export const createWebhook = defineOperation({
  method: 'POST',
  route: '/v0/webhooks',
  retry: 'C',
  body: (input: { readonly url: string }) => ({ url: input.url }),
  parse: (answer) => parseWebhook(answer, 'webhook'),
  reconcile: findWebhookForUrl,
});

/** Class R: deleting twice deletes once; a repeated DELETE answered 404 counts as deleted (the transport's rule). */
export const deleteWebhook = defineOperation({
  method: 'DELETE',
  route: '/v0/webhooks/:webhook_id',
  retry: 'R',
  // 204 with no body (inferred); the SDK also accepts a JSON body, whose content is not used.
  parse: (): void => undefined,
});

export const webhookOperations = { listWebhooks, createWebhook, deleteWebhook } as const;

async function findWebhookForUrl(input: { readonly url: string }, send: Send): Promise<Reconciliation<AlignWebhook>> {
  const found = (await send(listWebhooks, [], undefined)).filter((webhook) => webhook.url === input.url);
  // The newest registration for the URL is the one the lost answer would have named.
  const latest = found.at(-1);
  if (latest !== undefined) return { kind: 'found', value: latest };
  return { kind: 'absent', message: 'The Align API did not confirm the webhook, and none is registered for this URL yet.' };
}

function parseWebhook(value: unknown, what: string): AlignWebhook {
  const raw = asObject(value, what);
  return {
    id: requiredString(raw, 'id', what),
    url: requiredString(raw, 'url', what),
    status: optionalString(raw, 'status', what),
    created_at: optionalString(raw, 'created_at', what),
  };
}
