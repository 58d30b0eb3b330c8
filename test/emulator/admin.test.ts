import { describe, expect, it } from '@jest/globals';
import { useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

describe('GET /__emulator/stats', () => {
  it('counts requests per route template, including 4xx and 401, but not admin or unknown routes', async () => {
    expect((await emu.admin('GET', 'stats')).body).toEqual({ requests: {} });
    const id = await emu.newCustomerId('s1@example.com');
    await emu.createIndividual('s1@example.com'); // 409
    await emu.call('POST', '/v0/customers', { key: null }); // 401
    await emu.call('GET', `/v0/customers/${id}`);
    await emu.call('GET', '/v0/customers/123e4567-e89b-42d3-a456-426614174000'); // 404
    await emu.call('GET', `/v0/customers/${id}`, { key: 'key-b' }); // 404
    await emu.call('POST', `/v0/customers/${id}/kycs`);
    await emu.call('GET', '/v0/unknown'); // not a route
    await emu.call('PATCH', '/v0/customers'); // 405: no route matched
    await emu.admin('GET', 'faults');
    const stats = await emu.admin('GET', 'stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({
      requests: {
        'POST /v0/customers': 3,
        'GET /v0/customers/:customer_id': 3,
        'POST /v0/customers/:customer_id/kycs': 1,
      },
    });
  });

  it('counts requests answered by a fault', async () => {
    await emu.addFault({ kind: 'status', status: 500, times: 2 });
    await emu.call('GET', '/v0/customers');
    await emu.call('GET', '/v0/customers');
    const stats = await emu.admin('GET', 'stats');
    expect(stats.body.requests).toEqual({ 'GET /v0/customers': 2 });
  });
});

describe('POST /__emulator/reset', () => {
  it('forgets customers, counters, idempotency records and faults', async () => {
    const headers = { 'idempotency-key': 'k-reset' };
    await emu.createIndividual('r@example.com', 'key-a', headers);
    await emu.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'status', status: 500 });
    const answer = await emu.reset();
    expect([answer.status, answer.body]).toEqual([200, {}]);
    expect((await emu.admin('GET', 'faults')).body).toEqual({ faults: [] });
    expect((await emu.admin('GET', 'stats')).body).toEqual({ requests: {} });
    expect(await emu.listCustomers()).toEqual([]);
    // the same key with another body is a fresh request, not a reuse
    const again = await emu.createIndividual('other@example.com', 'key-a', headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('POST /__emulator/customers (seeding raw upstream values)', () => {
  const raw = {
    email: 'seeded@example.com',
    type: 'individual',
    first_name: 'Seed',
    last_name: 'Ling',
    company_name: null,
    address: null,
    kycs: {
      status: 'under_review',
      sub_status: 'something_new',
      kyc_flow_link: 'https://kyc.example/x',
      status_breakdown: [{ currency: 'gbp', payment_rails: 'faster_payments', status: 'pending' }],
    },
  };

  it('stores the customer as given and serves it to its tenant only', async () => {
    const seeded = await emu.admin('POST', 'customers', { api_key: 'key-a', customer: raw });
    expect(seeded.status).toBe(201);
    expect(seeded.body).toEqual({ customer_id: expect.any(String), ...raw });
    const id = seeded.body.customer_id as string;
    const got = await emu.call('GET', `/v0/customers/${id}`);
    expect(got.body).toEqual(seeded.body);
    expect(await emu.listCustomers('key-a', 'SEEDED@example.com')).toEqual([seeded.body]);
    expect((await emu.call('GET', `/v0/customers/${id}`, { key: 'key-b' })).status).toBe(404);
    expect((await emu.admin('GET', 'stats')).body.requests['POST /v0/customers']).toBeUndefined();
  });

  it('keeps the given customer_id, fields missing, and the email unique', async () => {
    const customerId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const seeded = await emu.admin('POST', 'customers', { api_key: 'key-a', customer: { customer_id: customerId, email: 'bare@example.com' } });
    expect(seeded.body).toEqual({ customer_id: customerId, email: 'bare@example.com' });
    expect((await emu.call('GET', `/v0/customers/${customerId}`)).body).toEqual({ customer_id: customerId, email: 'bare@example.com' });
    const dupId = await emu.admin('POST', 'customers', { api_key: 'key-a', customer: { customer_id: customerId } });
    expect([dupId.status, dupId.body.code]).toEqual([409, 'customer_already_exists']);
    const dupEmail = await emu.createIndividual('BARE@example.com');
    expect([dupEmail.status, dupEmail.body.code]).toEqual([409, 'customer_already_exists']);
  });

  it('lets simulate approve a seeded customer, keeping unknown breakdown values', async () => {
    const seeded = await emu.admin('POST', 'customers', { api_key: 'key-a', customer: raw });
    const id = seeded.body.customer_id as string;
    const answer = await emu.call('POST', '/v0/customers/simulate', { json: { action: 'kyc.status.approve', customer_id: id } });
    expect(answer.status).toBe(200);
    const kycs = (await emu.call('GET', `/v0/customers/${id}`)).body.kycs;
    expect(kycs.status).toBe('approved');
    expect(kycs.status_breakdown).toEqual([{ currency: 'gbp', payment_rails: 'faster_payments', status: 'approved' }]);
  });

  it.each([
    ['a missing api_key', { customer: {} }, /^api_key/],
    ['an api_key with a space', { api_key: 'a b', customer: {} }, /^api_key/],
    ['a missing customer', { api_key: 'key-a' }, /^customer must be/],
    ['a non-UUID customer_id', { api_key: 'key-a', customer: { customer_id: 'abc' } }, /^customer\.customer_id must be a UUID/],
  ])('answers 400 for %s', async (_name, json, message) => {
    const answer = await emu.admin('POST', 'customers', json);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_error');
    expect(answer.body.message).toMatch(message);
    expect(answer.text).not.toContain('a b');
  });
});
