import { beforeEach, describe, expect, it } from '@jest/globals';
import { GetCustomerDocument, ListCustomersDocument } from '../generated/graphql.js';
import { useSharedStack, uniqueEmail, withStack } from '../helpers/stack.js';

/** The transport against a real emulator: read retries, Retry-After, the circuit breaker, the in-flight bound. */

const KEY = 'test-key-transport-55e1';
const asKey = { headers: { 'api-key': KEY } };

const stack = useSharedStack();
let customerId: string;
beforeEach(async () => {
  const seeded = await stack.admin.seedCustomer(KEY, { email: uniqueEmail('t'), type: 'individual', first_name: 'A', last_name: 'B' });
  customerId = seeded.customer_id as string;
});

describe('read retries', () => {
  it('returns data when a GET meets 503 twice and then succeeds', async () => {
    await stack.admin.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'status', status: 503, times: 2 });
    const { body } = await stack.graphql(GetCustomerDocument, { id: customerId }, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data!.customer!.id).toBe(customerId);
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(3);
    const retries = stack.logs().split('\n').filter((line) => line.includes('"msg":"upstream retry"'));
    expect(retries.length).toBe(2);
    expect(retries[0]).toContain('"upstreamStatus":503');
    const metrics = await (await fetch(`${stack.server.url}/metrics`)).text();
    expect(metrics).toMatch(/align_upstream_retries_total\{route="GET \/v0\/customers\/:customer_id"\} 2/);
  });

  it('waits out a 429 with Retry-After: 1', async () => {
    await stack.admin.addFault({ route: 'GET /v0/customers', kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const { body } = await stack.graphql(ListCustomersDocument, {}, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data!.customers).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(await stack.admin.requestCount('GET /v0/customers')).toBe(2);
  });

  it('passes a Retry-After above the cap (5 s) to the caller at once', async () => {
    await stack.admin.addFault({ route: 'GET /v0/customers', kind: 'status', status: 429, retryAfterSeconds: 30, times: 1 });
    const started = Date.now();
    const { body } = await stack.graphql(ListCustomersDocument, {}, asKey);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', upstreamStatus: 429, retryAfterSeconds: 30 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await stack.admin.requestCount('GET /v0/customers')).toBe(1);
  });

  it('gives up after ALIGN_MAX_RETRIES (2) retries', async () => {
    await stack.admin.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'status', status: 500 });
    const { body } = await stack.graphql(GetCustomerDocument, { id: customerId }, asKey);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 });
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(3);
  });

  it('keeps every retry inside the request deadline', async () => {
    await withStack({ env: { ALIGN_TIMEOUT_MS: '300', ALIGN_DEADLINE_MS: '700' } }, async (tight) => {
    await tight.admin.addFault({ route: 'GET /v0/customers', kind: 'delay', delayMs: 2_000 });
    const started = Date.now();
    const { body } = await tight.graphql(ListCustomersDocument, {}, asKey);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await tight.admin.requestCount('GET /v0/customers')).toBe(2);
    });
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, fails fast without calling, then closes after a good probe', async () => {
    await withStack({
      env: { ALIGN_BREAKER_THRESHOLD: '3', ALIGN_BREAKER_COOLDOWN_MS: '500', ALIGN_MAX_RETRIES: '0' },
    }, async (fragile) => {
    await fragile.admin.addFault({ kind: 'status', status: 503 });
    for (let i = 0; i < 3; i += 1) {
      const { body } = await fragile.graphql(ListCustomersDocument, {}, asKey);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 });
    }
    const started = Date.now();
    const open = await fragile.graphql(ListCustomersDocument, {}, asKey);
    expect(open.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(open.body.errors?.[0]?.message).toMatch(/circuit open/);
    expect(Date.now() - started).toBeLessThan(200);
    expect(await fragile.admin.totalRequests()).toBe(3);

    await fragile.admin.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 550));
    const probe = await fragile.graphql(ListCustomersDocument, {}, asKey);
    expect(probe.body.errors).toBeUndefined();
    const after = await fragile.graphql(ListCustomersDocument, {}, asKey);
    expect(after.body.errors).toBeUndefined();
    expect(await fragile.admin.totalRequests()).toBe(5);
    });
  });
});

describe('in-flight bound', () => {
  it('sends at most ALIGN_MAX_IN_FLIGHT calls at once; the others wait their turn', async () => {
    await withStack({ env: { ALIGN_MAX_IN_FLIGHT: '2' } }, async (narrow) => {
    await narrow.admin.addFault({ route: 'GET /v0/customers', kind: 'delay', delayMs: 300 });
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 6 }, () => narrow.graphql(ListCustomersDocument, {}, asKey)));
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    // 6 calls of 300 ms, 2 at a time: three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });
  });
});
