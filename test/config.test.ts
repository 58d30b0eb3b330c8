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
});
