import { randomUUID } from 'node:crypto';
import { isValidApiKey } from './auth.js';
import { isUuid } from './customers.js';
import { parseFaultSpec } from './faults.js';
import { ApiError, isObject, json, objectBody, validationError, type HandlerResult } from './http.js';
import { Router } from './router.js';
import { upstreamRoutes } from './routes.js';
import { deposit } from './deposits.js';
import { listEvents, seed, updateSettings } from './seed.js';
import type { EmulatorState } from './state.js';
import type { StoredCustomer } from './store.js';

/**
 * The admin API under `/__emulator/` (README, "The emulator"): no auth, never counted in stats, never faulted.
 */

export const ADMIN_PREFIX = '/__emulator/';

export interface AdminContext {
  readonly state: EmulatorState;
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body: undefined when empty, INVALID_JSON when unparsable. */
  readonly body: unknown;
  /** The raw query string, without `?`. */
  readonly query: string;
}

export type AdminHandler = (context: AdminContext) => HandlerResult;

/** `{"requests": {"POST /v0/customers": 3, ...}}`; routes never requested are absent. */
function stats({ state }: AdminContext): HandlerResult {
  return json(200, { requests: Object.fromEntries(state.requests) });
}

function reset({ state }: AdminContext): HandlerResult {
  state.reset();
  return json(200, {});
}

function listFaults({ state }: AdminContext): HandlerResult {
  return json(200, { faults: state.faults.list() });
}

function addFault({ state, body }: AdminContext): HandlerResult {
  return json(201, state.faults.add(parseFaultSpec(body, upstreamRoutes)));
}

function clearFaults({ state }: AdminContext): HandlerResult {
  state.faults.clear();
  return json(200, {});
}

function removeFault({ state, params }: AdminContext): HandlerResult {
  if (!state.faults.remove(params.fault_id!)) throw new ApiError(404, 'fault_not_found', 'No fault with this id.');
  return json(200, {});
}

/**
 * `{api_key, customer: {...raw upstream fields...}}` -> 201 the stored customer. Lets tests serve
 * values a real upstream might send but the emulator never makes (an unknown enum value, a missing
 * field). Only `customer_id` is checked (a UUID, generated when omitted) and the email kept unique
 * when it is a string; everything else is stored and served as given.
 */
function seedCustomer({ state, body: raw }: AdminContext): HandlerResult {
  const body = objectBody(raw);
  if (!isValidApiKey(body.api_key)) {
    throw validationError('api_key must be a non-empty string of at most 256 visible ASCII characters.');
  }
  if (!isObject(body.customer)) throw validationError('customer must be a JSON object of upstream fields.');
  const { customer_id: givenId, ...fields } = body.customer;
  if (givenId !== undefined && givenId !== null && (typeof givenId !== 'string' || !isUuid(givenId))) {
    throw validationError('customer.customer_id must be a UUID, or omitted.');
  }
  const customer: StoredCustomer = { customer_id: typeof givenId === 'string' ? givenId : randomUUID(), ...fields };
  const tenant = state.tenants.get(body.api_key);
  if (tenant.customer(customer.customer_id) !== undefined) {
    throw new ApiError(409, 'customer_already_exists', 'A customer with this customer_id already exists.');
  }
  if (typeof customer.email === 'string' && tenant.customerByEmail(customer.email) !== undefined) {
    throw new ApiError(409, 'customer_already_exists', 'A customer with this email already exists.');
  }
  tenant.addCustomer(customer);
  return json(201, customer);
}

export const adminRoutes = new Router<AdminHandler>([
  { method: 'GET', template: '/__emulator/stats', handler: stats },
  { method: 'POST', template: '/__emulator/reset', handler: reset },
  { method: 'GET', template: '/__emulator/faults', handler: listFaults },
  { method: 'POST', template: '/__emulator/faults', handler: addFault },
  { method: 'DELETE', template: '/__emulator/faults', handler: clearFaults },
  { method: 'DELETE', template: '/__emulator/faults/:fault_id', handler: removeFault },
  { method: 'POST', template: '/__emulator/customers', handler: seedCustomer },
  { method: 'POST', template: '/__emulator/seed', handler: ({ state, body }) => seed(state, body) },
  { method: 'POST', template: '/__emulator/settings', handler: ({ state, body }) => updateSettings(state, body) },
  { method: 'GET', template: '/__emulator/events', handler: ({ state, query }) => listEvents(state, query) },
  { method: 'POST', template: '/__emulator/deposits', handler: ({ state, body }) => deposit(state, body) },
  { method: 'GET', template: '/__emulator/webhook-deliveries', handler: ({ state }) => json(200, { deliveries: state.webhooks.list() }) },
]);
