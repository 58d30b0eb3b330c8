import { AlignBadResponseError } from './errors.js';

/**
 * Small guards for checking the documented shape of upstream bodies. They check what the server
 * relies on and let unknown extra fields through, so an upstream that adds fields keeps working.
 */

export type JsonObject = Record<string, unknown>;

export function badShape(what: string): never {
  throw new AlignBadResponseError(`The Align API answered with an unexpected shape (${what}).`);
}

export function asObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) badShape(`${what} is not an object`);
  return value as JsonObject;
}

export function requiredString(object: JsonObject, field: string, what: string): string {
  const value = object[field];
  if (typeof value !== 'string' || value.length === 0) badShape(`${what}.${field} is missing`);
  return value;
}

export function optionalString(object: JsonObject, field: string, what: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') badShape(`${what}.${field} is not a string`);
  return value;
}

export function optionalObject(object: JsonObject, field: string, what: string): JsonObject | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  return asObject(value, `${what}.${field}`);
}

export function arrayOf<T>(value: unknown, what: string, item: (entry: unknown, what: string) => T): T[] {
  if (!Array.isArray(value)) badShape(`${what} is not a list`);
  return value.map((entry, index) => item(entry, `${what}[${index}]`));
}
