import { randomUUID } from 'node:crypto';
import { addDecimals, NETWORKS, newAddress, oneOf, positiveDecimal, requiredText, TOKENS } from './chain-values.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { findCustomer } from './customers.js';
import type { Emit } from './events.js';
import { ApiError, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import type { RouteDefinition } from './router.js';
import type { Tenant } from './store.js';

/** Cross-chain transfers (docs/align-api.md §15): tokens in on one chain, tokens out on another. */

/**
 * What the emulator charges for moving tokens between chains: a flat fee, every pair priced 1:1. The
 * upstream's pricing and its quote answer were never captured (docs/align-api.md §19 Q4); this keeps
 * the numbers exact and easy to check.
 */
export const CROSS_CHAIN_FEE = '1.00';
const EXCHANGE_RATE = '1';

const STATUS_EVENT = 'cross_chain_transfer.status.updated';

/**
 * `POST …/cross-chain-transfer/quote` (`Idempotency-Key` required, 400 without: docs/align-api.md §3).
 * The answer is inferred (docs/align-api.md §19 Q4): 201 with the off-ramp quote's fields (`quote_id`,
 * both amounts, `fee_amount`, `exchange_rate`, `expire_at`). `destination_amount` as the priced side
 * is inferred by analogy with the off-ramp quote. The quote is kept but nothing takes it: no source
 * shows a cross-chain create from a quote.
 */
function createQuote({ tenant, params, body: raw, settings }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const sourceToken = oneOf(body, 'source_token', TOKENS);
  const sourceNetwork = oneOf(body, 'source_network', NETWORKS);
  const destinationToken = oneOf(body, 'destination_token', TOKENS);
  const destinationNetwork = oneOf(body, 'destination_network', NETWORKS);
  const fee = body.developer_fee_percent;
  if (fee !== undefined && fee !== null && (typeof fee !== 'string' || !/^[0-9]+(\.[0-9]+)?$/.test(fee) || Number(fee) > 100)) {
    throw validationError('developer_fee_percent must be a decimal string from 0 to 100.');
  }
  const given = ['source_amount', 'destination_amount'].filter((field) => body[field] !== undefined && body[field] !== null);
  if (given.length !== 1) throw validationError('Exactly one of source_amount or destination_amount is required.');
  const amount = positiveDecimal(body, given[0]!);
  const sourceAmount = given[0] === 'source_amount' ? amount : addDecimals(amount, CROSS_CHAIN_FEE)!;
  const destinationAmount = given[0] === 'destination_amount' ? amount : addDecimals(amount, CROSS_CHAIN_FEE, -1);
  if (destinationAmount === null) throw validationError(`source_amount must be more than the fee of ${CROSS_CHAIN_FEE}.`);
  const quote = {
    quote_id: randomUUID(),
    source_token: sourceToken,
    source_network: sourceNetwork,
    destination_token: destinationToken,
    destination_network: destinationNetwork,
    source_amount: sourceAmount,
    destination_amount: destinationAmount,
    fee_amount: CROSS_CHAIN_FEE,
    exchange_rate: EXCHANGE_RATE,
    expire_at: new Date(Date.now() + settings.quoteTtlMs).toISOString(),
  };
  tenant.add('cross-chain-quotes', quote.quote_id, customer.customer_id, quote);
  return json(201, quote);
}

/**
 * `POST …/cross-chain-transfer`: answers 200, not 201 (docs/align-api.md §15). The transfer starts
 * `pending`, its quote saying where the sender deposits the amount plus the fee. No key is documented
 * here; one sent is honoured like anywhere else (docs/align-api.md §19 Q2).
 */
function createTransfer({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const body = objectBody(raw);
  const amount = positiveDecimal(body, 'amount');
  const sourceNetwork = oneOf(body, 'source_network', NETWORKS);
  const sourceToken = oneOf(body, 'source_token', TOKENS);
  const transfer = addTransfer(tenant, customer.customer_id, emit, {
    status: 'pending',
    amount,
    source_network: sourceNetwork,
    source_token: sourceToken,
    destination_network: oneOf(body, 'destination_network', NETWORKS),
    destination_token: oneOf(body, 'destination_token', TOKENS),
    destination_address: requiredText(body, 'destination_address'),
    quote: {
      deposit_token: sourceToken,
      deposit_network: sourceNetwork,
      deposit_address: newAddress(sourceNetwork),
      deposit_amount: addDecimals(amount, CROSS_CHAIN_FEE),
      fee_amount: CROSS_CHAIN_FEE,
    },
  });
  return json(200, transfer);
}

/**
 * `POST …/cross-chain-transfer/:transfer_id/complete {deposit_transaction_hash}`. The docs only say it
 * moves the transfer on (docs/align-api.md §15) and there is no simulate route to finish it, and the
 * full status set is open (docs/align-api.md §19 Q10). The emulator's choice, in this one place: the
 * reported deposit makes the transfer `processing` (the answer), and it settles as `completed` at
 * once, so the next read sees `completed`; each change emits its event. Only a `pending` transfer
 * can be completed (409 otherwise, inferred).
 */
function completeTransfer({ tenant, params, body: raw, emit }: RequestContext): HandlerResult {
  const transfer = findTransfer(tenant, params.customer_id!, params.transfer_id!);
  const body = objectBody(raw);
  requiredText(body, 'deposit_transaction_hash');
  if (transfer.status !== 'pending') throw new ApiError(409, 'transfer_not_pending', 'Only a pending transfer can be completed.');
  setStatus(transfer, 'processing', emit);
  const answer = structuredClone(transfer);
  setStatus(transfer, 'completed', emit);
  return json(200, answer);
}

/** `GET …/cross-chain-transfer/:transfer_id` */
function getTransfer({ tenant, params }: RequestContext): HandlerResult {
  return json(200, findTransfer(tenant, params.customer_id!, params.transfer_id!));
}

function findTransfer(tenant: Tenant, customerId: string, transferId: string): JsonObject {
  findCustomer(tenant, customerId);
  const transfer = tenant.find('cross-chain-transfers', transferId, customerId);
  if (transfer === undefined) throw new ApiError(404, 'transfer_not_found', 'No cross-chain transfer with this id.');
  return transfer;
}

/** What a new transfer is made of; the id and the missing nullable fields are filled in. */
export type NewTransfer = JsonObject & { status: string; amount: string };

/**
 * Stores a new transfer of `customerId` and emits its first status event (`payload` is the event's
 * `event_payload`, e.g. the permanent route it came through).
 */
export function addTransfer(tenant: Tenant, customerId: string, emit: Emit, fields: NewTransfer, payload?: JsonObject): JsonObject {
  const transfer = { id: randomUUID(), source_address: null, ...fields };
  tenant.add('cross-chain-transfers', transfer.id, customerId, transfer);
  emitStatus(transfer.id, emit, payload);
  return transfer;
}

function setStatus(transfer: JsonObject, status: string, emit: Emit): void {
  transfer.status = status;
  emitStatus(transfer.id as string, emit);
}

function emitStatus(transferId: string, emit: Emit, payload?: JsonObject): void {
  emit({ event_type: STATUS_EVENT, entity_type: 'cross_chain_transfer', entity_id: transferId, ...(payload && { event_payload: payload }) });
}

export const crossChainRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: '/v0/customers/:customer_id/cross-chain-transfer/quote', handler: createQuote, requiresIdempotencyKey: true },
  { method: 'POST', template: '/v0/customers/:customer_id/cross-chain-transfer', handler: createTransfer },
  { method: 'POST', template: '/v0/customers/:customer_id/cross-chain-transfer/:transfer_id/complete', handler: completeTransfer },
  { method: 'GET', template: '/v0/customers/:customer_id/cross-chain-transfer/:transfer_id', handler: getTransfer },
];
