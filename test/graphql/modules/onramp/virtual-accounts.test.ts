import { describe, expect, it } from '@jest/globals';
import {
  CreateVirtualAccountDocument,
  CustomerOnrampDocument,
  GetVirtualAccountDocument,
  SimulateVirtualAccountDocument,
} from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';
import { approvedCustomer, asKey, EVM_ADDRESS, KEY, SOLANA_ADDRESS, TRON_ADDRESS, upstreamAccounts } from './fixtures.js';

const stack = useSharedStack();
const CREATE = 'POST /v0/customers/:customer_id/virtual-account';
const LIST = 'GET /v0/customers/:customer_id/virtual-account';

describe('a virtual account, from creation to its first deposit', () => {
  it('shows deposit instructions, and a deposit appears as an on-ramp under the customer', async () => {
    const customerId = await approvedCustomer(stack);
    const created = await stack.graphql(
      CreateVirtualAccountDocument,
      { customerId, input: { sourceCurrency: 'USD', destinationNetwork: 'POLYGON', destinationToken: 'USDC', destinationAddress: EVM_ADDRESS } },
      asKey,
    );
    expect(created.body.errors).toBeUndefined();
    const account = created.body.data!.createVirtualAccount;
    expect(account).toMatchObject({ customerId, status: 'ACTIVE', destinationNetwork: 'POLYGON', destinationToken: 'USDC', destinationAddress: EVM_ADDRESS });
    expect(account.depositInstructions).toMatchObject({
      currency: 'USD',
      paymentRails: ['ACH', 'WIRE'],
      beneficiaryName: expect.any(String),
      us: { accountNumber: expect.stringMatching(/^[0-9]{12}$/), routingNumber: '021000021' },
      iban: null,
      internationalWire: null,
    });

    const deposit = await stack.admin.post('deposits', { api_key: KEY, virtual_account_id: account.id, amount: '250.00' });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toEqual({ transfer_id: expect.any(String), kind: 'onramp', customer_id: customerId });
    const transferId = (deposit.body as { transfer_id: string }).transfer_id;

    const read = await stack.graphql(CustomerOnrampDocument, { id: customerId }, asKey);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.customer!.virtualAccounts).toEqual([account]);
    expect(read.body.data!.customer!.onrampTransfers).toEqual([
      expect.objectContaining({ id: transferId, customerId, status: 'PROCESSING', amount: '250.00', sourceCurrency: 'USD', destinationAddress: EVM_ADDRESS }),
    ]);
    const events = await stack.admin.events(KEY);
    expect(events.map((event) => event.event_type)).toEqual(['virtual_account.created', 'onramp_transfer.status.updated']);
    expect(events[1]).toMatchObject({ entity_id: transferId, event_payload: { virtual_account: { id: account.id } } });
  });
});

