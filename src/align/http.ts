import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { RequestError, type Got, type Method, type Response } from 'got';
import type { AuthHeaderStyle, Config } from '../config.js';
import type { Logger } from '../logger.js';
import { newSpanId, propagationHeaders, type TraceContext } from '../telemetry/trace-context.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import {
  AlignBadResponseError,
  AlignError,
  AlignOutcomeUnknownError,
  AlignUnavailableError,
  errorFromUpstreamAnswer,
} from './errors.js';
import { InFlightLimit } from './in-flight-limit.js';
import { RetryPolicy, sleep } from './retry.js';

export interface AlignTransportOptions {
  readonly baseUrl: URL;
  readonly authHeader: AuthHeaderStyle;
  readonly attemptTimeoutMs: number;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly breaker: { readonly failureThreshold: number; readonly cooldownMs: number };
  readonly maxInFlight: number;
  /** Called once per upstream attempt (retries included), for metrics. */
  readonly onCall?: (call: UpstreamCallRecord) => void;
  /** Wraps each attempt of a traced session in a span (src/telemetry/otel.ts); unset = ids only. */
  readonly tracer?: AttemptTracer;
}

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

export interface AlignRequest<T> {
  readonly method: Method;
  /** Route template, e.g. `/v0/customers/:customer_id`. */
  readonly route: string;
  /** Values for the template's `:params`; they are URL-encoded here. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  /** Checks the documented shape of a 2xx body and returns it typed, or throws AlignBadResponseError. */
  readonly parse: (body: unknown) => T;
}

/**
 * Sends requests to the Align API: one keep-alive connection pool, a per-attempt timeout, the
 * request-wide deadline, the credential in the configured header, and every failure turned into a
 * typed AlignError. It is also the one place that retries (see retry.ts), fails fast while the
 * upstream is down (circuit-breaker.ts) and bounds the calls in flight (in-flight-limit.ts).
 *
 * Only retry-safe requests are sent more than once: reads, and writes that carry an
 * Idempotency-Key (the upstream answers a repeat with the first result). A write without a key is
 * sent once; when its outcome is unknown the caller gets AlignOutcomeUnknownError and reconciles.
 */
export class AlignTransport {
  private readonly got: Got;
  private readonly breaker: CircuitBreaker;
  private readonly inFlight: InFlightLimit;

