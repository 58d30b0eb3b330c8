import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      production: false,
      alignApiUrl: undefined,
      alignApiKey: undefined,
      alignAuthHeader: 'api-key',
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      ALIGN_API_URL: 'https://api-sandbox.alignlabs.dev',
      ALIGN_API_KEY: 'k',
      AUTH_GATEWAY_SECRET: 'a-gateway-secret-of-32-characters',
      ALIGN_AUTH_HEADER: 'Authorization',
      ALIGN_TIMEOUT_MS: '5000',
      ALIGN_DEADLINE_MS: '9000',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      alignAuthHeader: 'authorization',
      alignApiKey: 'k',
      upstreamAttemptTimeoutMs: 5000,
      upstreamDeadlineMs: 9000,
      logLevel: 'warn',
    });
    expect(config.alignApiUrl?.href).toBe('https://api-sandbox.alignlabs.dev/');
  });

  it('refuses to start in production without ALIGN_API_URL', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('ALIGN_API_URL is required when NODE_ENV=production'),
    ]);
  });

  it('reports every bad value at once, naming each variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      ALIGN_API_URL: 'ftp://example.com',
      ALIGN_AUTH_HEADER: 'cookie',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number from 0 to 65535 \(got "eighty"\)/);
    expect(problems.join('\n')).toMatch(/ALIGN_API_URL must be an http\(s\) URL/);
    expect(problems.join('\n')).toMatch(/ALIGN_AUTH_HEADER must be one of api-key, authorization, bearer/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
  });

  it('rejects credentials inside ALIGN_API_URL without echoing them', () => {
    const problems = problemsOf({ ALIGN_API_URL: 'https://user:s3cret@api.alignlabs.dev' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toContain('s3cret');
  });

  it('never echoes ALIGN_API_KEY', () => {
    const problems = problemsOf({ ALIGN_API_KEY: 'bad key with spaces', AUTH_GATEWAY_SECRET: 'g'.repeat(32) });
    expect(problems).toEqual(['ALIGN_API_KEY must not contain white space']);
  });

  it('requires the deadline to cover one attempt', () => {
    expect(problemsOf({ ALIGN_TIMEOUT_MS: '5000', ALIGN_DEADLINE_MS: '1000' })).toEqual([
      'ALIGN_DEADLINE_MS must be at least ALIGN_TIMEOUT_MS',
    ]);
  });

  it('turns the explorer on outside production and off in production unless EXPLORER says otherwise', () => {
    expect(loadConfig({}).explorer).toBe(true);
    expect(loadConfig({ EXPLORER: 'false' }).explorer).toBe(false);
    const production = { NODE_ENV: 'production', ALIGN_API_URL: 'https://api-sandbox.alignlabs.dev' };
    expect(loadConfig(production).explorer).toBe(false);
    expect(loadConfig({ ...production, EXPLORER: 'true' }).explorer).toBe(true);
    expect(loadConfig({ ...production, EXPLORER: '1' }).explorer).toBe(true);
  });

  it('rejects an EXPLORER value that is not a boolean', () => {
    expect(problemsOf({ EXPLORER: 'sometimes' })).toEqual(['EXPLORER must be true or false (got "sometimes")']);
  });

  it('has documented defaults for limits and introspection, and reads their overrides', () => {
    expect(loadConfig({})).toMatchObject({
      introspection: true,
      callerAuth: undefined,
      queryLimits: { maxDepth: 20, maxAliases: 15, maxDirectives: 50, maxTokens: 1000, maxCost: 5000, maxMutations: 5 },
    });
    expect(loadConfig({ NODE_ENV: 'production', ALIGN_API_URL: 'https://api.alignlabs.dev' }).introspection).toBe(false);
    const config = loadConfig({
      INTROSPECTION: 'false',
      MAX_QUERY_DEPTH: '8',
      MAX_ALIASES: '0',
      MAX_DIRECTIVES: '4',
      MAX_TOKENS: '400',
      MAX_QUERY_COST: '900',
      MAX_MUTATIONS_PER_OPERATION: '1',
    });
    expect(config.introspection).toBe(false);
    expect(config.queryLimits).toEqual({ maxDepth: 8, maxAliases: 0, maxDirectives: 4, maxTokens: 400, maxCost: 900, maxMutations: 1 });
    expect(problemsOf({ INTROSPECTION: 'maybe', MAX_QUERY_DEPTH: '0', MAX_TOKENS: '10' })).toEqual([
      'MAX_QUERY_DEPTH must be a whole number from 1 to 1000 (got "0")',
      'MAX_TOKENS must be a whole number from 50 to 1000000 (got "10")',
      'INTROSPECTION must be true or false (got "maybe")',
    ]);
  });

  it('refuses ALIGN_API_KEY without a way for callers to authenticate', () => {
    expect(problemsOf({ ALIGN_API_KEY: 'k' })).toEqual([
      'ALIGN_API_KEY is set, so callers must authenticate: set AUTH_JWKS_URL or AUTH_JWT_SECRET (with AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE), or AUTH_GATEWAY_SECRET for a trusted gateway',
    ]);
  });

  it('reads each way of caller authentication in server-key mode', () => {
    const secret = 's'.repeat(32);
    expect(
      loadConfig({ ALIGN_API_KEY: 'k', AUTH_JWKS_URL: 'https://id.example/jwks', AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' })
        .callerAuth,
    ).toEqual({
      jwt: {
        jwksUrl: new URL('https://id.example/jwks'),
        secret: undefined,
        issuer: 'i',
        audience: 'a',
        customersClaim: 'align_customer_ids',
        adminScope: undefined,
      },
      gateway: undefined,
    });
    expect(
      loadConfig({ ALIGN_API_KEY: 'k', AUTH_GATEWAY_SECRET: secret, AUTH_GATEWAY_HEADER: 'X-Edge-Auth' }).callerAuth,
    ).toEqual({ jwt: undefined, gateway: { header: 'x-edge-auth', secret } });
  });

  it('reports bad caller authentication settings without echoing secrets', () => {
    const problems = problemsOf({
      ALIGN_API_KEY: 'k',
      AUTH_JWKS_URL: 'https://id.example/jwks',
      AUTH_JWT_SECRET: 'short-secret-value',
      AUTH_GATEWAY_SECRET: 'tiny-gateway-secret',
      AUTH_GATEWAY_HEADER: 'authorization',
    });
    expect(problems).toEqual([
      'AUTH_JWT_SECRET must be at least 32 characters long',
      'AUTH_GATEWAY_SECRET must be at least 32 characters long',
      'set only one of AUTH_JWKS_URL and AUTH_JWT_SECRET',
      'AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE are required with AUTH_JWKS_URL or AUTH_JWT_SECRET',
      'AUTH_GATEWAY_HEADER must be a header name of its own, such as x-gateway-secret (got "authorization")',
    ]);
    expect(problems.join('\n')).not.toMatch(/short-secret-value|tiny-gateway-secret/);
  });

  it('refuses caller authentication settings outside server-key mode, and a plain-http JWKS in production', () => {
    expect(problemsOf({ AUTH_GATEWAY_SECRET: 'g'.repeat(32) })).toEqual([
      'AUTH_GATEWAY_SECRET only apply with ALIGN_API_KEY (server-key mode); without it each caller sends its own Align key',
    ]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        ALIGN_API_URL: 'https://api.alignlabs.dev',
        ALIGN_API_KEY: 'k',
        AUTH_JWKS_URL: 'http://id.example/jwks',
        AUTH_JWT_ISSUER: 'i',
        AUTH_JWT_AUDIENCE: 'a',
      }),
    ).toEqual(['AUTH_JWKS_URL must use https when NODE_ENV=production (keys fetched in clear could be swapped)']);
  });

  it('has the documented failure-handling defaults', () => {
    expect(loadConfig({})).toMatchObject({
      upstreamMaxRetries: 2,
      upstreamRetryBaseDelayMs: 200,
      upstreamRetryMaxDelayMs: 2_000,
      upstreamRetryAfterMaxMs: 5_000,
      breakerFailureThreshold: 5,
      breakerCooldownMs: 10_000,
      upstreamMaxInFlight: 64,
      shutdownDelayMs: 0,
      redisUrl: undefined,
    });
  });

  it('reads the failure-handling variables', () => {
    const config = loadConfig({
      ALIGN_MAX_RETRIES: '4',
      ALIGN_RETRY_BASE_DELAY_MS: '50',
      ALIGN_RETRY_MAX_DELAY_MS: '800',
      ALIGN_RETRY_AFTER_MAX_MS: '0',
      ALIGN_BREAKER_THRESHOLD: '10',
      ALIGN_BREAKER_COOLDOWN_MS: '30000',
      ALIGN_MAX_IN_FLIGHT: '8',
      SHUTDOWN_DELAY_MS: '5000',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
    });
    expect(config).toMatchObject({
      upstreamMaxRetries: 4,
      upstreamRetryBaseDelayMs: 50,
      upstreamRetryMaxDelayMs: 800,
      upstreamRetryAfterMaxMs: 0,
      breakerFailureThreshold: 10,
      breakerCooldownMs: 30_000,
      upstreamMaxInFlight: 8,
      shutdownDelayMs: 5_000,
    });
    expect(config.redisUrl?.href).toBe('redis://127.0.0.1:6379/2');
  });

  it('reports bad failure-handling values, never echoing REDIS_URL', () => {
    const problems = problemsOf({
      ALIGN_MAX_RETRIES: '-1',
      ALIGN_RETRY_BASE_DELAY_MS: '500',
      ALIGN_RETRY_MAX_DELAY_MS: '100',
      ALIGN_MAX_IN_FLIGHT: '0',
      REDIS_URL: 'http://:topsecret@cache:6379',
    });
    expect(problems).toEqual([
      'ALIGN_RETRY_MAX_DELAY_MS must be at least ALIGN_RETRY_BASE_DELAY_MS',
      'ALIGN_MAX_RETRIES must be a whole number from 0 to 10 (got "-1")',
      'ALIGN_MAX_IN_FLIGHT must be a whole number from 1 to 10000 (got "0")',
      'REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0',
    ]);
    expect(problems.join('\n')).not.toContain('topsecret');
  });

  it('reads the response cap, the idempotency secret and the entitlement settings', () => {
    const defaults = loadConfig({});
    expect(defaults.alignMaxResponseBytes).toBe(8_388_608);
    expect(defaults.idempotencySecret).toBeUndefined();
    const jwt = { ALIGN_API_KEY: 'k', AUTH_JWT_SECRET: 's'.repeat(32), AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' };
    const config = loadConfig({
      ...jwt,
      ALIGN_MAX_RESPONSE_BYTES: '1048576',
      IDEMPOTENCY_SECRET: 'x'.repeat(32),
      AUTH_CUSTOMERS_CLAIM: 'https://example.com/customers',
      AUTH_ADMIN_SCOPE: 'align:admin',
    });
    expect(config.alignMaxResponseBytes).toBe(1_048_576);
    expect(config.idempotencySecret).toBe('x'.repeat(32));
    expect(config.callerAuth?.jwt).toMatchObject({ customersClaim: 'https://example.com/customers', adminScope: 'align:admin' });
    const problems = problemsOf({ ...jwt, ALIGN_MAX_RESPONSE_BYTES: '10', IDEMPOTENCY_SECRET: 'short-secret', AUTH_ADMIN_SCOPE: 'two words' });
    expect(problems).toEqual([
      'AUTH_ADMIN_SCOPE must be one scope token (no spaces or quotes)',
      'ALIGN_MAX_RESPONSE_BYTES must be a whole number from 1024 to 1073741824 (got "10")',
      'IDEMPOTENCY_SECRET must be at least 32 characters long',
    ]);
    expect(problems.join('\n')).not.toContain('short-secret');
    expect(problemsOf({ AUTH_ADMIN_SCOPE: 'align:admin' })).toEqual([
      'AUTH_ADMIN_SCOPE only apply with ALIGN_API_KEY (server-key mode); without it each caller sends its own Align key',
    ]);
  });

  it('reads ALIGN_WEBHOOK_KEYS and WEBHOOK_MAX_AGE_SECONDS, refusing bad entries without echoing them', () => {
    expect(loadConfig({}).webhookKeys).toEqual([]);
    expect(loadConfig({}).webhookMaxAgeSeconds).toBe(3_600);
    expect(loadConfig({ ALIGN_WEBHOOK_KEYS: ' key-one , key-two,key-one', WEBHOOK_MAX_AGE_SECONDS: '600' })).toMatchObject({
      webhookKeys: ['key-one', 'key-two'],
      webhookMaxAgeSeconds: 600,
    });
    const problems = problemsOf({ ALIGN_WEBHOOK_KEYS: 'good-key,,has space', WEBHOOK_MAX_AGE_SECONDS: '5' });
    expect([...problems].sort()).toEqual([
      'ALIGN_WEBHOOK_KEYS must be Align keys separated by commas (1-512 visible characters each); entries 2, 3 are not',
      'WEBHOOK_MAX_AGE_SECONDS must be a whole number from 60 to 604800 (got "5")',
    ]);
    expect(problems.join('\n')).not.toContain('good-key');
  });
});
