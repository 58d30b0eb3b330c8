import { describe, expect, it } from '@jest/globals';
import { decimal, divideUp, format, multiply, subtract } from '../../src/emulator/decimal.js';
import { price } from '../../src/emulator/offramp-quotes.js';
import { upstreamRoutes } from '../../src/emulator/routes.js';
import { EmulatorClient, useSharedEmulator } from './helpers.js';

/** The emulator's off-ramp and external-account routes (docs/align-api.md §11, §12), over HTTP. */

const emulator = useSharedEmulator();
const base = (customerId: string) => `/v0/customers/${customerId}/offramp-transfer`;
let keyCounter = 0;
const keyed = (json: unknown) => ({ json, headers: { 'idempotency-key': `k-${(keyCounter += 1)}` } });

const BANK = {
  bank_name: 'Bank',
  account_holder_type: 'business',
  account_holder_business_name: 'Acme',
  account_holder_address: { country: 'US', city: 'NYC', street_line_1: '1 Main', postal_code: '10001' },
  account_type: 'us',
  us: { account_number: '123456789', routing_number: '021000021' },
};
const QUOTE = { source_token: 'usdc', source_network: 'solana', destination_currency: 'eur', destination_payment_rails: 'sepa', source_amount: '100' };

async function transfer(client: EmulatorClient, customerId: string): Promise<Record<string, any>> {
  const quote = await client.call('POST', `${base(customerId)}/quote`, keyed(QUOTE));
  const made = await client.call('POST', `${base(customerId)}/quote/${quote.body.quote_id}`, keyed({ destination_bank_account: BANK }));
  expect(made.status).toBe(201);
  return made.body;
}

describe('exact pricing', () => {
  it('multiplies, subtracts and divides decimals without floats', () => {
    expect(format(multiply(decimal('0.1'), decimal('0.00001')))).toBe('0.000001');
    expect(format(subtract(decimal('0.1'), decimal('0.000001')))).toBe('0.099999');
    expect(format(divideUp(decimal('1'), decimal('3'), 6))).toBe('0.333334');
    expect(format(decimal('100.500'))).toBe('100.5');
  });

  it('prices from either end', () => {
    expect(price('usd', { source: '0.1' }, '0.001')).toEqual({ source_amount: '0.1', destination_amount: '0.099999', fee_amount: '0.000001', exchange_rate: '1' });
    expect(price('eur', { destination: '98' })).toEqual({ source_amount: '100', destination_amount: '98', fee_amount: '0', exchange_rate: '0.98' });
  });
});

describe('routes', () => {
  it('serves the nine off-ramp and external-account routes', () => {
    const ours = upstreamRoutes.keys().filter((key) => /offramp-transfer|external-accounts/.test(key));
    expect(ours).toHaveLength(9);
  });
});

describe('quotes', () => {
  it('require an Idempotency-Key on every documented route (400 without)', async () => {
    const customerId = await emulator.newCustomerId('q@example.com');
    for (const path of [`${base(customerId)}/quote`, `${base(customerId)}/quote/x`, base(customerId), `${base(customerId)}/x/complete`, `/v0/customers/${customerId}/external-accounts`]) {
      const answer = await emulator.call('POST', path, { json: {} });
      expect([path, answer.status, answer.body.code]).toEqual([path, 400, 'idempotency_key_required']);
    }
    expect((await emulator.call('POST', `${base(customerId)}/simulate`, { json: {} })).body.code).toBe('validation_error');
  });

  it('answer a quote with its expiry, usable once', async () => {
    const customerId = await emulator.newCustomerId('once@example.com');
    const quote = await emulator.call('POST', `${base(customerId)}/quote`, keyed(QUOTE));
    expect(quote.status).toBe(201);
    expect(quote.body).toMatchObject({ source_amount: '100', destination_amount: '98', exchange_rate: '0.98', source_network: 'solana' });
    expect(Date.parse(quote.body.expire_at)).toBeGreaterThan(Date.now());
    const path = `${base(customerId)}/quote/${quote.body.quote_id}`;
    expect((await emulator.call('POST', path, keyed({ destination_bank_account: BANK }))).status).toBe(201);
    const again = await emulator.call('POST', path, keyed({ destination_bank_account: BANK }));
    expect([again.status, again.body.code]).toEqual([409, 'quote_already_used']);
  });

  it('expire after quoteTtlMs (400), and are unknown to other customers (404)', async () => {
    const customerId = await emulator.newCustomerId('ttl@example.com');
    const other = await emulator.newCustomerId('other@example.com');
    await emulator.admin('POST', 'settings', { quoteTtlMs: 0 });
    const quote = await emulator.call('POST', `${base(customerId)}/quote`, keyed(QUOTE));
    const late = await emulator.call('POST', `${base(customerId)}/quote/${quote.body.quote_id}`, keyed({ destination_bank_account: BANK }));
    expect([late.status, late.body.code]).toEqual([400, 'quote_expired']);
    const foreign = await emulator.call('POST', `${base(other)}/quote/${quote.body.quote_id}`, keyed({ destination_bank_account: BANK }));
    expect([foreign.status, foreign.body.code]).toEqual([404, 'quote_not_found']);
  });

  it('refuse both amounts, an unknown network and a bad bank account', async () => {
    const customerId = await emulator.newCustomerId('bad@example.com');
    const both = await emulator.call('POST', `${base(customerId)}/quote`, keyed({ ...QUOTE, destination_amount: '5' }));
    expect(both.status).toBe(400);
    expect((await emulator.call('POST', `${base(customerId)}/quote`, keyed({ ...QUOTE, source_network: 'avalanche' }))).status).toBe(400);
    const bank = await emulator.call('POST', base(customerId), keyed({ ...QUOTE, amount: '5', destination_bank_account: { ...BANK, us: { account_number: '1', routing_number: '1' } } }));
    expect([bank.status, bank.body.code]).toEqual([400, 'validation_error']);
  });
});

