import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, adminRoutes } from './admin.js';
import { readApiKey } from './auth.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { statusFaultResponse, truncatePayload } from './faults.js';
import {
  ApiError,
  apiError,
  finalize,
  readBody,
  send,
  TOO_LARGE,
  type FinalResponse,
  type HandlerResult,
  type RawBody,
} from './http.js';
import { idempotent } from './idempotency.js';
import type { RouteFound, RouteMatch } from './router.js';
import { upstreamRoutes } from './routes.js';
import { EmulatorState } from './state.js';

export interface EmulatorOptions {
  /** Default 0: a free port chosen by the OS. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Simulate the production host: sandbox-only (simulate) routes answer 403. */
  production?: boolean;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:4321` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes every connection, keep-alive ones included. Idempotent. */
  close(): Promise<void>;
}

/** Starts an Align emulator: a real HTTP server (docs/align-api.md; its admin API: README, "The emulator"), fresh state per call. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const state = new EmulatorState(options.production === true);
  const server = createServer((req, res) => {
    dispatch(state, req, res).catch((error: unknown) => answerCrash(res, error));
  });
  // Longer than any client pool's idle time, so the server is never the side that closes an idle
  // keep-alive socket while a client is about to reuse it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () => (closing ??= stop(server, state)),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The host to put in the URL: a wildcard address is reached through loopback; IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function stop(server: Server, state: EmulatorState): Promise<void> {
  state.cancelTimers();
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}

const EMPTY_BODY: RawBody = { bytes: Buffer.alloc(0), text: '', value: undefined };
const TOO_LARGE_RESPONSE = finalize(apiError(413, 'payload_too_large', 'The request body is larger than this route takes (1 MiB; 12 MiB for files).'));
const MISSING_KEY_RESPONSE = finalize(apiError(400, 'idempotency_key_required', 'This route requires an Idempotency-Key header.'));
const INTERNAL_ERROR = finalize(apiError(500, 'internal_error', 'The emulator failed to handle the request.'));

async function dispatch(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const method = req.method ?? 'GET';
  if (path.startsWith(ADMIN_PREFIX)) return dispatchAdmin(state, req, res, method, path, queryStart === -1 ? '' : url.slice(queryStart + 1));

  const match = upstreamRoutes.match(method, path);
  if (match.kind !== 'found') return send(res, unmatched(match, method, path));
  const routeKey = match.route.key;
  state.countRequest(routeKey);

  const fault = state.faults.take(routeKey);
  if (fault !== undefined) {
    if (fault.kind === 'reset-before') return void req.socket.destroy();
    if (fault.kind === 'status') return send(res, statusFaultResponse(fault));
    if (fault.kind === 'delay') await state.sleep(fault.delayMs ?? 0);
  }

  const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const response = await handleUpstream(state, req, method, path, query, match);
  if (fault?.kind === 'reset-after-commit') return void req.socket.destroy();
  if (fault?.kind === 'malformed') return send(res, { ...response, payload: truncatePayload(response.payload) });
  send(res, response);
}

/** Authentication, body, idempotency, handler: the part of a request that faults wrap. */
async function handleUpstream(
  state: EmulatorState,
  req: IncomingMessage,
  method: string,
  path: string,
  query: string,
  match: RouteFound<UpstreamHandler>,
): Promise<FinalResponse> {
  const auth = readApiKey(req.headers);
  if (!auth.ok) return finalize(apiError(401, 'unauthorized', auth.message));
  let body = EMPTY_BODY;
  if (method !== 'GET') {
    const read = await readBody(req, match.route.bodyLimit);
    if (read === TOO_LARGE) return TOO_LARGE_RESPONSE;
    body = read;
  }
  const tenant = state.tenants.get(auth.key);
  const context: RequestContext = {
    tenant,
    params: match.params,
    body: body.value,
    query,
    production: state.production,
    emit: (event) => state.events.emit(auth.key, tenant, event),
    settings: state.settings,
    rawBody: body.bytes,
    contentType: req.headers['content-type'],
  };
  const run = () => runHandler(match.route.handler, context);
  const idempotencyKey = method === 'POST' ? req.headers['idempotency-key'] : undefined;
  if (idempotencyKey === undefined && match.route.requiresIdempotencyKey) return MISSING_KEY_RESPONSE;
  if (idempotencyKey === undefined) return run();
  return idempotent(context.tenant, match.route.key, idempotencyKey, path, body, run);
}

async function dispatchAdmin(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string,
  query: string,
): Promise<void> {
  const match = adminRoutes.match(method, path);
  if (match.kind !== 'found') return send(res, unmatched(match, method, path));
  let body: unknown;
  if (method === 'POST') {
    const read = await readBody(req);
    if (read === TOO_LARGE) return send(res, TOO_LARGE_RESPONSE);
    body = read.value;
  }
  send(res, await runHandler(match.route.handler, { state, params: match.params, body, query }));
}

async function runHandler<C>(handler: (context: C) => HandlerResult | Promise<HandlerResult>, context: C): Promise<FinalResponse> {
  try {
    return finalize(await handler(context));
  } catch (error) {
    if (error instanceof ApiError) return finalize(error.toResult());
    console.error('align emulator: handler failed', error);
    return INTERNAL_ERROR;
  }
}

function unmatched(match: Exclude<RouteMatch<unknown>, { kind: 'found' }>, method: string, path: string): FinalResponse {
  if (match.kind === 'method-not-allowed') {
    return finalize(
      apiError(405, 'method_not_allowed', `${method} is not allowed on ${path}.`, { allow: match.allowed.join(', ') }),
    );
  }
  return finalize(apiError(404, 'route_not_found', `No route matches ${method} ${path}.`));
}

/** Something failed outside a handler (e.g. the client went away mid-body). */
function answerCrash(res: ServerResponse, error: unknown): void {
  if (res.destroyed || res.socket === null || res.socket.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  console.error('align emulator: request failed', error);
  send(res, INTERNAL_ERROR);
}
