/**
 * The second reference: the same minimal pass-through proxy as proxy.ts, on undici's `Pool.request`
 * instead of the server's got transport. It has no retries, breaker, in-flight bound or body cap:
 * it is what a bare HTTP hop costs with the fastest client Node has, a reference that does not move
 * when our transport gets faster. Bench-only (undici is a devDependency).
 *
 *   POST /customers      -> POST /v0/customers       (JSON body passed as is)
 *   GET  /customers/:id  -> GET  /v0/customers/:id
 *
 * Configured like the server (PORT, HOST, ALIGN_API_URL, ALIGN_AUTH_HEADER, ALIGN_TIMEOUT_MS,
 * UPSTREAM_MAX_IN_FLIGHT, MAX_BODY_BYTES, LOG_LEVEL), and takes the caller's key the same way.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'undici';
import type { AuthHeaderStyle } from '../src/config.js';
import { loadConfig } from '../src/config.js';
import { resolveCredential } from '../src/credentials.js';
import { readBody } from '../src/http/body.js';
import { createStdoutLogger } from '../src/logger.js';
import { roundMs } from '../src/align/session.js';

const config = loadConfig();
if (config.alignApiUrl === undefined) throw new Error('the proxy needs ALIGN_API_URL');
const { logger } = createStdoutLogger(config.logLevel);
const base = config.alignApiUrl;
const pool = new Pool(base.origin, { connections: config.upstreamMaxInFlight });
const prefix = base.pathname.replace(/\/$/, '');
const CUSTOMER_PATH = /^\/customers\/([^/?]+)$/;

function authHeader(style: AuthHeaderStyle, apiKey: string): Record<string, string> {
  switch (style) {
    case 'api-key':
      return { 'api-key': apiKey };
    case 'authorization':
      return { authorization: apiKey };
    case 'bearer':
      return { authorization: `Bearer ${apiKey}` };
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? '/';
  if (path === '/readyz') return reply(res, 200, JSON.stringify({ status: 'ready' }));
  const customerId = CUSTOMER_PATH.exec(path)?.[1];
  let upstream: { method: 'GET' | 'POST'; path: string; route: string; body?: string };
  if (req.method === 'POST' && path === '/customers') {
    upstream = { method: 'POST', path: `${prefix}/v0/customers`, route: 'POST /v0/customers', body: await readBody(req, config.maxBodyBytes) };
  } else if (req.method === 'GET' && customerId !== undefined) {
    const id = encodeURIComponent(decodeURIComponent(customerId));
    upstream = { method: 'GET', path: `${prefix}/v0/customers/${id}`, route: 'GET /v0/customers/:customer_id' };
  } else {
    return reply(res, 404, JSON.stringify({ message: 'not found' }));
  }
  const credential = resolveCredential(req.headers, {});
  if (credential.kind !== 'key') return reply(res, 401, JSON.stringify({ message: 'an API key is required' }));
  const requestId = randomUUID();
  const started = performance.now();
  const headers: Record<string, string> = { ...authHeader(config.alignAuthHeader, credential.apiKey), accept: 'application/json', 'x-request-id': requestId };
  if (upstream.body !== undefined) headers['content-type'] = 'application/json';
  const answer = await pool.request({
    method: upstream.method,
    path: upstream.path,
    headers,
    body: upstream.body,
    headersTimeout: config.upstreamAttemptTimeoutMs,
    bodyTimeout: config.upstreamAttemptTimeoutMs,
  });
  const text = await answer.body.text();
  // Parsed once, as any proxy that looks at the answer would (the got proxy's transport does).
  JSON.parse(text);
  reply(res, answer.statusCode, text);
  logger.info({ requestId, route: upstream.route, status: answer.statusCode, durationMs: roundMs(performance.now() - started) }, 'proxy request');
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
}

const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  handle(req, res).catch((error: unknown) => {
    logger.error({ error: String(error) }, 'proxy request failed');
    reply(res, 502, JSON.stringify({ message: 'upstream failed' }));
  });
});
server.listen(config.port, config.host, () => logger.info({ port: config.port }, 'undici proxy ready'));
process.on('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))).closeAllConnections());
