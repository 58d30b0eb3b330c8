import { describe, expect, it } from '@jest/globals';
import {
  AlignBadResponseError,
  AlignConflictError,
  AlignFailFastError,
  AlignOutcomeUnknownError,
  AlignRateLimitError,
  AlignUnavailableError,
} from '../../src/align/errors.js';
import { RetryPolicy, sleep } from '../../src/align/retry.js';

const NOW = 1_000_000;
const FAR = NOW + 60_000;

function policy(random: () => number, overrides: Partial<ConstructorParameters<typeof RetryPolicy>[0]> = {}) {
  return new RetryPolicy({ maxRetries: 3, baseDelayMs: 200, maxDelayMs: 1_000, retryAfterMaxMs: 5_000, random, ...overrides });
}

describe('RetryPolicy', () => {
  it('backs off exponentially with equal jitter, capped', () => {
    const low = policy(() => 0);
    const high = policy(() => 0.999_999);
    expect([1, 2, 3, 4, 5].map((retry) => low.backoff(retry))).toEqual([100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5].map((retry) => high.backoff(retry))).toEqual([200, 400, 800, 1_000, 1_000]);
  });

  it('retries 408, 429, 5xx and failed connections, and nothing else', () => {
    const retrying = policy(() => 0);
    const delay = (error: unknown) => retrying.delayBeforeRetry(error, 1, FAR, NOW);
    expect(delay(new AlignUnavailableError('x', { upstreamStatus: 503 }))).toBe(100);
    expect(delay(new AlignUnavailableError('x', { upstreamStatus: 500 }))).toBe(100);
    expect(delay(new AlignUnavailableError('x', { upstreamStatus: 408 }))).toBe(100);
    expect(delay(new AlignRateLimitError('x', { upstreamStatus: 429 }))).toBe(100);
    expect(delay(new AlignOutcomeUnknownError('timed out'))).toBe(100);
    expect(delay(new AlignUnavailableError('refused'))).toBe(100);
    expect(delay(new AlignFailFastError('circuit open'))).toBeUndefined();
    expect(delay(new AlignConflictError('x', { upstreamStatus: 409 }))).toBeUndefined();
    expect(delay(new AlignBadResponseError('x', { upstreamStatus: 200 }))).toBeUndefined();
    expect(delay(new TypeError('bug'))).toBeUndefined();
  });

  it('stops after maxRetries', () => {
    const error = new AlignUnavailableError('x', { upstreamStatus: 503 });
    expect(policy(() => 0).delayBeforeRetry(error, 3, FAR, NOW)).toBe(400);
    expect(policy(() => 0).delayBeforeRetry(error, 4, FAR, NOW)).toBeUndefined();
  });

  it('honours Retry-After up to the cap, and passes a longer one to the caller', () => {
    const retrying = policy(() => 0);
    const after = (seconds: number) => new AlignRateLimitError('x', { upstreamStatus: 429, retryAfterSeconds: seconds });
    expect(retrying.delayBeforeRetry(after(1), 1, FAR, NOW)).toBe(1_000);
    expect(retrying.delayBeforeRetry(after(5), 1, FAR, NOW)).toBe(5_000);
    expect(retrying.delayBeforeRetry(after(6), 1, FAR, NOW)).toBeUndefined();
    // A Retry-After shorter than the back-off does not shorten it.
    expect(retrying.delayBeforeRetry(after(0), 3, FAR, NOW)).toBe(400);
  });

  it('does not start a wait that ends at or after the deadline', () => {
    const error = new AlignUnavailableError('x', { upstreamStatus: 503 });
    expect(policy(() => 0).delayBeforeRetry(error, 1, NOW + 101, NOW)).toBe(100);
    expect(policy(() => 0).delayBeforeRetry(error, 1, NOW + 100, NOW)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('rejects as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('deadline')), 20);
    await expect(sleep(5_000, controller.signal)).rejects.toThrow('deadline');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
