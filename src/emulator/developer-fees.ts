import type { RequestContext, UpstreamHandler } from './context.js';
import { isObject, json, objectBody, validationError, type HandlerResult } from './http.js';
import type { RouteDefinition } from './router.js';
import type { Tenant } from './store.js';

/** Developer fees (docs/align-api.md §9): per API key, JSON numbers, percentages 0-100. */

const SERVICES = ['onramp', 'offramp', 'cross_chain_transfer'] as const;
type Service = (typeof SERVICES)[number];

const fees = new WeakMap<Tenant, Map<Service, number>>();

function feesOf(tenant: Tenant): Map<Service, number> {
  let current = fees.get(tenant);
  if (current === undefined) {
    current = new Map(SERVICES.map((service) => [service, 0]));
    fees.set(tenant, current);
  }
  return current;
}

function answer(tenant: Tenant): HandlerResult {
  return json(200, {
    developer_receivable_fees: [...feesOf(tenant)].map(([service_type, value]) => ({ service_type, accrual_basis: 'percentage', value })),
  });
}

function getFees({ tenant }: RequestContext): HandlerResult {
  return answer(tenant);
}

function updateFees({ tenant, body: raw }: RequestContext): HandlerResult {
  const body = objectBody(raw);
  const given = body.developer_receivable_fees;
  if (!isObject(given) || Object.keys(given).length === 0) throw validationError('developer_receivable_fees must be an object with at least one service.');
  for (const [service, value] of Object.entries(given)) {
    if (!(SERVICES as readonly string[]).includes(service)) throw validationError(`Unknown service ${service} (known: ${SERVICES.join(', ')}).`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) throw validationError(`${service} must be a number from 0 to 100.`);
  }
  const current = feesOf(tenant);
  for (const [service, value] of Object.entries(given)) current.set(service as Service, value as number);
  return answer(tenant);
}

export const developerFeeRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'GET', template: '/v0/developer/fees', handler: getFees },
  { method: 'PUT', template: '/v0/developer/fees', handler: updateFees },
];
