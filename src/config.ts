/**
 * Configuration is read from the environment once, at start, and validated as a whole so that an
 * operator sees every bad value in one message instead of fixing them one restart at a time.
 */

import { Reader, type Env } from './config-reader.js';

export type AuthHeaderStyle = 'api-key' | 'authorization' | 'bearer';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  /** Base URL of the Align API; undefined means "start the embedded emulator" (never in production). */
  readonly alignApiUrl: URL | undefined;
  /** Server-held key used upstream instead of the caller's own. */
  readonly alignApiKey: string | undefined;
  readonly alignAuthHeader: AuthHeaderStyle;
  /** Time allowed for one upstream attempt. */
  readonly upstreamAttemptTimeoutMs: number;
  /** Time allowed for all upstream work of one GraphQL request, retries included. */
  readonly upstreamDeadlineMs: number;
  /** Upper bound on one request body, in bytes. */
  readonly maxBodyBytes: number;
  /** Largest file `uploadFile` takes (multipart requests only; the JSON body limit does not apply). */
  readonly uploadMaxBytes: number;
  readonly logLevel: LogLevel;
  /** How long SIGTERM waits for in-flight requests before closing them. */
  readonly shutdownGraceMs: number;
  /** How long SIGTERM keeps accepting (with /readyz 503) before it stops listening. */
  readonly shutdownDelayMs: number;
  /** Retries of a retry-safe upstream call (reads, keyed writes) after the first attempt. */
  readonly upstreamMaxRetries: number;
  /** First back-off delay; each retry doubles it (with jitter) up to upstreamRetryMaxDelayMs. */
  readonly upstreamRetryBaseDelayMs: number;
  readonly upstreamRetryMaxDelayMs: number;
  /** The longest `Retry-After` the server waits out; a longer one is passed to the caller instead. */
  readonly upstreamRetryAfterMaxMs: number;
  /** Consecutive failed upstream calls that open the circuit. */
  readonly breakerFailureThreshold: number;
  /** How long an open circuit fails fast before one probe call is let through. */
  readonly breakerCooldownMs: number;
  /** Upstream calls in flight at once; more wait for a slot (within their deadline). */
  readonly upstreamMaxInFlight: number;
  /** Redis for the idempotency store, shared by replicas; undefined = in memory (one process). */
  readonly redisUrl: URL | undefined;
  /** Limits on one GraphQL document (see src/graphql/plugins/limits.ts). */
  readonly queryLimits: QueryLimits;
  /** Whether `__schema`/`__type` are answered; off by default in production. */
  readonly introspection: boolean;
  /** Serve the browser explorer at `GET /graphql` (Accept: text/html); it needs introspection. */
  readonly explorer: boolean;
  /** How callers prove who they are in server-key mode; set exactly when `alignApiKey` is. */
  readonly callerAuth: CallerAuthConfig | undefined;
  /** Largest upstream answer read, in bytes (counted as received); a larger one is UPSTREAM_BAD_RESPONSE. */
  readonly alignMaxResponseBytes: number;
  /** Mixed into the key that seals idempotency records (src/idempotency/sealed-records.ts); optional. */
  readonly idempotencySecret: string | undefined;
  /** Further Align keys whose webhooks `POST /webhooks/align` accepts (besides `alignApiKey`). */
  readonly webhookKeys: readonly string[];
  /** A webhook whose `created_at` is older than this is dropped as a replay. */
  readonly webhookMaxAgeSeconds: number;
  /** OpenTelemetry trace export; undefined = no SDK loaded (trace context is still passed on). */
  readonly telemetry: TelemetryConfig | undefined;
  /** Trusted-documents manifest (`TRUSTED_DOCUMENTS`); when set, only its documents run. */
  readonly trustedDocumentsPath: string | undefined;
}

/** Span export over OTLP/HTTP (JSON), configured by the standard `OTEL_*` variables. */
export interface TelemetryConfig {
  /** Where spans are posted: the traces endpoint itself, or `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
  readonly tracesUrl: URL;
  readonly serviceName: string;
  /** `OTEL_BSP_SCHEDULE_DELAY`: longest wait before a batch of finished spans is sent. */
  readonly exportDelayMs: number;
}

