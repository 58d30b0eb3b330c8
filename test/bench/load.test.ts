import { describe, expect, it } from '@jest/globals';
import { assertClean, combineRounds, type LoadResult } from '../../bench/load.js';

function round(overrides: Partial<LoadResult>): LoadResult {
  return {
    completed: 1_000,
    durationSeconds: 2,
    requestsPerSecond: 500,
    p50Ms: 10,
    p99Ms: 40,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    mismatches: 0,
    statusCodes: { '200': 1_000 },
    ...overrides,
  };
}

describe('combineRounds', () => {
  it('adds answers and time, and takes the median of the rounds percentiles', () => {
    const combined = combineRounds([
      round({ completed: 1_000, p50Ms: 10, p99Ms: 90 }),
      round({ completed: 3_000, p50Ms: 30, p99Ms: 40, statusCodes: { '200': 3_000 } }),
      round({ completed: 2_000, p50Ms: 20, p99Ms: 50, statusCodes: { '200': 1_999, '500': 1 }, non2xx: 1 }),
    ]);
    expect(combined.completed).toBe(6_000);
    expect(combined.durationSeconds).toBe(6);
    expect(combined.requestsPerSecond).toBe(1_000);
    expect(combined.p50Ms).toBe(20);
    expect(combined.p99Ms).toBe(50);
    expect(combined.non2xx).toBe(1);
    expect(combined.statusCodes).toEqual({ '200': 5_999, '500': 1 });
  });
});

describe('assertClean', () => {
  it('accepts a run where every answer was a correct 2xx', () => {
    expect(() => assertClean('read', round({}))).not.toThrow();
  });

  it.each([
    ['a non-2xx answer', { non2xx: 1 }],
    ['a socket error', { errors: 2 }],
    ['a timeout', { timeouts: 1 }],
    ['a wrong body', { mismatches: 3 }],
    ['no answer at all', { completed: 0 }],
  ])('refuses a run with %s', (_, overrides) => {
    expect(() => assertClean('read', round(overrides))).toThrow(/^read: /);
  });
});
