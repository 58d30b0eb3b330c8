import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorAdmin } from '../helpers/stack.js';

/** R38-R40 and signed deliveries, against a real receiving HTTP server on loopback. */

const KEY = 'emulator-webhook-key-1a';
let emulator: RunningEmulator;
let admin: EmulatorAdmin;
let receiver: Server;
let receiverUrl: string;
let answers: number[] = [];
let received: Array<{ body: string; signature: string | undefined }> = [];

beforeAll(async () => {
  emulator = await startEmulator();
  admin = new EmulatorAdmin(emulator.url);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-hmac-signature'] as string | undefined });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  await admin.reset();
  answers = [];
  received = [];
});

function call(method: string, path: string, apiKey = KEY, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'api-key': apiKey, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function deliveries(): Promise<unknown[]> {
  return ((await (await fetch(`${emulator.url}/__emulator/webhook-deliveries`)).json()) as { deliveries: unknown[] }).deliveries;
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function approvedCustomer(apiKey = KEY): Promise<string> {
  const customer = await admin.seedCustomer(apiKey, { email: `${Date.now()}@example.com`, type: 'individual', first_name: 'A', last_name: 'B', kycs: { status: 'pending' } });
  await admin.approveKyc(apiKey, customer.customer_id as string);
  return customer.customer_id as string;
}

describe('webhook registration', () => {
  it('creates (201), lists and deletes (204) per tenant; another tenant\'s id is 404', async () => {
    const created = await call('POST', '/v0/webhooks', KEY, { url: receiverUrl });
    expect(created.status).toBe(201);
    const webhook = (await created.json()) as Record<string, unknown>;
    expect(webhook).toEqual({ id: expect.any(String), url: receiverUrl, status: 'active', created_at: expect.any(String) });
    expect(await (await call('GET', '/v0/webhooks')).json()).toEqual({ items: [webhook] });
    expect(await (await call('GET', '/v0/webhooks', 'someone-else')).json()).toEqual({ items: [] });
    expect((await call('DELETE', `/v0/webhooks/${webhook.id}`, 'someone-else')).status).toBe(404);
    const deleted = await call('DELETE', `/v0/webhooks/${webhook.id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await call('DELETE', `/v0/webhooks/${webhook.id}`)).status).toBe(404);
  });

  it.each([
    ['text', 'not a URL'],
    ['an ftp URL', 'ftp://example.com/x'],
    ['a URL over 1024 characters', `https://example.com/${'a'.repeat(1024)}`],
    ['a number', 42],
  ])('refuses %s as url with 400', async (_name, url) => {
    expect((await call('POST', '/v0/webhooks', KEY, { url })).status).toBe(400);
  });
});

describe('deliveries', () => {
  it('POSTs each event to every active webhook, signed with the tenant key', async () => {
    await call('POST', '/v0/webhooks', KEY, { url: receiverUrl });
    const customerId = await approvedCustomer();
    await until(async () => received.length === 1);
    const [{ body, signature }] = received as [{ body: string; signature: string }];
    expect(signature).toBe(createHmac('sha256', KEY).update(body).digest('hex'));
    expect(JSON.parse(body)).toMatchObject({ event_type: 'customer.kycs.updated', entity_type: 'customer', entity_id: customerId, entity_object: { customer_id: customerId } });
    expect(await deliveries()).toEqual([{ url: receiverUrl, event_type: 'customer.kycs.updated', status: 'delivered', attempts: 1 }]);
  });

  it('redelivers a failed delivery at most twice', async () => {
    await call('POST', '/v0/webhooks', KEY, { url: receiverUrl });
    answers = [500, 503];
    await approvedCustomer();
    await until(async () => JSON.stringify(await deliveries()).includes('delivered'));
    expect(await deliveries()).toEqual([expect.objectContaining({ status: 'delivered', attempts: 3 })]);
    answers = [500, 500, 500, 500];
    await approvedCustomer();
    await until(async () => JSON.stringify(await deliveries()).includes('failed'));
    expect((await deliveries())[1]).toEqual(expect.objectContaining({ status: 'failed', attempts: 3 }));
    expect(received).toHaveLength(6);
  });

  it('sends nothing off the machine, and nothing to other tenants\' webhooks', async () => {
    await call('POST', '/v0/webhooks', KEY, { url: 'https://hooks.example.com/align' });
    await call('POST', '/v0/webhooks', 'another-tenant', { url: receiverUrl });
    await approvedCustomer();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await deliveries()).toEqual([{ url: 'https://hooks.example.com/align', event_type: 'customer.kycs.updated', status: 'skipped', attempts: 0 }]);
    expect(received).toEqual([]);
  });
});
