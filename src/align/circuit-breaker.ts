import { AlignFailFastError } from './errors.js';

/**
 * Fails fast while the upstream is down hard, instead of making every caller wait out its own
 * timeouts (and piling connections onto an upstream that is trying to recover).
 *
 * Closed: calls pass; `failureThreshold` consecutive failures open the circuit. Open: calls fail
 * at once with UPSTREAM_UNAVAILABLE ("circuit open") for `cooldownMs`. Half-open: one probe call
 * passes; its success closes the circuit, its failure opens it for another cool-down. A failure is
 * "the upstream could not answer" (connection failure, timeout, 5xx); any answer below 500,
 * 429 included, proves it is up. A `neutral` outcome says nothing either way (the upstream-wide
 * breaker learns nothing from one tenant's timeout): counts stay, and a probe ends without a verdict.
 */
export interface CircuitBreakerOptions {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export type BreakerOutcome = 'success' | 'failure' | 'neutral';

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  private probeInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /**
   * Call before sending; throws when the call must not be sent. The returned function reports the
   * outcome and must be called exactly once.
   */
  admit(): (outcome: BreakerOutcome) => void {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probeInFlight)) {
      const waitSeconds = Math.max(1, Math.ceil((this.openedAt! + this.options.cooldownMs - this.now()) / 1000));
      throw new AlignFailFastError(
        `The Align API is unavailable (circuit open after repeated failures; next attempt in about ${waitSeconds} s).`,
      );
    }
    const probe = state === 'half-open';
    if (probe) this.probeInFlight = true;
    let reported = false;
    return (outcome) => {
      if (reported) return;
      reported = true;
      if (probe) this.probeInFlight = false;
      if (outcome === 'neutral') return;
      if (outcome === 'success') {
        this.consecutiveFailures = 0;
        this.openedAt = undefined;
        return;
      }
      this.consecutiveFailures += 1;
      if (probe || this.consecutiveFailures >= this.options.failureThreshold) this.openedAt = this.now();
    };
  }
}
