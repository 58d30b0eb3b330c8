import type { TraceContext } from '../telemetry/trace-context.js';

/** What one GraphQL request brings to every upstream call it makes. */
export interface AlignSession {
  readonly apiKey: string;
  readonly requestId: string;
  /** Aborts every upstream call of the request when its overall deadline passes. */
  readonly deadline: AbortSignal;
  /** When `deadline` aborts (epoch ms), so a back-off that cannot fit is not started. */
  readonly deadlineAt: number;
  /** What this request's upstream calls have cost so far; the request's log line reports it. */
  readonly usage: UpstreamUsage;
  /** The request's W3C trace context: every attempt sends it on, with a span id of its own. */
  readonly trace?: TraceContext;
}

/** Upstream attempts of one request (retries included) and their summed duration. */
export interface UpstreamUsage {
  calls: number;
  retries: number;
  durationMs: number;
}

/** What one request brings to its upstream calls: its key, its id, its deadline from now, its trace. */
export function createAlignSession(apiKey: string, requestId: string, deadlineMs: number, trace?: TraceContext): AlignSession {
  return {
    apiKey,
    requestId,
    deadline: AbortSignal.timeout(deadlineMs),
    deadlineAt: Date.now() + deadlineMs,
    usage: { calls: 0, retries: 0, durationMs: 0 },
    trace,
  };
}

/** Milliseconds to one decimal, as every log line reports durations. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