describe('transfers', () => {
  it('go pending -> processing -> completed with an event each, and refuse a second run', async () => {
    const customerId = await emulator.newCustomerId('life@example.com');
    const made = await transfer(emulator, customerId);
    expect(made).toMatchObject({ status: 'pending', amount: '98', quote: { deposit_network: 'solana', deposit_transaction_hash: null } });
    expect(made.quote.deposit_blockchain_address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{44}$/);
    const completed = await emulator.call('POST', `${base(customerId)}/${made.id}/complete`, keyed({ deposit_transaction_hash: 'abc' }));
    expect([completed.status, completed.body.status, completed.body.quote.deposit_transaction_hash]).toEqual([200, 'processing', 'abc']);
    const twice = await emulator.call('POST', `${base(customerId)}/${made.id}/complete`, keyed({ deposit_transaction_hash: 'abc' }));
    expect(twice.status).toBe(409);
    const simulated = await emulator.call('POST', `${base(customerId)}/simulate`, { json: { action: 'complete_transfer', transfer_id: made.id } });
    expect([simulated.status, typeof simulated.body.message]).toEqual([200, 'string']);
    expect((await emulator.call('GET', `${base(customerId)}/${made.id}`)).body.status).toBe('completed');
    expect((await emulator.call('POST', `${base(customerId)}/simulate`, { json: { action: 'complete_transfer', transfer_id: made.id } })).status).toBe(400);
    const events = (await emulator.admin('GET', 'events?api_key=key-a')).body.events.filter((event: { entity_id: string }) => event.entity_id === made.id);
    expect(events).toEqual(Array(3).fill(expect.objectContaining({ event_type: 'offramp_transfer.status.updated', entity_type: 'offramp_transfer' })));
  });

  it("answer 404 for another customer's or tenant's transfer, and for GET …/quote and …/simulate", async () => {
    const customerId = await emulator.newCustomerId('own@example.com');
    const other = await emulator.newCustomerId('stranger@example.com');
    const made = await transfer(emulator, customerId);
    expect((await emulator.call('GET', `${base(other)}/${made.id}`)).body.code).toBe('transfer_not_found');
    expect((await emulator.call('GET', `${base(customerId)}/${made.id}`, { key: 'key-b' })).status).toBe(404);
    expect((await emulator.call('GET', `${base(customerId)}/quote`)).body.code).toBe('transfer_not_found');
    expect((await emulator.call('GET', `${base(customerId)}/simulate`)).body.code).toBe('transfer_not_found');
    expect((await emulator.call('GET', base(customerId))).body.items.map((item: { id: string }) => item.id)).toEqual([made.id]);
    expect((await emulator.call('GET', base(other))).body.items).toEqual([]);
  });
});

describe('external accounts', () => {
  it('are saved per customer, listed, and usable as a destination', async () => {
    const customerId = await emulator.newCustomerId('acct@example.com');
    const saved = await emulator.call('POST', `/v0/customers/${customerId}/external-accounts`, keyed(BANK));
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ ...BANK, id: expect.any(String), created_at: expect.any(String) });
    expect((await emulator.call('GET', `/v0/customers/${customerId}/external-accounts`)).body.items).toEqual([saved.body]);
    const quote = await emulator.call('POST', `${base(customerId)}/quote`, keyed(QUOTE));
    const made = await emulator.call('POST', `${base(customerId)}/quote/${quote.body.quote_id}`, keyed({ destination_external_account_id: saved.body.id }));
    expect(made.body.destination_bank_account).toEqual(BANK);
  });
});
