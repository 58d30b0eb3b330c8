import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EndUser } from './align/customer-scope.js';
import { createAlignTransport } from './align/transport.js';
import type { Config } from './config.js';
import { resolveCredential, type CredentialPolicy } from './credentials.js';
import { createContext, type ContextDependencies, type GraphQLContext } from './graphql/context.js';
import { createErrorFormatter } from './graphql/errors.js';
import { requestErrorStatusPlugin } from './graphql/plugins/http-status.js';
import { requestLimits } from './graphql/plugins/limits.js';
import { requestLoggingPlugin } from './graphql/plugins/request-logging.js';
import { requestMetricsPlugin } from './graphql/plugins/request-metrics.js';
import { GRAPHQL_CACHE_CONTROL, leanDefaultPlugins } from './graphql/plugins/lean-defaults.js';
import { buildGraphQLSchema } from './graphql/build-schema.js';
import { SubscriptionServer } from './graphql/subscriptions/transport.js';
import type { GraphQLModule } from './graphql/modules/module.js';
import { UpstreamEnums } from './graphql/upstream-enums.js';
import { BodyTooLargeError, readBody } from './http/body.js';
import { clientErrorResponse, describe, incomingRequestId, isJson, sendAuthenticationFailure, sendGraphQLError, sendJson } from './http/responses.js';
import { isMultipart, readUpload } from './http/upload.js';
import { Explorer, explorerCredentialHint } from './http/explorer.js';
import { MemoryCustomerOwnership, type CustomerOwnershipStore } from './idempotency/customer-ownership.js';
import { DEFAULT_RETENTION_MS, Idempotency } from './idempotency/idempotency.js';
import { MemoryIdempotencyStore } from './idempotency/memory-store.js';
import { RecordSealing } from './idempotency/sealed-records.js';
import type { IdempotencyStore } from './idempotency/store.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { rememberReads } from './events/attribution.js';
import { createWebhookInfrastructure } from './webhooks/setup.js';
import { requestTracingPlugin } from './graphql/plugins/request-tracing.js';
import { persistedQueryCache, trustedDocumentsPlugin } from './graphql/plugins/trusted-documents.js';
import { TrustedDocuments } from './graphql/trusted-documents.js';
import { startTracing, type TracedRequest } from './telemetry/tracing.js';

export interface ServerOptions {
  readonly config: Config;
  /** The upstream actually used: the configured one, or the embedded emulator's. */
  readonly alignApiUrl: URL;
  /** Key used for callers without a credential; set only on the embedded emulator. */
  readonly demoKey?: string;
  readonly logger: Logger;
  /** The schema's groups; default every group (graphql/modules). For embedding and tests. */
  readonly modules?: readonly GraphQLModule[];
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish (bounded by the grace period), then closes. */
  close(): Promise<void>;
}

/** Redis with REDIS_URL, loaded only then (its client is a sizeable module); else this process's memory. */
async function idempotencyStorage(config: Config): Promise<{ store: IdempotencyStore; ownership: CustomerOwnershipStore }> {
  if (!config.redisUrl) return { store: new MemoryIdempotencyStore(), ownership: new MemoryCustomerOwnership() };
  const { RedisIdempotencyStore } = await import('./idempotency/redis-store.js');
  const store = await RedisIdempotencyStore.connect(config.redisUrl);
  return { store, ownership: store.customerOwnership() };
}


