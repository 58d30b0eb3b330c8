import { describe, expect, it } from '@jest/globals';
import { CircuitBreaker } from '../../src/align/circuit-breaker.js';
import { AlignFailFastError } from '../../src/align/errors.js';

function breakerAt(clock: { now: number }) {
  return new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: () => clock.now });
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and fails fast with "circuit open"', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.admit()('failure');
    breaker.admit()('failure');
    breaker.admit()('success'); // an answer resets the count
    breaker.admit()('failure');
    breaker.admit()('failure');
    expect(breaker.state).toBe('closed');
    breaker.admit()('failure');
    expect(breaker.state).toBe('open');
    expect(() => breaker.admit()).toThrow(AlignFailFastError);
    expect(() => breaker.admit()).toThrow(/circuit open.*about 1 s/);
  });

  it('lets one probe through after the cool-down; its success closes the circuit', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i += 1) breaker.admit()('failure');
    clock.now = 1_000;
    expect(breaker.state).toBe('half-open');
    const probe = breaker.admit();
    expect(() => breaker.admit()).toThrow(/circuit open/);
    probe('success');
    expect(breaker.state).toBe('closed');
    breaker.admit()('success');
  });

  it('re-opens for a full cool-down when the probe fails', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i += 1) breaker.admit()('failure');
    clock.now = 1_500;
    breaker.admit()('failure');
    expect(breaker.state).toBe('open');
    clock.now = 2_499;
    expect(breaker.state).toBe('open');
    clock.now = 2_500;
    expect(breaker.state).toBe('half-open');
  });
});
