import { describe, expect, it } from '@jest/globals';
import { CreateWebhookDocument, DeleteWebhookDocument, ListWebhooksDocument } from '../../../generated/graphql.js';
import { expectedUnderFault, FAST_FAULT_ENV, faultMatrix, callUnderPersistentFault } from '../../../helpers/faults.js';
import { useSharedStack } from '../../../helpers/stack.js';

/** createWebhook, webhooks and deleteWebhook through /graphql, including every fault kind on each route. */

const KEY = 'webhook-registration-key-3e';
const asKey = { headers: { 'api-key': KEY } };
const stack = useSharedStack({ env: FAST_FAULT_ENV });

async function listed(): Promise<Array<{ id: string; url: string }>> {
  const response = await fetch(`${stack.emulator.url}/v0/webhooks`, { headers: { 'api-key': KEY } });
  return ((await response.json()) as { items: Array<{ id: string; url: string }> }).items;
}

describe('webhook registration', () => {
  it('creates, lists and deletes a webhook', async () => {
    const { body: created } = await stack.graphql(CreateWebhookDocument, { url: 'https://app.example.com/webhooks/align' }, asKey);
    expect(created.data?.createWebhook).toEqual({
      id: expect.any(String),
      url: 'https://app.example.com/webhooks/align',
      status: 'ACTIVE',
      createdAt: expect.stringMatching(/Z$/),
    });
    const id = created.data!.createWebhook.id;
    expect((await stack.graphql(ListWebhooksDocument, {}, asKey)).body.data?.webhooks).toEqual([created.data!.createWebhook]);
    expect((await stack.graphql(DeleteWebhookDocument, { webhookId: id }, asKey)).body.data).toEqual({ deleteWebhook: id });
    expect(await listed()).toEqual([]);
    const again = await stack.graphql(DeleteWebhookDocument, { webhookId: id }, asKey);
    expect(again.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', upstreamStatus: 404 });
  });

  it('checks the URL and the id before any call', async () => {
    const badUrl = await stack.graphql(CreateWebhookDocument, { url: `https://example.com/${'x'.repeat(1024)}` }, asKey);
    expect(badUrl.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'url', message: expect.stringContaining('1024') }] });
    const badId = await stack.graphql(DeleteWebhookDocument, { webhookId: '../customers' }, asKey);
    expect(badId.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'webhookId', message: expect.any(String) }] });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('createWebhook whose answer is lost finds the webhook by its URL, and makes no second one', async () => {
    await stack.admin.addFault({ route: 'POST /v0/webhooks', kind: 'reset-after-commit', times: 1 });
    const { body } = await stack.graphql(CreateWebhookDocument, { url: 'https://app.example.com/lost' }, asKey);
    expect(body.errors).toBeUndefined();
    expect(await listed()).toEqual([expect.objectContaining({ id: body.data!.createWebhook.id, url: 'https://app.example.com/lost' })]);
    expect(await stack.admin.requestCount('POST /v0/webhooks')).toBe(1);
  });

  it('deleteWebhook whose answer is lost is repeated, and the repeat\'s 404 means deleted', async () => {
    const { body } = await stack.graphql(CreateWebhookDocument, { url: 'https://app.example.com/delete-me' }, asKey);
    const id = body.data!.createWebhook.id;
    await stack.admin.addFault({ route: 'DELETE /v0/webhooks/:webhook_id', kind: 'reset-after-commit', times: 1 });
    expect((await stack.graphql(DeleteWebhookDocument, { webhookId: id }, asKey)).body).toEqual({ data: { deleteWebhook: id } });
    expect(await stack.admin.requestCount('DELETE /v0/webhooks/:webhook_id')).toBe(2);
    expect(await listed()).toEqual([]);
  });
});

const routes = [
  { route: 'GET /v0/webhooks', retry: 'read', call: () => stack.graphql(ListWebhooksDocument, {}, asKey) },
  { route: 'POST /v0/webhooks', retry: 'C', call: () => stack.graphql(CreateWebhookDocument, { url: 'https://app.example.com/fault' }, asKey) },
  { route: 'DELETE /v0/webhooks/:webhook_id', retry: 'R', call: () => stack.graphql(DeleteWebhookDocument, { webhookId: 'wh_missing-1' }, asKey) },
] as const;

const matrix = faultMatrix(routes);

describe.each(matrix)('%s with a persistent %s fault', (_routeName, _kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    const { body, attempts } = await callUnderPersistentFault(stack.admin, route, kind);
    const expected = expectedUnderFault(route.retry, kind);
    const committed = kind.fault.kind === 'reset-after-commit' || kind.fault.kind === 'malformed';
    if (route.retry === 'C' && committed) {
      // The create happened and its answer was lost: found by listing, returned, and there is one webhook.
      expect(body.errors).toBeUndefined();
      expect(await listed()).toHaveLength(1);
    } else if (route.retry === 'R' && kind.fault.kind === 'malformed') {
      // A DELETE's answer is not read: the garbled 404 of a missing webhook is still a 404.
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', upstreamStatus: 404 });
    } else {
      expect(body.errors?.[0]?.extensions).toEqual(expected.error);
    }
    expect(attempts).toBe(expected.attempts);
    expect(JSON.stringify(body)).not.toContain(KEY);
    if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
  });
});
