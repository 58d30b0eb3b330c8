import { AlignFailFastError, AlignNotSentError, AlignRateLimitError, AlignUnavailableError } from './errors.js';
import type { Operation } from './operation.js';

/**
 * When and how long to wait before trying an upstream call again: the one place that decides.
 *
 * Retried: 408, 429, 5xx and connection failures (timeouts, resets, refused connections). Never
 * retried: other 4xx (the same request would get the same answer), bad responses, and fail-fast
 * errors (an open circuit answers the same way until its cool-down ends). Which requests may be
 * sent twice at all is decided by their retry class (isRetrySafe, wasNotActedOn, below).
 */
export interface RetryPolicyOptions {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest `Retry-After` waited out; a longer one ends the retries and reaches the caller. */
  readonly retryAfterMaxMs: number;
  /** For tests: a source of randomness in [0, 1). */
  readonly random?: () => number;
}

export class RetryPolicy {
  private readonly random: () => number;

  constructor(readonly options: RetryPolicyOptions) {
    this.random = options.random ?? Math.random;
  }

  /**
   * Milliseconds to wait before retry number `retry` (1 for the first retry) after `error`, or
   * undefined when it must not be retried: not a transient failure, retries used up, a
   * `Retry-After` above the cap, or a wait that would end after `deadlineAt`.
   */
  delayBeforeRetry(error: unknown, retry: number, deadlineAt: number, now = Date.now()): number | undefined {
    if (retry > this.options.maxRetries || !isTransient(error)) return undefined;
    let delay = this.backoff(retry);
    if (error instanceof AlignRateLimitError && error.retryAfterSeconds !== undefined) {
      const asked = error.retryAfterSeconds * 1000;
      if (asked > this.options.retryAfterMaxMs) return undefined;
      delay = Math.max(delay, asked);
    }
    // A retry needs time to run after the wait; one that could only start at the deadline is useless.
    return now + delay < deadlineAt ? delay : undefined;
  }

  /** Exponential back-off with "equal jitter": half fixed, half random, so replicas spread out. */
  backoff(retry: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }
}

/** A failure that may not happen again: the upstream was unreachable, overloaded, or rate limiting. */
export function isTransient(error: unknown): boolean {
  if (error instanceof AlignFailFastError) return false;
  if (error instanceof AlignRateLimitError) return true;
  return error instanceof AlignUnavailableError && (error.upstreamStatus === undefined || isTransientStatus(error.upstreamStatus));
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Waits `ms`, or rejects with `signal.reason` as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Failures that prove the upstream did nothing, so any write may be sent again: the connection was
 * never made, or a 429 that says when to come back (the wait is capped by the retry policy).
 */
export function wasNotActedOn(error: unknown): boolean {
  return error instanceof AlignNotSentError || (error instanceof AlignRateLimitError && error.retryAfterSeconds !== undefined);
}

/**
 * Whether a failed attempt may be sent again (docs/align-api.md §18): reads and classes U and R
 * always, a class C write when it carries the caller's key and declares that the upstream honours it.
 */
export function isRetrySafe(operation: Pick<Operation, 'retry' | 'retryWithCallerKey'>, keyed: boolean): boolean {
  switch (operation.retry) {
    case 'read':
    case 'U':
    case 'R':
      return true;
    case 'C':
      return keyed && operation.retryWithCallerKey === true;
    case 'N':
    case 'once':
      return false;
  }
}