describe('createVirtualAccount', () => {
  it('is get-or-create: the same parameters twice answer the same account, and the upstream holds one', async () => {
    const customerId = await approvedCustomer(stack);
    const input = { sourceCurrency: 'EUR' as const, destinationNetwork: 'SOLANA' as const, destinationToken: 'USDT' as const, destinationAddress: SOLANA_ADDRESS };
    const first = await stack.graphql(CreateVirtualAccountDocument, { customerId, input }, asKey);
    const second = await stack.graphql(CreateVirtualAccountDocument, { customerId, input }, asKey);
    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data!.createVirtualAccount).toEqual(first.body.data!.createVirtualAccount);
    expect(first.body.data!.createVirtualAccount.depositInstructions).toMatchObject({ currency: 'EUR', paymentRails: ['SEPA'], iban: { bic: 'EMULDEFF' }, us: null });
    expect(await stack.admin.requestCount(CREATE)).toBe(2);
    expect(await stack.admin.requestCount(LIST)).toBe(1);
    expect(await upstreamAccounts(stack, customerId)).toHaveLength(1);
  });

  it('answers CONFLICT when the 409 names no single listed account', async () => {
    const customerId = await approvedCustomer(stack);
    const input = { sourceCurrency: 'USD' as const, destinationNetwork: 'TRON' as const, destinationToken: 'USDT' as const, destinationAddress: TRON_ADDRESS };
    const first = await stack.graphql(CreateVirtualAccountDocument, { customerId, input }, asKey);
    expect(first.body.errors).toBeUndefined();
    // A second account with the same destination, currency and rail, as only the upstream could hold.
    const twin = { status: 'active', destination_network: 'tron', destination_token: 'usdt', destination_address: TRON_ADDRESS, deposit_instructions: { currency: 'usd', payment_rails: ['ach'] } };
    await stack.admin.seed(KEY, 'virtual-accounts', twin, customerId);
    const again = await stack.graphql(CreateVirtualAccountDocument, { customerId, input }, asKey);
    expect(again.body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', upstreamStatus: 409 });
    expect(await stack.admin.requestCount(LIST)).toBe(1);
  });

  it('answers PENDING with the destination asked for; simulate makes it ACTIVE with instructions', async () => {
    const customerId = await approvedCustomer(stack);
    const input = { sourceCurrency: 'USD' as const, sourceRails: 'SWIFT' as const, destinationNetwork: 'BASE' as const, destinationToken: 'USDC' as const, destinationAddress: EVM_ADDRESS };
    const created = await stack.graphql(CreateVirtualAccountDocument, { customerId, input }, asKey);
    expect(created.body.errors).toBeUndefined();
    const pending = created.body.data!.createVirtualAccount;
    expect(pending).toEqual({
      id: expect.any(String),
      customerId,
      status: 'PENDING',
      destinationNetwork: 'BASE',
      destinationToken: 'USDC',
      destinationAddress: EVM_ADDRESS,
      depositInstructions: null,
    });
    const simulated = await stack.graphql(SimulateVirtualAccountDocument, { customerId, virtualAccountId: pending.id }, asKey);
    expect(simulated.body.errors).toBeUndefined();
    expect(simulated.body.data!.simulateVirtualAccount).toMatchObject({
      id: pending.id,
      status: 'ACTIVE',
      depositInstructions: { currency: 'USD', paymentRails: ['SWIFT'], internationalWire: { bic: 'EMULUS33' }, us: null },
    });
    // Simulation is sandbox-only and one-shot: a second run is the upstream's 400.
    const twice = await stack.graphql(SimulateVirtualAccountDocument, { customerId, virtualAccountId: pending.id }, asKey);
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstreamStatus: 400 });
    expect((await stack.admin.events(KEY)).map((event) => event.event_type)).toEqual(['virtual_account.created']);
  });

  it('refuses SWIFT with another currency, and other rails, before any call', async () => {
    const customerId = await approvedCustomer(stack);
    await stack.admin.reset();
    const eur = await stack.graphql(
      CreateVirtualAccountDocument,
      { customerId, input: { sourceCurrency: 'EUR', sourceRails: 'SWIFT', destinationNetwork: 'POLYGON' } },
      asKey,
    );
    expect(eur.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'input.sourceRails', message: 'sourceRails SWIFT is only available with sourceCurrency USD' }],
    });
    const ach = await stack.graphql(CreateVirtualAccountDocument, { customerId, input: { sourceCurrency: 'USD', sourceRails: 'ACH', destinationNetwork: 'POLYGON' } }, asKey);
    expect(ach.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('checks the address against the network, and refuses UNKNOWN, before any call', async () => {
    const customerId = await approvedCustomer(stack);
    await stack.admin.reset();
    const { body } = await stack.graphql(
      CreateVirtualAccountDocument,
      { customerId, input: { sourceCurrency: 'UNKNOWN', destinationNetwork: 'ETHEREUM', destinationAddress: SOLANA_ADDRESS } },
      asKey,
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: 'input.sourceCurrency', message: expect.stringContaining('must not be UNKNOWN') },
        { path: 'input.destinationAddress', message: 'destinationAddress must be an EVM address on ETHEREUM: "0x" and 40 hexadecimal digits' },
      ],
    });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it("maps the upstream's 400 (a token virtual accounts do not pay out) to BAD_USER_INPUT", async () => {
    const customerId = await approvedCustomer(stack);
    const { body } = await stack.graphql(CreateVirtualAccountDocument, { customerId, input: { sourceCurrency: 'EUR', destinationNetwork: 'POLYGON', destinationToken: 'EURC' } }, asKey);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', upstreamStatus: 400 });
    expect(await stack.admin.requestCount(CREATE)).toBe(1);
  });

  it('answers FORBIDDEN for a customer without approved KYC', async () => {
    const seeded = await stack.admin.seedCustomer(KEY, { email: 'nokyc@example.com', type: 'individual', first_name: 'N', last_name: 'K' });
    const { body } = await stack.graphql(CreateVirtualAccountDocument, { customerId: seeded.customer_id as string, input: { sourceCurrency: 'USD', destinationNetwork: 'POLYGON' } }, asKey);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', upstreamStatus: 403 });
  });
});

describe('virtualAccount', () => {
  it('shows nulls for deposit instructions of a shape it does not know, never an error', async () => {
    const customerId = await approvedCustomer(stack);
    const odd = await stack.admin.seed(
      KEY,
      'virtual-accounts',
      { status: 'issued', destination_network: 'avalanche', deposit_instructions: { currency: 'aed', payment_rails: 'uaefts', uae: { account: '1' }, iban: 'AE07', bank_name: 7 } },
      customerId,
    );
    const { body } = await stack.graphql(GetVirtualAccountDocument, { customerId, id: odd }, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data!.virtualAccount).toEqual({
      id: odd,
      customerId,
      customer: { id: customerId },
      status: 'UNKNOWN',
      destinationToken: null,
      destinationNetwork: 'UNKNOWN',
      destinationAddress: null,
      depositInstructions: {
        currency: 'AED',
        paymentRails: [],
        bankName: null,
        bankAddress: null,
        beneficiaryName: null,
        beneficiaryAddress: null,
        iban: null,
        us: null,
        internationalWire: null,
      },
    });
  });

  it('is null for an unknown id', async () => {
    const customerId = await approvedCustomer(stack);
    const { body } = await stack.graphql(GetVirtualAccountDocument, { customerId, id: '00000000-0000-4000-8000-000000000000' }, asKey);
    expect(body).toEqual({ data: { virtualAccount: null } });
  });
});
