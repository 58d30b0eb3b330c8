import { describe, expect, it } from '@jest/globals';
import {
  CompleteOfframpTransferDocument,
  CreateOfframpQuoteDocument,
  CreateOfframpTransferDocument,
  CreateOfframpTransferFromQuoteDocument,
  CustomerOfframpListsDocument,
  GetOfframpTransferDocument,
  ListExternalAccountsDocument,
  ListOfframpTransfersDocument,
  SimulateOfframpTransferDocument,
} from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';
import {
  as,
  DIRECT_INPUT,
  HASH,
  IBAN_ACCOUNT,
  newCustomer,
  newExternalAccount,
  newQuote,
  newTransfer,
  QUOTE_INPUT,
  SIMULATE_ROUTE,
  TRANSFER_GET_ROUTE,
} from './fixtures.js';

/** The off-ramp through /graphql: quote -> transfer -> complete -> completed, amounts exact. */

const KEY = 'offramp-flow-key-5b21';
const OTHER_KEY = 'offramp-flow-other-key-77c0';
const stack = useSharedStack();

describe('an off-ramp from a quote to an inline IBAN', () => {
  it('goes PENDING -> PROCESSING -> COMPLETED with every amount exact, and an event at each step', async () => {
    const customerId = await newCustomer(stack, KEY);
    const quote = await stack.graphql(CreateOfframpQuoteDocument, { customerId, input: QUOTE_INPUT }, as(KEY));
    expect(quote.body.errors).toBeUndefined();
    expect(quote.body.data!.createOfframpQuote).toMatchObject({
      customerId,
      sourceAmount: '0.1',
      feeAmount: '0.000001',
      destinationAmount: '0.099999',
      exchangeRate: '1',
      sourceToken: 'USDC',
      sourceNetwork: 'POLYGON',
      destinationCurrency: 'USD',
      destinationPaymentRails: 'ACH',
    });
    const quoteId = quote.body.data!.createOfframpQuote.id;

    const created = await stack.graphql(
      CreateOfframpTransferFromQuoteDocument,
      { customerId, quoteId, input: { destination: { bankAccount: IBAN_ACCOUNT }, transferPurpose: 'FAMILY' } },
      as(KEY),
    );
    expect(created.body.errors).toBeUndefined();
    const transfer = created.body.data!.createOfframpTransferFromQuote;
    expect(transfer).toMatchObject({
      customerId,
      status: 'PENDING',
      amount: '0.099999',
      transferPurpose: 'FAMILY',
      destinationBankAccount: { accountType: 'IBAN', iban: { bic: 'DEUTDEFF', ibanNumber: 'DE89370400440532013000' }, accountHolderFirstName: 'Ada' },
      quote: { depositAmount: '0.1', sourceAmount: '0.1', feeAmount: '0.000001', depositNetwork: 'POLYGON', depositToken: 'USDC', depositTransactionHash: null },
    });
    expect(transfer.quote!.depositBlockchainAddress).toMatch(/^0x[0-9a-f]{40}$/);

    const completed = await stack.graphql(CompleteOfframpTransferDocument, { customerId, transferId: transfer.id, depositTransactionHash: HASH }, as(KEY));
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data!.completeOfframpTransfer).toMatchObject({ status: 'PROCESSING', quote: { depositTransactionHash: HASH } });

    const simulated = await stack.graphql(SimulateOfframpTransferDocument, { customerId, transferId: transfer.id }, as(KEY));
    expect(simulated.body.errors).toBeUndefined();
    expect(simulated.body.data!.simulateOfframpTransfer.status).toBe('COMPLETED');
    expect(await stack.admin.requestCount(TRANSFER_GET_ROUTE)).toBe(1);

    const read = await stack.graphql(GetOfframpTransferDocument, { customerId, id: transfer.id }, as(KEY));
    expect(read.body.data!.offrampTransfer).toMatchObject({ status: 'COMPLETED', amount: '0.099999', quote: { feeAmount: '0.000001', sourceAmount: '0.1' } });

    const events = (await stack.admin.events(KEY)).filter((event) => event.entity_id === transfer.id);
    expect(events.map((event) => event.event_type)).toEqual(Array(3).fill('offramp_transfer.status.updated'));
  });

  it('re-reads after a simulation even when the same request already holds the transfer', async () => {
    const customerId = await newCustomer(stack, KEY);
    const transferId = await newTransfer(stack, KEY, customerId);
    const { body } = await stack.graphql<{ before: { status: string }; done: { status: string } }, unknown>(
      `mutation($c: ID!, $t: ID!, $h: String!) {
        before: completeOfframpTransfer(customerId: $c, transferId: $t, depositTransactionHash: $h) { status }
        done: simulateOfframpTransfer(customerId: $c, transferId: $t) { status }
      }`,
      { c: customerId, t: transferId, h: HASH },
      as(KEY),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ before: { status: 'PROCESSING' }, done: { status: 'COMPLETED' } });
    expect(await stack.admin.requestCount(SIMULATE_ROUTE)).toBe(1);
    expect(await stack.admin.requestCount(TRANSFER_GET_ROUTE)).toBe(1);
  });
});

