import { randomUUID } from 'node:crypto';
import { isValidApiKey } from './auth.js';
import { isUuid } from './customers.js';
import { ApiError, isObject, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import { DEFAULT_SETTINGS, type EmulatorState } from './state.js';
import { COLLECTIONS, type Collection, type StoredCustomer } from './store.js';

/**
 * Admin routes that put data in place and tune behaviour: `seed` stores a raw upstream-shaped record
 * as given (for answers the emulator would never make itself), `settings` adjusts what the docs leave
 * open (the quote lifetime), `events` lists what the event hook emitted.
 */

/** The id field of each collection's records (docs/align-api.md §4: ids are named per object). */
const ID_FIELD: Readonly<Record<Collection, string>> = {
  files: 'id',
  'external-accounts': 'id',
  'offramp-transfers': 'id',
  'onramp-transfers': 'id',
  'cross-chain-transfers': 'id',
  'virtual-accounts': 'id',
  'permanent-route-addresses': 'permanent_route_address_id',
  webhooks: 'id',
  'offramp-quotes': 'quote_id',
  'onramp-quotes': 'quote_id',
  'cross-chain-quotes': 'quote_id',
};
/** Records that belong to the account, not to a customer's path. */
const ACCOUNT_LEVEL: ReadonlySet<Collection> = new Set(['files', 'webhooks']);

function refuseUnknownFields(body: JsonObject, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((field) => !allowed.includes(field));
  if (unknown.length > 0) throw validationError(`Unknown fields: ${unknown.join(', ')} (allowed: ${allowed.join(', ')}).`);
}

function apiKeyOf(body: JsonObject): string {
  if (!isValidApiKey(body.api_key)) throw validationError('api_key must be a non-empty string of at most 256 visible ASCII characters.');
  return body.api_key;
}

/** `POST /__emulator/seed {api_key, customer_id?, collection, record}` -> 201 `{"id"}`. */
export function seed(state: EmulatorState, raw: unknown): HandlerResult {
  const body = objectBody(raw);
  refuseUnknownFields(body, ['api_key', 'customer_id', 'collection', 'record']);
  const tenant = state.tenants.get(apiKeyOf(body));
  const { collection, record: given, customer_id: customerId } = body;
  if (!isObject(given)) throw validationError('record must be a JSON object of upstream fields.');
  if (collection === 'customers') {
    const id = given.customer_id ?? randomUUID();
    if (typeof id !== 'string' || !isUuid(id)) throw validationError('record.customer_id must be a UUID, or omitted.');
    if (tenant.customer(id) !== undefined) throw new ApiError(409, 'customer_already_exists', 'A customer with this customer_id already exists.');
    if (typeof given.email === 'string' && tenant.customerByEmail(given.email) !== undefined) {
      throw new ApiError(409, 'customer_already_exists', 'A customer with this email already exists.');
    }
    tenant.addCustomer({ ...given, customer_id: id } as StoredCustomer);
    return json(201, { id });
  }
  if (typeof collection !== 'string' || !(COLLECTIONS as readonly string[]).includes(collection)) {
    throw validationError(`collection must be one of customers, ${COLLECTIONS.join(', ')}.`);
  }
  const kind = collection as Collection;
  let owner: string | null = null;
  if (!ACCOUNT_LEVEL.has(kind)) {
    if (typeof customerId !== 'string' || !isUuid(customerId)) throw validationError(`customer_id (a UUID) is required for ${kind}.`);
    owner = customerId;
  } else if (customerId !== undefined && customerId !== null) {
    throw validationError(`${kind} belong to the account: customer_id must be omitted.`);
  }
  const idField = ID_FIELD[kind];
  const id = given[idField] ?? randomUUID();
  if (typeof id !== 'string' || id === '' || id.length > 128) throw validationError(`record.${idField} must be a non-empty string, or omitted.`);
  if (tenant.find(kind, id) !== undefined) throw new ApiError(409, 'record_already_exists', `A record with this ${idField} already exists.`);
  tenant.add(kind, id, owner, { ...given, [idField]: id });
  return json(201, { id });
}

/** `POST /__emulator/settings {quoteTtlMs?}` -> 200 with every setting. */
export function updateSettings(state: EmulatorState, raw: unknown): HandlerResult {
  const body = objectBody(raw, true);
  refuseUnknownFields(body, Object.keys(DEFAULT_SETTINGS));
  const ttl = body.quoteTtlMs;
  if (ttl !== undefined) {
    if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 86_400_000) {
      throw validationError('quoteTtlMs must be an integer from 0 to 86400000.');
    }
    state.settings.quoteTtlMs = ttl;
  }
  return json(200, { ...state.settings });
}

/** `GET /__emulator/events?api_key=` -> `{"events": [...]}`, oldest first. */
export function listEvents(state: EmulatorState, query: string): HandlerResult {
  const apiKey = new URLSearchParams(query).get('api_key');
  if (!isValidApiKey(apiKey)) throw validationError('api_key (query) must name a tenant.');
  return json(200, { events: state.tenants.get(apiKey).events });
}
