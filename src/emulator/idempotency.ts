import { isVisibleAscii } from './auth.js';
import { apiError, finalize, INVALID_JSON, type FinalResponse, type RawBody } from './http.js';
import type { Tenant } from './store.js';

/**
 * `Idempotency-Key` on a POST (docs/align-api.md §3: semantics undocumented, inferred): per (tenant, route
 * key, Idempotency-Key) the first answer is stored and replayed for a repeat of the same request
 * (same path, same JSON body up to key order and whitespace), with `Idempotent-Replayed: true`.
 * The same key on a different request -> 409 `idempotency_key_reused`.
 *
 * The record is stored before the first request's handler is awaited, so a concurrent repeat waits
 * for that answer instead of executing again. Records of 5xx answers are dropped, so the request can
 * be retried; records live until reset.
 */

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const REUSED = finalize(
  apiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request.'),
);
const INVALID_KEY = finalize(
  apiError(400, 'validation_error', `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters.`),
);

export async function idempotent(
  tenant: Tenant,
  routeKey: string,
  idempotencyKey: string | readonly string[],
  path: string,
  body: RawBody,
  execute: () => Promise<FinalResponse>,
): Promise<FinalResponse> {
  if (!isVisibleAscii(idempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH)) return INVALID_KEY;
  const recordKey = `${routeKey}\n${idempotencyKey}`;
  const fingerprint = `${path}\n${canonicalBody(body)}`;
  const existing = tenant.idempotency.get(recordKey);
  if (existing !== undefined) {
    if (existing.fingerprint !== fingerprint) return REUSED;
    const first = await existing.response;
    return { ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } };
  }
  const response = execute();
  const record = { fingerprint, response };
  tenant.idempotency.set(recordKey, record);
  const answer = await response;
  if (answer.status >= 500 && tenant.idempotency.get(recordKey) === record) tenant.idempotency.delete(recordKey);
  return answer;
}

function canonicalBody(body: RawBody): string {
  if (body.value === undefined) return '';
  if (body.value === INVALID_JSON) return `raw:${body.text}`;
  return canonicalJson(body.value);
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
