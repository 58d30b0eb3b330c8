import { describe, expect, it } from '@jest/globals';
import {
  CompleteCrossChainTransferDocument,
  CreateCrossChainQuoteDocument,
  CreateCrossChainTransferDocument,
  GetCrossChainTransferDocument,
} from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';
import { EVM_ADDRESS, EVM_HASH, QUOTE_INPUT, seedCustomerId, SOLANA_ADDRESS, TRANSFER_INPUT, transfersUpstream } from './fixtures.js';

/** Cross-chain transfers through /graphql: quote, create, complete, read; and their safety under a lost answer. */

const KEY = 'test-key-cross-chain-5b2e';
const asKey = { headers: { 'api-key': KEY } };
const CREATE_ROUTE = 'POST /v0/customers/:customer_id/cross-chain-transfer';
const stack = useSharedStack({ env: { ALIGN_RETRY_BASE_DELAY_MS: '20', ALIGN_RETRY_MAX_DELAY_MS: '50' } });

describe('a cross-chain transfer from quote to completion', () => {
  it('quotes, creates, completes, and then reads COMPLETED', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);

    const quoted = await stack.graphql(CreateCrossChainQuoteDocument, { customerId, input: QUOTE_INPUT }, asKey);
    expect(quoted.body.errors).toBeUndefined();
    expect(quoted.body.data!.createCrossChainQuote).toMatchObject({
      customerId,
      sourceToken: 'USDC',
      sourceNetwork: 'ETHEREUM',
      destinationToken: 'USDC',
      destinationNetwork: 'SOLANA',
      sourceAmount: '100.00',
      destinationAmount: '99.00',
      feeAmount: '1.00',
      exchangeRate: '1',
    });
    expect(quoted.body.data!.createCrossChainQuote.expiresAt).toMatch(/Z$/);

    const created = await stack.graphql(CreateCrossChainTransferDocument, { customerId, input: TRANSFER_INPUT }, asKey);
    expect(created.body.errors).toBeUndefined();
    const transfer = created.body.data!.createCrossChainTransfer;
    expect(transfer).toMatchObject({
      customerId,
      status: 'PENDING',
      amount: '100.00',
      sourceNetwork: 'ETHEREUM',
      destinationNetwork: 'SOLANA',
      destinationAddress: SOLANA_ADDRESS,
      quote: { depositToken: 'USDC', depositNetwork: 'ETHEREUM', depositAmount: '101.00', feeAmount: '1.00' },
    });
    expect(transfer.quote!.depositAddress).toMatch(/^0x[0-9a-f]{40}$/);

    const completed = await stack.graphql(
      CompleteCrossChainTransferDocument,
      { customerId, transferId: transfer.id, depositTransactionHash: EVM_HASH },
      asKey,
    );
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data!.completeCrossChainTransfer).toMatchObject({ id: transfer.id, status: 'PROCESSING' });

    const read = await stack.graphql(GetCrossChainTransferDocument, { customerId, id: transfer.id }, asKey);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.crossChainTransfer).toMatchObject({ id: transfer.id, status: 'COMPLETED', amount: '100.00', customer: { id: customerId } });

    // pending, processing, completed: one event each.
    const events = await stack.admin.events(KEY);
    expect(events.filter((event) => event.entity_id === transfer.id).map((event) => event.event_type)).toEqual(
      Array(3).fill('cross_chain_transfer.status.updated'),
    );
  });

  it('reads an unknown transfer as null and refuses a malformed id before any call', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const unknown = await stack.graphql(GetCrossChainTransferDocument, { customerId, id: '00000000-0000-4000-8000-000000000000' }, asKey);
    expect(unknown.body.data).toEqual({ crossChainTransfer: null });
    const before = await stack.admin.totalRequests();
    const malformed = await stack.graphql(GetCrossChainTransferDocument, { customerId, id: 'nope' }, asKey);
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'id', message: 'id must be a UUID' }] });
    expect(await stack.admin.totalRequests()).toBe(before);
  });
});

