import { validationError, type JsonObject } from './http.js';

/**
 * Body checks and amounts of the on-ramp and virtual-account routes (docs/align-api.md §5, §13, §14).
 * The value sets are the documented subsets per route; the upstream refuses the rest with 400.
 */

export const NETWORKS = ['polygon', 'ethereum', 'solana', 'base', 'arbitrum', 'tron'] as const;
/** R22 (SDK): the quote's networks; arbitrum is not among them. */
export const QUOTE_NETWORKS = ['polygon', 'ethereum', 'solana', 'base', 'tron'] as const;
export const TOKENS = ['usdc', 'usdt', 'eurc'] as const;
/** Virtual accounts pay out in dollar stablecoins only (SDK). */
export const VA_TOKENS = ['usdc', 'usdt'] as const;
export const CURRENCIES = ['usd', 'eur', 'aed'] as const;
export const RAILS = ['ach', 'wire', 'sepa', 'swift', 'uaefts'] as const;
/** R22 (SDK's quote validator). */
export const QUOTE_RAILS = ['ach', 'wire', 'sepa', 'uaefts'] as const;

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

export function requiredOneOf(body: JsonObject, field: string, allowed: readonly string[]): string {
  const value = body[field];
  if (value === undefined || value === null) throw validationError(`${field} is required.`);
  return oneOf(value, field, allowed);
}

export function optionalOneOf(body: JsonObject, field: string, allowed: readonly string[]): string | null {
  const value = body[field];
  return value === undefined || value === null ? null : oneOf(value, field, allowed);
}

function oneOf(value: unknown, field: string, allowed: readonly string[]): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw validationError(`${field} must be one of ${allowed.join(', ')}.`);
  return value;
}

export function requiredText(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw validationError(`${field} is required.`);
  return value;
}

export function optionalText(body: JsonObject, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw validationError(`${field} must be a non-empty string.`);
  return value;
}

export function optionalAmount(body: JsonObject, field: string, positive = true): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !DECIMAL.test(value) || (positive && !/[1-9]/.test(value))) {
    throw validationError(`${field} must be a ${positive ? 'positive ' : ''}decimal string such as "100.00".`);
  }
  return value;
}

export function requiredAmount(body: JsonObject, field: string): string {
  const value = optionalAmount(body, field);
  if (value === null) throw validationError(`${field} is required.`);
  return value;
}

/** Fixed-point amounts with 6 decimals: exact, no floating point. */
const SCALE = 1_000_000n;

function units(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.') as [string, string?];
  return BigInt(whole) * SCALE + BigInt(fraction.slice(0, 6).padEnd(6, '0'));
}

function format(value: bigint): string {
  const cents = value / 10_000n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** How many tokens one unit of fiat buys (made up: dollar stablecoins; EURC 1:1 with euros). */
function rateOf(currency: string, token: string): bigint {
  if (token === 'eurc') return currency === 'eur' ? SCALE : currency === 'usd' ? 925_000n : 250_000n;
  return currency === 'eur' ? 1_080_000n : currency === 'aed' ? 272_000n : SCALE;
}

/** The service's own fee: 0.5 %, plus the developer's percentage. */
const BASE_FEE_PERCENT = 500_000n;

export interface Priced {
  readonly source_amount: string;
  readonly destination_amount: string;
  readonly fee_amount: string;
  readonly exchange_rate: string;
}

/** A quote's amounts from one given side; the fee is charged in fiat. */
export function price(currency: string, token: string, given: { source?: string; destination?: string }, developerFeePercent: string | null): Priced {
  const rate = rateOf(currency, token);
  const percent = BASE_FEE_PERCENT + (developerFeePercent === null ? 0n : units(developerFeePercent));
  if (percent >= 100n * SCALE) throw validationError('developer_fee_percent is too high.');
  let source: bigint;
  let net: bigint;
  if (given.source !== undefined) {
    source = units(given.source);
    net = source - (source * percent) / (100n * SCALE);
  } else {
    net = (units(given.destination!) * SCALE) / rate;
    source = (net * 100n * SCALE) / (100n * SCALE - percent);
  }
  const destination = given.destination !== undefined ? units(given.destination) : (net * rate) / SCALE;
  return {
    source_amount: format(source),
    destination_amount: format(destination),
    fee_amount: format(source - net),
    exchange_rate: `${rate / SCALE}.${String(rate % SCALE).padStart(6, '0').replace(/0{1,4}$/, '')}`,
  };
}
