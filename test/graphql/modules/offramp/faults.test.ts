import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CompleteOfframpTransferDocument,
  CreateExternalAccountDocument,
  CreateOfframpQuoteDocument,
  CreateOfframpTransferDocument,
  CreateOfframpTransferFromQuoteDocument,
  GetOfframpTransferDocument,
  ListExternalAccountsDocument,
  ListOfframpTransfersDocument,
  SimulateOfframpTransferDocument,
} from '../../../generated/graphql.js';
import type { RetryClass } from '../../../../src/align/operation.js';
import { expectedUnderFault, FAST_FAULT_ENV, faultKinds } from '../../../helpers/faults.js';
import { startStack, type GraphQLResponse, type TestStack } from '../../../helpers/stack.js';
import {
  accountsUpstream,
  ACCOUNT_LIST_ROUTE,
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
  QUOTE_INPUT,
  QUOTE_ROUTE,
  SIMULATE_ROUTE,
  TRANSFER_GET_ROUTE,
  TRANSFER_LIST_ROUTE,
  TRANSFER_ROUTE,
  transfersUpstream,
} from './fixtures.js';

/**
 * Every fault kind on every off-ramp and external-account route, through GraphQL: the error the
 * caller gets, the upstream attempts, and for the writes that make something, how many exist
 * afterwards: never two where one was asked for.
 */

const KEY = 'offramp-faults-key-61b9';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ env: FAST_FAULT_ENV });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.admin.reset();
});

interface RouteCase {
  readonly route: string;
  readonly retry: RetryClass;
  /** Makes what the call needs (before the fault is added); answers the call. */
  prepare(customerId: string): Promise<() => Promise<GraphQLResponse<unknown>>>;
  /** How many objects of the kind the call makes exist upstream before it: checked to grow by at most one. */
  made?(customerId: string): Promise<number>;
}

const transfers = async (customerId: string) => (await transfersUpstream(stack, KEY, customerId)).length;
const accounts = async (customerId: string) => (await accountsUpstream(stack, KEY, customerId)).length;

const routes: RouteCase[] = [
  {
    route: QUOTE_ROUTE,
    retry: 'U',
    prepare: async (customerId) => () => stack.graphql(CreateOfframpQuoteDocument, { customerId, input: QUOTE_INPUT }, as(KEY)),
  },
  {
    route: FROM_QUOTE_ROUTE,
    retry: 'U',
    prepare: async (customerId) => {
      const quoteId = await newQuote(stack, KEY, customerId);
      return () => stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId, quoteId, input: { destination: { bankAccount: IBAN_ACCOUNT } } }, as(KEY));
    },
    made: transfers,
  },
  {
    route: TRANSFER_ROUTE,
    retry: 'U',
    prepare: async (customerId) => () => stack.graphql(CreateOfframpTransferDocument, { customerId, input: DIRECT_INPUT }, as(KEY)),
    made: transfers,
  },
  {
    route: COMPLETE_ROUTE,
    retry: 'U',
    prepare: async (customerId) => {
      const transferId = await newTransfer(stack, KEY, customerId);
      return () => stack.graphql(CompleteOfframpTransferDocument, { customerId, transferId, depositTransactionHash: HASH }, as(KEY));
    },
    made: transfers,
  },
  {
    route: SIMULATE_ROUTE,
    retry: 'once',
    prepare: async (customerId) => {
      const transferId = await newTransfer(stack, KEY, customerId);
      return () => stack.graphql(SimulateOfframpTransferDocument, { customerId, transferId }, as(KEY));
    },
    made: transfers,
  },
  {
    route: TRANSFER_GET_ROUTE,
    retry: 'read',
    prepare: async (customerId) => {
      const id = await newTransfer(stack, KEY, customerId);
      return () => stack.graphql(GetOfframpTransferDocument, { customerId, id }, as(KEY));
    },
  },
  {
    route: TRANSFER_LIST_ROUTE,
    retry: 'read',
    prepare: async (customerId) => () => stack.graphql(ListOfframpTransfersDocument, { customerId }, as(KEY)),
  },
  {
    route: ACCOUNT_ROUTE,
    retry: 'U',
    prepare: async (customerId) => () => stack.graphql(CreateExternalAccountDocument, { customerId, input: IBAN_ACCOUNT }, as(KEY)),
    made: accounts,
  },
  {
    route: ACCOUNT_LIST_ROUTE,
    retry: 'read',
    prepare: async (customerId) => () => stack.graphql(ListExternalAccountsDocument, { customerId }, as(KEY)),
  },
];

const matrix = routes.flatMap((route) => faultKinds.map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(matrix)('%s with a persistent %s fault', (routeName, _kindName, route, kind) => {
  it('ends in the documented outcome, without over-calling the upstream or making anything twice', async () => {
    const customerId = await newCustomer(stack, KEY);
    const call = await route.prepare(customerId);
    const before = await stack.admin.requestCount(routeName);
    const madeBefore = await route.made?.(customerId);
    await stack.admin.addFault({ route: routeName, ...kind.fault });
    const { body } = await call();
    const attempts = (await stack.admin.requestCount(routeName)) - before;
    await stack.admin.clearFaults();
    const expected = expectedUnderFault(route.retry, kind);

    expect(body.errors?.[0]?.extensions).toEqual(expected.error);
    expect(body.errors).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect(attempts).toBe(expected.attempts);
    if (route.made === undefined || madeBefore === undefined) return;
    // A delayed request may still land after the client left: wait it out before counting.
    if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
    const grown = (await route.made(customerId)) - madeBefore;
    if (route.route === ACCOUNT_ROUTE || route.route === TRANSFER_ROUTE || route.route === FROM_QUOTE_ROUTE) {
      expect(grown).toBeLessThanOrEqual(1);
      if (kind.fault.kind === 'reset-after-commit' || kind.fault.kind === 'malformed') expect(grown).toBe(1);
      if (kind.fault.kind === 'reset-before' || kind.fault.kind === 'status') expect(grown).toBe(0);
    } else {
      expect(grown).toBe(0);
    }
  });
});

const readMatrix = routes
  .filter((route) => route.retry === 'read' || route.retry === 'U')
  .flatMap((route) => faultKinds.filter((kind) => kind.transient && kind.fault.kind !== 'delay').map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(readMatrix)('%s with a one-off %s fault', (routeName, _kindName, route, kind) => {
  it('is retried and answers data', async () => {
    const customerId = await newCustomer(stack, KEY);
    const call = await route.prepare(customerId);
    const before = await stack.admin.requestCount(routeName);
    await stack.admin.addFault({ route: routeName, times: 1, ...kind.fault });
    const { body } = await call();
    expect(body.errors).toBeUndefined();
    expect(body.data).not.toBeNull();
    expect((await stack.admin.requestCount(routeName)) - before).toBe(2);
  });
});