export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const metrics = new Metrics();
  const trustedDocuments = config.trustedDocumentsPath ? await TrustedDocuments.load(config.trustedDocumentsPath) : undefined;
  const tracing = await startTracing(config.telemetry, logger);
  const transport = createAlignTransport(config, options.alignApiUrl, logger, (call) => metrics.recordUpstreamCall(call), tracing.attemptTracer);
  const { store: idempotencyStore, ownership } = await idempotencyStorage(config);
  const webhooks = await createWebhookInfrastructure(config, options.demoKey, logger, metrics);
  const contextDeps: ContextDependencies = {
    transport,
    enums: new UpstreamEnums(logger),
    logger,
    upstreamDeadlineMs: config.upstreamDeadlineMs,
    idempotency: new Idempotency(
      idempotencyStore,
      // The lease outlives any run (its upstream work is bounded by the deadline), so a second
      // run can only start after the first has certainly ended, e.g. when its replica crashed.
      {
        retentionMs: DEFAULT_RETENTION_MS,
        leaseMs: config.upstreamDeadlineMs + 5_000,
        pollMs: 25,
        sealing: new RecordSealing(config.idempotencySecret),
      },
      logger,
    ),
    ownership,
    // Every transfer or account read is remembered, so its webhooks can reach customer-filtered subscribers.
    observeReads: (apiKey) => rememberReads(webhooks.attribution, apiKey),
  };
  const credentialPolicy: CredentialPolicy = { serverKey: config.alignApiKey, demoKey: options.demoKey };

  // jose (JWT verification) is loaded only in server-key mode, where callers must prove who they are.
  const callerAuth = config.callerAuth
    ? new (await import('./auth/caller-auth.js')).CallerAuthenticator(config.callerAuth, logger)
    : undefined;
  const { plugins: limitPlugins, documentRules, ...limitOptions } = requestLimits({
    limits: config.queryLimits,
    introspection: config.introspection,
  });

  const schema = await buildGraphQLSchema(options.modules);
  const formatError = createErrorFormatter(logger);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    ...limitOptions,
    // Shutdown is ours (drain, then stop): Apollo must not act on SIGTERM by itself.
    stopOnTerminationSignals: false,
    logger,
    persistedQueries: trustedDocuments && { cache: persistedQueryCache(trustedDocuments) },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...leanDefaultPlugins<GraphQLContext>(),
      requestErrorStatusPlugin(),
      ...limitPlugins,
      requestLoggingPlugin(logger),
      requestMetricsPlugin(metrics),
      ...(tracing.attemptTracer ? [requestTracingPlugin<GraphQLContext>()] : []),
      ...(trustedDocuments ? [trustedDocumentsPlugin<GraphQLContext>(trustedDocuments)] : []),
    ],
  });
  await apollo.start();
  const explorer = config.explorer
    ? new Explorer({
        endpoint: '/graphql',
        credentialHint: explorerCredentialHint(config, options.demoKey !== undefined),
        trustedDocuments: trustedDocuments?.documents(),
      })
    : undefined;

  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const requestId = incomingRequestId(req) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    let endUser: EndUser | undefined;
    if (callerAuth) {
      // Server-key mode is never anonymous: refused before the body is even read.
      const authentication = await callerAuth.authenticate(req.headers);
      if (!authentication.ok) return sendAuthenticationFailure(res, authentication);
      if (authentication.via === 'jwt') endUser = authentication.endUser;
    }
    let body: unknown;
    const contentType = req.headers['content-type'];
    if (req.method === 'POST' && isMultipart(contentType)) {
      const read = await readUpload(req, res, config);
      if (!read.ok) return sendGraphQLError(res, read.status, read.message, 'BAD_REQUEST');
      body = read.operations;
      // The operations are JSON now; Apollo checks the media type of what it is given.
      req.headers['content-type'] = 'application/json';
    } else if (req.method === 'POST') {
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
    const trace = tracing.startRequest(req.headers);
    const httpGraphQLRequest: HTTPGraphQLRequest & TracedRequest = { method: req.method ?? 'GET', headers, search, body, trace };
    const credential = resolveCredential(req.headers, credentialPolicy);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext(contextDeps, { requestId, credential, endUser, trace: trace.context }),
    });
    trace.end(response.status ?? 200);
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
        if (explorer?.wantsPage(req, search)) return explorer.servePage(req, res);
        return handleGraphQL(req, res, search);
      case '/webhooks/align':
        return webhooks.receiver.handle(req, res);
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz':
        return draining ? sendJson(res, 503, { status: 'draining' }) : sendJson(res, 200, { status: 'ready' });
      case '/metrics':
        res.setHeader('content-type', metrics.registry.contentType);
        res.end(await metrics.registry.metrics());
        return;
      default:
        if (explorer?.serveAsset(req, res, path)) return;
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
  const subscriptions = new SubscriptionServer({
    httpServer,
    path: '/graphql',
    schema,
    contextDeps,
    credentialPolicy,
    callerAuth,
    bus: webhooks.bus,
    webhookTenants: webhooks.keys.tenants,
    validationRules: documentRules,
    maxTokens: config.queryLimits.maxTokens,
    maxMessageBytes: config.maxBodyBytes,
    formatError,
    logger,
  });
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) socket.end(clientErrorResponse(error));
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
    // Load balancers learn from /readyz that this replica is going; until they do, keep serving.
    if (config.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    const graceEnds = Date.now() + config.shutdownGraceMs;
    if (inFlight > 0) {
      const drained = new Promise<void>((resolve) => (idle = resolve));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
      await Promise.race([drained, grace]);
    }
    // Subscribers get what is queued for them, then 1001 (going away): they reconnect to another replica.
    await subscriptions.close(Math.max(0, graceEnds - Date.now()));
    httpServer.closeAllConnections();
    await stopped;
    await apollo.stop();
    await idempotencyStore.close();
    await webhooks.close();
    await tracing.shutdown();
  }

  return {
    url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`,
    port,
    close: () => (closing ??= close()),
  };
}
