import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { RequestError, type Got, type Method, type Response } from 'got';
import type { AuthHeaderStyle } from '../config.js';
import type { Logger } from '../logger.js';
import {
  AlignBadResponseError,
  AlignError,
  AlignUnavailableError,
  errorFromUpstreamAnswer,
} from './errors.js';

export interface AlignTransportOptions {
  readonly baseUrl: URL;
  readonly authHeader: AuthHeaderStyle;
  readonly attemptTimeoutMs: number;
  readonly logger: Logger;
  /** Called once per upstream call, for metrics. */
  readonly onCall?: (call: UpstreamCallRecord) => void;
}

export interface UpstreamCallRecord {
  readonly method: Method;
  /** Route template such as `GET /v0/customers/:customer_id`: never an id, safe as a metric label. */
  readonly route: string;
  /** HTTP status, or undefined when no answer arrived. */
  readonly status: number | undefined;
  readonly durationMs: number;
}

/** What one GraphQL request brings to every upstream call it makes. */
export interface AlignSession {
  readonly apiKey: string;
  readonly requestId: string;
  /** Aborts every upstream call of the request when its overall deadline passes. */
  readonly deadline: AbortSignal;
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
 * typed AlignError. Writes are never retried here.
 */
export class AlignTransport {
  private readonly got: Got;

  constructor(private readonly options: AlignTransportOptions) {
    this.got = got.extend({
      prefixUrl: options.baseUrl.toString(),
      agent: {
        http: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
        https: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
      },
      timeout: { request: options.attemptTimeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      headers: { accept: 'application/json', 'user-agent': 'align-graphql' },
    });
  }

  async send<T>(session: AlignSession, request: AlignRequest<T>): Promise<T> {
    const routeLabel = `${request.method} ${request.route}`;
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await this.dispatch(session, request);
      status = response.statusCode;
      return this.interpret(session, request, response);
    } catch (error) {
      throw this.asAlignError(error, session);
    } finally {
      const durationMs = performance.now() - started;
      this.options.onCall?.({ method: request.method, route: routeLabel, status, durationMs });
      // One info line per upstream call (the route template, never the URL: it holds ids).
      if (this.options.logger.isLevelEnabled('info')) {
        this.options.logger.info(
          { requestId: session.requestId, upstream: routeLabel, status, durationMs: Math.round(durationMs * 10) / 10 },
          'upstream call',
        );
      }
    }
  }

  private dispatch<T>(session: AlignSession, request: AlignRequest<T>): Promise<Response<string>> {
    const headers: Record<string, string> = {
      ...this.authHeaders(session.apiKey),
      'x-request-id': session.requestId,
    };
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

  private asAlignError(error: unknown, session: AlignSession): Error {
    if (error instanceof AlignError) return error;
    if (session.deadline.aborted) {
      return new AlignUnavailableError('The Align API did not answer within the request deadline.');
    }
    if (error instanceof RequestError) {
      // got's own messages include the full URL; callers get a fixed sentence per failure kind.
      const kind = error.code === 'ETIMEDOUT' ? 'timed out' : 'connection failed';
      return new AlignUnavailableError(`The Align API is unavailable (${kind}).`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

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
