import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/logger.js';
import { publicCodeOf } from '../../src/graphql/errors.js';
import { Idempotency } from '../../src/idempotency/idempotency.js';
import { MemoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import type { IdempotencyStore } from '../../src/idempotency/store.js';

const logger = createLogger('silent');
const never = new AbortController().signal;

function call(overrides: Partial<Parameters<Idempotency['run']>[0]> = {}) {
  return {
    apiKey: 'key-1',
    operation: 'createCustomer',
    key: 'k',
    input: { email: 'a@example.com', type: 'individual' },
    waitUntil: Date.now() + 5_000,
    signal: never,
    execute: async () => ({ customer_id: 'c1' }),
    ...overrides,
  };
}

describe('Idempotency', () => {
  it('treats inputs that differ only in key order as the same input', async () => {
    const idempotency = new Idempotency(new MemoryIdempotencyStore(), { retentionMs: 60_000, leaseMs: 1_000, pollMs: 5 }, logger);
    let runs = 0;
    const execute = async () => ({ customer_id: `c${++runs}` });
    await idempotency.run(call({ execute, input: { a: 1, b: 2 } }));
    expect(await idempotency.run(call({ execute, input: { b: 2, a: 1 } }))).toEqual({ customer_id: 'c1' });
    expect(runs).toBe(1);
  });

  it('answers CONFLICT "still in progress" when the first run outlasts the wait', async () => {
    const store = new MemoryIdempotencyStore();
    const idempotency = new Idempotency(store, { retentionMs: 60_000, leaseMs: 60_000, pollMs: 5 }, logger);
    let release!: () => void;
    const first = idempotency.run(call({ execute: () => new Promise((resolve) => (release = () => resolve({ customer_id: 'c1' }))) }));
    const started = Date.now();
    const refused = await idempotency.run(call({ waitUntil: Date.now() + 100 })).catch((error: unknown) => error);
    expect(refused).toMatchObject({ message: expect.stringMatching(/still in progress/) });
    expect(publicCodeOf(refused)).toBe('CONFLICT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    release();
    expect(await first).toEqual({ customer_id: 'c1' });
  });

  it('never stores the API key or the idempotency key in the clear', async () => {
    const ids: string[] = [];
    const memory = new MemoryIdempotencyStore();
    const spy: IdempotencyStore = {
      claim: (id, hash, lease) => (ids.push(id), memory.claim(id, hash, lease)),
      complete: (...args) => memory.complete(...args),
      release: (...args) => memory.release(...args),
      close: () => memory.close(),
    };
    await new Idempotency(spy, { retentionMs: 60_000, leaseMs: 1_000, pollMs: 5 }, logger).run(
      call({ apiKey: 'secret-api-key-123', key: 'order-77' }),
    );
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{64}:createCustomer:[0-9a-f]{64}$/);
    expect(ids[0]).not.toContain('secret-api-key-123');
    expect(ids[0]).not.toContain('order-77');
  });

  it('answers UPSTREAM_UNAVAILABLE without running when the store cannot be asked', async () => {
    const broken: IdempotencyStore = {
      claim: () => Promise.reject(new Error('connection refused')),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    let ran = false;
    const idempotency = new Idempotency(broken, { retentionMs: 1, leaseMs: 1, pollMs: 1 }, logger);
    const refused = await idempotency.run(call({ execute: async () => ((ran = true), {}) })).catch((error: unknown) => error);
    expect(publicCodeOf(refused)).toBe('UPSTREAM_UNAVAILABLE');
    expect(ran).toBe(false);
  });
});
