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
  /** Serve the browser explorer at `GET /graphql` (Accept: text/html). */
  readonly explorer: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const AUTH_HEADER_STYLES: Record<string, AuthHeaderStyle> = {
  'api-key': 'api-key',
  authorization: 'authorization',
  bearer: 'bearer',
};

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

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

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = BOOLEANS[raw.toLowerCase()];
    if (value === undefined) {
      this.problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    }
    return value;
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
    // A development aid: on by default except in production, where an operator opts in.
    explorer: read.boolean('EXPLORER', !production),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
