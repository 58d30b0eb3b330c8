/**
 * The floor for any wrapper: a pass-through proxy with no GraphQL. node:http in front of the same
 * AlignTransport (got client, keep-alive pool, retries, breaker, in-flight bound, per-request deadline),
 * built by the same createAlignTransport the GraphQL server uses.
 *
 *   POST /customers      -> POST /v0/customers       (JSON body passed as is)
 *   GET  /customers/:id  -> GET  /v0/customers/:id
 *
 * Configured like the server (PORT, HOST, ALIGN_API_URL, ALIGN_AUTH_HEADER, ALIGN_TIMEOUT_MS,
 * ALIGN_DEADLINE_MS, MAX_BODY_BYTES, LOG_LEVEL), and takes the caller's key the same way.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AlignError } from '../src/align/errors.js';
import { defineOperation } from '../src/align/operation.js';
import { createAlignTransport } from '../src/align/transport.js';
import { createAlignSession, roundMs, type AlignSession } from '../src/align/session.js';
import { loadConfig } from '../src/config.js';
import { resolveCredential } from '../src/credentials.js';
import { readBody } from '../src/http/body.js';
import { createStdoutLogger } from '../src/logger.js';

const config = loadConfig();
if (config.alignApiUrl === undefined) throw new Error('the proxy needs ALIGN_API_URL');
const { logger } = createStdoutLogger(config.logLevel);
const transport = createAlignTransport(config, config.alignApiUrl, logger);
const CUSTOMER_PATH = /^\/customers\/([^/?]+)$/;
const passThrough = (body: unknown): unknown => body;
// The same declarations as the server's, with answers passed through unchecked.
const createCustomer = defineOperation({ method: 'POST', route: '/v0/customers', retry: 'C', retryWithCallerKey: true, body: passThrough, parse: passThrough, reconcile: () => { throw new Error('not reconciled'); } });
const getCustomer = defineOperation({ method: 'GET', route: '/v0/customers/:customer_id', retry: 'read', parse: passThrough });

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? '/';
  if (path === '/readyz') return reply(res, 200, { status: 'ready' });
  let send: (session: AlignSession) => Promise<unknown>;
  let status = 200;
  let route: string;
  const customerId = CUSTOMER_PATH.exec(path)?.[1];
  if (req.method === 'POST' && path === '/customers') {
    const body: unknown = JSON.parse(await readBody(req, config.maxBodyBytes));
    send = (session) => transport.send(session, createCustomer, { ids: [], input: body });
    route = createCustomer.key;
    status = 201;
  } else if (req.method === 'GET' && customerId !== undefined) {
    const ids = [decodeURIComponent(customerId)] as const;
    send = (session) => transport.send(session, getCustomer, { ids, input: undefined });
    route = getCustomer.key;
  } else {
    return reply(res, 404, { message: 'not found' });
  }
  const credential = resolveCredential(req.headers, {});
  if (credential.kind !== 'key') return reply(res, 401, { message: 'an API key is required' });
  const session = createAlignSession(credential.apiKey, randomUUID(), config.upstreamDeadlineMs);
  const started = performance.now();
  reply(res, status, await send(session));
  // One access line per request, like the server's request line (the transport logs calls at debug).
  logger.info(
    { requestId: session.requestId, route, status, durationMs: roundMs(performance.now() - started), upstreamCalls: session.usage.calls },
    'proxy request',
  );
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (error instanceof AlignError) return reply(res, error.upstreamStatus ?? 502, { message: error.message, error: error.name });
    logger.error({ error: String(error) }, 'proxy request failed');
    reply(res, 500, { message: 'internal error' });
  });
});
server.listen(config.port, config.host, () => logger.info({ port: config.port }, 'minimal proxy ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