  constructor(private readonly options: AlignTransportOptions) {
    this.breaker = new CircuitBreaker(options.breaker);
    // Waiting beyond ten rounds of slots means the upstream is far behind; refuse instead of queueing.
    this.inFlight = new InFlightLimit(options.maxInFlight, options.maxInFlight * 10);
    this.got = got.extend({
      prefixUrl: options.baseUrl.toString(),
      agent: {
        http: new HttpAgent({ keepAlive: true, maxSockets: options.maxInFlight }),
        https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxInFlight }),
      },
      timeout: { request: options.attemptTimeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      headers: { accept: 'application/json', 'user-agent': 'align-graphql' },
    });
  }

  get retryPolicy(): RetryPolicy {
    return this.options.retry;
  }

  /** For health reporting and tests. */
  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  async send<T>(session: AlignSession, request: AlignRequest<T>): Promise<T> {
    const retrySafe = request.method === 'GET' || request.idempotencyKey !== undefined;
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.attempt(session, request, retry);
      } catch (error) {
        const delay = retrySafe ? this.options.retry.delayBeforeRetry(error, retry + 1, session.deadlineAt) : undefined;
        if (delay === undefined) throw error;
        this.options.logger.debug(
          {
            requestId: session.requestId,
            upstream: `${request.method} ${request.route}`,
            retry: retry + 1,
            delayMs: delay,
            reason: (error as AlignError).code,
            upstreamStatus: (error as AlignError).upstreamStatus,
          },
          'upstream retry',
        );
        try {
          await sleep(delay, session.deadline);
        } catch {
          throw error;
        }
      }
    }
  }

  private async attempt<T>(session: AlignSession, request: AlignRequest<T>, retry: number): Promise<T> {
    let release: () => void;
    try {
      release = await this.inFlight.acquire(session.deadline);
    } catch (error) {
      throw this.asAlignError(error, session, false);
    }
    let report: (outcome: 'success' | 'failure') => void;
    try {
      report = this.breaker.admit();
    } catch (error) {
      release();
      throw error;
    }
    const routeLabel = `${request.method} ${request.route}`;
    const span = session.trace && this.options.tracer?.startAttempt(session.trace, { method: request.method, route: request.route, retry });
    const started = performance.now();
    let status: number | undefined;
    let failure: unknown;
    try {
      const response = await this.dispatch(session, request, span?.spanId ?? (session.trace && newSpanId()));
      status = response.statusCode;
      report(status >= 500 ? 'failure' : 'success');
      return this.interpret(session, request, response);
    } catch (error) {
      if (status === undefined) report('failure');
      failure = this.asAlignError(error, session, true);
      throw failure;
    } finally {
      span?.end(status, failure);
      release();
      const durationMs = performance.now() - started;
      const { usage } = session;
      usage.calls += 1;
      if (retry > 0) usage.retries += 1;
      usage.durationMs += durationMs;
      this.options.onCall?.({ method: request.method, route: routeLabel, status, durationMs, retry });
      this.logAttempt(session, routeLabel, status, retry, durationMs);
    }
  }

  /**
   * A failed attempt (no answer, 429 or 5xx) gets its own `warn` line; every other attempt is only
   * counted in the request's one `info` line (`upstreamCalls`), with its own line at `debug`.
   * The route template is logged, never the URL: it holds ids.
   */
  private logAttempt(session: AlignSession, route: string, status: number | undefined, retry: number, durationMs: number): void {
    const failed = status === undefined || status === 429 || status >= 500;
    const level = failed ? 'warn' : 'debug';
    const { logger } = this.options;
    if (!logger.isLevelEnabled(level)) return;
    logger[level]({ requestId: session.requestId, upstream: route, status, retry, durationMs: roundMs(durationMs) }, 'upstream call');
  }

  /** `spanId`: the attempt's own span, named as the parent in the `traceparent` sent upstream. */
  private dispatch<T>(session: AlignSession, request: AlignRequest<T>, spanId: string | undefined): Promise<Response<string>> {
    const headers: Record<string, string> = {
      ...this.authHeaders(session.apiKey),
      'x-request-id': session.requestId,
    };
    if (session.trace && spanId) Object.assign(headers, propagationHeaders(session.trace, spanId));
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const searchParams = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) searchParams.set(name, value);
    }
    return this.got(expandRoute(request.route, request.params), {
      method: request.method,
      headers,
      searchParams,
      json: request.body,
      signal: session.deadline,
    });
  }

  private interpret<T>(session: AlignSession, request: AlignRequest<T>, response: Response<string>): T {
    const body = parseJson(response.body);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      if (body === INVALID_JSON) {
        throw new AlignBadResponseError('The Align API answered with a body that is not JSON.', {
          upstreamStatus: response.statusCode,
        });
      }
      try {
        return request.parse(body);
      } catch (error) {
        const message = error instanceof AlignError ? error.message : 'The Align API answered with an unexpected shape.';
        throw new AlignBadResponseError(message, { upstreamStatus: response.statusCode });
      }
    }
    const retryAfter = response.headers['retry-after'];
    throw errorFromUpstreamAnswer(
      { status: response.statusCode, body: body === INVALID_JSON ? undefined : body, retryAfter },
      [session.apiKey],
    );
  }

  private authHeaders(apiKey: string): Record<string, string> {
    switch (this.options.authHeader) {
      case 'api-key':
        return { 'api-key': apiKey };
      case 'authorization':
        return { authorization: apiKey };
      case 'bearer':
        return { authorization: `Bearer ${apiKey}` };
    }
  }

  /** `sent`: the request was handed to the network, so a missing answer leaves its outcome unknown. */
  private asAlignError(error: unknown, session: AlignSession, sent: boolean): Error {
    if (error instanceof AlignError) return error;
    if (session.deadline.aborted) {
      const message = 'The Align API did not answer within the request deadline.';
      return sent ? new AlignOutcomeUnknownError(message) : new AlignUnavailableError(message);
    }
    if (error instanceof RequestError) {
      // got's own messages include the full URL; callers get a fixed sentence per failure kind.
      if (error.code !== undefined && NOT_SENT_CODES.has(error.code)) {
        return new AlignUnavailableError('The Align API is unavailable (connection failed).');
      }
      const kind = error.code === 'ETIMEDOUT' ? 'timed out' : 'connection lost';
      return new AlignOutcomeUnknownError(`The Align API is unavailable (${kind}).`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Connection errors that happen before any byte of the request leaves: the outcome is known (nothing). */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** `/v0/customers/:customer_id` + `{customer_id: 'x'}` -> `v0/customers/x` (relative to prefixUrl). */
export function expandRoute(route: string, params: Readonly<Record<string, string>> = {}): string {
  return route.slice(1).replace(/:([a-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing route parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The transport as configured by the environment: one per process, shared by every request. */
export function createAlignTransport(
  config: Config,
  baseUrl: URL,
  logger: Logger,
  onCall?: (call: UpstreamCallRecord) => void,
  tracer?: AttemptTracer,
): AlignTransport {
  return new AlignTransport({
    baseUrl,
    authHeader: config.alignAuthHeader,
    attemptTimeoutMs: config.upstreamAttemptTimeoutMs,
    logger,
    retry: new RetryPolicy({
      maxRetries: config.upstreamMaxRetries,
      baseDelayMs: config.upstreamRetryBaseDelayMs,
      maxDelayMs: config.upstreamRetryMaxDelayMs,
      retryAfterMaxMs: config.upstreamRetryAfterMaxMs,
    }),
    breaker: { failureThreshold: config.breakerFailureThreshold, cooldownMs: config.breakerCooldownMs },
    maxInFlight: config.upstreamMaxInFlight,
    onCall,
    tracer,
  });
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
