/**
 * Configuration is read from the environment once, at start, and validated as a whole so that an
 * operator sees every bad value in one message instead of fixing them one restart at a time.
 */

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

type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  }

  oneOf<T>(name: string, choices: Record<string, T>, fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const choice = choices[raw.toLowerCase()];
    if (choice === undefined) {
      this.problems.push(`${name} must be one of ${Object.keys(choices).join(', ')} (got "${raw}")`);
      return fallback;
    }
    return choice;
  }

  redisUrl(name: string): URL | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'redis:' || url.protocol === 'rediss:') return url;
    } catch {
      // reported below; the value is not echoed because it may hold a password
    }
    this.problems.push(`${name} must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0`);
    return undefined;
  }

  url(name: string): URL | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      if (url.username || url.password) {
        this.problems.push(`${name} must not contain credentials; use ALIGN_API_KEY`);
        return undefined;
      }
      return url;
    } catch {
      this.problems.push(`${name} must be an http(s) URL such as https://api-sandbox.alignlabs.dev`);
      return undefined;
    }
  }
}

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
    logLevel: read.oneOf('LOG_LEVEL', Object.fromEntries(LOG_LEVELS.map((l) => [l, l])), 'info' as LogLevel),
    shutdownGraceMs: read.integer('SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    shutdownDelayMs: read.integer('SHUTDOWN_DELAY_MS', 0, 0, 60_000),
    upstreamMaxRetries: read.integer('ALIGN_MAX_RETRIES', 2, 0, 10),
    upstreamRetryBaseDelayMs: retryBaseDelayMs,
    upstreamRetryMaxDelayMs: retryMaxDelayMs,
    upstreamRetryAfterMaxMs: read.integer('ALIGN_RETRY_AFTER_MAX_MS', 5_000, 0, 60_000),
    breakerFailureThreshold: read.integer('ALIGN_BREAKER_THRESHOLD', 5, 1, 1_000),
    breakerCooldownMs: read.integer('ALIGN_BREAKER_COOLDOWN_MS', 10_000, 100, 600_000),
    upstreamMaxInFlight: read.integer('ALIGN_MAX_IN_FLIGHT', 64, 1, 10_000),
    redisUrl: read.redisUrl('REDIS_URL'),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
