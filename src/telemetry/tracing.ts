import type { IncomingHttpHeaders } from 'node:http';
import type { AttemptTracer } from '../align/attempt-observers.js';
import type { TelemetryConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { incomingTraceContext, type TraceContext } from './trace-context.js';

/** What the request span learns once GraphQL has run: the names of the operation and how it ended. */
export interface RequestDescription {
  readonly operationName: string | undefined;
  readonly operationType: string | undefined;
  /** `ok` or the first error's code. */
  readonly outcome: string;
}

/** The trace of one GraphQL request. */
export interface RequestTrace {
  /** What the request's upstream calls continue (the request span's id as parent, when spans are made). */
  readonly context: TraceContext;
  describe(description: RequestDescription): void;
  /** `httpStatus`: the status of the answer sent. */
  end(httpStatus: number): void;
}

export interface Tracing {
  /** Reads the caller's `traceparent`/`tracestate` and starts the request's trace. */
  startRequest(headers: IncomingHttpHeaders): RequestTrace;
  /** Spans for upstream attempts; undefined when no spans are made. */
  readonly attemptTracer: AttemptTracer | undefined;
  /** Sends the spans still buffered. */
  shutdown(): Promise<void>;
}

/**
 * The server hands Apollo its HTTPGraphQLRequest with the request's trace on it; Apollo passes that
 * object on to plugins as `requestContext.request.http`, which is how they find the trace.
 */
export interface TracedRequest {
  readonly trace?: RequestTrace;
}

export function traceOf(request: object | undefined): RequestTrace | undefined {
  return (request as TracedRequest | undefined)?.trace;
}

/**
 * With no OTLP endpoint configured, nothing of OpenTelemetry is loaded: the caller's trace id (or a new
 * one) is passed on to the Align API with a fresh span id per attempt and written in the log line, and
 * that is all a request pays.
 */
export async function startTracing(config: TelemetryConfig | undefined, logger: Logger): Promise<Tracing> {
  if (config === undefined) return propagationOnly;
  const { OpenTelemetryTracing } = await import('./otel.js');
  return new OpenTelemetryTracing(config, logger);
}

const propagationOnly: Tracing = {
  startRequest(headers) {
    return { context: incomingTraceContext(headers), describe() {}, end() {} };
  },
  attemptTracer: undefined,
  shutdown: async () => {},
};
