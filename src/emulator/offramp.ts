import { randomBytes, randomUUID } from 'node:crypto';
import { parseBankAccountBody } from './bank-accounts.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { findCustomer } from './customers.js';
import type { Emit } from './events.js';
import { isPresent, oneOf, positiveAmount, requiredText } from './fields.js';
import { ApiError, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import { makeQuote, parseRoute, price, quoteAnswer, usableQuote, type OfframpRoute, type Price } from './offramp-quotes.js';
import type { RouteDefinition } from './router.js';
import type { Tenant } from './store.js';

/**
 * Off-ramp transfers (docs/align-api.md §11). A transfer is `pending` when made, `processing` once
 * the customer reports the deposit (R18) and `completed` when the sandbox simulates the payout (R21),
 * with an `offramp_transfer.status.updated` event at each step (§17).
 */

const SIMULATE_ACTIONS = ['complete_transfer'] as const;
const PURPOSE = /^[a-z_]{1,64}$/;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** `POST …/offramp-transfer/quote` -> 201 the quote. */
function createQuote({ tenant, params, body, settings }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const quote = makeQuote(objectBody(body), settings.quoteTtlMs);
  tenant.add('offramp-quotes', quote.quote_id as string, customer.customer_id, quote);
  return json(201, quoteAnswer(quote));
}

/** `POST …/offramp-transfer/quote/:quote_id` -> 201 the transfer; the quote is used up. */
function createFromQuote({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const byAccount = isPresent(body, 'destination_external_account_id');
  if (byAccount === isPresent(body, 'destination_bank_account')) {
    throw validationError('Exactly one of destination_external_account_id and destination_bank_account is required.');
  }
  const bank = byAccount ? savedAccount(tenant, body.destination_external_account_id, customer.customer_id) : parseBankAccountBody(body.destination_bank_account, 'destination_bank_account');
  const purpose = transferPurpose(body);
  const quote = usableQuote(tenant, params.quote_id!, customer.customer_id);
  const transfer = addTransfer(tenant, customer.customer_id, emit, {
    route: quote as unknown as OfframpRoute,
    price: quote as unknown as Price,
    amount: quote.destination_amount as string,
    bank,
    purpose,
  });
  quote.used_by = transfer.id;
  return json(201, transfer);
}

/** `POST …/offramp-transfer` (direct): `amount` is the fiat paid out, priced without a developer fee. */
function createTransfer({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const route = parseRoute(body);
  const amount = positiveAmount(body, 'amount');
  const bank = parseBankAccountBody(body.destination_bank_account, 'destination_bank_account');
  const transfer = addTransfer(tenant, customer.customer_id, emit, {
    route,
    price: price(route.destination_currency, { destination: amount }),
    amount,
    bank,
    purpose: transferPurpose(body),
  });
  return json(201, transfer);
}

/** `POST …/offramp-transfer/:transfer_id/complete` -> 200: the deposit was sent, the transfer processes. */
function completeTransfer({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const hash = requiredText(objectBody(raw), 'deposit_transaction_hash', 128);
  const transfer = findTransfer(tenant, params.transfer_id!, customer.customer_id);
  // Inferred: completing twice with a new key is refused; a repeat of the same key replays (§3).
  if (transfer.status !== 'pending') throw new ApiError(409, 'transfer_not_pending', `The transfer is ${String(transfer.status)}, not pending.`);
  (transfer.quote as JsonObject).deposit_transaction_hash = hash;
  setStatus(transfer, 'processing', emit);
  return json(200, transfer);
}

/** `POST …/offramp-transfer/simulate` (sandbox) `{action, transfer_id}` -> 200 `{message}`. */
function simulateTransfer({ tenant, params, body: raw, emit, production }: RequestContext): HandlerResult {
  if (production) throw new ApiError(403, 'forbidden', 'Simulation is not available in production.');
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  oneOf(body, 'action', SIMULATE_ACTIONS);
  const transfer = findTransfer(tenant, requiredText(body, 'transfer_id'), customer.customer_id);
  // Like the other simulations, a second run fails (docs/align-api.md §18, class once).
  if (transfer.status !== 'pending' && transfer.status !== 'processing') {
    throw new ApiError(400, 'invalid_transfer_status', `The transfer is ${String(transfer.status)}: only a pending or processing transfer can complete.`);
  }
  setStatus(transfer, 'completed', emit);
  return json(200, { message: 'The transfer was completed.' });
}

function getTransfer({ tenant, params }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  return json(200, findTransfer(tenant, params.transfer_id!, customer.customer_id));
}

function listTransfers({ tenant, params }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  return json(200, { items: tenant.list('offramp-transfers', customer.customer_id) });
}

function findTransfer(tenant: Tenant, transferId: string, customerId: string): JsonObject {
  const transfer = tenant.find('offramp-transfers', transferId, customerId);
  if (transfer === undefined) throw new ApiError(404, 'transfer_not_found', 'No off-ramp transfer with this id.');
  return transfer;
}

/** A saved external account as a transfer destination: its bank fields, without its own id and date. */
function savedAccount(tenant: Tenant, id: unknown, customerId: string): JsonObject {
  if (typeof id !== 'string') throw validationError('destination_external_account_id must be a string.');
  const account = tenant.find('external-accounts', id, customerId);
  if (account === undefined) throw new ApiError(404, 'external_account_not_found', 'No external account with this id.');
  const { id: _id, created_at: _createdAt, ...bank } = account;
  return bank;
}

function transferPurpose(body: JsonObject): string | null {
  if (!isPresent(body, 'transfer_purpose')) return null;
  const purpose = body.transfer_purpose;
  if (typeof purpose !== 'string' || !PURPOSE.test(purpose)) throw validationError('transfer_purpose must be a documented purpose such as "salaries".');
  return purpose;
}

interface NewTransfer {
  readonly route: OfframpRoute;
  readonly price: Price;
  readonly amount: string;
  readonly bank: JsonObject;
  readonly purpose: string | null;
}

function addTransfer(tenant: Tenant, customerId: string, emit: Emit, made: NewTransfer): JsonObject & { id: string } {
  const now = new Date().toISOString();
  const { route, price: priced } = made;
  const transfer = {
    id: randomUUID(),
    status: 'pending',
    amount: made.amount,
    source_token: route.source_token,
    source_network: route.source_network,
    destination_currency: route.destination_currency,
    destination_payment_rails: route.destination_payment_rails,
    transfer_purpose: made.purpose,
    destination_bank_account: made.bank,
    quote: {
      deposit_network: route.source_network,
      deposit_token: route.source_token,
      deposit_blockchain_address: depositAddress(route.source_network),
      deposit_amount: priced.source_amount,
      source_amount: priced.source_amount,
      destination_amount: priced.destination_amount,
      exchange_rate: priced.exchange_rate,
      fee_amount: priced.fee_amount,
      deposit_transaction_hash: null,
    },
    created_at: now,
    updated_at: now,
  };
  tenant.add('offramp-transfers', transfer.id, customerId, transfer);
  emitStatus(transfer.id, emit);
  return transfer;
}

function setStatus(transfer: JsonObject, status: string, emit: Emit): void {
  transfer.status = status;
  transfer.updated_at = new Date().toISOString();
  emitStatus(transfer.id as string, emit);
}

/** The webhook carries the envelope only (docs/align-api.md §17): subscribers re-read the transfer. */
function emitStatus(transferId: string, emit: Emit): void {
  emit({ event_type: 'offramp_transfer.status.updated', entity_type: 'offramp_transfer', entity_id: transferId });
}

/** Where the customer sends the tokens, in the network's own address format. */
function depositAddress(network: string): string {
  const base58 = (length: number) => Array.from(randomBytes(length), (byte) => BASE58[byte % BASE58.length]).join('');
  if (network === 'solana') return base58(44);
  if (network === 'tron') return `T${base58(33)}`;
  return `0x${randomBytes(20).toString('hex')}`;
}

const TRANSFERS = '/v0/customers/:customer_id/offramp-transfer';

export const offrampRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: `${TRANSFERS}/quote`, handler: createQuote, requiresIdempotencyKey: true },
  { method: 'POST', template: `${TRANSFERS}/quote/:quote_id`, handler: createFromQuote, requiresIdempotencyKey: true },
  { method: 'POST', template: TRANSFERS, handler: createTransfer, requiresIdempotencyKey: true },
  { method: 'GET', template: TRANSFERS, handler: listTransfers },
  { method: 'POST', template: `${TRANSFERS}/simulate`, handler: simulateTransfer },
  { method: 'GET', template: `${TRANSFERS}/:transfer_id`, handler: getTransfer },
  { method: 'POST', template: `${TRANSFERS}/:transfer_id/complete`, handler: completeTransfer, requiresIdempotencyKey: true },
];
