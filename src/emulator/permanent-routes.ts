import { randomUUID } from 'node:crypto';
import { newAddress, oneOf, requiredText } from './chain-values.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { addTransfer } from './cross-chain.js';
import { findCustomer } from './customers.js';
import type { Emit } from './events.js';
import { ApiError, isObject, json, objectBody, type HandlerResult, type JsonObject } from './http.js';
import type { RouteDefinition } from './router.js';
import type { Tenant } from './store.js';

/**
 * Permanent route addresses (docs/align-api.md §16): deposit addresses, one per source chain, that
 * forward whatever arrives to one destination. The three routes are known from the SDK only.
 */

/** The source chains a route gets an address on: one each (inferred, docs/align-api.md §16). */
const SOURCE_CHAINS: readonly string[] = ['ethereum', 'base', 'polygon', 'tron', 'solana'];
/** What the SDK lets a route forward to. */
const DESTINATION_NETWORKS: readonly string[] = ['polygon', 'ethereum'];
const DESTINATION_TOKENS: readonly string[] = ['usdc', 'usdt'];

/** `POST …/cross-chain-transfer/permanent-route-address`: 201 (inferred) with the new route. */
function createRoute({ tenant, params, body: raw }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const route = {
    permanent_route_address_id: randomUUID(),
    route_chain_addresses: Object.fromEntries(SOURCE_CHAINS.map((chain) => [chain, { address: newAddress(chain) }])),
    route_destination: {
      network: oneOf(body, 'destination_network', DESTINATION_NETWORKS),
      token: oneOf(body, 'destination_token', DESTINATION_TOKENS),
      address: requiredText(body, 'destination_address'),
    },
  };
  tenant.add('permanent-route-addresses', route.permanent_route_address_id, customer.customer_id, route);
  return json(201, route);
}

/** `GET …/permanent-route-address/:permanent_route_address_id` */
function getRoute({ tenant, params }: RequestContext): HandlerResult {
  findCustomer(tenant, params.customer_id!);
  const route = tenant.find('permanent-route-addresses', params.permanent_route_address_id!, params.customer_id!);
  if (route === undefined) throw new ApiError(404, 'permanent_route_address_not_found', 'No permanent route address with this id.');
  return json(200, route);
}

/**
 * `GET …/permanent-route-address/list`: the literal `list` wins over the id (docs/align-api.md §0).
 * Paging and order are undocumented (docs/align-api.md §19 Q3): every route, in creation order.
 */
function listRoutes({ tenant, params }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  return json(200, { items: tenant.list('permanent-route-addresses', customer.customer_id) });
}

/**
 * Admin `deposits` with a `permanent_route_address_id`: tokens arrived on the route's first source
 * chain and were forwarded, so the deposit makes a `completed` cross-chain transfer of the route's
 * customer, and its `cross_chain_transfer.status.updated` event names the route in
 * `event_payload.permanent_route_address.id` (docs/align-api.md §16, §17).
 */
function depositToRoute({ tenant, targetId, amount, emit }: { tenant: Tenant; targetId: string; amount: string; emit: Emit }) {
  const route = tenant.find('permanent-route-addresses', targetId);
  const customerId = tenant.ownerOf('permanent-route-addresses', targetId);
  if (route === undefined || customerId === null) {
    throw new ApiError(404, 'permanent_route_address_not_found', 'No permanent route address with this id.');
  }
  const chains = isObject(route.route_chain_addresses) ? route.route_chain_addresses : {};
  const [sourceNetwork, entry] = Object.entries(chains)[0] ?? ['ethereum', null];
  const destination: JsonObject = isObject(route.route_destination) ? route.route_destination : {};
  const transfer = addTransfer(
    tenant,
    customerId,
    emit,
    {
      status: 'completed',
      amount,
      source_network: sourceNetwork,
      source_token: destination.token ?? null,
      destination_network: destination.network ?? null,
      destination_token: destination.token ?? null,
      destination_address: destination.address ?? null,
      quote: {
        deposit_token: destination.token ?? null,
        deposit_network: sourceNetwork,
        deposit_address: isObject(entry) ? (entry.address ?? null) : null,
        deposit_amount: amount,
        fee_amount: '0',
      },
    },
    { permanent_route_address: { id: route.permanent_route_address_id } },
  );
  return { transfer_id: transfer.id as string, kind: 'cross-chain' as const, customer_id: customerId };
}

/** The admin `deposits` target this group owns (listed in deposits.ts). */
export const permanentRouteDepositTarget = { field: 'permanent_route_address_id', deposit: depositToRoute };

export const permanentRouteRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: '/v0/customers/:customer_id/cross-chain-transfer/permanent-route-address', handler: createRoute },
  { method: 'GET', template: '/v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/list', handler: listRoutes },
  {
    method: 'GET',
    template: '/v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/:permanent_route_address_id',
    handler: getRoute,
  },
];
