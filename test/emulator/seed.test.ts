import { describe, expect, it } from '@jest/globals';
import { useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();
const admin = (method: string, path: string, json?: unknown) => emu.call(method, `/__emulator/${path}`, { key: null, json });

describe('POST /__emulator/seed', () => {
  it('stores a customer as given and serves it to that tenant only', async () => {
    const seeded = await admin('POST', 'seed', { api_key: 'key-a', collection: 'customers', record: { email: 's@example.com', type: 'individual', kycs: { status: 'mystery' } } });
    expect(seeded.status).toBe(201);
    const id = seeded.body.id as string;
    const read = await emu.call('GET', `/v0/customers/${id}`);
    expect(read.body).toEqual({ customer_id: id, email: 's@example.com', type: 'individual', kycs: { status: 'mystery' } });
    expect((await emu.call('GET', `/v0/customers/${id}`, { key: 'key-b' })).status).toBe(404);
  });

  it('stores a record of a customer-scoped collection under that customer', async () => {
    const customerId = '0b6f7c0e-8a57-4e8a-9d3b-3b0f1f4a2c11';
    const seeded = await admin('POST', 'seed', { api_key: 'key-a', customer_id: customerId, collection: 'virtual-accounts', record: { status: 'odd' } });
    expect(seeded.status).toBe(201);
    expect(seeded.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await admin('POST', 'seed', { api_key: 'key-a', customer_id: customerId, collection: 'virtual-accounts', record: { id: seeded.body.id } });
    expect(again.status).toBe(409);
  });

  it.each([
    [{ api_key: 'key-a', collection: 'nope', record: {} }, /collection must be one of/],
    [{ api_key: 'key-a', collection: 'files', record: {}, extra: 1 }, /Unknown fields: extra/],
    [{ api_key: 'key-a', collection: 'onramp-transfers', record: {} }, /customer_id \(a UUID\) is required/],
    [{ api_key: 'key-a', collection: 'webhooks', customer_id: '0b6f7c0e-8a57-4e8a-9d3b-3b0f1f4a2c11', record: {} }, /customer_id must be omitted/],
    [{ api_key: '', collection: 'files', record: {} }, /api_key/],
    [{ api_key: 'key-a', collection: 'files', record: [] }, /record must be a JSON object/],
  ])('refuses %j with a 400 naming the problem', async (body, message) => {
    const answer = await admin('POST', 'seed', body);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(message);
  });
});

describe('POST /__emulator/settings', () => {
  it('sets the quote lifetime, answers every setting, and reset restores the default', async () => {
    const defaults = await admin('POST', 'settings', {});
    expect(defaults.body).toEqual({ quoteTtlMs: 900_000 });
    expect((await admin('POST', 'settings', { quoteTtlMs: 50 })).body).toEqual({ quoteTtlMs: 50 });
    await emu.reset();
    expect((await admin('POST', 'settings', {})).body).toEqual({ quoteTtlMs: 900_000 });
  });

  it.each([{ quoteTtlMs: -1 }, { quoteTtlMs: 'soon' }, { quoteTtlMs: 1.5 }, { other: 1 }])('refuses %j', async (body) => {
    expect((await admin('POST', 'settings', body)).status).toBe(400);
  });
});

describe('the event hook', () => {
  it('records customer.kycs.updated with the customer snapshot when KYC is approved by simulate', async () => {
    const created = await emu.call('POST', '/v0/customers', { json: { email: 'ev@example.com', type: 'individual', first_name: 'E', last_name: 'V' } });
    const id = created.body.customer_id as string;
    await emu.call('POST', `/v0/customers/${id}/kycs`, { json: {} });
    await emu.call('POST', '/v0/customers/simulate', { json: { action: 'kyc.status.approve', customer_id: id } });
    const { body } = await emu.call('GET', '/__emulator/events?api_key=key-a', { key: null });
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({
      event_type: 'customer.kycs.updated',
      entity_type: 'customer',
      entity_id: id,
      entity_object: { customer_id: id, kycs: { status: 'approved' } },
    });
    expect(Date.parse(body.events[0].created_at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await emu.call('GET', '/__emulator/events?api_key=key-b', { key: null })).body.events).toEqual([]);
  });
});
