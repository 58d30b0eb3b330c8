import { randomUUID } from 'node:crypto';
import { virtualAccountInstructions } from './bank-details.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { findCustomer } from './customers.js';
import type { Emit } from './events.js';
import { ApiError, isObject, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import { makeOnrampTransfer } from './onramp.js';
import { CURRENCIES, NETWORKS, optionalOneOf, optionalText, requiredOneOf, requiredText, VA_TOKENS } from './onramp-fields.js';
import type { RouteDefinition } from './router.js';
import type { StoredCustomer, Tenant } from './store.js';

/**
 * Virtual accounts (docs/align-api.md §14). USD -> 201 with ACH and wire instructions; EUR -> 201
 * with an IBAN; AED, or USD with `source_rails: swift` -> 202 `{id, status: "pending"}` until R34
 * issues it. Identical parameters -> 409; a customer without approved KYC -> 403 (SDK-docs only,
 * inferred). `virtual_account.created` is emitted when an account becomes active.
 */

const BASE = '/v0/customers/:customer_id/virtual-account';
const SIMULATE_ACTIONS: readonly string[] = ['issue_pending_virtual_account'];

/**
 * What made each account, for the 409 check: the documented object does not carry the currency or
 * the rails, so they are kept beside it (seeded accounts have none and never conflict).
 */
const parametersOf = new WeakMap<JsonObject, string>();

function approved(customer: StoredCustomer): boolean {
  return isObject(customer.kycs) && customer.kycs.status === 'approved';
}

/** `POST …/virtual-account` (R31). */
function createVirtualAccount({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const currency = requiredOneOf(body, 'source_currency', CURRENCIES);
  const rails = optionalOneOf(body, 'source_rails', ['swift']);
  if (rails !== null && currency !== 'usd') throw validationError('source_rails swift is only available for usd.');
  const destination = {
    destination_token: optionalOneOf(body, 'destination_token', VA_TOKENS),
    destination_network: requiredOneOf(body, 'destination_network', NETWORKS),
    destination_address: optionalText(body, 'destination_address'),
  };
  if (!approved(customer)) throw new ApiError(403, 'kyc_not_approved', 'The customer has no approved KYC.');
  const parameters = JSON.stringify([currency, rails, destination.destination_token, destination.destination_network, destination.destination_address]);
  if (tenant.list('virtual-accounts', customer.customer_id).some((account) => parametersOf.get(account) === parameters)) {
    throw new ApiError(409, 'virtual_account_already_exists', 'A virtual account with the same parameters already exists.');
  }
  const issuedLater = currency === 'aed' || rails === 'swift';
  const account: JsonObject = issuedLater
    ? { id: randomUUID(), status: 'pending', ...destination }
    : { id: randomUUID(), status: 'active', ...destination, deposit_instructions: virtualAccountInstructions(currency, false) };
  parametersOf.set(account, parameters);
  tenant.add('virtual-accounts', String(account.id), customer.customer_id, account);
  if (issuedLater) return json(202, { id: account.id, status: 'pending' });
  emitCreated(emit, String(account.id));
  return json(201, account);
}

function emitCreated(emit: Emit, id: string): void {
  emit({ event_type: 'virtual_account.created', entity_type: 'virtual_account', entity_id: id });
}

function findAccount(tenant: Tenant, customerId: string, accountId: string): JsonObject {
  const account = tenant.find('virtual-accounts', accountId, findCustomer(tenant, customerId).customer_id);
  if (account === undefined) throw new ApiError(404, 'virtual_account_not_found', 'No virtual account with this id.');
  return account;
}

function getVirtualAccount({ tenant, params }: RequestContext): HandlerResult {
  return json(200, findAccount(tenant, params.customer_id!, params.virtual_account_id!));
}

function listVirtualAccounts({ tenant, params }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  return json(200, { items: tenant.list('virtual-accounts', customer.customer_id) });
}

/** `POST …/virtual-account/simulate` (R34, sandbox): issues a pending account -> 201 the account. */
function simulateVirtualAccount({ tenant, params, body: raw, production, emit }: RequestContext): HandlerResult {
  if (production) throw new ApiError(403, 'forbidden', 'Simulation is not available in production.');
  const body = objectBody(raw);
  requiredOneOf(body, 'action', SIMULATE_ACTIONS);
  const account = findAccount(tenant, params.customer_id!, requiredText(body, 'virtual_account_id'));
  if (account.status === 'active') throw validationError('The virtual account is already active.');
  const [currency, rails] = JSON.parse(parametersOf.get(account) ?? '["usd", null]') as [string, string | null];
  account.status = 'active';
  account.deposit_instructions = virtualAccountInstructions(currency, rails === 'swift');
  emitCreated(emit, String(account.id));
  return json(201, account);
}

/**
 * Admin deposits into a virtual account (`virtual_account_id`, a target of deposits.ts, typed there:
 * importing its type here would close an import cycle): an on-ramp of the account's customer,
 * already `processing` (the money has arrived), whose event names the account.
 */
export const virtualAccountDeposits = {
  field: 'virtual_account_id',
  deposit({ tenant, targetId, amount, emit }: { tenant: Tenant; targetId: string; amount: string; emit: Emit }) {
    const account = tenant.find('virtual-accounts', targetId);
    const customerId = tenant.ownerOf('virtual-accounts', targetId);
    if (account === undefined || customerId === null) throw new ApiError(404, 'virtual_account_not_found', 'No virtual account with this id.');
    if (account.status !== 'active') throw new ApiError(409, 'virtual_account_not_active', 'The virtual account is not active yet.');
    const instructions = isObject(account.deposit_instructions) ? account.deposit_instructions : {};
    const rails = Array.isArray(instructions.payment_rails) ? instructions.payment_rails : [];
    const transfer = makeOnrampTransfer(
      tenant,
      customerId,
      {
        amount,
        source_currency: typeof instructions.currency === 'string' ? instructions.currency : 'usd',
        source_rails: typeof rails[0] === 'string' ? rails[0] : 'ach',
        destination_network: String(account.destination_network ?? 'polygon'),
        destination_token: String(account.destination_token ?? 'usdc'),
        destination_address: typeof account.destination_address === 'string' ? account.destination_address : null,
      },
      emit,
      { status: 'processing', event_payload: { virtual_account: { id: account.id } } },
    );
    return { transfer_id: String(transfer.id), kind: 'onramp' as const, customer_id: customerId };
  },
};

export const virtualAccountRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: BASE, handler: createVirtualAccount },
  { method: 'GET', template: BASE, handler: listVirtualAccounts },
  { method: 'POST', template: `${BASE}/simulate`, handler: simulateVirtualAccount },
  { method: 'GET', template: `${BASE}/:virtual_account_id`, handler: getVirtualAccount },
];
