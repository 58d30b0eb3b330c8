import type { Method } from 'got';
import type { TraceContext } from '../telemetry/trace-context.js';

/** What may watch each upstream attempt without the transport knowing it: metrics and tracing. */

/** Tracing of upstream attempts: a span per attempt, whose id the attempt's `traceparent` names. */
export interface AttemptTracer {
  startAttempt(trace: TraceContext, attempt: { readonly method: Method; readonly route: string; readonly retry: number }): AttemptSpan;
}

export interface AttemptSpan {
  readonly spanId: string;
  /** `status` undefined: no answer arrived; `error`: what the attempt threw, if anything. */
  end(status: number | undefined, error: unknown): void;
}

export interface UpstreamCallRecord {
  readonly method: Method;
  /** Route template such as `GET /v0/customers/:customer_id`: never an id, safe as a metric label. */
  readonly route: string;
  /** HTTP status, or undefined when no answer arrived. */
  readonly status: number | undefined;
  readonly durationMs: number;
  /** 0 for the first attempt of a call, 1 for its first retry, ... */
  readonly retry: number;
}
