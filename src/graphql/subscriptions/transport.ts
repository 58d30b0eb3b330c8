import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallerAuthenticator } from '../../auth/caller-auth.js';
import type { Credential, CredentialPolicy } from '../../credentials.js';
import type { EventBus } from '../../events/bus.js';
import { tenantOf } from '../../events/tenants.js';
import type { Logger } from '../../logger.js';
import type { ContextDependencies } from '../context.js';
import { Backlog } from './backlog.js';
import { authenticateConnection } from './connection-auth.js';
import { createSubscriptionContext } from './subscriber.js';

export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** How long a new socket may take to send `connection_init` before it is closed with 4408. */
export const CONNECTION_INIT_TIMEOUT_MS = 3_000;

export interface SubscriptionServerOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly contextDeps: ContextDependencies;
  readonly credentialPolicy: CredentialPolicy;
  readonly callerAuth: CallerAuthenticator | undefined;
  readonly bus: EventBus;
  /** Tenants whose webhooks the receiver accepts. */
  readonly webhookTenants: ReadonlySet<string>;
  /** The document rules HTTP applies too (depth, aliases, cost, ...). */
  readonly validationRules: readonly ValidationRule[];
  readonly maxTokens: number;
  readonly maxMessageBytes: number;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly logger: Logger;
}

interface Connection {
  readonly credential: Extract<Credential, { kind: 'key' }>;
  readonly backlog: Backlog;
  readonly expiry?: NodeJS.Timeout;
}

type Extra = { readonly socket: WebSocket; readonly request: IncomingMessage };

/**
 * GraphQL subscriptions over graphql-ws on the HTTP server's own port and path (a WebSocket upgrade
 * of `/graphql`). Only subscriptions travel this way; queries and mutations stay on HTTP, where their
 * logging, metrics and limits are. Credentials come in `connection_init` and live only as long as
 * the socket (connection-auth.ts).
 */
export class SubscriptionServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new WeakMap<WebSocket, Connection>();
  private draining = false;

  constructor(private readonly options: SubscriptionServerOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    useServer<Record<string, unknown> | undefined, Extra>(
      {
        schema: options.schema,
        connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
        onConnect: (ctx) => this.connect(ctx),
        onClose: (ctx) => clearTimeout(this.connections.get(ctx.extra.socket)?.expiry),
        onSubscribe: (ctx, _id, payload) => this.prepare(ctx, payload),
        context: (ctx) => this.contextFor(ctx),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map((error) => options.formatError(error.toJSON(), error)),
      },
      this.wss,
    );
    options.httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
  }

  /**
   * Shutdown: no new sockets; each open one is closed with 1001 once what it has queued is written
   * (or the grace period is over).
   */
  async close(graceMs: number): Promise<void> {
    this.draining = true;
    const deadline = Date.now() + graceMs;
    const sockets = [...this.wss.clients];
    while (Date.now() < deadline && sockets.some((socket) => !(this.connections.get(socket)?.backlog.drained ?? true))) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    for (const socket of sockets) socket.close(1001, 'Server shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    for (const socket of this.wss.clients) socket.terminate();
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? '/').split('?', 1)[0];
    if (path !== this.options.path || this.draining) {
      socket.end(`HTTP/1.1 ${this.draining ? '503 Service Unavailable' : '404 Not Found'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  private async connect(ctx: Context<Record<string, unknown> | undefined, Extra>): Promise<boolean> {
    const { socket, request } = ctx.extra;
    const auth = await authenticateConnection(request, ctx.connectionParams, this.options.credentialPolicy, this.options.callerAuth).catch(
      () => ({ ok: false }) as const,
    );
    if (!auth.ok) return false;
    let expiry: NodeJS.Timeout | undefined;
    if (auth.expiresAt !== undefined) {
      expiry = setTimeout(() => socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired'), Math.max(0, auth.expiresAt - Date.now()));
      expiry.unref();
    }
    this.connections.set(socket, { credential: auth.credential, backlog: new Backlog(socket), expiry });
    return true;
  }

  /** Parses and validates like HTTP does, refuses anything but a subscription, and caps the count. */
  private prepare(ctx: Context<Record<string, unknown> | undefined, Extra>, payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }) {
    if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return [refusal(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions can run on one connection.`, 'BAD_REQUEST')];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: this.options.maxTokens });
    } catch (error) {
      return [refusal(error instanceof Error ? error.message : 'The document cannot be parsed.', 'GRAPHQL_PARSE_FAILED')];
    }
    const errors = validate(this.options.schema, document, [...specifiedRules, ...this.options.validationRules]);
    if (errors.length > 0) return errors.map((error) => refusal(error.message, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (operation?.operation !== 'subscription') {
      return [refusal('Only subscriptions are served over WebSocket; send queries and mutations as HTTP POST to /graphql.', 'BAD_REQUEST')];
    }
    return { schema: this.options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
  }

  private contextFor(ctx: Context<Record<string, unknown> | undefined, Extra>) {
    const connection = this.connections.get(ctx.extra.socket)!;
    const tenant = tenantOf(connection.credential.apiKey);
    return createSubscriptionContext(
      this.options.contextDeps,
      { requestId: `ws-${randomUUID()}`, credential: connection.credential },
      { tenant, receivesWebhooks: this.options.webhookTenants.has(tenant), bus: this.options.bus, backlog: connection.backlog },
    );
  }
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
