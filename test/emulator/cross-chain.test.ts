import { describe, expect, it } from '@jest/globals';
import { UUID_V4, useSharedEmulator } from './helpers.js';

/** The emulator's cross-chain routes (docs/align-api.md §15) and permanent routes (§16), over HTTP. */

const emu = useSharedEmulator();
const SOLANA = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const EVM = '0x52908400098527886E0F7030069857D2E4169EE7';
const TRANSFER = { amount: '10.5', source_network: 'ethereum', source_token: 'usdc', destination_network: 'solana', destination_token: 'usdc', destination_address: SOLANA };
const QUOTE = { source_token: 'usdc', source_network: 'base', destination_token: 'usdt', destination_network: 'tron' };
const ROUTE = { destination_network: 'polygon', destination_token: 'usdt', destination_address: EVM };

const path = (customerId: string, rest = '') => `/v0/customers/${customerId}/cross-chain-transfer${rest}`;

async function customer(key = 'key-a'): Promise<string> {
  return emu.newCustomerId(`${Math.random().toString(36).slice(2)}@example.com`, key);
}

describe('POST …/cross-chain-transfer/quote', () => {
  it('requires an Idempotency-Key (400 without)', async () => {
    const answer = await emu.call('POST', path(await customer(), '/quote'), { json: { ...QUOTE, source_amount: '5' } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('idempotency_key_required');
  });

  it('prices either side with a flat fee and a 1:1 rate, expiring after the quote lifetime', async () => {
    const customerId = await customer();
    const headers = { 'idempotency-key': 'q-1' };
    const bySource = await emu.call('POST', path(customerId, '/quote'), { headers, json: { ...QUOTE, source_amount: '5' } });
    expect(bySource.status).toBe(201);
    expect(bySource.body).toMatchObject({ ...QUOTE, quote_id: expect.stringMatching(UUID_V4), source_amount: '5', destination_amount: '4.00', fee_amount: '1.00', exchange_rate: '1' });
    expect(Date.parse(bySource.body.expire_at) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    const byDestination = await emu.call('POST', path(customerId, '/quote'), { headers: { 'idempotency-key': 'q-2' }, json: { ...QUOTE, destination_amount: '0.5' } });
    expect(byDestination.body).toMatchObject({ source_amount: '1.50', destination_amount: '0.5' });
  });

  it.each([
    ['no amount', { ...QUOTE }],
    ['both amounts', { ...QUOTE, source_amount: '5', destination_amount: '5' }],
    ['an amount below the fee', { ...QUOTE, source_amount: '1' }],
    ['an unknown network', { ...QUOTE, source_network: 'avalanche', source_amount: '5' }],
    ['a fee above 100', { ...QUOTE, source_amount: '5', developer_fee_percent: '101' }],
  ])('answers 400 for %s', async (_name, json) => {
    const answer = await emu.call('POST', path(await customer(), '/quote'), { headers: { 'idempotency-key': 'q-bad' }, json });
    expect(answer.status).toBe(400);
  });
});

describe('cross-chain transfers', () => {
  it('creates with 200, completes (answer processing), and reads completed, with an event per status', async () => {
    const customerId = await customer();
    const created = await emu.call('POST', path(customerId), { json: TRANSFER });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(UUID_V4),
      status: 'pending',
      amount: '10.5',
      source_network: 'ethereum',
      source_token: 'usdc',
      source_address: null,
      destination_network: 'solana',
      destination_token: 'usdc',
      destination_address: SOLANA,
      quote: { deposit_token: 'usdc', deposit_network: 'ethereum', deposit_address: expect.stringMatching(/^0x[0-9a-f]{40}$/), deposit_amount: '11.50', fee_amount: '1.00' },
    });
    const id = created.body.id as string;
    const completed = await emu.call('POST', path(customerId, `/${id}/complete`), { json: { deposit_transaction_hash: `0x${'1'.repeat(64)}` } });
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('processing');
    expect((await emu.call('GET', path(customerId, `/${id}`))).body.status).toBe('completed');
    const again = await emu.call('POST', path(customerId, `/${id}/complete`), { json: { deposit_transaction_hash: `0x${'1'.repeat(64)}` } });
    expect(again.status).toBe(409);
    const events = (await emu.admin('GET', 'events?api_key=key-a')).body.events as Array<Record<string, unknown>>;
    expect(events.filter((event) => event.entity_id === id)).toEqual(
      Array(3).fill({ event_type: 'cross_chain_transfer.status.updated', entity_type: 'cross_chain_transfer', entity_id: id, created_at: expect.any(String) }),
    );
  });

  it('requires the deposit hash and every create field', async () => {
    const customerId = await customer();
    const { body } = await emu.call('POST', path(customerId), { json: TRANSFER });
    expect((await emu.call('POST', path(customerId, `/${body.id}/complete`), { json: {} })).status).toBe(400);
    for (const field of Object.keys(TRANSFER)) {
      const { [field]: _left, ...rest } = TRANSFER as Record<string, string>;
      expect([field, (await emu.call('POST', path(customerId), { json: rest })).status]).toEqual([field, 400]);
    }
  });

  it("answers 404 for another tenant's or another customer's transfer", async () => {
    const customerId = await customer();
    const { body } = await emu.call('POST', path(customerId), { json: TRANSFER });
    expect((await emu.call('GET', path(customerId, `/${body.id}`), { key: 'key-b' })).status).toBe(404);
    expect((await emu.call('GET', path(await customer(), `/${body.id}`))).status).toBe(404);
    expect((await emu.call('POST', path('00000000-0000-4000-8000-000000000000'), { json: TRANSFER })).status).toBe(404);
  });
});

describe('permanent route addresses', () => {
  it('creates a route with one address per source chain, gets it, and lists it under the literal list route', async () => {
    const customerId = await customer();
    const created = await emu.call('POST', path(customerId, '/permanent-route-address'), { json: ROUTE });
    expect(created.status).toBe(201);
    const chains = created.body.route_chain_addresses as Record<string, { address: string }>;
    expect(Object.keys(chains)).toEqual(['ethereum', 'base', 'polygon', 'tron', 'solana']);
    expect(chains.tron!.address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    expect(chains.solana!.address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(created.body.route_destination).toEqual({ network: 'polygon', token: 'usdt', address: EVM });
    const id = created.body.permanent_route_address_id as string;
    expect((await emu.call('GET', path(customerId, `/permanent-route-address/${id}`))).body).toEqual(created.body);
    expect((await emu.call('GET', path(customerId, '/permanent-route-address/list'))).body).toEqual({ items: [created.body] });
    expect((await emu.call('GET', path(customerId, '/permanent-route-address/list'), { key: 'key-b' })).status).toBe(404);
  });

  it('takes only the destinations the SDK names', async () => {
    const answer = await emu.call('POST', path(await customer(), '/permanent-route-address'), { json: { ...ROUTE, destination_network: 'solana' } });
    expect(answer.status).toBe(400);
  });

  it('turns an admin deposit into a completed transfer of the route customer, with the route in the event', async () => {
    const customerId = await customer();
    const { body: route } = await emu.call('POST', path(customerId, '/permanent-route-address'), { json: ROUTE });
    const id = route.permanent_route_address_id as string;
    const deposit = await emu.admin('POST', 'deposits', { api_key: 'key-a', permanent_route_address_id: id, amount: '7' });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toEqual({ transfer_id: expect.stringMatching(UUID_V4), kind: 'cross-chain', customer_id: customerId });
    const transfer = await emu.call('GET', path(customerId, `/${deposit.body.transfer_id}`));
    expect(transfer.body).toMatchObject({ status: 'completed', amount: '7', source_network: 'ethereum', destination_address: EVM, quote: { deposit_address: route.route_chain_addresses.ethereum.address } });
    const events = (await emu.admin('GET', 'events?api_key=key-a')).body.events as Array<Record<string, unknown>>;
    expect(events.at(-1)).toMatchObject({ entity_id: deposit.body.transfer_id, event_payload: { permanent_route_address: { id } } });
  });

  it("answers 404 for a deposit to an unknown or another tenant's route", async () => {
    const { body: route } = await emu.call('POST', path(await customer(), '/permanent-route-address'), { json: ROUTE });
    const foreign = await emu.admin('POST', 'deposits', { api_key: 'key-b', permanent_route_address_id: route.permanent_route_address_id, amount: '7' });
    expect(foreign.status).toBe(404);
  });
});
