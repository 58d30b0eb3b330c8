import type { IncomingHttpHeaders } from 'node:http';

/**
 * A fixed key the GraphQL server uses when a caller sends no credential in emulator mode. For the
 * emulator it is an ordinary tenant.
 */
export const EMULATOR_DEMO_KEY = 'emulator-demo-key';

const MAX_API_KEY_LENGTH = 256;

export type KeyResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly message: string };

/**
 * Reads the API key from `Api-Key: <key>`, `Authorization: <key>` or `Authorization: Bearer <key>`
 * (docs/align-api.md §1: the docs disagree, so all three are accepted). `Api-Key` wins when both are sent.
 * Messages never contain the key.
 */
export function readApiKey(headers: IncomingHttpHeaders): KeyResult {
  let key = headers['api-key'];
  if (key === undefined) {
    const authorization = headers.authorization;
    if (authorization === undefined) {
      return { ok: false, message: 'Missing API key: send it as Api-Key: <key> or Authorization: Bearer <key>.' };
    }
    // Node trims header values, so `Bearer` alone (a scheme with no key) arrives without its space.
    if (authorization.length === 6 && authorization.toLowerCase() === 'bearer') return MALFORMED;
    key = hasBearerScheme(authorization) ? authorization.slice(7) : authorization;
  }
  return isValidApiKey(key) ? { ok: true, key } : MALFORMED;
}

const MALFORMED: KeyResult = { ok: false, message: 'Malformed API key.' };

function hasBearerScheme(value: string): boolean {
  return value.length > 7 && value.charCodeAt(6) === 32 && value.slice(0, 6).toLowerCase() === 'bearer';
}

/** Any non-empty key of at most 256 visible ASCII characters (no spaces) names a tenant. */
export function isValidApiKey(key: unknown): key is string {
  return isVisibleAscii(key, MAX_API_KEY_LENGTH);
}

/** A non-empty string of at most `maxLength` characters in `!`..`~` (no spaces, no controls). */
export function isVisibleAscii(value: unknown, maxLength: number): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
