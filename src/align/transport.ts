import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { RequestError, type CancelableRequest, type Got, type OptionsInit, type Response } from 'got';
import type { AuthHeaderStyle, Config } from '../config.js';
import type { Logger } from '../logger.js';
import { newSpanId, propagationHeaders } from '../telemetry/trace-context.js';
import type { AttemptTracer, UpstreamCallRecord } from './attempt-observers.js';
import { readBounded } from './bounded-body.js';
import type { CircuitState } from './circuit-breaker.js';
import {
  AlignBadResponseError,
  AlignError,
  AlignNotFoundError,
  AlignNotSentError,
  AlignOutcomeUnknownError,
  AlignUnavailableError,
  errorFromUpstreamAnswer,
} from './errors.js';
import { FairInFlightLimit } from './fair-in-flight-limit.js';
import { expandRoute, type Operation, type PathIds } from './operation.js';
import { isRetrySafe, RetryPolicy, sleep, wasNotActedOn } from './retry.js';
import { roundMs, type AlignSession } from './session.js';
import { StreamedBody } from './streamed-body.js';
import { outcomeOfError, tenantName, TenantBreakers, type AttemptOutcome } from './tenant-isolation.js';

export interface AlignTransportOptions {
  readonly baseUrl: URL;
  readonly authHeader: AuthHeaderStyle;
  readonly attemptTimeoutMs: number;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly breaker: { readonly failureThreshold: number; readonly cooldownMs: number };
  readonly maxInFlight: number;
  /** Largest answer read (bounded-body.ts). */
  readonly maxResponseBytes: number;
  /** Called once per upstream attempt (retries included), for metrics. */
  readonly onCall?: (call: UpstreamCallRecord) => void;
  /** Wraps each attempt of a traced session in a span (src/telemetry/otel.ts); unset = ids only. */
  readonly tracer?: AttemptTracer;
}

/** One call of a catalogue operation: its path ids, its input, and the Idempotency-Key to send. */
export interface AlignCall<Route extends string, Input> {
  readonly ids: PathIds<Route>;
  readonly input: Input;
  readonly idempotencyKey?: string;
}

/**
 * Sends requests to the Align API: one keep-alive connection pool, a per-attempt timeout, the
 * request-wide deadline, the credential in the configured header, and every failure turned into a
 * typed AlignError. It is also the one place that retries (see retry.ts), fails fast while the
 * upstream is down (tenant-isolation.ts) and bounds the calls in flight (fair-in-flight-limit.ts).
 *
 * What it sends, and whether it may send it twice, comes from the operation's declaration
 * (operation.ts): reads and classes U and R are retried, a class C write only when it carries the
 * caller's key and says so. Any write is sent again when the failure proves the upstream did not
 * act on it (no connection, or a 429 with a short Retry-After). Otherwise a write is sent once, and
 * when its outcome is unknown the caller gets AlignOutcomeUnknownError.
 */
export class AlignTransport {
  private readonly got: Got;
  private readonly breaker: TenantBreakers;
  private readonly inFlight: FairInFlightLimit;

