import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateOnrampQuoteDocument,
  CreateOnrampTransferDocument,
  CreateOnrampTransferFromQuoteDocument,
  CreateVirtualAccountDocument,
  GetOnrampTransferDocument,
  GetVirtualAccountDocument,
  ListOnrampTransfersDocument,
  ListVirtualAccountsDocument,
  SimulateOnrampTransferDocument,
  SimulateVirtualAccountDocument,
} from '../../../generated/graphql.js';
import { describeOneOffReadFaults, FAST_FAULT_ENV, faultMatrix, underPersistentFault, type FaultRouteCase } from '../../../helpers/faults.js';
import { startStack, type TestStack } from '../../../helpers/stack.js';
import { approvedCustomer, asKey, EVM_ADDRESS, KEY, upstreamAccounts, upstreamTransfers } from './fixtures.js';

/**
 * Every fault kind of the emulator on every on-ramp and virtual-account route, through GraphQL: the
 * error the caller gets, the upstream attempts, and for creates what exists upstream afterwards.
 * Fixtures are seeded through the admin API, so only the call under test reaches the route.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ env: FAST_FAULT_ENV });
});
afterAll(async () => {
  await stack.close();
});

const BASE = '/v0/customers/:customer_id';
let customerId: string;
let transferId: string;
let quoteId: string;
let accountId: string;
beforeEach(async () => {
  await stack.admin.reset();
  customerId = await approvedCustomer(stack);
  transferId = await stack.admin.seed(KEY, 'onramp-transfers', { status: 'pending', amount: '10.00' }, customerId);
  accountId = await stack.admin.seed(KEY, 'virtual-accounts', { status: 'pending', destination_network: 'polygon' }, customerId);
  const quote = { source_amount: '10.00', source_currency: 'usd', source_payment_rails: 'ach', destination_token: 'usdc', destination_network: 'polygon', fee_amount: '0.05' };
  quoteId = await stack.admin.seed(KEY, 'onramp-quotes', { ...quote, expire_at: new Date(Date.now() + 60_000).toISOString() }, customerId);
});

interface RouteCase extends FaultRouteCase {
  /** For creates: how many objects exist upstream afterwards (a seeded one included). */
  made?(): Promise<number>;
}

const transfers = async () => (await upstreamTransfers(stack, customerId)).length;
const accounts = async () => (await upstreamAccounts(stack, customerId)).length;

const routes: RouteCase[] = [
  {
    route: `POST ${BASE}/onramp-transfer/quote`,
    retry: 'R',
    call: () =>
      stack.graphql(
        CreateOnrampQuoteDocument,
        { customerId, input: { amount: { destinationAmount: '50' }, sourceCurrency: 'USD', sourcePaymentRails: 'WIRE', destinationToken: 'USDT', destinationNetwork: 'TRON' } },
        asKey,
      ),
  },
  {
    route: `POST ${BASE}/onramp-transfer/quote/:quote_id`,
    retry: 'N',
    call: () => stack.graphql(CreateOnrampTransferFromQuoteDocument, { customerId, quoteId, destinationAddress: EVM_ADDRESS }, asKey),
    made: transfers,
  },
  {
    route: `POST ${BASE}/onramp-transfer`,
    retry: 'N',
    call: () =>
      stack.graphql(
        CreateOnrampTransferDocument,
        { customerId, input: { amount: '20', sourceCurrency: 'EUR', sourceRails: 'SEPA', destinationNetwork: 'POLYGON', destinationToken: 'USDC', destinationAddress: EVM_ADDRESS } },
        asKey,
      ),
    made: transfers,
  },
  { route: `GET ${BASE}/onramp-transfer/:transfer_id`, retry: 'read', call: () => stack.graphql(GetOnrampTransferDocument, { customerId, id: transferId }, asKey) },
  { route: `GET ${BASE}/onramp-transfer`, retry: 'read', call: () => stack.graphql(ListOnrampTransfersDocument, { customerId }, asKey) },
  { route: `POST ${BASE}/onramp-transfer/simulate`, retry: 'once', call: () => stack.graphql(SimulateOnrampTransferDocument, { customerId, transferId }, asKey) },
  {
    route: `POST ${BASE}/virtual-account`,
    retry: 'R',
    call: () => stack.graphql(CreateVirtualAccountDocument, { customerId, input: { sourceCurrency: 'USD', destinationNetwork: 'ETHEREUM', destinationAddress: EVM_ADDRESS } }, asKey),
    made: accounts,
  },
  { route: `GET ${BASE}/virtual-account/:virtual_account_id`, retry: 'read', call: () => stack.graphql(GetVirtualAccountDocument, { customerId, id: accountId }, asKey) },
  { route: `GET ${BASE}/virtual-account`, retry: 'read', call: () => stack.graphql(ListVirtualAccountsDocument, { customerId }, asKey) },
  {
    route: `POST ${BASE}/virtual-account/simulate`,
    retry: 'once',
    call: () => stack.graphql(SimulateVirtualAccountDocument, { customerId, virtualAccountId: accountId }, asKey),
  },
];

/** Faults after which the write took place upstream (its answer was lost or unreadable). */
const COMMITTED = new Set(['reset-after-commit', 'malformed']);

const matrix = faultMatrix(routes);

describe.each(matrix)('%s with a persistent %s fault', (_routeName, kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    const { body, attempts, expected } = await underPersistentFault(stack, route, kind);
    expect(body.errors?.[0]?.extensions).toEqual(expected.error);
    expect(body.errors).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect(attempts).toBe(expected.attempts);
    if (route.made === undefined) return;
    // A delayed request is dropped by the emulator once its client has gone: wait for that to settle.
    if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
    // One object of each kind is seeded; the call adds one exactly when its write took place.
    expect(await route.made()).toBe(1 + (COMMITTED.has(kindName) ? 1 : 0));
  });
});

describeOneOffReadFaults(() => stack, routes);
