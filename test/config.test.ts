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
    const problems = problemsOf({ ALIGN_API_KEY: 'bad key with spaces' });
    expect(problems).toEqual(['ALIGN_API_KEY must not contain white space']);
  });

  it('requires the deadline to cover one attempt', () => {
    expect(problemsOf({ ALIGN_TIMEOUT_MS: '5000', ALIGN_DEADLINE_MS: '1000' })).toEqual([
      'ALIGN_DEADLINE_MS must be at least ALIGN_TIMEOUT_MS',
    ]);
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
});
