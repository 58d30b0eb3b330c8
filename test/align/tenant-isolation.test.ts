import { describe, expect, it } from '@jest/globals';
import { RequestError } from 'got';
import { AlignBadResponseError, AlignFailFastError } from '../../src/align/errors.js';
import { outcomeOfError, tenantName, TenantBreakers } from '../../src/align/tenant-isolation.js';

describe('TenantBreakers', () => {
  const options = { failureThreshold: 3, cooldownMs: 60_000 };

  it("opens one tenant's circuit on its failures; other tenants and the upstream-wide circuit stay closed", () => {
    const breakers = new TenantBreakers(options);
    for (let i = 0; i < 3; i += 1) breakers.admit('C')('failed');
    expect(breakers.stateOf('C')).toBe('open');
    expect(() => breakers.admit('C')).toThrow(AlignFailFastError);
    expect(breakers.state).toBe('closed');
    expect(breakers.stateOf('A')).toBe('closed');
    breakers.admit('A')('answered');
  });

  it('opens the upstream-wide circuit only for unreachable hosts, whoever saw them', () => {
    const breakers = new TenantBreakers(options);
    breakers.admit('A')('unreachable');
    breakers.admit('B')('unreachable');
    breakers.admit('C')('unreachable');
    expect(breakers.state).toBe('open');
    expect(breakers.stateOf('A')).toBe('closed');
    expect(() => breakers.admit('D')).toThrow(/circuit open/);
  });

  it('classifies attempts that ended without a status', () => {
    expect(outcomeOfError(new AlignBadResponseError('too big'))).toBe('answered');
    const refused = new RequestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' } as Error & { code: string }, {} as never);
    expect(outcomeOfError(refused)).toBe('unreachable');
    const timeout = new RequestError('timeout', { code: 'ETIMEDOUT' } as Error & { code: string }, {} as never);
    expect(outcomeOfError(timeout)).toBe('failed');
  });

  it('names a tenant by a hash prefix, never by the key', () => {
    const name = tenantName('secret-key-123');
    expect(name).toMatch(/^[0-9a-f]{16}$/);
    expect(name).not.toContain('secret');
  });
});
