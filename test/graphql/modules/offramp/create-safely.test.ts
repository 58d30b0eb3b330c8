import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CompleteOfframpTransferDocument,
  CreateExternalAccountDocument,
  CreateOfframpTransferDocument,
  CreateOfframpTransferFromQuoteDocument,
} from '../../../generated/graphql.js';
import { FAST_FAULT_ENV } from '../../../helpers/faults.js';
import { startStack, type TestStack } from '../../../helpers/stack.js';
import {
  accountsUpstream,
  ACCOUNT_ROUTE,
  as,
  COMPLETE_ROUTE,
  DIRECT_INPUT,
  FROM_QUOTE_ROUTE,
  HASH,
  IBAN_ACCOUNT,
  newCustomer,
  newQuote,
  newTransfer,
  TRANSFER_ROUTE,
  transfersUpstream,
} from './fixtures.js';

/**
 * Money moves here, so a duplicate is a payout sent twice. Class U writes resend the same
 * Idempotency-Key (the caller's, else one of the server's) and the upstream replays the first answer.
 */

const KEY = 'offramp-safety-key-2c4f';
let stack: TestStack;
let customerId: string;
beforeAll(async () => {
  stack = await startStack({ env: FAST_FAULT_ENV });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.admin.reset();
  customerId = await newCustomer(stack, KEY);
});

describe('a connection lost after the upstream committed, with no caller key', () => {
  it('createOfframpTransferFromQuote succeeds with exactly one transfer upstream', async () => {
    const quoteId = await newQuote(stack, KEY, customerId);
    await stack.admin.addFault({ route: FROM_QUOTE_ROUTE, kind: 'reset-after-commit', times: 1 });
    const { body } = await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId, input: { destination: { bankAccount: IBAN_ACCOUNT } } }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.requestCount(FROM_QUOTE_ROUTE)).toBe(2);
    const held = await transfersUpstream(stack, KEY, customerId);
    expect(held.map((transfer) => transfer.id)).toEqual([body.data!.createOfframpTransferFromQuote.id]);
  });

  it('createOfframpTransfer succeeds with exactly one transfer upstream', async () => {
    await stack.admin.addFault({ route: TRANSFER_ROUTE, kind: 'reset-after-commit', times: 2 });
    const { body } = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.requestCount(TRANSFER_ROUTE)).toBe(3);
    expect(await transfersUpstream(stack, KEY, customerId)).toHaveLength(1);
  });

  it('completeOfframpTransfer succeeds, completing once', async () => {
    const transferId = await newTransfer(stack, KEY, customerId);
    await stack.admin.addFault({ route: COMPLETE_ROUTE, kind: 'reset-after-commit', times: 1 });
    const { body } = await stack.graphql(CompleteOfframpTransferDocument, { customerId, transferId, depositTransactionHash: HASH }, as(KEY));
    expect(body.data?.completeOfframpTransfer.status).toBe('PROCESSING');
    const updates = (await stack.admin.events(KEY)).filter((event) => event.entity_id === transferId);
    expect(updates).toHaveLength(2);
  });

  it('createExternalAccount succeeds with exactly one account upstream', async () => {
    await stack.admin.addFault({ route: ACCOUNT_ROUTE, kind: 'reset-after-commit', times: 1 });
    const { body } = await stack.graphql(CreateExternalAccountDocument, { customerId, input: IBAN_ACCOUNT }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(await accountsUpstream(stack, KEY, customerId)).toHaveLength(1);
  });

  it('a connection lost before the upstream saw it is retried into one transfer', async () => {
    await stack.admin.addFault({ route: TRANSFER_ROUTE, kind: 'reset-before', times: 1 });
    const { body } = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(await transfersUpstream(stack, KEY, customerId)).toHaveLength(1);
  });
});

describe('the caller idempotency key', () => {
  it('20 concurrent identical creates make 1 upstream POST and 20 identical answers', async () => {
    const calls = Array.from({ length: 20 }, () =>
      stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT, idempotencyKey: 'payout-2026-001' }, as(KEY)),
    );
    const answers = await Promise.all(calls);
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const first = answers[0]!.body.data;
    for (const { body } of answers) expect(body.data).toEqual(first);
    expect(await stack.admin.requestCount(TRANSFER_ROUTE)).toBe(1);
    expect(await transfersUpstream(stack, KEY, customerId)).toHaveLength(1);
  });

  it('the same key with another amount is CONFLICT, and makes nothing', async () => {
    const first = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT, idempotencyKey: 'payout-2026-002' }, as(KEY));
    expect(first.body.errors).toBeUndefined();
    const other = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: { ...DIRECT_INPUT, amount: '25.51' }, idempotencyKey: 'payout-2026-002' }, as(KEY));
    expect(other.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await stack.admin.requestCount(TRANSFER_ROUTE)).toBe(1);
    expect(await transfersUpstream(stack, KEY, customerId)).toHaveLength(1);
  });

  it('a repeat after a lost answer resends the key and gets the first transfer back', async () => {
    await stack.admin.addFault({ route: TRANSFER_ROUTE, kind: 'reset-after-commit' });
    const lost = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT, idempotencyKey: 'payout-2026-003' }, as(KEY));
    expect(lost.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    await stack.admin.clearFaults();
    const repeat = await stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT, idempotencyKey: 'payout-2026-003' }, as(KEY));
    expect(repeat.body.errors).toBeUndefined();
    const held = await transfersUpstream(stack, KEY, customerId);
    expect(held.map((transfer) => transfer.id)).toEqual([repeat.body.data!.createOfframpTransfer.id]);
  });
});
