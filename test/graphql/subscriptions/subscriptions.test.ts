import { describe, expect, it } from '@jest/globals';
import { EMULATOR_DEMO_KEY } from '../../../src/emulator/index.js';
import { CreateWebhookDocument, CustomerKycUpdatedDocument, TransferStatusUpdatedDocument } from '../../generated/graphql.js';
import { deliver, rawSocket, sign, subscribe, webhookBody } from '../../helpers/subscriptions.js';
import { useSharedStack, withStack, type TestStack } from '../../helpers/stack.js';

/**
 * Subscriptions end to end over real sockets: the emulator sends its signed webhook to the server's
 * receiver, which pushes it to graphql-ws subscribers of the same key.
 */

const KEY_A = 'subscriber-key-alpha-7c1d';
const KEY_B = 'subscriber-key-bravo-42e0';
const stack = useSharedStack({ env: { ALIGN_WEBHOOK_KEYS: `${KEY_A},${KEY_B}` } });

async function registerReceiver(apiKey: string): Promise<void> {
  const { body } = await stack.graphql(CreateWebhookDocument, { url: `${stack.server.url}/webhooks/align` }, { headers: { 'api-key': apiKey } });
  expect(body.errors).toBeUndefined();
}

async function customerWithKycSession(apiKey: string, email: string): Promise<string> {
  const seeded = await stack.admin.seedCustomer(apiKey, { email, type: 'individual', first_name: 'Kay', last_name: 'Wise' });
  const id = seeded.customer_id as string;
  const response = await fetch(`${stack.emulator.url}/v0/customers/${id}/kycs`, {
    method: 'POST',
    headers: { 'api-key': apiKey, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status).toBe(201);
  return id;
}

type KycEvent = { customerKycUpdated: { eventId: string; customerId: string; customer: { id: string; kyc: { status: string } } | null } };

describe('customerKycUpdated', () => {
  it('pushes a KYC approval (simulateCustomer upstream) to a subscriber within 1 s, signed delivery and all', async () => {
    await registerReceiver(EMULATOR_DEMO_KEY);
    const customerId = await customerWithKycSession(EMULATOR_DEMO_KEY, 'kyc.push@example.com');
    const subscription = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, { customerId });
    await subscription.ready;
    const started = Date.now();
    await stack.admin.approveKyc(EMULATOR_DEMO_KEY, customerId);
    await subscription.waitFor(1, 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(subscription.results[0]).toEqual({
      data: {
        customerKycUpdated: {
          eventId: expect.stringMatching(/^[0-9a-f]{64}$/),
          occurredAt: expect.any(String),
          customerId,
          customer: { id: customerId, email: 'kyc.push@example.com', kyc: { status: 'APPROVED' } },
        },
      },
    });
    const deliveries = await (await fetch(`${stack.emulator.url}/__emulator/webhook-deliveries`)).json();
    expect(deliveries).toEqual({
      deliveries: [{ url: `${stack.server.url}/webhooks/align`, event_type: 'customer.kycs.updated', status: 'delivered', attempts: 1 }],
    });
    await subscription.close();
  });

  it('with customerId: only that customer\'s events; an unreadable customer is NOT_FOUND, a malformed one BAD_USER_INPUT', async () => {
    await registerReceiver(KEY_A);
    const mine = await customerWithKycSession(KEY_A, 'mine@example.com');
    const other = await customerWithKycSession(KEY_A, 'other@example.com');
    const filtered = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, { customerId: mine }, { 'Api-Key': KEY_A });
    await filtered.ready;
    await stack.admin.approveKyc(KEY_A, other);
    await stack.admin.approveKyc(KEY_A, mine);
    await filtered.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(filtered.results.map((result) => result.data?.customerKycUpdated.customerId)).toEqual([mine]);
    await filtered.close();

    const foreign = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, { customerId: mine }, { Authorization: `Bearer ${KEY_B}` });
    await foreign.waitFor(1);
    expect(foreign.results[0]!.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    const malformed = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, { customerId: 'nope' }, { 'Api-Key': KEY_A });
    await malformed.waitFor(1);
    expect(malformed.results[0]!.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    await Promise.all([foreign.close(), malformed.close()]);
  });

  it('never shows one key\'s events to a subscriber of another key', async () => {
    const alpha = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, {}, { 'Api-Key': KEY_A });
    const bravo = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, {}, { 'Api-Key': KEY_B });
    await Promise.all([alpha.ready, bravo.ready]);
    const body = webhookBody();
    expect((await deliver(stack.server.url, body, sign(KEY_A, body))).status).toBe(200);
    await alpha.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bravo.results).toEqual([]);
    await Promise.all([alpha.close(), bravo.close()]);
  });

  it('is FORBIDDEN for a key whose webhooks this server does not receive', async () => {
    const subscription = subscribe<KycEvent>(stack.server.url, CustomerKycUpdatedDocument, {}, { 'Api-Key': 'key-not-configured-9f' });
    await subscription.waitFor(1);
    expect(subscription.results[0]!.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    await subscription.close();
  });
});

