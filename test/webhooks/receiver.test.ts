import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryAttributionIndex } from '../../src/events/attribution.js';
import { MemoryEventBus } from '../../src/events/bus.js';
import type { AlignEvent } from '../../src/events/event.js';
import { tenantOf } from '../../src/events/tenants.js';
import { createLogger } from '../../src/logger.js';
import { WebhookReceiver, type DeliveryOutcome } from '../../src/webhooks/receiver.js';
import { MemorySeenMarks } from '../../src/webhooks/seen-marks.js';
import { WebhookKeys } from '../../src/webhooks/webhook-keys.js';
import { deliver, sign, webhookBody } from '../helpers/subscriptions.js';
import { withStack } from '../helpers/stack.js';

/** The receiver on a real HTTP server, publishing to an in-process bus this test listens to. */

const KEY = 'receiver-key-51c0aa';
const OTHER_KEY = 'receiver-other-key-77';
const tenant = tenantOf(KEY);

let server: Server;
let url: string;
let published: AlignEvent[] = [];
let outcomes: DeliveryOutcome[] = [];
const logs: string[] = [];
const bus = new MemoryEventBus();
const attribution = new MemoryAttributionIndex();
let failPublishing = false;

beforeAll(async () => {
  await bus.subscribe(tenant, (event) => published.push(event));
  const receiver = new WebhookReceiver({
    keys: new WebhookKeys([KEY, OTHER_KEY]),
    marks: new MemorySeenMarks(),
    bus: {
      publish: (t, event) => (failPublishing ? Promise.reject(new Error('bus down')) : bus.publish(t, event)),
      subscribe: (t, listener) => bus.subscribe(t, listener),
      close: () => bus.close(),
    },
    attribution,
    maxAgeSeconds: 3_600,
    logger: createLogger('trace', { write: (line: string) => void logs.push(line) }),
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  server = createServer((req, res) => void receiver.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  published = [];
  outcomes = [];
  failPublishing = false;
});

describe('POST /webhooks/align', () => {
  it('publishes a correctly signed event once, named by the body\'s SHA-256', async () => {
    const body = webhookBody();
    expect(await deliver(url, body, sign(KEY, body))).toEqual({ status: 200, body: { status: 'published' } });
    expect(published).toEqual([
      expect.objectContaining({ type: 'customer.kycs.updated', customerId: '6a1f2b9c-0d3e-4f5a-8b7c-9d0e1f2a3b4c', eventId: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
  });

  it.each([
    ['a tampered body', (body: string) => [body.replace('customer', 'kustomer'), sign(KEY, body)]],
    ['a signature under another key', (body: string) => [body, sign('not-an-accepted-key', body)]],
    ['no signature', (body: string) => [body, undefined]],
    ['a signature of the wrong length', (body: string) => [body, sign(KEY, body).slice(0, 62)]],
    ['a signature that is not hex', (body: string) => [body, 'z'.repeat(64)]],
  ])('answers 401 to %s and publishes nothing', async (_name, make) => {
    const [body, signature] = make(webhookBody()) as [string, string | undefined];
    expect((await deliver(url, body, signature)).status).toBe(401);
    expect(published).toEqual([]);
    expect(outcomes).toEqual(['unauthorized']);
  });

  it('accepts an upper-case signature and any accepted key, each publishing to its own tenant', async () => {
    const body = webhookBody();
    expect((await deliver(url, body, sign(KEY, body).toUpperCase())).status).toBe(200);
    expect((await deliver(url, body, sign(OTHER_KEY, body))).body).toEqual({ status: 'published' });
    expect(published).toHaveLength(1);
  });

  it('publishes the same delivery once', async () => {
    const body = webhookBody();
    const answers = await Promise.all([1, 2, 3].map(() => deliver(url, body, sign(KEY, body))));
    expect(answers.map((answer) => answer.body.status).sort()).toEqual(['duplicate', 'duplicate', 'published']);
    expect(published).toHaveLength(1);
  });

  it('drops a created_at outside the window (too old, or too far ahead)', async () => {
    for (const createdAt of [new Date(Date.now() - 3_601_000), new Date(Date.now() + 301_000)]) {
      const body = webhookBody({ created_at: createdAt.toISOString() });
      expect(await deliver(url, body, sign(KEY, body))).toEqual({ status: 200, body: { status: 'stale' } });
    }
    expect(published).toEqual([]);
  });

  it('answers 413 to a body over 256 KiB', async () => {
    const body = webhookBody({ entity_object: { padding: 'x'.repeat(256 * 1024) } });
    expect((await deliver(url, body, sign(KEY, body))).status).toBe(413);
    expect(published).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"event_type": '],
    ['a JSON array', '[]'],
    ['no event_type', JSON.stringify({ entity_id: 'e', entity_type: 'customer', created_at: new Date().toISOString() })],
    ['no created_at', JSON.stringify({ event_type: 'customer.kycs.updated', entity_id: 'e', entity_type: 'customer' })],
    ['an unreadable created_at', webhookBody({ created_at: 'yesterday' })],
  ])('answers 400 to %s (signed correctly)', async (_name, body) => {
    const answer = await deliver(url, body, sign(KEY, body));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual(expect.any(String));
    expect(published).toEqual([]);
  });

  it('acknowledges and drops an event type it does not know', async () => {
    const body = webhookBody({ event_type: 'customer.deleted' });
    expect(await deliver(url, body, sign(KEY, body))).toEqual({ status: 200, body: { status: 'ignored' } });
    expect(published).toEqual([]);
  });

  it('answers 503 when publishing fails, and takes the same delivery again later', async () => {
    const body = webhookBody();
    failPublishing = true;
    expect((await deliver(url, body, sign(KEY, body))).status).toBe(503);
    failPublishing = false;
    expect((await deliver(url, body, sign(KEY, body))).body).toEqual({ status: 'published' });
    expect(published).toHaveLength(1);
  });

  it('attributes transfer and account events through the index: by id, or by the virtual account or route', async () => {
    const customerId = 'c0ffee00-0000-4000-8000-000000000001';
    await attribution.remember(tenant, 'onramp_transfer', 'T-KNOWN', customerId);
    await attribution.remember(tenant, 'virtual_account', 'VA-1', customerId);
    await attribution.remember(tenant, 'permanent_route_address', 'PRA-1', customerId);
    const events = [
      webhookBody({ event_type: 'onramp_transfer.status.updated', entity_type: 'onramp_transfer', entity_id: 'T-KNOWN' }),
      webhookBody({ event_type: 'onramp_transfer.status.updated', entity_type: 'onramp_transfer', entity_id: 'T-VA', event_payload: { virtual_account: { id: 'VA-1' } } }),
      webhookBody({ event_type: 'cross_chain_transfer.status.updated', entity_type: 'cross_chain_transfer', entity_id: 'X-1', event_payload: { permanent_route_address: { id: 'PRA-1' } } }),
      webhookBody({ event_type: 'virtual_account.created', entity_type: 'virtual_account', entity_id: 'VA-1' }),
      webhookBody({ event_type: 'offramp_transfer.status.updated', entity_type: 'offramp_transfer', entity_id: 'T-UNSEEN' }),
    ];
    for (const body of events) expect((await deliver(url, body, sign(KEY, body))).status).toBe(200);
    expect(published.map((event) => [event.entityId, event.customerId])).toEqual([
      ['T-KNOWN', customerId],
      ['T-VA', customerId],
      ['X-1', customerId],
      ['VA-1', customerId],
      ['T-UNSEEN', null],
    ]);
    // A transfer attributed through its account is remembered by its own id too.
    expect(await attribution.customerOf(tenant, 'onramp_transfer', 'T-VA')).toBe(customerId);
  });

  it('never logs a signature, a key or the body', async () => {
    const body = webhookBody({ entity_object: { email: 'secret.person@example.com' } });
    const signature = sign(KEY, body);
    await deliver(url, body, signature);
    await deliver(url, body, sign('wrong', body));
    const text = logs.join('');
    for (const secret of [signature, KEY, 'secret.person@example.com']) expect(text).not.toContain(secret);
  });
});

describe('the receiver in the server', () => {
  it('answers 404 when no key can be checked, and counts deliveries by outcome in /metrics', async () => {
    await withStack({ demoKey: false }, async (stack) => {
      const body = webhookBody();
      expect((await deliver(stack.server.url, body, sign('anything', body))).status).toBe(404);
    });
    await withStack({}, async (stack) => {
      const body = webhookBody();
      expect((await deliver(stack.server.url, body, sign('emulator-demo-key', body))).status).toBe(200);
      expect((await deliver(stack.server.url, body, sign('emulator-demo-key', body))).status).toBe(200);
      const metrics = await (await fetch(`${stack.server.url}/metrics`)).text();
      expect(metrics).toContain('align_webhook_deliveries_total{outcome="published"} 1');
      expect(metrics).toContain('align_webhook_deliveries_total{outcome="duplicate"} 1');
    });
  });
});
