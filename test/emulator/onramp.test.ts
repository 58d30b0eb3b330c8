import { describe, expect, it } from '@jest/globals';
import { ibanProblem } from '../../src/graphql/validation/banking.js';
import { useSharedEmulator } from './helpers.js';

/** The emulator's virtual accounts, on-ramps and deposits, over its REST API (docs/align-api.md §13, §14). */

const emu = useSharedEmulator();
const admin = (path: string, json: unknown) => emu.call('POST', `/__emulator/${path}`, { key: null, json });
const ADDRESS = '0x52908400098527886e0f7030069857d2e4169ee7';

async function approvedCustomer(): Promise<string> {
  const seeded = await admin('seed', { api_key: 'key-a', collection: 'customers', record: { email: `${Math.random()}@example.com`, type: 'individual', kycs: { status: 'approved' } } });
  return seeded.body.id as string;
}

describe('virtual accounts', () => {
  it('issues EUR accounts with a valid IBAN, and refuses the same parameters again with 409', async () => {
    const customerId = await approvedCustomer();
    const body = { source_currency: 'eur', destination_network: 'polygon', destination_token: 'usdc', destination_address: ADDRESS };
    const created = await emu.call('POST', `/v0/customers/${customerId}/virtual-account`, { json: body });
    expect(created.status).toBe(201);
    expect(created.body.deposit_instructions).toMatchObject({ currency: 'eur', payment_rails: ['sepa'], account_holder_name: expect.any(String) });
    expect(ibanProblem(created.body.deposit_instructions.iban.iban_number)).toBeUndefined();
    const again = await emu.call('POST', `/v0/customers/${customerId}/virtual-account`, { json: body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('virtual_account_already_exists');
    // Another destination is another account.
    expect((await emu.call('POST', `/v0/customers/${customerId}/virtual-account`, { json: { ...body, destination_network: 'base' } })).status).toBe(201);
  });

  it('answers 202 for AED, refuses deposits while pending, and issues an AE IBAN on simulate', async () => {
    const customerId = await approvedCustomer();
    const created = await emu.call('POST', `/v0/customers/${customerId}/virtual-account`, { json: { source_currency: 'aed', destination_network: 'tron' } });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ id: expect.any(String), status: 'pending' });
    const early = await admin('deposits', { api_key: 'key-a', virtual_account_id: created.body.id, amount: '5' });
    expect(early.status).toBe(409);
    const issued = await emu.call('POST', `/v0/customers/${customerId}/virtual-account/simulate`, {
      json: { action: 'issue_pending_virtual_account', virtual_account_id: created.body.id },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'active', deposit_instructions: { currency: 'aed', payment_rails: ['uaefts'] } });
    expect(ibanProblem(issued.body.deposit_instructions.iban.iban_number)).toBeUndefined();
  });

  it('refuses swift with a currency other than usd (400) and a customer without approved KYC (403)', async () => {
    const customerId = await approvedCustomer();
    const swift = await emu.call('POST', `/v0/customers/${customerId}/virtual-account`, { json: { source_currency: 'eur', source_rails: 'swift', destination_network: 'polygon' } });
    expect(swift.status).toBe(400);
    const plain = await admin('seed', { api_key: 'key-a', collection: 'customers', record: { email: 'plain@example.com', type: 'individual' } });
    const refused = await emu.call('POST', `/v0/customers/${plain.body.id}/virtual-account`, { json: { source_currency: 'usd', destination_network: 'polygon' } });
    expect(refused.status).toBe(403);
  });
});

describe('deposits into a virtual account', () => {
  it('refuses an unknown account (404) and a foreign tenant (404)', async () => {
    const customerId = await approvedCustomer();
    const created = await emu.call('POST', `/v0/customers/${customerId}/virtual-account`, { json: { source_currency: 'usd', destination_network: 'polygon' } });
    expect((await admin('deposits', { api_key: 'key-b', virtual_account_id: created.body.id, amount: '5' })).status).toBe(404);
    expect((await admin('deposits', { api_key: 'key-a', virtual_account_id: '00000000-0000-4000-8000-000000000000', amount: '5' })).status).toBe(404);
    const made = await admin('deposits', { api_key: 'key-a', virtual_account_id: created.body.id, amount: '5' });
    expect(made.status).toBe(201);
    const transfer = await emu.call('GET', `/v0/customers/${customerId}/onramp-transfer/${made.body.transfer_id}`);
    expect(transfer.body).toMatchObject({ status: 'processing', amount: '5', source_currency: 'usd', source_rails: 'ach', destination_network: 'polygon' });
  });
});

describe('on-ramp transfers', () => {
  it('go pending -> completed once, with an event at each change', async () => {
    const customerId = await approvedCustomer();
    const created = await emu.call('POST', `/v0/customers/${customerId}/onramp-transfer`, {
      json: { amount: '10', source_currency: 'usd', source_rails: 'wire', destination_network: 'base', destination_token: 'usdc', destination_address: ADDRESS },
    });
    expect(created.status).toBe(201);
    const simulate = () => emu.call('POST', `/v0/customers/${customerId}/onramp-transfer/simulate`, { json: { action: 'complete_transfer', transfer_id: created.body.id } });
    expect((await simulate()).body).toEqual({ message: expect.any(String) });
    expect((await simulate()).status).toBe(400);
    const events = await emu.call('GET', '/__emulator/events?api_key=key-a', { key: null });
    const mine = (events.body.events as Array<{ entity_id: string; event_type: string }>).filter((event) => event.entity_id === created.body.id);
    expect(mine.map((event) => event.event_type)).toEqual(['onramp_transfer.status.updated', 'onramp_transfer.status.updated']);
  });

  it('refuses quotes outside the documented subsets and with both amounts', async () => {
    const customerId = await approvedCustomer();
    const quote = (json: Record<string, unknown>) => emu.call('POST', `/v0/customers/${customerId}/onramp-transfer/quote`, { json });
    const body = { source_amount: '10', source_currency: 'usd', source_payment_rails: 'ach', destination_token: 'usdc', destination_network: 'polygon' };
    expect((await quote(body)).status).toBe(201);
    expect((await quote({ ...body, destination_network: 'arbitrum' })).status).toBe(400);
    expect((await quote({ ...body, destination_amount: '9' })).status).toBe(400);
  });
});
