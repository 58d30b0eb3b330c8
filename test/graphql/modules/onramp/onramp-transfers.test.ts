import { describe, expect, it } from '@jest/globals';
import {
  CreateOnrampQuoteDocument,
  CreateOnrampTransferDocument,
  CreateOnrampTransferFromQuoteDocument,
  GetOnrampTransferDocument,
  ListOnrampTransfersDocument,
  SimulateOnrampTransferDocument,
  type CreateOnrampTransferInput,
} from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';
import { approvedCustomer, asKey, EVM_ADDRESS, KEY, SOLANA_ADDRESS, upstreamTransfers } from './fixtures.js';

const stack = useSharedStack();
const DIRECT = 'POST /v0/customers/:customer_id/onramp-transfer';
const GET = 'GET /v0/customers/:customer_id/onramp-transfer/:transfer_id';

const direct: CreateOnrampTransferInput = {
  amount: '100.50',
  sourceCurrency: 'USD',
  sourceRails: 'ACH',
  destinationNetwork: 'ETHEREUM',
  destinationToken: 'USDC',
  destinationAddress: EVM_ADDRESS,
};

async function quote(customerId: string) {
  const { body } = await stack.graphql(
    CreateOnrampQuoteDocument,
    { customerId, input: { amount: { sourceAmount: '1000' }, sourceCurrency: 'EUR', sourcePaymentRails: 'SEPA', destinationToken: 'USDC', destinationNetwork: 'SOLANA', developerFeePercent: '0.5' } },
    asKey,
  );
  expect(body.errors).toBeUndefined();
  return body.data!.createOnrampQuote;
}

describe('the quote flow', () => {
  it('quotes, starts a transfer from the quote, and completes it in the sandbox', async () => {
    const customerId = await approvedCustomer(stack);
    const priced = await quote(customerId);
    expect(priced).toEqual({
      id: expect.any(String),
      customerId,
      sourceAmount: '1000.00',
      destinationAmount: '1069.20',
      sourceCurrency: 'EUR',
      sourcePaymentRails: 'SEPA',
      destinationToken: 'USDC',
      destinationNetwork: 'SOLANA',
      feeAmount: '10.00',
      exchangeRate: '1.08',
      expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const started = await stack.graphql(CreateOnrampTransferFromQuoteDocument, { customerId, quoteId: priced.id, destinationAddress: SOLANA_ADDRESS }, asKey);
    expect(started.body.errors).toBeUndefined();
    const transfer = started.body.data!.createOnrampTransferFromQuote;
    expect(transfer).toMatchObject({
      customerId,
      status: 'PENDING',
      amount: '1000.00',
      sourceCurrency: 'EUR',
      sourceRails: 'SEPA',
      destinationAddress: SOLANA_ADDRESS,
      quote: {
        depositCurrency: 'EUR',
        depositAmount: '1000.00',
        feeAmount: '10.00',
        depositMessage: expect.stringMatching(/^ONRAMP-REF-\d{6}$/),
        depositBankAccount: { accountType: 'IBAN', beneficiaryType: 'BUSINESS', beneficiaryName: expect.any(String), iban: { bic: 'EMULDEFF' }, us: null },
      },
    });
    const completed = await stack.graphql(SimulateOnrampTransferDocument, { customerId, transferId: transfer.id }, asKey);
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data!.simulateOnrampTransfer).toEqual({ ...transfer, status: 'COMPLETED' });
    // The simulation answers only {message}: one GET reads the transfer back.
    expect(await stack.admin.requestCount(GET)).toBe(1);
  });

  it('refuses a quote used twice (CONFLICT), an expired one (BAD_USER_INPUT) and an unknown one (NOT_FOUND)', async () => {
    const customerId = await approvedCustomer(stack);
    const used = await quote(customerId);
    const from = (quoteId: string) => stack.graphql(CreateOnrampTransferFromQuoteDocument, { customerId, quoteId, destinationAddress: SOLANA_ADDRESS }, asKey);
    expect((await from(used.id)).body.errors).toBeUndefined();
    expect((await from(used.id)).body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', upstreamStatus: 409 });
    await stack.admin.settings({ quoteTtlMs: 0 });
    const expired = await quote(customerId);
    expect((await from(expired.id)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstreamStatus: 400 });
    expect((await from('00000000-0000-4000-8000-000000000000')).body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('createOnrampTransfer', () => {
  it('starts a transfer with the deposit account of its currency; reads and lists agree', async () => {
    const customerId = await approvedCustomer(stack);
    const { body } = await stack.graphql(CreateOnrampTransferDocument, { customerId, input: direct }, asKey);
    expect(body.errors).toBeUndefined();
    const transfer = body.data!.createOnrampTransfer;
    expect(transfer).toMatchObject({ status: 'PENDING', amount: '100.50', quote: { depositBankAccount: { accountType: 'US', us: { routingNumber: '021000021' } } } });
    const read = await stack.graphql(GetOnrampTransferDocument, { customerId, id: transfer.id }, asKey);
    expect(read.body.data!.onrampTransfer).toEqual({ ...transfer, customer: { id: customerId } });
    const listed = await stack.graphql(ListOnrampTransfersDocument, { customerId }, asKey);
    expect(listed.body.data!.onrampTransfers).toEqual([transfer]);
  });

  it('keeps an unknown outcome under the caller key: the repeat answers it again without a POST', async () => {
    const customerId = await approvedCustomer(stack);
    await stack.admin.addFault({ route: DIRECT, kind: 'reset-after-commit' });
    const call = () => stack.graphql(CreateOnrampTransferDocument, { customerId, input: direct, idempotencyKey: 'onramp-unknown-1' }, asKey);
    const first = await call();
    expect(first.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(await stack.admin.requestCount(DIRECT)).toBe(1);
    await stack.admin.clearFaults();
    expect(await upstreamTransfers(stack, customerId)).toHaveLength(1);
    const again = await call();
    expect(again.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(await stack.admin.requestCount(DIRECT)).toBe(1);
    // A new key is a new transfer: the caller decides, after checking the list.
    const fresh = await stack.graphql(CreateOnrampTransferDocument, { customerId, input: direct, idempotencyKey: 'onramp-unknown-2' }, asKey);
    expect(fresh.body.errors).toBeUndefined();
  });

  it('checks addresses by network and amounts before any call', async () => {
    const customerId = await approvedCustomer(stack);
    await stack.admin.reset();
    const { body } = await stack.graphql(
      CreateOnrampTransferDocument,
      { customerId, input: { ...direct, amount: '0', destinationNetwork: 'TRON', destinationAddress: EVM_ADDRESS } },
      asKey,
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: 'input.amount', message: 'amount must be greater than zero' },
        { path: 'input.destinationAddress', message: 'destinationAddress must be a Tron address: "T" and 33 base58 characters (no 0, O, I or l)' },
      ],
    });
    const fromQuote = await stack.graphql(CreateOnrampTransferFromQuoteDocument, { customerId, quoteId: customerId, destinationAddress: 'has space' }, asKey);
    expect(fromQuote.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'destinationAddress' }] });
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('simulateOnrampTransfer', () => {
  it('answers NOT_FOUND for an unknown transfer, with one POST and no read', async () => {
    const customerId = await approvedCustomer(stack);
    const { body } = await stack.graphql(SimulateOnrampTransferDocument, { customerId, transferId: '00000000-0000-4000-8000-000000000000' }, asKey);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
    expect(await stack.admin.requestCount(GET)).toBe(0);
    expect(await stack.admin.events(KEY)).toEqual([]);
  });
});