describe('addresses and hashes are checked before any call', () => {
  const cases = [
    ['an EVM address with a bad length', { destinationNetwork: 'ETHEREUM', destinationAddress: `${EVM_ADDRESS}00` }, /EVM address/],
    ['a Solana address with 0, O, I and l', { destinationNetwork: 'SOLANA', destinationAddress: `0OIl${SOLANA_ADDRESS.slice(4)}` }, /Solana address/],
    ['a Tron address without T', { destinationNetwork: 'TRON', destinationAddress: `A${'R7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'}` }, /Tron address/],
  ] as const;

  it.each(cases)('refuses %s with its path', async (_name, change, message) => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const { body } = await stack.graphql(CreateCrossChainTransferDocument, { customerId, input: { ...TRANSFER_INPUT, ...change } }, asKey);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: 'input.destinationAddress', message: expect.stringMatching(message) }]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('lists every broken field at once', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const input = { ...TRANSFER_INPUT, amount: '0', sourceToken: 'UNKNOWN', destinationNetwork: 'TRON', destinationAddress: EVM_ADDRESS } as const;
    const { body } = await stack.graphql(CreateCrossChainTransferDocument, { customerId, input }, asKey);
    const paths = (body.errors?.[0]?.extensions?.fieldErrors as Array<{ path: string }>).map((error) => error.path);
    expect(paths.sort()).toEqual(['input.amount', 'input.destinationAddress', 'input.sourceToken']);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it.each([
    ['too short', 'ab'.repeat(31)],
    ['too long', `0x${'ab'.repeat(33)}`],
    ['base58 but short', SOLANA_ADDRESS],
  ])('refuses a deposit transaction hash that is %s', async (_name, hash) => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const { body } = await stack.graphql(
      CompleteCrossChainTransferDocument,
      { customerId, transferId: '00000000-0000-4000-8000-000000000000', depositTransactionHash: hash },
      asKey,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'depositTransactionHash', message: expect.stringMatching(/transaction hash/) }] });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses quote amounts and fees out of range with their paths', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const input = { ...QUOTE_INPUT, amount: { sourceAmount: '-1' }, developerFeePercent: '100.5' };
    const { body } = await stack.graphql(CreateCrossChainQuoteDocument, { customerId, input }, asKey);
    const paths = (body.errors?.[0]?.extensions?.fieldErrors as Array<{ path: string }>).map((error) => error.path);
    expect(paths.sort()).toEqual(['input.amount.sourceAmount', 'input.developerFeePercent']);
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('createCrossChainTransfer is never sent twice (class N)', () => {
  it('answers outcomeUnknown after reset-after-commit, holds 1 transfer upstream, and a repeat of the key sends nothing', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    await stack.admin.addFault({ route: CREATE_ROUTE, kind: 'reset-after-commit', times: 1 });
    const variables = { customerId, input: TRANSFER_INPUT, idempotencyKey: 'cross-chain-once-1' };

    const first = await stack.graphql(CreateCrossChainTransferDocument, variables, asKey);
    expect(first.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(await stack.admin.requestCount(CREATE_ROUTE)).toBe(1);
    expect(await transfersUpstream(stack.admin, KEY)).toBe(1);

    const repeat = await stack.graphql(CreateCrossChainTransferDocument, variables, asKey);
    expect(repeat.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(await stack.admin.requestCount(CREATE_ROUTE)).toBe(1);
    expect(await transfersUpstream(stack.admin, KEY)).toBe(1);
  });

  it('returns the first transfer to a repeat of the key after a success, with no second POST', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const variables = { customerId, input: TRANSFER_INPUT, idempotencyKey: 'cross-chain-once-2' };
    const first = await stack.graphql(CreateCrossChainTransferDocument, variables, asKey);
    const repeat = await stack.graphql(CreateCrossChainTransferDocument, variables, asKey);
    expect(repeat.body.data!.createCrossChainTransfer.id).toBe(first.body.data!.createCrossChainTransfer.id);
    expect(await stack.admin.requestCount(CREATE_ROUTE)).toBe(1);
  });
});