  constructor(private readonly options: AlignTransportOptions) {
    // Per tenant (one credential), plus one upstream-wide circuit for unreachable hosts (tenant-isolation.ts).
    this.breaker = new TenantBreakers(options.breaker);
    // Waiting beyond ten rounds of slots means the upstream is far behind; refuse instead of queueing.
    this.inFlight = new FairInFlightLimit(options.maxInFlight, options.maxInFlight * 10);
    this.got = got.extend({
      prefixUrl: options.baseUrl.toString(),
      agent: {
        http: new HttpAgent({ keepAlive: true, maxSockets: options.maxInFlight }),
        https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxInFlight }),
      },
      // No `timeout` and no `signal`: got arms timers and listeners for every phase of every request.
      // Each attempt has one timer instead, at its timeout or the request's deadline if sooner (dispatch).
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      // Never inflate what the upstream sends: a compressed answer is refused (bounded-body.ts).
      decompress: false,
      headers: { accept: 'application/json', 'accept-encoding': 'identity', 'user-agent': 'align-graphql' },
    });
  }

  get retryPolicy(): RetryPolicy {
    return this.options.retry;
  }

  /** For health reporting and tests. */
  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  async send<R extends string, I, T>(session: AlignSession, operation: Operation<R, I, T>, call: AlignCall<R, I>): Promise<T> {
    const retrySafe = isRetrySafe(operation, call.idempotencyKey !== undefined);
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.attempt(session, operation, call, retry);
      } catch (error) {
        // A repeated DELETE answered 404: an earlier attempt did delete it (docs/align-api.md §18).
        if (retry > 0 && operation.method === 'DELETE' && error instanceof AlignNotFoundError) return operation.parse(undefined);
        const repeatable = retrySafe || wasNotActedOn(error);
        const delay = repeatable ? this.options.retry.delayBeforeRetry(error, retry + 1, session.deadlineAt) : undefined;
        if (delay === undefined) throw error;
        this.options.logger.debug(
          {
            requestId: session.requestId,
            upstream: operation.key,
            retry: retry + 1,
            delayMs: delay,
            reason: (error as Error).name,
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

  private async attempt<R extends string, I, T>(
    session: AlignSession,
    operation: Operation<R, I, T>,
    call: AlignCall<R, I>,
    retry: number,
  ): Promise<T> {
    const tenant = tenantName(session.apiKey);
    let release: () => void;
    try {
      release = await this.inFlight.acquire(tenant, session.deadline);
    } catch (error) {
      throw this.asAlignError(error, session, false);
    }
    let report: (outcome: AttemptOutcome) => void;
    try {
      report = this.breaker.admit(tenant);
    } catch (error) {
      release();
      throw error;
    }
    const span = session.trace && this.options.tracer?.startAttempt(session.trace, { method: operation.method, route: operation.route, retry });
    const started = performance.now();
    const expiry: AttemptExpiry = { expired: undefined };
    let status: number | undefined;
    let failure: unknown;
    try {
      const response = await this.dispatch(session, operation, call, expiry, span?.spanId ?? (session.trace && newSpanId()));
      status = response.statusCode;
      report(status >= 500 ? 'failed' : 'answered');
      return this.interpret(session, operation, response);
    } catch (error) {
      if (status === undefined) report(outcomeOfError(error));
      failure = this.asAlignError(error, session, true, expiry.expired);
      throw failure;
    } finally {
      span?.end(status, failure);
      release();
      const durationMs = performance.now() - started;
      const { usage } = session;
      usage.calls += 1;
      if (retry > 0) usage.retries += 1;
      usage.durationMs += durationMs;
      this.options.onCall?.({ method: operation.method, route: operation.key, status, durationMs, retry });
      this.logAttempt(session, operation.key, status, retry, durationMs);
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

  /**
   * `expiry`: set when the attempt's timer cancels it (its timeout, or the request's deadline when
   * that comes first). `spanId`: the attempt's own span, named as the parent in the `traceparent`.
   */
  private dispatch<R extends string, I>(
    session: AlignSession,
    operation: Operation<R, I, unknown>,
    call: AlignCall<R, I>,
    expiry: AttemptExpiry,
    spanId: string | undefined,
  ): Promise<Response<string>> {
    const headers: Record<string, string> = {
      ...this.authHeaders(session.apiKey),
      'x-request-id': session.requestId,
    };
    if (session.trace && spanId) Object.assign(headers, propagationHeaders(session.trace, spanId));
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    const options: OptionsInit = { method: operation.method, headers };
    const query = operation.query?.(call.input);
    if (query !== undefined) {
      const searchParams = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined) searchParams.set(name, value);
      }
      options.searchParams = searchParams;
    }
    const body = operation.body?.(call.input);
    if (body instanceof StreamedBody) {
      headers['content-type'] = body.contentType;
      options.body = body.open();
    } else if (body !== undefined) {
      options.json = body;
    }
    const request = this.got(expandRoute(operation, call.ids), options) as CancelableRequest<Response<string>>;
    const untilDeadline = session.deadlineAt - Date.now();
    const byDeadline = untilDeadline < this.options.attemptTimeoutMs;
    const timer = setTimeout(
      () => {
        expiry.expired = byDeadline ? 'deadline' : 'attempt';
        request.cancel();
      },
      Math.max(0, byDeadline ? untilDeadline : this.options.attemptTimeoutMs),
    );
    return readBounded(request, this.options.maxResponseBytes).finally(() => clearTimeout(timer));
  }

  private interpret<R extends string, I, T>(session: AlignSession, operation: Operation<R, I, T>, response: Response<string>): T {
    const body = parseJson(response.body);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      if (body === INVALID_JSON) {
        throw new AlignBadResponseError('The Align API answered with a body that is not JSON.', {
          upstreamStatus: response.statusCode,
        });
      }
      try {
        return operation.parse(body);
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
  private asAlignError(error: unknown, session: AlignSession, sent: boolean, expired?: AttemptExpiry['expired']): Error {
    if (error instanceof AlignError) return error;
    if (expired === 'attempt') return new AlignOutcomeUnknownError('The Align API is unavailable (timed out).');
    if (session.deadline.aborted || expired === 'deadline') {
      const message = 'The Align API did not answer within the request deadline.';
      return sent ? new AlignOutcomeUnknownError(message) : new AlignUnavailableError(message);
    }
    if (error instanceof RequestError) {
      // got's own messages include the full URL; callers get a fixed sentence per failure kind.
      if (error.code !== undefined && NOT_SENT_CODES.has(error.code)) {
        return new AlignNotSentError('The Align API is unavailable (connection failed).');
      }
      const kind = error.code === 'ETIMEDOUT' ? 'timed out' : 'connection lost';
      return new AlignOutcomeUnknownError(`The Align API is unavailable (${kind}).`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Why an attempt's timer cancelled it, if it did. */
interface AttemptExpiry {
  expired: 'attempt' | 'deadline' | undefined;
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
    maxResponseBytes: config.alignMaxResponseBytes,
    onCall,
    tracer,
  });
}
