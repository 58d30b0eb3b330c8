import { describe, expect, it } from '@jest/globals';
import type { RetryClass } from '../../src/align/operation.js';
import type { EmulatorAdmin, FaultSpec, GraphQLResponse, TestStack } from './stack.js';

/**
 * Every fault kind of the emulator's admin API, and what a route of each retry class ends in under
 * it when the fault persists (docs/align-api.md §18). Fault tests of every group use this table, so
 * the rules are written once: stacks for these tests run with ALIGN_MAX_RETRIES=2 (3 attempts).
 */

export const ATTEMPTS_WHEN_RETRIED = 3;

export interface FaultKindCase {
  readonly name: string;
  readonly fault: Omit<FaultSpec, 'route' | 'times'>;
  /** Extensions of the error a persistent fault ends in, for a read. */
  readonly error: Record<string, unknown>;
  /** Worth retrying for a retry-safe route (reads, classes U and R). */
  readonly transient: boolean;
  /** The upstream may have acted on the request: a write's outcome is unknown. */
  readonly maybeActedOn: boolean;
  /** Proves nothing was done (a 429 with Retry-After): every write is retried. */
  readonly notActedOn: boolean;
}

export const faultKinds: readonly FaultKindCase[] = [
  { name: 'status 503', fault: { kind: 'status', status: 503 }, error: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 }, transient: true, maybeActedOn: false, notActedOn: false },
  { name: 'status 500', fault: { kind: 'status', status: 500 }, error: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 }, transient: true, maybeActedOn: false, notActedOn: false },
  {
    name: 'status 429',
    fault: { kind: 'status', status: 429, retryAfterSeconds: 0 },
    error: { code: 'RATE_LIMITED', upstreamStatus: 429, retryAfterSeconds: 0 },
    transient: true,
    maybeActedOn: false,
    notActedOn: true,
  },
  { name: 'status 401', fault: { kind: 'status', status: 401 }, error: { code: 'UNAUTHENTICATED', upstreamStatus: 401 }, transient: false, maybeActedOn: false, notActedOn: false },
  { name: 'delay beyond the attempt timeout', fault: { kind: 'delay', delayMs: 1_000 }, error: { code: 'UPSTREAM_UNAVAILABLE' }, transient: true, maybeActedOn: true, notActedOn: false },
  { name: 'reset-before', fault: { kind: 'reset-before' }, error: { code: 'UPSTREAM_UNAVAILABLE' }, transient: true, maybeActedOn: true, notActedOn: false },
  { name: 'reset-after-commit', fault: { kind: 'reset-after-commit' }, error: { code: 'UPSTREAM_UNAVAILABLE' }, transient: true, maybeActedOn: true, notActedOn: false },
  { name: 'malformed', fault: { kind: 'malformed' }, error: { code: 'UPSTREAM_BAD_RESPONSE', upstreamStatus: expect.any(Number) }, transient: false, maybeActedOn: false, notActedOn: false },
];

/** The error extensions and upstream attempts of a route of class `retry` under a persistent fault. */
export function expectedUnderFault(retry: RetryClass, kind: FaultKindCase): { error: Record<string, unknown>; attempts: number } {
  const write = retry !== 'read';
  const retried = retry === 'read' || retry === 'U' || retry === 'R' ? kind.transient : kind.notActedOn;
  const error = write && kind.maybeActedOn ? { ...kind.error, outcomeUnknown: true } : kind.error;
  return { error, attempts: retried ? ATTEMPTS_WHEN_RETRIED : 1 };
}

/** Settings that keep a fault matrix fast (300 ms attempts, 20-50 ms back-off) with the production policy. */
export const FAST_FAULT_ENV: Readonly<Record<string, string>> = {
  ALIGN_TIMEOUT_MS: '300',
  ALIGN_DEADLINE_MS: '3000',
  ALIGN_RETRY_BASE_DELAY_MS: '20',
  ALIGN_RETRY_MAX_DELAY_MS: '50',
  // The breaker has its own tests; here it must not turn one case's failures into the next one's.
  ALIGN_BREAKER_THRESHOLD: '1000',
};

/** A route under test: its emulator key, retry class, and the GraphQL call that reaches it. */
export interface FaultRouteCase {
  readonly route: string;
  readonly retry: RetryClass;
  call(): Promise<GraphQLResponse<unknown>>;
}

/**
 * What every route ends in under a persistent fault: the error its retry class gives, exactly one
 * error, no credential in the answer, and the upstream attempts the class allows.
 */
export function expectFaultOutcome(body: GraphQLResponse<unknown>['body'], attempts: number, retry: RetryClass, kind: FaultKindCase, apiKey: string): void {
  const expected = expectedUnderFault(retry, kind);
  expect(body.errors?.[0]?.extensions).toEqual(expected.error);
  expect(body.errors).toHaveLength(1);
  expect(JSON.stringify(body)).not.toContain(apiKey);
  expect(attempts).toBe(expected.attempts);
}

/** A one-off transient fault on each retried route (reads, classes U and R): retried once, and the data comes back. */
export function describeOneOffFaults(routes: readonly FaultRouteCase[], admin: () => EmulatorAdmin): void {
  const matrix = routes
    .filter((route) => route.retry === 'read' || route.retry === 'U' || route.retry === 'R')
    .flatMap((route) => faultKinds.filter((kind) => kind.transient).map((kind) => [route.route, kind.name, route, kind] as const));
  describe.each(matrix)('%s with a one-off %s fault', (routeName, _kindName, route, kind) => {
    it('is retried and returns data', async () => {
      await admin().addFault({ route: routeName, times: 1, ...kind.fault });
      const { body } = await route.call();
      expect(body.errors).toBeUndefined();
      expect(body.data).not.toBeNull();
      expect(await admin().requestCount(routeName)).toBe(2);
    });
  });
}

/** Calls `route` with `kind` injected on every attempt; answers the response body and the upstream attempts. */
export async function callUnderPersistentFault(admin: EmulatorAdmin, route: FaultRouteCase, kind: FaultKindCase) {
  await admin.addFault({ route: route.route, ...kind.fault });
  const { body } = await route.call();
  const attempts = await admin.requestCount(route.route);
  await admin.clearFaults();
  return { body, attempts };
}

/** Every route with every fault kind, as `describe.each` rows: `[route key, kind name, route, kind]`. */
export function faultMatrix<R extends FaultRouteCase>(routes: readonly R[]) {
  return routes.flatMap((route) => faultKinds.map((kind) => [route.route, kind.name, route, kind] as const));
}

/** Reads get over a one-off transient fault: one retry, and data. */
export function describeOneOffReadFaults(stack: () => TestStack, routes: readonly FaultRouteCase[]): void {
  describeOneOffFaults(routes.filter((route) => route.retry === 'read'), () => stack().admin);
}

/** Runs `route` once under a persistent `kind` fault: what the caller got, the attempts made, and what was due. */
export async function underPersistentFault(stack: TestStack, route: FaultRouteCase, kind: FaultKindCase) {
  return { ...(await callUnderPersistentFault(stack.admin, route, kind)), expected: expectedUnderFault(route.retry, kind) };
}
