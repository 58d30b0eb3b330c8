import { randomUUID } from 'node:crypto';
import { depositBankAccount, depositReference } from './bank-details.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { findCustomer } from './customers.js';
import type { Emit } from './events.js';
import { ApiError, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import {
  CURRENCIES,
  NETWORKS,
  optionalAmount,
  price,
  QUOTE_NETWORKS,
  QUOTE_RAILS,
  RAILS,
  requiredAmount,
  requiredOneOf,
  requiredText,
  TOKENS,
} from './onramp-fields.js';
import type { RouteDefinition } from './router.js';
import type { Tenant } from './store.js';

/**
 * On-ramp transfers and quotes (docs/align-api.md §13). A transfer is `pending` until R27 completes
 * it (a virtual-account deposit starts it `processing`); every status change emits
 * `onramp_transfer.status.updated`. Quotes expire after `quoteTtlMs` (400) and are single use (409),
 * as for off-ramps (inferred, docs/align-api.md §19 Q5).
 */

const SIMULATE_ACTIONS: readonly string[] = ['complete_transfer'];
const BASE = '/v0/customers/:customer_id/onramp-transfer';

export interface OnrampFields {
  readonly amount: string;
  readonly source_currency: string;
  readonly source_rails: string;
  readonly destination_network: string;
  readonly destination_token: string;
  readonly destination_address: string | null;
  readonly fee_amount?: string;
}

/** Stores a new transfer with the deposit instructions of its currency, and emits its event. */
export function makeOnrampTransfer(
  tenant: Tenant,
  customerId: string,
  fields: OnrampFields,
  emit: Emit,
  start: { status: string; event_payload?: JsonObject } = { status: 'pending' },
): JsonObject {
  const { fee_amount: fee = '0.00', ...rest } = fields;
  const transfer = {
    id: randomUUID(),
    status: start.status,
    ...rest,
    quote: {
      deposit_rails: fields.source_rails,
      deposit_currency: fields.source_currency,
      deposit_amount: fields.amount,
      fee_amount: fee,
      deposit_message: depositReference(),
      deposit_bank_account: depositBankAccount(fields.source_currency),
    },
  };
  tenant.add('onramp-transfers', transfer.id, customerId, transfer);
  emitStatus(emit, transfer.id, start.event_payload);
  return transfer;
}

function emitStatus(emit: Emit, id: string, event_payload?: JsonObject): void {
  emit({ event_type: 'onramp_transfer.status.updated', entity_type: 'onramp_transfer', entity_id: id, ...(event_payload && { event_payload }) });
}

/** `POST …/onramp-transfer/quote` (R22). */
function createQuote({ tenant, params, body: raw, settings }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const source = optionalAmount(body, 'source_amount');
  const destination = optionalAmount(body, 'destination_amount');
  if ((source === null) === (destination === null)) throw validationError('Exactly one of source_amount and destination_amount is required.');
  const currency = requiredOneOf(body, 'source_currency', CURRENCIES);
  const rails = requiredOneOf(body, 'source_payment_rails', QUOTE_RAILS);
  const token = requiredOneOf(body, 'destination_token', TOKENS);
  const network = requiredOneOf(body, 'destination_network', QUOTE_NETWORKS);
  const fee = optionalAmount(body, 'developer_fee_percent', false);
  const quote = {
    quote_id: randomUUID(),
    ...price(currency, token, { source: source ?? undefined, destination: destination ?? undefined }, fee),
    source_currency: currency,
    source_payment_rails: rails,
    destination_token: token,
    destination_network: network,
    expire_at: new Date(Date.now() + settings.quoteTtlMs).toISOString(),
  };
  tenant.add('onramp-quotes', quote.quote_id, customer.customer_id, { ...quote, used: false });
  return json(201, quote);
}

/** `POST …/onramp-transfer/quote/:quote_id` (R23): `{destination_address}`. */
function createFromQuote({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const address = requiredText(objectBody(raw), 'destination_address');
  const quote = tenant.find('onramp-quotes', params.quote_id!, customer.customer_id);
  if (quote === undefined) throw new ApiError(404, 'quote_not_found', 'No quote with this quote_id.');
  if (typeof quote.expire_at === 'string' && Date.parse(quote.expire_at) <= Date.now()) throw validationError('The quote has expired.');
  if (quote.used === true) throw new ApiError(409, 'quote_already_used', 'A transfer was already made from this quote.');
  quote.used = true;
  const transfer = makeOnrampTransfer(
    tenant,
    customer.customer_id,
    {
      amount: String(quote.source_amount),
      source_currency: String(quote.source_currency),
      source_rails: String(quote.source_payment_rails),
      destination_network: String(quote.destination_network),
      destination_token: String(quote.destination_token),
      destination_address: address,
      fee_amount: String(quote.fee_amount),
    },
    emit,
  );
  return json(201, transfer);
}

/** `POST …/onramp-transfer` (R24, the direct flow). */
function createTransfer({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const fields: OnrampFields = {
    amount: requiredAmount(body, 'amount'),
    source_currency: requiredOneOf(body, 'source_currency', CURRENCIES),
    source_rails: requiredOneOf(body, 'source_rails', RAILS),
    destination_network: requiredOneOf(body, 'destination_network', NETWORKS),
    destination_token: requiredOneOf(body, 'destination_token', TOKENS),
    destination_address: requiredText(body, 'destination_address'),
  };
  return json(201, makeOnrampTransfer(tenant, customer.customer_id, fields, emit));
}

function findTransfer(tenant: Tenant, customerId: string, transferId: string): JsonObject {
  const transfer = tenant.find('onramp-transfers', transferId, findCustomer(tenant, customerId).customer_id);
  if (transfer === undefined) throw new ApiError(404, 'onramp_transfer_not_found', 'No on-ramp transfer with this id.');
  return transfer;
}

function getTransfer({ tenant, params }: RequestContext): HandlerResult {
  return json(200, findTransfer(tenant, params.customer_id!, params.transfer_id!));
}

function listTransfers({ tenant, params }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  return json(200, { items: tenant.list('onramp-transfers', customer.customer_id) });
}

/** `POST …/onramp-transfer/simulate` (R27, sandbox): `{action: "complete_transfer", transfer_id}` -> `{message}`. */
function simulateTransfer({ tenant, params, body: raw, production, emit }: RequestContext): HandlerResult {
  if (production) throw new ApiError(403, 'forbidden', 'Simulation is not available in production.');
  const body = objectBody(raw);
  requiredOneOf(body, 'action', SIMULATE_ACTIONS);
  const transfer = findTransfer(tenant, params.customer_id!, requiredText(body, 'transfer_id'));
  if (transfer.status === 'completed') throw validationError('The transfer is already completed.');
  transfer.status = 'completed';
  emitStatus(emit, String(transfer.id));
  return json(200, { message: 'The transfer was completed.' });
}

export const onrampRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: `${BASE}/quote`, handler: createQuote },
  { method: 'POST', template: `${BASE}/quote/:quote_id`, handler: createFromQuote },
  { method: 'POST', template: BASE, handler: createTransfer },
  { method: 'GET', template: BASE, handler: listTransfers },
  { method: 'POST', template: `${BASE}/simulate`, handler: simulateTransfer },
  { method: 'GET', template: `${BASE}/:transfer_id`, handler: getTransfer },
];
