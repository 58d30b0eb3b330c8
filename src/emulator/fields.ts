import { isDecimalText } from './decimal.js';
import { validationError, type JsonObject } from './http.js';

/** Body field checks shared by the money-moving routes; each failure is a 400 naming the field. */

export function requiredText(body: JsonObject, field: string, max = 256): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw validationError(`${field} is required (a non-empty string).`);
  if (value.length > max) throw validationError(`${field} must be at most ${max} characters.`);
  return value;
}

export function oneOf(body: JsonObject, field: string, allowed: readonly string[]): string {
  const value = body[field];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw validationError(`${field} must be one of ${allowed.map((item) => `"${item}"`).join(', ')}.`);
  }
  return value;
}

/** A positive decimal string such as "100.50". */
export function positiveAmount(body: JsonObject, field: string): string {
  const value = body[field];
  if (!isDecimalText(value) || !/[1-9]/.test(value)) throw validationError(`${field} must be a positive decimal string such as "100.50".`);
  return value;
}

export function isPresent(body: JsonObject, field: string): boolean {
  return body[field] !== undefined && body[field] !== null;
}