describe('transferStatusUpdated', () => {
  it('passes an unattributed transfer event to unfiltered subscribers of the kind only', async () => {
    type Event = { transferStatusUpdated: Record<string, unknown> };
    const all = subscribe<Event>(stack.server.url, TransferStatusUpdatedDocument, {}, { 'Api-Key': KEY_A });
    const offrampOnly = subscribe<Event>(stack.server.url, TransferStatusUpdatedDocument, { kinds: ['OFFRAMP'] }, { 'Api-Key': KEY_A });
    await Promise.all([all.ready, offrampOnly.ready]);
    const transferId = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const vaId = '11111111-2222-4333-8444-555555555555';
    const body = webhookBody({
      event_type: 'onramp_transfer.status.updated',
      entity_type: 'onramp_transfer',
      entity_id: transferId,
      event_payload: { virtual_account: { id: vaId } },
    });
    expect((await deliver(stack.server.url, body, sign(KEY_A, body))).status).toBe(200);
    await all.waitFor(1);
    expect(all.results[0]!.data!.transferStatusUpdated).toMatchObject({
      kind: 'ONRAMP',
      transferId,
      customerId: null,
      virtualAccountId: vaId,
      permanentRouteAddressId: null,
      transfer: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(offrampOnly.results).toEqual([]);
    await Promise.all([all.close(), offrampOnly.close()]);
  });
});

describe('the transport', () => {
  it('refuses a subscription sent as HTTP POST with GRAPHQL_VALIDATION_FAILED and says where to go', async () => {
    const { status, body } = await stack.graphql('subscription { customerKycUpdated { eventId } }');
    expect(status).toBe(200); // application/json clients get request errors in a 200 (http-status.ts)
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('open a WebSocket to /graphql'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('closes with 4403 a connection_init with a malformed key, and the demo key is not lent to another site\'s page', async () => {
    const bad = await rawSocket(stack.server.url);
    bad.socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: 'Bearer two words' } }));
    expect((await bad.closed).code).toBe(4403);

    const crossSite = await rawSocket(stack.server.url, { origin: 'https://evil.example' });
    crossSite.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect((await crossSite.closed).code).toBe(4403);

    const sameSite = await rawSocket(stack.server.url, { origin: stack.server.url });
    const acked = new Promise((resolve) => sameSite.socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    sameSite.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(await acked).toEqual({ type: 'connection_ack' });
    sameSite.socket.close();
  });

  it('closes with 4408 a socket that sends no connection_init within 3 s', async () => {
    const { closed } = await rawSocket(stack.server.url);
    const started = Date.now();
    expect((await closed).code).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
  }, 10_000);

  it('runs at most 20 subscriptions on one connection', async () => {
    const { socket, closed } = await rawSocket(stack.server.url);
    const messages: Array<{ type: string; id?: string; payload?: unknown }> = [];
    await initialised(socket, { 'Api-Key': KEY_A });
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    for (let i = 1; i <= 21; i += 1) {
      socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: 'subscription { customerKycUpdated { eventId } }' } }));
    }
    const deadline = Date.now() + 5_000;
    while (!messages.some((message) => message.type === 'error') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.filter((message) => message.type === 'error')).toEqual([
      { id: '21', type: 'error', payload: [expect.objectContaining({ message: 'At most 20 subscriptions can run on one connection.', extensions: { code: 'BAD_REQUEST' } })] },
    ]);
    socket.close();
    await closed;
  });

  it('cuts off a subscriber that reads nothing with 1013 before its backlog passes 1 MiB', async () => {
    const { socket, closed } = await rawSocket(stack.server.url);
    await initialised(socket, { 'Api-Key': KEY_A });
    socket.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: 'subscription { customerKycUpdated { customerId customer { firstName lastName } } }' } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // From here on the client reads nothing: the server's writes pile up in the kernel, then in its own queues.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    let received = 0;
    socket.on('message', () => (received += 1));
    const name = 'N'.repeat(4_000);
    let published = 0;
    for (let i = 0; i < 1_000; i += 1) {
      const body = webhookBody({
        entity_id: '6a1f2b9c-0d3e-4f5a-8b7c-9d0e1f2a3b4c',
        entity_object: { customer_id: '6a1f2b9c-0d3e-4f5a-8b7c-9d0e1f2a3b4c', email: `e${i}@example.com`, first_name: name, last_name: name },
      });
      if ((await deliver(stack.server.url, body, sign(KEY_A, body))).status === 200) published += 1;
    }
    expect(published).toBe(1_000);
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await closed).code).toBe(1013);
    // 1,000 events of ~8 KB (~8 MB) were published; the server held at most 1 MiB for this client and
    // dropped the rest, so what reaches the client is what the kernel buffers held plus that MiB.
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(1_000);
  }, 60_000);

  it('closes subscriptions with 1001 when the server shuts down', async () => {
    await withStack({}, async (own: TestStack) => {
      const { socket, closed } = await rawSocket(own.server.url);
      await initialised(socket, {});
      socket.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: 'subscription { customerKycUpdated { eventId } }' } }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await own.server.close();
      expect((await closed).code).toBe(1001);
    });
  });
});

/** Sends connection_init and resolves on the server's connection_ack. */
function initialised(socket: import('ws').WebSocket, payload: Record<string, string>): Promise<void> {
  const acked = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.send(JSON.stringify({ type: 'connection_init', payload }));
  return acked;
}
