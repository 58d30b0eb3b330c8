/**
 * The typed errors of the Align client, one class per outcome a caller handles differently. Which
 * public error code each becomes is not decided here: the GraphQL layer's error table does that.
 */

export interface AlignErrorDetails {
  /** The HTTP status the upstream answered with; absent when no answer arrived. */
  readonly upstreamStatus?: number;
  /** The upstream's own error code (`{code}` in its error body), already sanitised. */
  readonly upstreamCode?: string;
  readonly retryAfterSeconds?: number;
}

export abstract class AlignError extends Error {
  readonly upstreamStatus?: number;
  readonly upstreamCode?: string;

  constructor(message: string, details: AlignErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.upstreamStatus = details.upstreamStatus;
    this.upstreamCode = details.upstreamCode;
  }
}

export class AlignInvalidRequestError extends AlignError {}
export class AlignAuthenticationError extends AlignError {}
export class AlignPermissionError extends AlignError {}
export class AlignNotFoundError extends AlignError {}
export class AlignConflictError extends AlignError {}
export class AlignRateLimitError extends AlignError {
  readonly retryAfterSeconds?: number;
  constructor(message: string, details: AlignErrorDetails = {}) {
    super(message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
/** 5xx, timeout, refused or reset connection: the upstream could not be reached or could not answer. */
export class AlignUnavailableError extends AlignError {}
/**
 * The request may have reached the upstream, but no answer came back (timeout, or the connection
 * dropped after sending). For a write this means "maybe applied": callers reconcile, never assume.
 */
export class AlignOutcomeUnknownError extends AlignUnavailableError {}
/** A write whose outcome could not be learned, even by reconciling: it may or may not have happened. */
export class AlignWriteOutcomeUnknownError extends AlignOutcomeUnknownError {}
/** Nothing was sent: the circuit is open or too many calls were waiting; retrying now would not help. */
export class AlignFailFastError extends AlignUnavailableError {}
/** Nothing was sent: the connection could not be made (refused, no route, no DNS answer). */
export class AlignNotSentError extends AlignUnavailableError {}
/** The upstream answered, but not in the documented shape. */
export class AlignBadResponseError extends AlignError {}

const MAX_MESSAGE_LENGTH = 200;

/**
 * Upstream messages reach API callers, so they are cut to one short printable line and never
 * carry the credential that was sent (an upstream could echo it).
 */
export function sanitizeUpstreamText(text: unknown, secrets: readonly string[] = []): string | undefined {
  if (typeof text !== 'string') return undefined;
  let clean = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  for (const secret of secrets) {
    if (secret.length > 0) clean = clean.split(secret).join('[redacted]');
  }
  if (clean.length > MAX_MESSAGE_LENGTH) clean = `${clean.slice(0, MAX_MESSAGE_LENGTH)}…`;
  return clean.length > 0 ? clean : undefined;
}

/** The longest wait a `Retry-After` is read as (one day); a longer one is clamped to it. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Seconds to wait, from a `Retry-After` header (delta-seconds or an HTTP date), always a whole
 * number from 0 to MAX_RETRY_AFTER_SECONDS: a negative number or a past date is 0, a 400-digit
 * number or a date centuries ahead is the maximum. Undefined only when the header is absent or
 * is neither a number nor a date.
 */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^[+-]?\d+(?:\.\d+)?$/.test(trimmed)) return clampSeconds(Math.ceil(Number(trimmed)));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return clampSeconds(Math.ceil((date - now) / 1000));
}

function clampSeconds(seconds: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}

interface UpstreamAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter?: string;
}

/** Builds the typed error for a non-2xx upstream answer. */
export function errorFromUpstreamAnswer(answer: UpstreamAnswer, secrets: readonly string[]): AlignError {
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as Record<string, unknown>;
  const upstreamMessage = sanitizeUpstreamText(body.message, secrets);
  const details: AlignErrorDetails = {
    upstreamStatus: answer.status,
    upstreamCode: sanitizeUpstreamText(body.code, secrets),
    retryAfterSeconds: parseRetryAfter(answer.retryAfter),
  };
  const say = (fallback: string) => upstreamMessage ?? fallback;
  const { status } = answer;
  if (status === 400 || status === 413 || status === 422) {
    return new AlignInvalidRequestError(say('The Align API rejected the request as invalid.'), details);
  }
  if (status === 401) return new AlignAuthenticationError(say('The Align API rejected the credential.'), details);
  if (status === 403) return new AlignPermissionError(say('The Align API refused this operation.'), details);
  if (status === 404) return new AlignNotFoundError(say('Not found.'), details);
  if (status === 409) return new AlignConflictError(say('The request conflicts with existing data.'), details);
  if (status === 429) return new AlignRateLimitError(say('The Align API rate limit was reached.'), details);
  if (status === 408 || status >= 500) {
    return new AlignUnavailableError(`The Align API is unavailable (HTTP ${status}).`, details);
  }
  return new AlignBadResponseError(`The Align API answered with an unexpected HTTP ${status}.`, details);
}
