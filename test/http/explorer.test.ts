import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { EXPLORER_CSP, Explorer, explorerCredentialHint } from '../../src/http/explorer.js';
import { startStack, type TestStack, withStack } from '../helpers/stack.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A raw request, so that paths such as `/../` reach the server exactly as written. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = httpRequest({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function explorerPage(stack: TestStack): Promise<{ response: Response; html: string }> {
  const response = await fetch(`${stack.server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
  return { response, html: await response.text() };
}

function settingsOf(html: string): { endpoint: string; tabs: Array<{ query: string; variables: string; headers: string }> } {
  const match = /<script id="explorer-settings" type="application\/json">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match![1]!);
}

function assetPaths(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((p) => !p.startsWith('data:'));
}

describe('explorer on the embedded emulator (default outside production)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('serves a page with a strict CSP that loads every file from this server', async () => {
    const { response, html } = await explorerPage(stack);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(EXPLORER_CSP).toContain("script-src 'self';");
    expect(EXPLORER_CSP).toContain("connect-src 'self';");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>|<script(?![^>]*(?:src=|type="application\/json"))/);
    const paths = assetPaths(html);
    expect(paths).toHaveLength(6);
    for (const path of paths) expect(path).toMatch(/^\/explorer\/assets\/[a-z-]+\.[0-9a-f]{12}\.[a-z.]+$/);
  });

  it('opens with createCustomer and customer examples and no key needed', async () => {
    const settings = settingsOf((await explorerPage(stack)).html);
    expect(settings.endpoint).toBe('/graphql');
    // The customer tabs come first; later groups add theirs after them.
    expect(settings.tabs.length).toBeGreaterThanOrEqual(2);
    const [create, read] = settings.tabs;
    expect(settings.tabs.some((tab) => tab.query.includes('subscription KycUpdates {'))).toBe(true);
    expect(create!.query).toContain('mutation CreateCustomer($input: CreateCustomerInput!)');
    expect(JSON.parse(create!.variables)).toEqual({
      input: { individual: { email: expect.stringMatching(/^ada\.[0-9a-f]{8}@example\.com$/), firstName: 'Ada', lastName: 'Lovelace' } },
    });
    expect(read!.query).toContain('query Customer($id: ID!)');
    expect(create!.headers).toBe('');
    // The examples are valid against the schema: the server runs them as they stand.
    const created = await stack.graphql<{ createCustomer: { id: string } }, Record<string, unknown>>(create!.query, JSON.parse(create!.variables));
    expect(created.body.errors).toBeUndefined();
    const fetched = await stack.graphql(read!.query, { id: created.body.data!.createCustomer.id });
    expect(fetched.body.data).toEqual({ customer: expect.objectContaining({ id: created.body.data!.createCustomer.id }) });
  });

  it('offers only tabs whose documents are valid against the schema, with JSON variables', async () => {
    const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    const { tabs } = settingsOf((await explorerPage(stack)).html);
    expect(tabs.length).toBeGreaterThanOrEqual(4);
    for (const tab of tabs) {
      expect({ query: tab.query.split('\n')[0], errors: validate(schema, parse(tab.query)).map((error) => error.message) }).toEqual({ query: tab.query.split('\n')[0], errors: [] });
      if (tab.variables !== '') expect(() => JSON.parse(tab.variables)).not.toThrow();
    }
  });

  it('gives each page load its own example email, since emails are unique per account', async () => {
    const first = JSON.parse(settingsOf((await explorerPage(stack)).html).tabs[0]!.variables);
    const second = JSON.parse(settingsOf((await explorerPage(stack)).html).tabs[0]!.variables);
    expect(first.input.individual.email).not.toBe(second.input.individual.email);
  });

  it('serves the assets from the installed packages with long caching, gzip and correct types', async () => {
    const paths = assetPaths((await explorerPage(stack)).html);
    const graphiql = paths.find((p) => p.includes('/graphiql.') && p.endsWith('.js'))!;
    const plain = await rawGet(stack.server.url, graphiql);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.length).toBeGreaterThan(1_000_000);
    expect(plain.body.toString()).toContain('window.GraphiQL');
    expect(plain.body.toString()).not.toContain('sourceMappingURL=graphiql.min.js.map');
    const gzipped = await rawGet(stack.server.url, graphiql, { 'accept-encoding': 'gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    const css = paths.find((p) => p.includes('/graphiql.') && p.endsWith('.css'))!;
    expect((await rawGet(stack.server.url, css)).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for anything off the allow-list, path traversal included', async () => {
    for (const path of [
      '/explorer/assets/graphiql.min.js',
      '/explorer/assets/../../package.json',
      '/explorer/assets/%2e%2e/%2e%2e/package.json',
      '/explorer/assets/',
      '/explorer/',
    ]) {
      const response = await rawGet(stack.server.url, path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('still answers GraphQL GETs and JSON clients at the same URL', async () => {
    const query = await fetch(`${stack.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    const json = await fetch(`${stack.server.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('explorer settings', () => {
  it('is off with EXPLORER=false: a browser GET is handled as GraphQL', async () => {
    await withStack({ env: { EXPLORER: 'false' } }, async (stack) => {
    const { response, html } = await explorerPage(stack);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(JSON.parse(html).errors[0].extensions.code).toBe('BAD_REQUEST');
    const paths = new Explorer({ endpoint: '/graphql', credentialHint: undefined }).assetUrls();
    expect(paths).toHaveLength(6);
    for (const path of paths) expect((await rawGet(stack.server.url, path)).status).toBe(404);
    });
  });

  it('reads its files only when first asked for, not when the server starts', () => {
    const explorer = new Explorer({ endpoint: '/graphql', credentialHint: undefined });
    expect(explorer.assetsLoaded).toBe(false);
    expect(explorer.wantsPage({ method: 'GET', headers: { accept: 'text/html' } } as never, '')).toBe(true);
    expect(explorer.assetsLoaded).toBe(false);
    expect(explorer.assetUrls()).toHaveLength(6);
    expect(explorer.assetsLoaded).toBe(true);
  });

  it('asks for the caller\'s own key when there is no demo key and no server key', async () => {
    await withStack({ demoKey: false }, async (stack) => {
    const settings = settingsOf((await explorerPage(stack)).html);
    expect(JSON.parse(settings.tabs[0]!.headers)).toEqual({ Authorization: 'Bearer <your Align API key>' });
    });
  });

  it('asks for the access token in server-key mode with JWTs, and for the gateway secret with a gateway', async () => {
    await withStack({
      demoKey: false,
      env: { ALIGN_API_KEY: 'server-held-key-1', AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_JWT_ISSUER: 'i', AUTH_JWT_AUDIENCE: 'a' },
    }, async (jwtMode) => {
    expect(JSON.parse(settingsOf((await explorerPage(jwtMode)).html).tabs[0]!.headers)).toEqual({
      Authorization: 'Bearer <your access token (JWT)>',
    });
    });
    expect(
      explorerCredentialHint(
        loadConfig({ ALIGN_API_KEY: 'k', AUTH_GATEWAY_SECRET: 'g'.repeat(32), AUTH_GATEWAY_HEADER: 'x-edge-secret' }),
        false,
      ),
    ).toEqual({ header: 'x-edge-secret', placeholder: '<gateway secret>' });
  });
});
