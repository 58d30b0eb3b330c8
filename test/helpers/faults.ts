import { expect } from '@jest/globals';
import type { RetryClass } from '../../src/align/operation.js';
import type { FaultSpec } from './stack.js';

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

/** Every route of a group with every fault kind: the rows of a `describe.each` fault matrix. */
export function faultMatrix<R extends { readonly route: string }>(routes: readonly R[]) {
  return routes.flatMap((route) => faultKinds.map((kind) => [route.route, kind.name, route, kind] as const));
}

/** Runs `call` under a persistent fault on `route`; answers what it got and how often the upstream was asked. */
export async function underPersistentFault<T>(
  admin: { addFault(fault: FaultSpec): Promise<void>; requestCount(route: string): Promise<number>; clearFaults(): Promise<void> },
  route: string,
  kind: FaultKindCase,
  call: () => Promise<T>,
): Promise<{ answer: T; attempts: number }> {
  await admin.addFault({ route, ...kind.fault });
  const answer = await call();
  const attempts = await admin.requestCount(route);
  await admin.clearFaults();
  return { answer, attempts };
}
