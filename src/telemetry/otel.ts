import type { IncomingHttpHeaders } from 'node:http';
import {
  createTraceState,
  diag,
  DiagLogLevel,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import type { AttemptSpan, AttemptTracer } from '../align/attempt-observers.js';
import type { TelemetryConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { isSampled, parseTraceContext, type TraceContext } from './trace-context.js';
import type { RequestDescription, RequestTrace, Tracing } from './tracing.js';

/**
 * OpenTelemetry's SDK, loaded only when an OTLP endpoint is configured (tracing.ts imports this file
 * on demand). Spans are made with explicit parents (the request's trace context travels with the
 * request), so no async context manager is installed and nothing global is registered.
 *
 * Attributes name operations, route templates, statuses and codes: never variables, ids, URLs or keys.
 */

// Incubating semantic-convention names, copied as the conventions package advises for unstable ones.
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
const ATTR_URL_TEMPLATE = 'url.template';
/** How long shutdown waits for the last spans to be sent. */
const SHUTDOWN_FLUSH_MS = 3_000;
/** `ok` or the first error's `extensions.code`, as the request's log line and metrics report it. */
const ATTR_GRAPHQL_OUTCOME = 'graphql.outcome';

export class OpenTelemetryTracing implements Tracing {
  private readonly provider: BasicTracerProvider;
  private readonly tracer: Tracer;
  readonly attemptTracer: AttemptTracer;

  constructor(
    config: TelemetryConfig,
    private readonly logger: Logger,
  ) {
    reportExportFailures(logger);
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
      spanProcessors: [
        new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl.toString() }), {
          scheduledDelayMillis: config.exportDelayMs,
        }),
      ],
    });
    this.tracer = this.provider.getTracer('align-graphql');
    this.attemptTracer = { startAttempt: (context, attempt) => this.startAttempt(context, attempt) };
    logger.info({ tracesUrl: config.tracesUrl.origin + config.tracesUrl.pathname }, 'exporting traces over OTLP/HTTP');
  }

  startRequest(headers: IncomingHttpHeaders): RequestTrace {
    const { traceparent, tracestate } = headers;
    const caller = parseTraceContext(
      typeof traceparent === 'string' ? traceparent : undefined,
      Array.isArray(tracestate) ? tracestate.join(',') : tracestate,
    );
    const span = this.tracer.startSpan('GraphQL request', { kind: SpanKind.SERVER }, caller ? remoteParent(caller) : ROOT_CONTEXT);
    const own = span.spanContext();
    const context: TraceContext = {
      traceId: own.traceId,
      parentId: own.spanId,
      flags: own.traceFlags & TraceFlags.SAMPLED ? '01' : '00',
      traceState: caller?.traceState,
    };
    return new SpanRequestTrace(span, context);
  }

  /** Sends what is still buffered, for at most SHUTDOWN_FLUSH_MS: an unreachable collector must not hold up the exit. */
  async shutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SHUTDOWN_FLUSH_MS)));
    try {
      const result = await Promise.race([this.provider.shutdown(), timeout]);
      if (result === 'timeout') this.logger.warn({ waitedMs: SHUTDOWN_FLUSH_MS }, 'opentelemetry: spans not sent before shutdown');
    } catch (error) {
      this.logger.warn({ detail: error instanceof Error ? error.message.slice(0, 300) : String(error) }, 'opentelemetry: spans not sent before shutdown');
    } finally {
      clearTimeout(timer);
    }
  }

  private startAttempt(context: TraceContext, attempt: { method: string; route: string; retry: number }): AttemptSpan {
    const span = this.tracer.startSpan(
      `${attempt.method} ${attempt.route}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: attempt.method,
          [ATTR_URL_TEMPLATE]: attempt.route,
          [ATTR_HTTP_REQUEST_RESEND_COUNT]: attempt.retry,
        },
      },
      localParent(context),
    );
    return {
      spanId: span.spanContext().spanId,
      end(status, error) {
        if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        if (status === undefined || status >= 400) {
          span.setAttribute(ATTR_ERROR_TYPE, status === undefined ? errorType(error) : String(status));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      },
    };
  }
}

class SpanRequestTrace implements RequestTrace {
  constructor(
    private readonly span: Span,
    readonly context: TraceContext,
  ) {}

  describe({ operationName, operationType, outcome }: RequestDescription): void {
    const { span } = this;
    // Low-cardinality name as the GraphQL conventions ask: the operation type and name, never the document.
    if (operationType !== undefined) span.updateName(operationName ? `${operationType} ${operationName}` : operationType);
    if (operationName !== undefined) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
    if (operationType !== undefined) span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, operationType);
    span.setAttribute(ATTR_GRAPHQL_OUTCOME, outcome);
    if (outcome !== 'ok') {
      span.setAttribute(ATTR_ERROR_TYPE, outcome);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
  }

  end(httpStatus: number): void {
    this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, httpStatus);
    this.span.end();
  }
}

function remoteParent(caller: TraceContext): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: caller.traceId,
    spanId: caller.parentId,
    traceFlags: isSampled(caller.flags) ? TraceFlags.SAMPLED : TraceFlags.NONE,
    traceState: caller.traceState === undefined ? undefined : createTraceState(caller.traceState),
    isRemote: true,
  });
}

function localParent(context: TraceContext): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: context.traceId,
    spanId: context.parentId,
    traceFlags: isSampled(context.flags) ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: false,
  });
}

/** The typed error's code (e.g. UPSTREAM_UNAVAILABLE) or class name: never its message, which may hold details. */
function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}

let diagnosticsInstalled = false;

/** The SDK reports failed exports through its diagnostic logger; route its errors to the log, once per process. */
function reportExportFailures(logger: Logger): void {
  if (diagnosticsInstalled) return;
  diagnosticsInstalled = true;
  const log = (message: string) => logger.warn({ detail: message.slice(0, 300) }, 'opentelemetry');
  diag.setLogger({ error: log, warn: log, info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
}
