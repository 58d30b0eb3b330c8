import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CompleteCrossChainTransferDocument,
  CreateCrossChainQuoteDocument,
  CreateCrossChainTransferDocument,
  CreatePermanentRouteAddressDocument,
  GetCrossChainTransferDocument,
  GetPermanentRouteAddressDocument,
  ListPermanentRouteAddressesDocument,
} from '../../../generated/graphql.js';
import type { RetryClass } from '../../../../src/align/operation.js';
import { expectedUnderFault, FAST_FAULT_ENV, faultKinds, type FaultKindCase } from '../../../helpers/faults.js';
import { startStack, type GraphQLResponse, type TestStack } from '../../../helpers/stack.js';
import { EVM_HASH, QUOTE_INPUT, ROUTE_INPUT, seedCustomerId, TRANSFER_INPUT, transfersUpstream } from './fixtures.js';

/**
 * Every fault kind of the emulator's admin API on every cross-chain route, through GraphQL: the error
 * the caller gets, the upstream attempts, and for writes what the upstream holds afterwards. Creates
 * are class N: sent once unless the upstream proved it did nothing (a 429), never sent twice.
 */

const KEY = 'test-key-cross-chain-faults-8d13';
const asKey = { headers: { 'api-key': KEY } };
const BASE = '/v0/customers/:customer_id/cross-chain-transfer';
const ROUTES = `${BASE}/permanent-route-address`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ env: FAST_FAULT_ENV });
});
afterAll(async () => {
  await stack.close();
});

let customerId: string;
let transferId: string;
let routeId: string;
beforeEach(async () => {
  await stack.admin.reset();
  customerId = await seedCustomerId(stack.admin, KEY);
  // Seeded, so the matrix counts only the calls under test (and the seed emits no event).
  transferId = await stack.admin.seed(KEY, 'cross-chain-transfers', { status: 'pending', amount: '10', source_network: 'ethereum' }, customerId);
  routeId = await stack.admin.seed(KEY, 'permanent-route-addresses', { route_chain_addresses: { ethereum: { address: ROUTE_INPUT.destinationAddress } } }, customerId);
});

/** Whether the fault lets the write land upstream (the answer is lost or garbled after the commit). */
const commits = (kind: FaultKindCase) => kind.fault.kind === 'reset-after-commit' || kind.fault.kind === 'malformed';

async function transferStatus(): Promise<string> {
  const response = await fetch(`${stack.emulator.url}/v0/customers/${customerId}/cross-chain-transfer/${transferId}`, { headers: { 'api-key': KEY } });
  return ((await response.json()) as { status: string }).status;
}

async function routesUpstream(): Promise<number> {
  const response = await fetch(`${stack.emulator.url}/v0/customers/${customerId}/cross-chain-transfer/permanent-route-address/list`, { headers: { 'api-key': KEY } });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

interface RouteCase {
  readonly route: string;
  readonly retry: RetryClass;
  call(): Promise<GraphQLResponse<unknown>>;
  /** What the upstream holds after the call, and what it should hold under `kind`. */
  readonly state?: { read(): Promise<unknown>; expected(kind: FaultKindCase): unknown };
}

const routes: RouteCase[] = [
  { route: `POST ${BASE}/quote`, retry: 'U', call: () => stack.graphql(CreateCrossChainQuoteDocument, { customerId, input: QUOTE_INPUT }, asKey) },
  {
    route: `POST ${BASE}`,
    retry: 'N',
    call: () => stack.graphql(CreateCrossChainTransferDocument, { customerId, input: TRANSFER_INPUT }, asKey),
    state: { read: () => transfersUpstream(stack.admin, KEY), expected: (kind) => (commits(kind) ? 1 : 0) },
  },
  {
    route: `POST ${BASE}/:transfer_id/complete`,
    retry: 'N',
    call: () => stack.graphql(CompleteCrossChainTransferDocument, { customerId, transferId, depositTransactionHash: EVM_HASH }, asKey),
    state: { read: transferStatus, expected: (kind) => (commits(kind) ? 'completed' : 'pending') },
  },
  { route: `GET ${BASE}/:transfer_id`, retry: 'read', call: () => stack.graphql(GetCrossChainTransferDocument, { customerId, id: transferId }, asKey) },
  {
    route: `POST ${ROUTES}`,
    retry: 'N',
    call: () => stack.graphql(CreatePermanentRouteAddressDocument, { customerId, input: ROUTE_INPUT }, asKey),
    state: { read: routesUpstream, expected: (kind) => (commits(kind) ? 2 : 1) },
  },
  {
    route: `GET ${ROUTES}/:permanent_route_address_id`,
    retry: 'read',
    call: () => stack.graphql(GetPermanentRouteAddressDocument, { customerId, id: routeId }, asKey),
  },
  { route: `GET ${ROUTES}/list`, retry: 'read', call: () => stack.graphql(ListPermanentRouteAddressesDocument, { customerId }, asKey) },
];

const matrix = routes.flatMap((route) => faultKinds.map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(matrix)('%s with a persistent %s fault', (routeName, _kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    await stack.admin.addFault({ route: routeName, ...kind.fault });
    const { body } = await route.call();
    const attempts = await stack.admin.requestCount(routeName);
    await stack.admin.clearFaults();
    const expected = expectedUnderFault(route.retry, kind);

    expect(body.errors?.[0]?.extensions).toEqual(expected.error);
    expect(body.errors).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect(attempts).toBe(expected.attempts);
    if (route.state === undefined) return;
    // The emulator drops a request whose client left during the delay; wait until it would have run.
    if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await route.state.read()).toBe(route.state.expected(kind));
  });
});

const retriedMatrix = routes
  .filter((route) => route.retry === 'read' || route.retry === 'U')
  .flatMap((route) => faultKinds.filter((kind) => kind.transient).map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(retriedMatrix)('%s with a one-off %s fault', (routeName, _kindName, route, kind) => {
  it('is retried and returns data', async () => {
    await stack.admin.addFault({ route: routeName, times: 1, ...kind.fault });
    const { body } = await route.call();
    expect(body.errors).toBeUndefined();
    expect(body.data).not.toBeNull();
    expect(await stack.admin.requestCount(routeName)).toBe(2);
  });
});
