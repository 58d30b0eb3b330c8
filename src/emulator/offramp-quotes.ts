import { randomUUID } from 'node:crypto';
import { decimal, divideUp, format, isDecimalText, multiply, percent, subtract, type Decimal } from './decimal.js';
import { isPresent, oneOf, positiveAmount } from './fields.js';
import { ApiError, validationError, type JsonObject } from './http.js';
import type { Tenant } from './store.js';

/**
 * Off-ramp quotes and their prices (docs/align-api.md §11). The upstream's pricing is not documented;
 * the emulator's is fixed and exact so tests can predict every amount:
 * - fee = source amount × developer_fee_percent / 100 (no platform fee);
 * - destination = (source − fee) × the currency's rate;
 * - from a destination amount, the source is worked back and rounded up to 6 decimals.
 * Quotes expire after `settings.quoteTtlMs` and are single use (both inferred, §19 Q5).
 */

export const OFFRAMP_NETWORKS = ['polygon', 'ethereum', 'solana', 'base', 'arbitrum', 'tron'] as const;
export const OFFRAMP_TOKENS = ['usdc', 'usdt', 'eurc'] as const;
export const OFFRAMP_CURRENCIES = ['usd', 'eur', 'aed'] as const;
export const OFFRAMP_RAILS = ['ach', 'wire', 'sepa', 'swift', 'uaefts'] as const;

/** Fiat paid out per token sent (the docs' example rate is "0.98"). */
const RATES: Readonly<Record<string, string>> = { usd: '1', eur: '0.98', aed: '3.6725' };
/** Token amounts are worked back to this many decimals (USDC and USDT have 6). */
const TOKEN_DECIMALS = 6;

export interface Price {
  readonly source_amount: string;
  readonly destination_amount: string;
  readonly fee_amount: string;
  readonly exchange_rate: string;
}

/** The route every off-ramp prices: what is sent, on which chain, and what is paid out how. */
export interface OfframpRoute {
  readonly source_token: string;
  readonly source_network: string;
  readonly destination_currency: string;
  readonly destination_payment_rails: string;
}

export function parseRoute(body: JsonObject): OfframpRoute {
  return {
    source_token: oneOf(body, 'source_token', OFFRAMP_TOKENS),
    source_network: oneOf(body, 'source_network', OFFRAMP_NETWORKS),
    destination_currency: oneOf(body, 'destination_currency', OFFRAMP_CURRENCIES),
    destination_payment_rails: oneOf(body, 'destination_payment_rails', OFFRAMP_RAILS),
  };
}

export function price(currency: string, amount: { source: string } | { destination: string }, feePercent = '0'): Price {
  const rate = decimal(RATES[currency]!);
  const share = percent(decimal(feePercent));
  let source: Decimal;
  let destination: Decimal;
  if ('source' in amount) {
    source = decimal(amount.source);
    destination = multiply(subtract(source, multiply(source, share)), rate);
  } else {
    destination = decimal(amount.destination);
    source = divideUp(destination, multiply(rate, subtract(decimal('1'), share)), TOKEN_DECIMALS);
  }
  return {
    source_amount: format(source),
    destination_amount: format(destination),
    fee_amount: format(multiply(source, share)),
    exchange_rate: format(rate),
  };
}

/** `POST …/offramp-transfer/quote`'s body -> the stored quote (answered as is). */
export function makeQuote(body: JsonObject, ttlMs: number): JsonObject {
  const route = parseRoute(body);
  const bySource = isPresent(body, 'source_amount');
  if (bySource === isPresent(body, 'destination_amount')) throw validationError('Exactly one of source_amount and destination_amount is required.');
  const amount = bySource ? { source: positiveAmount(body, 'source_amount') } : { destination: positiveAmount(body, 'destination_amount') };
  let feePercent = '0';
  if (isPresent(body, 'developer_fee_percent')) {
    const given = body.developer_fee_percent;
    if (!isDecimalText(given) || Number(given) > 100) throw validationError('developer_fee_percent must be a decimal string from 0 to 100.');
    if (Number(given) === 100) throw validationError('developer_fee_percent must be below 100: nothing would be paid out.');
    feePercent = given;
  }
  return {
    quote_id: randomUUID(),
    ...price(route.destination_currency, amount, feePercent),
    ...route,
    expire_at: new Date(Date.now() + ttlMs).toISOString(),
  };
}

/**
 * The customer's quote, usable now: unknown or another customer's -> 404, already used -> 409,
 * expired -> 400. `used_by` is the emulator's own mark, never answered (quotes are not read back).
 */
export function usableQuote(tenant: Tenant, quoteId: string, customerId: string): JsonObject {
  const quote = tenant.find('offramp-quotes', quoteId, customerId);
  if (quote === undefined) throw new ApiError(404, 'quote_not_found', 'No quote with this quote_id.');
  if (quote.used_by !== undefined) throw new ApiError(409, 'quote_already_used', 'This quote was already used for a transfer.');
  if (typeof quote.expire_at !== 'string' || Date.parse(quote.expire_at) <= Date.now()) {
    throw new ApiError(400, 'quote_expired', 'This quote has expired: ask for a new one.');
  }
  return quote;
}

/** A quote as answered: the stored record without the emulator's marks. */
export function quoteAnswer(quote: JsonObject): JsonObject {
  const { used_by: _usedBy, ...answer } = quote;
  return answer;
}