export interface QueryLimits {
  /** Deepest selection nesting, fragments flattened, introspection included. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Lexical tokens of the document, counted by graphql-js while parsing. */
  readonly maxTokens: number;
  /** graphql-armor's cost (objects 2, scalars 1, times 1.5 per level); introspection not counted. */
  readonly maxCost: number;
  /** Mutation root fields (aliases included) in one operation. */
  readonly maxMutations: number;
}

/**
 * Server-key mode: the server acts with its own Align key, so every caller must prove who it is with
 * a JWT (verified against a JWKS URL or an HS256 shared secret) or a trusted gateway's secret header.
 */
export interface CallerAuthConfig {
  readonly jwt?: {
    readonly jwksUrl?: URL;
    readonly secret?: string;
    readonly issuer: string;
    readonly audience: string;
    /** Claim listing the customer ids a subject may use besides those it created (src/auth/entitlement.ts). */
    readonly customersClaim: string;
    /** Scope (in `scope` or `scp`) that entitles a subject to every customer; undefined = none does. */
    readonly adminScope: string | undefined;
  };
  readonly gateway?: {
    /** Lower-case header name. */
    readonly header: string;
    readonly secret: string;
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const AUTH_HEADER_STYLES: Record<string, AuthHeaderStyle> = {
  'api-key': 'api-key',
  authorization: 'authorization',
  bearer: 'bearer',
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
/** Headers that carry other meanings here; a gateway secret must travel in a header of its own. */
const RESERVED_HEADERS = new Set(['authorization', 'api-key', 'cookie', 'content-type', 'host', 'x-request-id']);
const MIN_SECRET_LENGTH = 32;
const CLAIM_NAME = /^[A-Za-z0-9_:.\/-]{1,128}$/;
/** RFC 6749 scope-token characters. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,128}$/;

export function loadConfig(env: Env = process.env): Config {
  const read = new Reader(env);
  const production = env.NODE_ENV === 'production';
  const alignApiUrl = read.url('ALIGN_API_URL');
  if (production && read.string('ALIGN_API_URL') === undefined) {
    read.problems.push(
      'ALIGN_API_URL is required when NODE_ENV=production (the embedded emulator is for development only)',
    );
  }
  const alignApiKey = read.string('ALIGN_API_KEY');
  if (alignApiKey !== undefined && /\s/.test(alignApiKey)) {
    read.problems.push('ALIGN_API_KEY must not contain white space');
  }
  const upstreamAttemptTimeoutMs = read.integer('ALIGN_TIMEOUT_MS', 10_000, 100, 120_000);
  const upstreamDeadlineMs = read.integer('ALIGN_DEADLINE_MS', 25_000, 100, 300_000);
  if (upstreamDeadlineMs < upstreamAttemptTimeoutMs) {
    read.problems.push('ALIGN_DEADLINE_MS must be at least ALIGN_TIMEOUT_MS');
  }

  const retryBaseDelayMs = read.integer('ALIGN_RETRY_BASE_DELAY_MS', 200, 1, 60_000);
  const retryMaxDelayMs = read.integer('ALIGN_RETRY_MAX_DELAY_MS', 2_000, 1, 60_000);
  if (retryMaxDelayMs < retryBaseDelayMs) {
    read.problems.push('ALIGN_RETRY_MAX_DELAY_MS must be at least ALIGN_RETRY_BASE_DELAY_MS');
  }

  const config: Config = {
    port: read.integer('PORT', 4000, 0, 65535),
    host: read.string('HOST') ?? '0.0.0.0',
    production,
    alignApiUrl,
    alignApiKey,
    alignAuthHeader: read.oneOf('ALIGN_AUTH_HEADER', AUTH_HEADER_STYLES, 'api-key'),
    upstreamAttemptTimeoutMs,
    upstreamDeadlineMs,
    maxBodyBytes: read.integer('MAX_BODY_BYTES', 102_400, 1_024, 10_485_760),
    uploadMaxBytes: read.integer('UPLOAD_MAX_BYTES', 10_485_760, 1, 104_857_600),
    logLevel: read.oneOf('LOG_LEVEL', Object.fromEntries(LOG_LEVELS.map((l) => [l, l])), 'info' as LogLevel),
    shutdownGraceMs: read.integer('SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    queryLimits: {
      maxDepth: read.integer('MAX_QUERY_DEPTH', 20, 1, 1_000),
      maxAliases: read.integer('MAX_ALIASES', 15, 0, 10_000),
      maxDirectives: read.integer('MAX_DIRECTIVES', 50, 0, 10_000),
      maxTokens: read.integer('MAX_TOKENS', 1_000, 50, 1_000_000),
      maxCost: read.integer('MAX_QUERY_COST', 5_000, 1, 10_000_000),
      maxMutations: read.integer('MAX_MUTATIONS_PER_OPERATION', 5, 1, 1_000),
    },
    introspection: read.boolean('INTROSPECTION', !production),
    // A development aid: on by default except in production, where an operator opts in.
    explorer: read.boolean('EXPLORER', !production),
    callerAuth: readCallerAuth(read, alignApiKey !== undefined, production),
    shutdownDelayMs: read.integer('SHUTDOWN_DELAY_MS', 0, 0, 60_000),
    upstreamMaxRetries: read.integer('ALIGN_MAX_RETRIES', 2, 0, 10),
    upstreamRetryBaseDelayMs: retryBaseDelayMs,
    upstreamRetryMaxDelayMs: retryMaxDelayMs,
    upstreamRetryAfterMaxMs: read.integer('ALIGN_RETRY_AFTER_MAX_MS', 5_000, 0, 60_000),
    breakerFailureThreshold: read.integer('ALIGN_BREAKER_THRESHOLD', 5, 1, 1_000),
    breakerCooldownMs: read.integer('ALIGN_BREAKER_COOLDOWN_MS', 10_000, 100, 600_000),
    upstreamMaxInFlight: read.integer('ALIGN_MAX_IN_FLIGHT', 64, 1, 10_000),
    redisUrl: read.redisUrl('REDIS_URL'),
    // 8 MiB: the lists are unpaginated (docs/align-api.md §4); about 10,000 customers of ~800 bytes.
    alignMaxResponseBytes: read.integer('ALIGN_MAX_RESPONSE_BYTES', 8_388_608, 1_024, 1_073_741_824),
    idempotencySecret: read.secret('IDEMPOTENCY_SECRET', MIN_SECRET_LENGTH),
    webhookKeys: readWebhookKeys(read),
    webhookMaxAgeSeconds: read.integer('WEBHOOK_MAX_AGE_SECONDS', 3_600, 60, 604_800),
    telemetry: readTelemetry(read),
    trustedDocumentsPath: read.string('TRUSTED_DOCUMENTS'),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** `ALIGN_WEBHOOK_KEYS`: comma-separated Align keys; each is checked without ever being echoed. */
function readWebhookKeys(read: Reader): string[] {
  const raw = read.string('ALIGN_WEBHOOK_KEYS');
  if (raw === undefined) return [];
  const keys = raw.split(',').map((key) => key.trim());
  const bad = keys.map((key, index) => (/^[\x21-\x7e]{1,512}$/.test(key) ? undefined : index + 1)).filter((n) => n !== undefined);
  if (bad.length > 0) {
    read.problems.push(`ALIGN_WEBHOOK_KEYS must be Align keys separated by commas (1-512 visible characters each); entries ${bad.join(', ')} are not`);
    return [];
  }
  return [...new Set(keys)];
}

/**
 * Tracing is on when an OTLP endpoint is named (and the SDK is not disabled); the rest of the standard
 * variables (`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`, ...) are read by the SDK itself.
 */
function readTelemetry(read: Reader): TelemetryConfig | undefined {
  const tracesEndpoint = read.otlpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = read.otlpUrl('OTEL_EXPORTER_OTLP_ENDPOINT');
  const exporter = read.oneOf('OTEL_TRACES_EXPORTER', { otlp: 'otlp', none: 'none' }, 'otlp');
  const disabled = read.boolean('OTEL_SDK_DISABLED', false);
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const protocol = read.string(name);
    if (protocol !== undefined && protocol !== 'http/json') {
      read.problems.push(`${name} must be http/json, the OTLP protocol this server exports with (got "${protocol}")`);
    }
  }
  const exportDelayMs = read.integer('OTEL_BSP_SCHEDULE_DELAY', 5_000, 1, 600_000);
  const serviceName = read.string('OTEL_SERVICE_NAME') ?? 'align-graphql';
  if (disabled || exporter === 'none') return undefined;
  // The signal-specific endpoint is used as it stands; the general one is a base the signal's path is added to.
  const tracesUrl = tracesEndpoint ?? (endpoint && new URL(`${endpoint.pathname.replace(/\/$/, '')}/v1/traces`, endpoint));
  return tracesUrl ? { tracesUrl, serviceName, exportDelayMs } : undefined;
}

function readCallerAuth(read: Reader, serverKeyMode: boolean, production: boolean): CallerAuthConfig | undefined {
  const jwksUrl = read.url('AUTH_JWKS_URL');
  if (production && jwksUrl?.protocol === 'http:') {
    read.problems.push('AUTH_JWKS_URL must use https when NODE_ENV=production (keys fetched in clear could be swapped)');
  }
  const secret = read.secret('AUTH_JWT_SECRET', MIN_SECRET_LENGTH);
  const issuer = read.string('AUTH_JWT_ISSUER');
  const audience = read.string('AUTH_JWT_AUDIENCE');
  const gatewaySecret = read.secret('AUTH_GATEWAY_SECRET', MIN_SECRET_LENGTH);
  const gatewayHeader = (read.string('AUTH_GATEWAY_HEADER') ?? 'x-gateway-secret').toLowerCase();
  const customersClaim = read.string('AUTH_CUSTOMERS_CLAIM') ?? 'align_customer_ids';
  const adminScope = read.string('AUTH_ADMIN_SCOPE');
  if (!CLAIM_NAME.test(customersClaim)) read.problems.push(`AUTH_CUSTOMERS_CLAIM must be a claim name such as align_customer_ids (got "${customersClaim}")`);
  if (adminScope !== undefined && !SCOPE_TOKEN.test(adminScope)) read.problems.push('AUTH_ADMIN_SCOPE must be one scope token (no spaces or quotes)');
  const named = ['AUTH_JWKS_URL', 'AUTH_JWT_SECRET', 'AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE', 'AUTH_GATEWAY_SECRET', 'AUTH_GATEWAY_HEADER', 'AUTH_CUSTOMERS_CLAIM', 'AUTH_ADMIN_SCOPE']
    .filter((name) => read.string(name) !== undefined);

  if (!serverKeyMode) {
    if (named.length > 0) {
      read.problems.push(
        `${named.join(', ')} only apply with ALIGN_API_KEY (server-key mode); without it each caller sends its own Align key`,
      );
    }
    return undefined;
  }
  const jwtNamed = read.string('AUTH_JWKS_URL') !== undefined || read.string('AUTH_JWT_SECRET') !== undefined;
  const gatewayNamed = read.string('AUTH_GATEWAY_SECRET') !== undefined;
  if (!jwtNamed && !gatewayNamed) {
    read.problems.push(
      'ALIGN_API_KEY is set, so callers must authenticate: set AUTH_JWKS_URL or AUTH_JWT_SECRET (with AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE), or AUTH_GATEWAY_SECRET for a trusted gateway',
    );
    return undefined;
  }
  if (read.string('AUTH_JWKS_URL') !== undefined && read.string('AUTH_JWT_SECRET') !== undefined) {
    read.problems.push('set only one of AUTH_JWKS_URL and AUTH_JWT_SECRET');
  }
  if (jwtNamed && (issuer === undefined || audience === undefined)) {
    read.problems.push('AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE are required with AUTH_JWKS_URL or AUTH_JWT_SECRET');
  }
  if (!HEADER_NAME.test(gatewayHeader) || RESERVED_HEADERS.has(gatewayHeader)) {
    read.problems.push(`AUTH_GATEWAY_HEADER must be a header name of its own, such as x-gateway-secret (got "${gatewayHeader}")`);
  }
  return {
    jwt: jwtNamed ? { jwksUrl, secret, issuer: issuer ?? '', audience: audience ?? '', customersClaim, adminScope } : undefined,
    gateway: gatewaySecret !== undefined ? { header: gatewayHeader, secret: gatewaySecret } : undefined,
  };
}
