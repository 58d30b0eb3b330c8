import { randomUUID } from 'node:crypto';
import type { RequestContext, UpstreamHandler } from './context.js';
import { isHttpUrl } from './customers.js';
import { ApiError, json, objectBody, validationError, type HandlerResult } from './http.js';
import type { RouteDefinition } from './router.js';

/**
 * Webhook registration, R38-R40 (docs/align-api.md §17, SDK only): per tenant, account-level (no
 * customer in the path). One registration receives every event; `webhook-delivery.ts` sends them.
 */

const MAX_URL_LENGTH = 1024;

/** `POST /v0/webhooks {url}` -> 201 the webhook (the status code is inferred). */
function createWebhook({ tenant, body: raw }: RequestContext): HandlerResult {
  const body = objectBody(raw);
  const url = body.url;
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !isHttpUrl(url)) {
    throw validationError(`url must be an absolute http(s) URL of at most ${MAX_URL_LENGTH} characters.`);
  }
  const webhook = { id: randomUUID(), url, status: 'active', created_at: new Date().toISOString() };
  tenant.add('webhooks', webhook.id, null, webhook);
  return json(201, webhook);
}

/** `GET /v0/webhooks` -> `{items}`, oldest first. */
function listWebhooks({ tenant }: RequestContext): HandlerResult {
  return json(200, { items: tenant.list('webhooks') });
}

/** `DELETE /v0/webhooks/:webhook_id` -> 204 (inferred); another tenant's or an unknown id -> 404. */
function deleteWebhook({ tenant, params }: RequestContext): HandlerResult {
  if (!tenant.remove('webhooks', params.webhook_id!)) throw new ApiError(404, 'webhook_not_found', 'No webhook with this id.');
  return json(204, undefined);
}

export const webhookRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: '/v0/webhooks', handler: createWebhook },
  { method: 'GET', template: '/v0/webhooks', handler: listWebhooks },
  { method: 'DELETE', template: '/v0/webhooks/:webhook_id', handler: deleteWebhook },
];

/**
 * Registers `url` as a webhook of `apiKey`'s tenant through the emulator's own REST route: what
 * `npm start` does on the embedded emulator, so subscriptions work with no setup.
 */
export async function registerWebhook(emulatorUrl: string, apiKey: string, url: string): Promise<void> {
  const response = await fetch(`${emulatorUrl}/v0/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-key': apiKey },
    body: JSON.stringify({ url }),
  });
  if (response.status !== 201) throw new Error(`registering the webhook failed: HTTP ${response.status}`);
}
