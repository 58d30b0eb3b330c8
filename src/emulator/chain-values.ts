import { randomBytes, randomInt } from 'node:crypto';
import { validationError, type JsonObject } from './http.js';

/**
 * Values of the blockchain routes (docs/align-api.md §5, §15, §16): the networks and tokens a body may
 * name, exact decimal arithmetic for amounts, and deposit addresses in each chain's format.
 */

export const NETWORKS: readonly string[] = ['polygon', 'ethereum', 'solana', 'base', 'arbitrum', 'tron'];
export const TOKENS: readonly string[] = ['usdc', 'usdt', 'eurc'];

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const MAX_TEXT = 256;

/** A required string field whose value is one of `allowed`, else the 400 naming it. */
export function oneOf(body: JsonObject, field: string, allowed: readonly string[]): string {
  const value = body[field];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw validationError(`${field} is required: one of ${allowed.map((v) => `"${v}"`).join(', ')}.`);
  }
  return value;
}

/** A required non-empty string of at most 256 characters. */
export function requiredText(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT) {
    throw validationError(`${field} is required: a non-empty string of at most ${MAX_TEXT} characters.`);
  }
  return value;
}

export function isPositiveDecimal(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && DECIMAL.test(value) && /[1-9]/.test(value);
}

export function positiveDecimal(body: JsonObject, field: string): string {
  const value = body[field];
  if (!isPositiveDecimal(value)) throw validationError(`${field} must be a positive decimal string such as "100.00".`);
  return value;
}

/** `a + sign * b` for decimal strings, exactly; null when the result is not positive. */
export function addDecimals(a: string, b: string, sign: 1 | -1 = 1): string | null {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  const sum = units(a, scale) + BigInt(sign) * units(b, scale);
  if (sum <= 0n) return null;
  const digits = sum.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function fractionDigits(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

function units(value: string, scale: number): bigint {
  const [whole, fraction = ''] = value.split('.') as [string, string?];
  return BigInt(whole + fraction.padEnd(scale, '0'));
}

/** A fresh deposit address in `network`'s format: EVM hex, Tron `T…` or Solana base58. */
export function newAddress(network: string): string {
  if (network === 'tron') return `T${base58(33)}`;
  if (network === 'solana') return base58(44);
  return `0x${randomBytes(20).toString('hex')}`;
}

function base58(length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += BASE58_ALPHABET[randomInt(BASE58_ALPHABET.length)];
  return text;
}
