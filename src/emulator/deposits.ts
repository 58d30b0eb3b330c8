import { isValidApiKey } from './auth.js';
import type { Emit } from './events.js';
import { json, objectBody, validationError, type HandlerResult } from './http.js';
import { permanentRouteDepositTarget } from './permanent-routes.js';
import type { EmulatorState } from './state.js';
import type { Tenant } from './store.js';
import { virtualAccountDeposits } from './virtual-accounts.js';

/**
 * `POST /__emulator/deposits {api_key, virtual_account_id | permanent_route_address_id, amount}`:
 * money arriving from outside, which the upstream turns into a transfer plus its event. Each target
 * kind is handled by the group that owns it (virtual accounts make on-ramps, permanent routes make
 * cross-chain transfers); the answer is 201 `{"transfer_id", "kind", "customer_id"}`.
 */
export interface DepositTarget {
  /** The body field naming the target, e.g. `virtual_account_id`. */
  readonly field: string;
  /** Makes the transfer; throws ApiError 404 for an unknown target of this tenant. */
  deposit(deposit: Deposit): DepositMade;
}

export interface Deposit {
  readonly tenant: Tenant;
  readonly targetId: string;
  /** A positive decimal string. */
  readonly amount: string;
  readonly emit: Emit;
}

export interface DepositMade {
  readonly transfer_id: string;
  readonly kind: 'onramp' | 'cross-chain';
  readonly customer_id: string;
}

/** The groups' deposit targets; a group that owns a target adds it here. */
export const DEPOSIT_TARGETS: readonly DepositTarget[] = [virtualAccountDeposits, permanentRouteDepositTarget];

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

export function deposit(state: EmulatorState, raw: unknown, targets: readonly DepositTarget[] = DEPOSIT_TARGETS): HandlerResult {
  const body = objectBody(raw);
  const fields = ['api_key', 'amount', ...targets.map((target) => target.field)];
  const unknown = Object.keys(body).filter((field) => !fields.includes(field));
  if (unknown.length > 0) throw validationError(`Unknown fields: ${unknown.join(', ')} (allowed: ${fields.join(', ')}).`);
  if (!isValidApiKey(body.api_key)) throw validationError('api_key must be a non-empty string of at most 256 visible ASCII characters.');
  const amount = body.amount;
  if (typeof amount !== 'string' || !DECIMAL.test(amount) || !/[1-9]/.test(amount)) throw validationError('amount must be a positive decimal string such as "100.00".');
  const named = targets.filter((target) => body[target.field] !== undefined && body[target.field] !== null);
  if (named.length !== 1) throw validationError(`Exactly one of ${targets.map((target) => target.field).join(', ') || '(no deposit targets yet)'} is required.`);
  const target = named[0]!;
  const targetId = body[target.field];
  if (typeof targetId !== 'string' || targetId === '') throw validationError(`${target.field} must be a non-empty string.`);
  const apiKey = body.api_key;
  const tenant = state.tenants.get(apiKey);
  const made = target.deposit({ tenant, targetId, amount, emit: (event) => state.events.emit(apiKey, tenant, event) });
  return json(201, made);
}