describe('the other destinations and quote branch', () => {
  it('pays a destination-amount quote out to a saved external account', async () => {
    const customerId = await newCustomer(stack, KEY);
    const accountId = await newExternalAccount(stack, KEY, customerId);
    const quoteId = await newQuote(stack, KEY, customerId, { ...QUOTE_INPUT, amount: { destinationAmount: '98' }, destinationCurrency: 'EUR', destinationPaymentRails: 'SEPA', developerFeePercent: undefined });
    const { body } = await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId, input: { destination: { externalAccountId: accountId } } }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(body.data!.createOfframpTransferFromQuote).toMatchObject({
      amount: '98',
      destinationCurrency: 'EUR',
      quote: { sourceAmount: '100', exchangeRate: '0.98', feeAmount: '0' },
      destinationBankAccount: { bankName: 'Deutsche Bank', accountType: 'IBAN' },
    });
  });

  it('makes a direct transfer to a US account', async () => {
    const customerId = await newCustomer(stack, KEY);
    const { body } = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(body.data!.createOfframpTransfer).toMatchObject({
      status: 'PENDING',
      amount: '25.5',
      sourceToken: 'USDT',
      transferPurpose: 'SALARIES',
      destinationBankAccount: { accountType: 'US', accountHolderType: 'BUSINESS', us: { accountNumber: '123456789', routingNumber: '021000021' } },
      quote: { sourceAmount: '25.5', destinationAmount: '25.5' },
    });
  });

  it('lists transfers and accounts, top level and under Customer, with the path customerId on every item', async () => {
    const customerId = await newCustomer(stack, KEY);
    const transferId = await newTransfer(stack, KEY, customerId);
    const accountId = await newExternalAccount(stack, KEY, customerId);
    const lists = await stack.graphql(CustomerOfframpListsDocument, { id: customerId }, as(KEY));
    expect(lists.body.data!.customer).toMatchObject({ offrampTransfers: [{ id: transferId, status: 'PENDING' }], externalAccounts: [{ id: accountId }] });
    const { body } = await stack.graphql<{ offrampTransfers: Array<{ id: string }>; offrampTransfer: { id: string } }, unknown>(
      `query($c: ID!, $t: ID!) { offrampTransfers(customerId: $c) { id } offrampTransfer(customerId: $c, id: $t) { id } }`,
      { c: customerId, t: transferId },
      as(KEY),
    );
    expect(body.data).toEqual({ offrampTransfers: [{ id: transferId }], offrampTransfer: { id: transferId } });
    const accounts = await stack.graphql(ListExternalAccountsDocument, { customerId }, as(KEY));
    expect(accounts.body.data!.externalAccounts).toEqual([expect.objectContaining({ id: accountId, customerId })]);
  });
});

describe('quotes and ids that cannot be used', () => {
  it('answers BAD_USER_INPUT for an expired quote, CONFLICT for a used one, NOT_FOUND for an unknown one', async () => {
    const customerId = await newCustomer(stack, KEY);
    const input = { destination: { bankAccount: IBAN_ACCOUNT } };
    const used = await newQuote(stack, KEY, customerId);
    expect((await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId: used, input }, as(KEY))).body.errors).toBeUndefined();
    const again = await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId: used, input }, as(KEY));
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', upstreamStatus: 409 });

    await stack.admin.settings({ quoteTtlMs: 0 });
    const expired = await newQuote(stack, KEY, customerId);
    const late = await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId: expired, input }, as(KEY));
    expect(late.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', upstreamStatus: 400 });

    const unknown = await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId: '00000000-0000-4000-8000-000000000000', input }, as(KEY));
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
    expect((await stack.graphql(ListOfframpTransfersDocument, { customerId }, as(KEY))).body.data!.offrampTransfers).toHaveLength(1);
  });

  it("reads another customer's transfer as null and refuses to act on it with NOT_FOUND", async () => {
    const owner = await newCustomer(stack, KEY);
    const stranger = await newCustomer(stack, KEY);
    const transferId = await newTransfer(stack, KEY, owner);
    const read = await stack.graphql(GetOfframpTransferDocument, { customerId: stranger, id: transferId }, as(KEY));
    expect(read.body).toEqual({ data: { offrampTransfer: null } });
    const complete = await stack.graphql(CompleteOfframpTransferDocument, { customerId: stranger, transferId, depositTransactionHash: HASH }, as(KEY));
    expect(complete.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const simulate = await stack.graphql(SimulateOfframpTransferDocument, { customerId: stranger, transferId }, as(KEY));
    expect(simulate.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Another API key (tenant) sees nothing of it either, even under the owner's customer id.
    const foreign = await stack.graphql(GetOfframpTransferDocument, { customerId: owner, id: transferId }, as(OTHER_KEY));
    expect(foreign.body).toEqual({ data: { offrampTransfer: null } });
    const foreignComplete = await stack.graphql(CompleteOfframpTransferDocument, { customerId: owner, transferId, depositTransactionHash: HASH }, as(OTHER_KEY));
    expect(foreignComplete.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ownRead = await stack.graphql(GetOfframpTransferDocument, { customerId: owner, id: transferId }, as(KEY));
    expect(ownRead.body.data!.offrampTransfer!.status).toBe('PENDING');
  });
});
