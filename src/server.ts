import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { AlignTransport } from './align/http.js';
import type { Config } from './config.js';
import { resolveCredential, type CredentialPolicy } from './credentials.js';
import { createContext, type ContextDependencies, type GraphQLContext } from './graphql/context.js';
import { createErrorFormatter } from './graphql/errors.js';
import { requestErrorStatusPlugin } from './graphql/plugins/http-status.js';
import { GRAPHQL_CACHE_CONTROL, leanDefaultPlugins } from './graphql/plugins/lean-defaults.js';
import { buildGraphQLSchema } from './graphql/schema.js';
import { UpstreamEnums } from './graphql/upstream-enums.js';
import { BodyTooLargeError, readBody } from './http/body.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';

export interface ServerOptions {
  readonly config: Config;
  /** The upstream actually used: the configured one, or the embedded emulator's. */
  readonly alignApiUrl: URL;
  /** Key used for callers without a credential; set only on the embedded emulator. */
  readonly demoKey?: string;
  readonly logger: Logger;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (bounded by the grace period), then closes. */
  close(): Promise<void>;
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,64}$/;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const metrics = new Metrics();
  const transport = new AlignTransport({
    baseUrl: options.alignApiUrl,
    authHeader: config.alignAuthHeader,
    attemptTimeoutMs: config.upstreamAttemptTimeoutMs,
    logger,
    onCall: (call) => metrics.recordUpstreamCall(call),
  });
  const contextDeps: ContextDependencies = {
    transport,
    enums: new UpstreamEnums(logger),
    logger,
    upstreamDeadlineMs: config.upstreamDeadlineMs,
  };
  const credentialPolicy: CredentialPolicy = { serverKey: config.alignApiKey, demoKey: options.demoKey };

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Shutdown is ours (drain, then stop): Apollo must not act on SIGTERM by itself.
    stopOnTerminationSignals: false,
    logger,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...leanDefaultPlugins<GraphQLContext>(), requestErrorStatusPlugin()],
  });
  await apollo.start();

  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const requestId = incomingRequestId(req) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, config.maxBodyBytes);
      if (isJson(req.headers['content-type'])) {
        try {
          body = text.length === 0 ? undefined : JSON.parse(text);
        } catch {
          return sendGraphQLError(res, 400, 'The request body is not valid JSON.', 'BAD_REQUEST');
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search, body };
    const credential = resolveCredential(req.headers, credentialPolicy);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext(contextDeps, { requestId, credential }),
    });
    res.statusCode = response.status ?? 200;
    res.setHeader('cache-control', GRAPHQL_CACHE_CONTROL);
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const search = queryStart === -1 ? '' : rawUrl.slice(queryStart);
    switch (path) {
      case '/graphql':
        return handleGraphQL(req, res, search);
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz':
        return draining ? sendJson(res, 503, { status: 'draining' }) : sendJson(res, 200, { status: 'ready' });
      case '/metrics':
        res.setHeader('content-type', metrics.registry.contentType);
        res.end(await metrics.registry.metrics());
        return;
      default:
        return sendJson(res, 404, { error: 'not found' });
    }
  }

  const httpServer: Server = createHttpServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    inFlight += 1;
    if (draining) res.setHeader('connection', 'close');
    route(req, res)
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          res.setHeader('connection', 'close');
          return sendGraphQLError(res, 413, error.message, 'BAD_REQUEST');
        }
        logger.error({ error: describe(error) }, 'request failed');
        if (!res.headersSent) sendGraphQLError(res, 500, 'Internal server error.', 'INTERNAL_SERVER_ERROR');
        else res.destroy();
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      });
  });
  httpServer.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    draining = true;
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    if (inFlight > 0) {
      const drained = new Promise<void>((resolve) => (idle = resolve));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
      await Promise.race([drained, grace]);
    }
    httpServer.closeAllConnections();
    await stopped;
    await apollo.stop();
  }

  return {
    url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`,
    port,
    close: () => (closing ??= close()),
  };
}

function incomingRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers['x-request-id'];
  return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : undefined;
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(?:graphql-response\+)?json\b/i.test(contentType);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function sendGraphQLError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

function describe(error: unknown): { name: string; message: string; stack?: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: 'Error', message: String(error) };
}
