import { createHash } from 'node:crypto';
import { RequestError } from 'got';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
import { AlignBadResponseError } from './errors.js';

/**
 * One tenant's trouble stays that tenant's. A tenant is one upstream credential: an upstream that
 * fails or hangs only for one key (its account is blocked, rate limited, or its data breaks
 * something) must not make the server refuse everyone else.
 *
 * - Each tenant has its own circuit breaker: its 5xx answers, timeouts and dropped connections open
 *   its circuit only (ALIGN_BREAKER_THRESHOLD, ALIGN_BREAKER_COOLDOWN_MS apply to each).
 * - One upstream-wide breaker with the same numbers counts only failures that cannot be one
 *   tenant's: the connection was refused or the host could not be resolved or reached. Any answer
 *   closes it; other failures leave it as it is.
 * - Slots and the waiting line are shared fairly (fair-in-flight-limit.ts).
 *
 * A tenant is named by a SHA-256 prefix of its key, never by the key.
 */
export function tenantName(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

/** What an attempt told about the upstream. */
export type AttemptOutcome =
  /** An answer below 500, or one refused for its size or encoding: the upstream is up for this tenant. */
  | 'answered'
  /** A 5xx, a timeout or a dropped connection: possibly this tenant's alone. */
  | 'failed'
  /** Nothing could be sent: refused connection, unknown or unreachable host. Nobody's alone. */
  | 'unreachable';

/** Errors of the connection itself, before any byte of the request left. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The outcome of an attempt that ended without a usable HTTP status. */
export function outcomeOfError(error: unknown): AttemptOutcome {
  if (error instanceof AlignBadResponseError) return 'answered';
  if (error instanceof RequestError && error.code !== undefined && UNREACHABLE_CODES.has(error.code)) return 'unreachable';
  return 'failed';
}

/** Breakers kept for tenants seen recently; beyond this the least recently added one is dropped. */
const MAX_TENANT_BREAKERS = 10_000;

export class TenantBreakers {
  private readonly upstream: CircuitBreaker;
  private readonly tenants = new Map<string, CircuitBreaker>();

  constructor(private readonly options: CircuitBreakerOptions) {
    this.upstream = new CircuitBreaker(options);
  }

  /** The upstream-wide circuit, for health reporting. */
  get state(): CircuitState {
    return this.upstream.state;
  }

  stateOf(tenant: string): CircuitState {
    return this.tenants.get(tenant)?.state ?? 'closed';
  }

  /**
   * Call before sending; throws AlignFailFastError when either circuit is open. The returned
   * function reports the attempt's outcome and must be called exactly once.
   */
  admit(tenant: string): (outcome: AttemptOutcome) => void {
    const reportUpstream = this.upstream.admit();
    let reportTenant: ReturnType<CircuitBreaker['admit']>;
    try {
      reportTenant = this.breakerOf(tenant).admit();
    } catch (error) {
      reportUpstream('neutral');
      throw error;
    }
    return (outcome) => {
      reportUpstream(outcome === 'answered' ? 'success' : outcome === 'unreachable' ? 'failure' : 'neutral');
      reportTenant(outcome === 'answered' ? 'success' : outcome === 'failed' ? 'failure' : 'neutral');
    };
  }

  private breakerOf(tenant: string): CircuitBreaker {
    let breaker = this.tenants.get(tenant);
    if (breaker === undefined) {
      if (this.tenants.size >= MAX_TENANT_BREAKERS) this.tenants.delete(this.tenants.keys().next().value!);
      breaker = new CircuitBreaker(this.options);
      this.tenants.set(tenant, breaker);
    }
    return breaker;
  }
}
