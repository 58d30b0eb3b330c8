import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  CompleteCrossChainTransferDocument,
  CreateCrossChainQuoteDocument,
  CreateCrossChainTransferDocument,
  CreatePermanentRouteAddressDocument,
  GetCrossChainTransferDocument,
  GetPermanentRouteAddressDocument,
  ListPermanentRouteAddressesDocument,
} from '../../../generated/graphql.js';
import {
  callUnderPersistentFault,
  describeOneOffFaults,
  expectFaultOutcome,
  FAST_FAULT_ENV,
  faultKinds,
  type FaultKindCase,
  type FaultRouteCase,
} from '../../../helpers/faults.js';
import { useSharedStack } from '../../../helpers/stack.js';
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

const stack = useSharedStack({ env: FAST_FAULT_ENV });

let customerId: string;
let transferId: string;
let routeId: string;
// After the shared stack's reset.
beforeEach(async () => {
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

interface RouteCase extends FaultRouteCase {
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

describe.each(matrix)('%s with a persistent %s fault', (_routeName, _kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    const { body, attempts } = await callUnderPersistentFault(stack.admin, route, kind);
    expectFaultOutcome(body, attempts, route.retry, kind, KEY);
    if (route.state === undefined) return;
    // The emulator drops a request whose client left during the delay; wait until it would have run.
    if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await route.state.read()).toBe(route.state.expected(kind));
  });
});

describeOneOffFaults(routes, () => stack.admin);
