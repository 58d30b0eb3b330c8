import { describe, expect, it } from '@jest/globals';
import {
  AlignBadResponseError,
  AlignConflictError,
  AlignInvalidRequestError,
  AlignRateLimitError,
  AlignUnavailableError,
  errorFromUpstreamAnswer,
  MAX_RETRY_AFTER_SECONDS,
  parseRetryAfter,
  sanitizeUpstreamText,
} from '../../src/align/errors.js';
import { publicCodeOf } from '../../src/graphql/errors.js';

describe('errorFromUpstreamAnswer', () => {
  it.each([
    [400, AlignInvalidRequestError, 'BAD_USER_INPUT'],
    [422, AlignInvalidRequestError, 'BAD_USER_INPUT'],
    [409, AlignConflictError, 'CONFLICT'],
    [429, AlignRateLimitError, 'RATE_LIMITED'],
    [502, AlignUnavailableError, 'UPSTREAM_UNAVAILABLE'],
    [408, AlignUnavailableError, 'UPSTREAM_UNAVAILABLE'],
    [418, AlignBadResponseError, 'UPSTREAM_BAD_RESPONSE'],
  ])('maps HTTP %i to %p', (status, type, code) => {
    const error = errorFromUpstreamAnswer({ status, body: { message: 'm', code: 'c' } }, []);
    expect(error).toBeInstanceOf(type);
    expect(publicCodeOf(error)).toBe(code);
    expect(error.upstreamStatus).toBe(status);
  });

  it('keeps a 4xx message but removes the credential an upstream might echo', () => {
    const error = errorFromUpstreamAnswer(
      { status: 400, body: { message: 'bad key sk_live_123 in\nrequest' } },
      ['sk_live_123'],
    );
    expect(error.message).toBe('bad key [redacted] in request');
  });

  it('does not pass on 5xx messages, which may hold internal detail', () => {
    const error = errorFromUpstreamAnswer({ status: 500, body: { message: 'db host 10.0.0.3 down' } }, []);
    expect(error.message).toBe('The Align API is unavailable (HTTP 500).');
  });

  it('reads Retry-After for 429', () => {
    const error = errorFromUpstreamAnswer({ status: 429, body: undefined, retryAfter: '12' }, []);
    expect((error as AlignRateLimitError).retryAfterSeconds).toBe(12);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('is total: huge, negative and fractional numbers and far dates are clamped to 0 .. one day', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('-5', now)).toBe(0);
    expect(parseRetryAfter('1.2', now)).toBe(2);
    expect(parseRetryAfter('Fri, 01 Jan 9999 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(0);
    expect(JSON.stringify({ retryAfterSeconds: parseRetryAfter('1'.repeat(400), now) })).toBe('{"retryAfterSeconds":86400}');
  });
});

describe('sanitizeUpstreamText', () => {
  it('cuts long text and drops empty text', () => {
    expect(sanitizeUpstreamText('x'.repeat(500))).toHaveLength(201);
    expect(sanitizeUpstreamText('  \u0000 ')).toBeUndefined();
    expect(sanitizeUpstreamText(42)).toBeUndefined();
  });
});
