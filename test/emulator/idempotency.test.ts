import { describe, expect, it } from '@jest/globals';
import { useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

const body = { email: 'idem@example.com', type: 'individual', first_name: 'Ida', last_name: 'Em' };

function create(key: string, json: unknown = body, apiKey = 'key-a') {
  return emu.call('POST', '/v0/customers', { key: apiKey, json, headers: { 'idempotency-key': key } });
}

describe('Idempotency-Key', () => {
  it('replays the first answer for a repeat with the same body', async () => {
    const first = await create('k-1');
    const second = await create('k-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await emu.listCustomers()).toHaveLength(1);
  });

  it('treats a body with other key order and spacing as the same request', async () => {
    const first = await create('k-order');
    const raw = '{ "last_name": "Em", "first_name": "Ida", "type": "individual", "email": "idem@example.com" }';
    const second = await emu.call('POST', '/v0/customers', { raw, headers: { 'idempotency-key': 'k-order' } });
    expect(second.status).toBe(201);
    expect(second.body.customer_id).toBe(first.body.customer_id);
  });

  it('replays error answers too', async () => {
    const first = await create('k-err', { ...body, email: 'nope' });
    const second = await create('k-err', { ...body, email: 'nope' });
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 409 idempotency_key_reused for the same key with a different body', async () => {
    await create('k-2');
    const reused = await create('k-2', { ...body, email: 'other@example.com' });
    expect(reused.status).toBe(409);
    expect(reused.body).toEqual({
      message: 'This Idempotency-Key was already used with a different request.',
      code: 'idempotency_key_reused',
    });
    expect(await emu.listCustomers()).toHaveLength(1);
  });

  it('executes one of 10 concurrent requests with the same key', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => create('k-concurrent')));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.customer_id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await emu.listCustomers()).toHaveLength(1);
    expect((await emu.admin('GET', 'stats')).body.requests['POST /v0/customers']).toBe(10);
  });

  it('scopes keys per tenant', async () => {
    const a = await create('k-shared', body, 'key-a');
    const b = await create('k-shared', body, 'key-b');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.customer_id).not.toBe(b.body.customer_id);
  });

  it('scopes keys per route template, and a different path under one template is a different request', async () => {
    const customer = await create('k-route');
    const id = customer.body.customer_id as string;
    const other = await emu.newCustomerId('second@example.com');
    const kyc = (customerId: string) =>
      emu.call('POST', `/v0/customers/${customerId}/kycs`, { json: {}, headers: { 'idempotency-key': 'k-route' } });
    const first = await kyc(id);
    expect(first.status).toBe(201);
    const replay = await kyc(id);
    expect(replay.body.kycs.kyc_flow_link).toBe(first.body.kycs.kyc_flow_link);
    const elsewhere = await kyc(other);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([409, 'idempotency_key_reused']);
  });

  it('replays the answer as it was, not the current state', async () => {
    const first = await create('k-snapshot');
    const id = first.body.customer_id as string;
    await emu.call('POST', `/v0/customers/${id}/kycs`);
    expect((await create('k-snapshot')).body).toEqual(first.body);
  });

  it('rejects an overlong or spaced key with 400 and executes nothing', async () => {
    for (const key of ['x'.repeat(256), 'two words']) {
      const answer = await create(key);
      expect([answer.status, answer.body.code]).toEqual([400, 'validation_error']);
    }
    expect(await emu.listCustomers()).toEqual([]);
  });

  it('ignores the header on GET', async () => {
    const answer = await emu.call('GET', '/v0/customers', { headers: { 'idempotency-key': 'two words' } });
    expect(answer.status).toBe(200);
  });

  it('lets a request that got a status fault be retried with the same key', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'status', status: 503, times: 1 });
    expect((await create('k-retry')).status).toBe(503);
    const retried = await create('k-retry');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });
});
