import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateCustomerDocument,
  CreateKycSessionDocument,
  GetCustomerDocument,
  ListCustomersDocument,
} from '../../../generated/graphql.js';
import { startStack, uniqueEmail, type FaultSpec, type GraphQLResponse, type TestStack } from '../../../helpers/stack.js';

/**
 * Every fault kind of the emulator's admin API (CONTRACT §5) on every customer route, through
 * GraphQL: the error code the caller gets, how many upstream attempts were made, and for creates
 * how many customers exist afterwards. Numbers are shrunk (300 ms attempts, 20-50 ms back-off) so
 * the whole matrix runs in seconds; the policy is the production one.
 */

const KEY = 'test-key-faults-0c7e';
const asKey = { headers: { 'api-key': KEY } };
const ATTEMPTS_FOR_RETRY_SAFE = 3; // 1 + ALIGN_MAX_RETRIES (2)

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      ALIGN_TIMEOUT_MS: '300',
      ALIGN_DEADLINE_MS: '3000',
      ALIGN_RETRY_BASE_DELAY_MS: '20',
      ALIGN_RETRY_MAX_DELAY_MS: '50',
      // The breaker has its own tests; here it must not turn one case's failures into the next one's.
      ALIGN_BREAKER_THRESHOLD: '1000',
    },
  });
});
afterAll(async () => {
  await stack.close();
});

let seededId: string;
beforeEach(async () => {
  await stack.admin.reset();
  const seeded = await stack.admin.seedCustomer(KEY, { email: uniqueEmail('seed'), type: 'individual', first_name: 'S', last_name: 'D' });
  seededId = seeded.customer_id as string;
});

interface RouteCase {
  readonly route: string;
  /** Reads are retried; writes without an idempotency key are sent once. */
  readonly retrySafe: boolean;
  call(): Promise<GraphQLResponse<unknown>>;
}

const routes: RouteCase[] = [
  {
    route: 'POST /v0/customers',
    retrySafe: false,
    call: () =>
      stack.graphql(CreateCustomerDocument, { input: { individual: { email: uniqueEmail('f'), firstName: 'F', lastName: 'L' } } }, asKey),
  },
  { route: 'GET /v0/customers', retrySafe: true, call: () => stack.graphql(ListCustomersDocument, {}, asKey) },
  { route: 'GET /v0/customers/:customer_id', retrySafe: true, call: () => stack.graphql(GetCustomerDocument, { id: seededId }, asKey) },
  {
    route: 'POST /v0/customers/:customer_id/kycs',
    retrySafe: false,
    call: () => stack.graphql(CreateKycSessionDocument, { customerId: seededId }, asKey),
  },
];

interface KindCase {
  readonly name: string;
  readonly fault: Omit<FaultSpec, 'route' | 'times'>;
  /** Extensions of the error a persistent fault ends in. */
  readonly error: Record<string, unknown>;
  /** Whether the fault is worth retrying (and so a retry-safe call is retried). */
  readonly transient: boolean;
}

const kinds: KindCase[] = [
  { name: 'status 503', fault: { kind: 'status', status: 503 }, error: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 }, transient: true },
  { name: 'status 500', fault: { kind: 'status', status: 500 }, error: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 }, transient: true },
  {
    name: 'status 429',
    fault: { kind: 'status', status: 429, retryAfterSeconds: 0 },
    error: { code: 'RATE_LIMITED', upstreamStatus: 429, retryAfterSeconds: 0 },
    transient: true,
  },
  { name: 'status 401', fault: { kind: 'status', status: 401 }, error: { code: 'UNAUTHENTICATED', upstreamStatus: 401 }, transient: false },
  { name: 'delay beyond the attempt timeout', fault: { kind: 'delay', delayMs: 1_000 }, error: { code: 'UPSTREAM_UNAVAILABLE' }, transient: true },
  { name: 'reset-before', fault: { kind: 'reset-before' }, error: { code: 'UPSTREAM_UNAVAILABLE' }, transient: true },
  { name: 'reset-after-commit', fault: { kind: 'reset-after-commit' }, error: { code: 'UPSTREAM_UNAVAILABLE' }, transient: true },
  { name: 'malformed', fault: { kind: 'malformed' }, error: { code: 'UPSTREAM_BAD_RESPONSE' }, transient: false },
];

/** What createCustomer (no key) ends in under a persistent fault, and the customers that exist afterwards. */
const createOutcomes: Record<string, { error: Record<string, unknown> | null; customers: number }> = {
  'status 503': { error: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 }, customers: 0 },
  'status 500': { error: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 }, customers: 0 },
  'status 429': { error: { code: 'RATE_LIMITED', upstreamStatus: 429, retryAfterSeconds: 0 }, customers: 0 },
  'status 401': { error: { code: 'UNAUTHENTICATED', upstreamStatus: 401 }, customers: 0 },
  // The emulator drops a request whose client left during the delay: nothing is created.
  'delay beyond the attempt timeout': { error: { code: 'UPSTREAM_UNAVAILABLE' }, customers: 0 },
  'reset-before': { error: { code: 'UPSTREAM_UNAVAILABLE' }, customers: 0 },
  // Committed, answer lost: found by email and returned.
  'reset-after-commit': { error: null, customers: 1 },
  // Committed, answer unreadable: found by email and returned.
  malformed: { error: null, customers: 1 },
};

const matrix = routes.flatMap((route) => kinds.map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(matrix)('%s with a persistent %s fault', (routeName, kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    await stack.admin.addFault({ route: routeName, ...kind.fault });
    const { body } = await route.call();
    const attempts = await stack.admin.requestCount(routeName);
    await stack.admin.clearFaults();

    if (routeName === 'POST /v0/customers') {
      const outcome = createOutcomes[kindName]!;
      if (outcome.error === null) {
        expect(body.errors).toBeUndefined();
      } else {
        expect(body.errors?.[0]?.extensions).toEqual(outcome.error);
      }
      // A write without a key is sent exactly once, whatever happens.
      expect(attempts).toBe(1);
      if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
      // One seeded customer plus what this call created.
      expect(await stack.admin.customersOf(KEY)).toHaveLength(1 + outcome.customers);
      return;
    }

    const expected = kind.name === 'malformed' ? { ...kind.error, upstreamStatus: expect.any(Number) } : kind.error;
    expect(body.errors?.[0]?.extensions).toEqual(expected);
    expect(body.errors).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect(attempts).toBe(route.retrySafe && kind.transient ? ATTEMPTS_FOR_RETRY_SAFE : 1);
  });
});

const transientKinds = kinds.filter((kind) => kind.transient);
const readMatrix = routes
  .filter((route) => route.retrySafe)
  .flatMap((route) => transientKinds.map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(readMatrix)('%s with a one-off %s fault', (routeName, _kindName, route, kind) => {
  it('is retried and returns data', async () => {
    await stack.admin.addFault({ route: routeName, times: 1, ...kind.fault });
    const { body } = await route.call();
    expect(body.errors).toBeUndefined();
    expect(body.data).not.toBeNull();
    expect(await stack.admin.requestCount(routeName)).toBe(2);
  });
});
