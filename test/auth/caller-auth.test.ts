import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { CreateCustomerDocument } from '../generated/graphql.js';
import { startStack, uniqueEmail, type TestStack, withStack } from '../helpers/stack.js';

const SERVER_KEY = 'server-held-align-key-7f31c2';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'align-graphql';
const HS_SECRET = 'hs256-shared-secret-for-tests-0123456789abcdef';
const GATEWAY_SECRET = 'gateway-shared-secret-for-tests-0123456789';
const LIST = '{ customers { id } }';

interface Signer {
  readonly key: CryptoKey | Uint8Array;
  readonly alg: string;
  readonly kid?: string;
}

async function sign(signer: Signer, claims: { aud?: string; iss?: string; expiresIn?: string | number } = {}): Promise<string> {
  return new SignJWT({ scope: 'customers' })
    .setProtectedHeader({ alg: signer.alg, ...(signer.kid ? { kid: signer.kid } : {}) })
    .setSubject('user-42')
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '5m')
    .sign(signer.key);
}

/** An unsigned token (`alg: none`), as an attacker would forge it. */
function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'user-42', iss: ISSUER, aud: AUDIENCE, exp: now + 300 })}.`;
}

function bearer(token: string) {
  return { headers: { authorization: `Bearer ${token}` } };
}

/** Serves a JWKS on a loopback port, counting fetches (jose must cache it). */
async function serveJwks(jwks: { keys: JWK[] }): Promise<{ url: string; fetches: () => number; close: () => Promise<void> }> {
  let fetches = 0;
  const server: Server = createServer((_req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function expectRefused(stack: TestStack, headers: Record<string, string>, message: RegExp): Promise<void> {
  await stack.admin.reset();
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LIST }),
  });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body).toEqual({ errors: [{ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } }] });
  expect(await stack.admin.totalRequests()).toBe(0);
}

describe('server-key mode with a JWKS (RS256 and ES256 keys)', () => {
  let stack: TestStack;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let rsa: Signer;
  let ec: Signer;
  let stranger: Signer;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    const strangerPair = await generateKeyPair('RS256');
    rsa = { key: rsaPair.privateKey, alg: 'RS256', kid: 'rsa-1' };
    ec = { key: ecPair.privateKey, alg: 'ES256', kid: 'ec-1' };
    // Same kid as the real key, other key material: a forged signature.
    stranger = { key: strangerPair.privateKey, alg: 'RS256', kid: 'rsa-1' };
    jwks = await serveJwks({
      keys: [
        { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    });
    stack = await startStack({
      demoKey: false,
      env: { ALIGN_API_KEY: SERVER_KEY, AUTH_JWKS_URL: jwks.url, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE },
    });
  });
  afterAll(async () => {
    await stack.close();
    await jwks.close();
  });
  beforeEach(async () => {
    await stack.admin.reset();
  });

  it('refuses an anonymous call with UNAUTHENTICATED and no upstream request', async () => {
    await expectRefused(stack, {}, /^Authentication is required: send "Authorization: Bearer <token>"\.$/);
  });

  it('acts with the server key for a valid token, RS256 or ES256', async () => {
    const email = uniqueEmail('jwt');
    const created = await stack.graphql(
      CreateCustomerDocument,
      { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
      bearer(await sign(rsa)),
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.createCustomer.email).toBe(email);
    // Created under the server-held key's tenant: the caller's token never reaches the upstream.
    expect(await stack.admin.customersOf(SERVER_KEY, email)).toHaveLength(1);
    const listed = await stack.graphql<{ customers: Array<{ id: string }> }, never>(LIST, undefined, bearer(await sign(ec)));
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data!.customers.map((c) => c.id)).toContain(created.body.data!.createCustomer.id);
    expect(jwks.fetches()).toBe(1);
  });

  it('refuses an expired token', async () => {
    const expired = await sign(rsa, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await expectRefused(stack, bearer(expired).headers, /^The token has expired\.$/);
  });

  it('refuses a token signed with a key the JWKS does not hold', async () => {
    await expectRefused(stack, bearer(await sign(stranger)).headers, /^The token is not valid\.$/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await expectRefused(stack, bearer(await sign(rsa, { aud: 'another-service' })).headers, /^The token is not valid\.$/);
    await expectRefused(stack, bearer(await sign(rsa, { iss: 'https://evil.example/' })).headers, /^The token is not valid\.$/);
  });

  it('refuses alg none, an HMAC token, garbage, and a non-Bearer header', async () => {
    await expectRefused(stack, bearer(unsignedToken()).headers, /^The token is not valid\.$/);
    const hmac = await sign({ key: new TextEncoder().encode(HS_SECRET), alg: 'HS256', kid: 'rsa-1' });
    await expectRefused(stack, bearer(hmac).headers, /^The token is not valid\.$/);
    await expectRefused(stack, bearer('not.a.jwt').headers, /^The token is not valid\.$/);
    await expectRefused(stack, { authorization: SERVER_KEY }, /^The Authorization header must be "Bearer <token>"\.$/);
  });

  it('never accepts the Align key itself as a caller credential', async () => {
    await expectRefused(stack, { 'api-key': SERVER_KEY }, /^Authentication is required/);
    await expectRefused(stack, bearer(SERVER_KEY).headers, /^The token is not valid\.$/);
  });
});

describe('server-key mode with an HS256 shared secret and a trusted gateway', () => {
  let stack: TestStack;
  const hs: Signer = { key: new TextEncoder().encode(HS_SECRET), alg: 'HS256' };

  beforeAll(async () => {
    stack = await startStack({
      demoKey: false,
      env: {
        ALIGN_API_KEY: SERVER_KEY,
        AUTH_JWT_SECRET: HS_SECRET,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_GATEWAY_SECRET: GATEWAY_SECRET,
      },
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('accepts a valid HS256 token and refuses one signed with another secret or expired', async () => {
    await stack.admin.reset();
    const ok = await stack.graphql<{ customers: unknown[] }, never>(LIST, undefined, bearer(await sign(hs)));
    expect(ok.body).toEqual({ data: { customers: [] } });
    expect(await stack.admin.requestCount('GET /v0/customers')).toBe(1);
    const otherSecret = { key: new TextEncoder().encode(`${HS_SECRET}-other`), alg: 'HS256' };
    await expectRefused(stack, bearer(await sign(otherSecret)).headers, /^The token is not valid\.$/);
    const expired = await sign(hs, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await expectRefused(stack, bearer(expired).headers, /^The token has expired\.$/);
    await expectRefused(stack, bearer(await sign(hs, { aud: 'another-service' })).headers, /^The token is not valid\.$/);
  });

  it('accepts the gateway secret header and refuses a wrong one, even next to a valid token', async () => {
    await stack.admin.reset();
    const ok = await stack.graphql<{ customers: unknown[] }, never>(LIST, undefined, {
      headers: { 'x-gateway-secret': GATEWAY_SECRET },
    });
    expect(ok.body).toEqual({ data: { customers: [] } });
    await expectRefused(
      stack,
      { 'x-gateway-secret': `${GATEWAY_SECRET}x`, authorization: `Bearer ${await sign(hs)}` },
      /^The gateway credential is not valid\.$/,
    );
    await expectRefused(stack, {}, /^Authentication is required: send "Authorization: Bearer <token>" or the "x-gateway-secret" header\.$/);
  });
});

describe('server-key mode when the JWKS cannot be fetched', () => {
  it('answers 503 UPSTREAM_UNAVAILABLE, not a refusal the caller could not fix', async () => {
    const jwks = await serveJwks({ keys: [] });
    const url = jwks.url;
    await jwks.close();
    await withStack({
      demoKey: false,
      env: { ALIGN_API_KEY: SERVER_KEY, AUTH_JWKS_URL: url, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE },
    }, async (stack) => {
    const { privateKey } = await generateKeyPair('ES256');
    const response = await fetch(`${stack.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(await sign({ key: privateKey, alg: 'ES256' })).headers },
      body: JSON.stringify({ query: LIST }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Tokens cannot be verified right now; try again later.', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }],
    });
    expect(await stack.admin.totalRequests()).toBe(0);
    });
  });
});
