import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { CreateCustomerDocument, ListCustomersDocument } from './generated/graphql.js';
import { startStack, type TestStack } from './helpers/stack.js';

/**
 * Logs run at `trace` here, the most talkative level, while requests use every kind of secret the
 * server handles (callers' Align keys, the server-held key, JWTs, a gateway secret) and carry
 * customers' personal data in their variables, on success and on every failure path. None of it
 * may reach a log line.
 */
const CALLER_KEY_A = 'caller-key-alpha-51d0e7c2';
const CALLER_KEY_B = 'caller-key-bravo-88a1f4b9';
const SERVER_KEY = 'server-held-key-3c9b2a7e';
const JWT_SECRET = 'logging-test-hs256-secret-6f0c1d2e3a4b5c6d7e8f';
const GATEWAY_SECRET = 'logging-test-gateway-secret-9a8b7c6d5e4f';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'align-graphql';

const PERSON = { email: 'zenobia.quillfeather@example.com', firstName: 'Zenobia', lastName: 'Quillfeather' };
const COMPANY = { email: 'accounts@brightwater-holdings.example', companyName: 'Brightwater Holdings' };
const PERSONAL_DATA = [PERSON.email, PERSON.firstName, PERSON.lastName, COMPANY.email, COMPANY.companyName, 'zenobia.bad-address'];

async function token(secret: string, expiresIn: number | string = '5m'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-7')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

async function postRaw(stack: TestStack, body: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('logs', () => {
  let callerKeys: TestStack;
  let serverKey: TestStack;
  const tokens: string[] = [];

  beforeAll(async () => {
    callerKeys = await startStack({ demoKey: false });
    serverKey = await startStack({
      demoKey: false,
      env: {
        ALIGN_API_KEY: SERVER_KEY,
        AUTH_JWT_SECRET: JWT_SECRET,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_GATEWAY_SECRET: GATEWAY_SECRET,
      },
    });
  });
  afterAll(async () => {
    await callerKeys.close();
    await serverKey.close();
  });

  it('never hold a credential, a token or personal data from the variables', async () => {
    const asA = { headers: { authorization: `Bearer ${CALLER_KEY_A}` } };
    const asB = { headers: { 'api-key': CALLER_KEY_B } };
    const individual = { input: { individual: PERSON } };
    const corporate = { input: { corporate: COMPANY } };

    // Caller keys: success, conflict, refused input, upstream failures, reads by email.
    expect((await callerKeys.graphql(CreateCustomerDocument, individual, asA)).body.errors).toBeUndefined();
    expect((await callerKeys.graphql(CreateCustomerDocument, individual, asA)).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badEmail = { input: { individual: { ...PERSON, email: 'zenobia.bad-address' } } };
    expect((await callerKeys.graphql(CreateCustomerDocument, badEmail, asB)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await callerKeys.admin.addFault({ kind: 'status', status: 500, times: 1 });
    expect((await callerKeys.graphql(CreateCustomerDocument, corporate, asB)).body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    await callerKeys.admin.addFault({ kind: 'malformed', times: 1 });
    expect((await callerKeys.graphql(ListCustomersDocument, { email: PERSON.email }, asA)).body.errors?.[0]?.extensions?.code).toBe(
      'UPSTREAM_BAD_RESPONSE',
    );
    expect((await callerKeys.graphql(ListCustomersDocument, { email: PERSON.email }, asA)).body.errors).toBeUndefined();
    // Refused before execution, with personal data in the variables and in a broken body.
    const deep = `query ($email: String) { customers(email: $email) { id } __schema { types { fields { type { ${'ofType { '.repeat(30)}name${' }'.repeat(30)} } } } } }`;
    expect((await callerKeys.graphql(deep, { email: PERSON.email }, asA)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await postRaw(callerKeys, `{"query": "{ customers { id } }", "variables": {"email": "${PERSON.email}"`, asA.headers)).toBe(400);
    expect(await postRaw(callerKeys, JSON.stringify({ query: '{ customers { id } }', variables: { email: PERSON.email, pad: 'x'.repeat(200_000) } }), asA.headers)).toBe(413);
    expect((await callerKeys.graphql(CreateCustomerDocument, individual, { headers: { authorization: `Basic ${CALLER_KEY_B}` } })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Server-key mode: valid, expired and mis-signed tokens, the gateway secret and a wrong one.
    tokens.push(await token(JWT_SECRET), await token(JWT_SECRET, Math.floor(Date.now() / 1000) - 60), await token(`${JWT_SECRET}-forged`));
    const [valid, expired, forged] = tokens;
    expect((await serverKey.graphql(CreateCustomerDocument, corporate, { headers: { authorization: `Bearer ${valid}` } })).body.errors).toBeUndefined();
    for (const refused of [expired!, forged!]) {
      expect(await postRaw(serverKey, JSON.stringify({ query: '{ customers { id } }' }), { authorization: `Bearer ${refused}` })).toBe(401);
    }
    expect((await serverKey.graphql(ListCustomersDocument, { email: COMPANY.email }, { headers: { 'x-gateway-secret': GATEWAY_SECRET } })).body.errors).toBeUndefined();
    expect(await postRaw(serverKey, JSON.stringify({ query: '{ customers { id } }' }), { 'x-gateway-secret': `${GATEWAY_SECRET}-wrong` })).toBe(401);

    const logs = callerKeys.logs() + serverKey.logs();
    // The runs were logged (so the absence below means something) ...
    expect(callerKeys.logs()).toContain('upstream call');
    expect(serverKey.logs()).toContain('upstream call');
    expect(serverKey.logs()).toContain('caller token refused');
    // ... and none of the secrets or personal data was.
    const secrets = [CALLER_KEY_A, CALLER_KEY_B, SERVER_KEY, JWT_SECRET, GATEWAY_SECRET, ...tokens];
    // A JWT's signature alone is enough to find it; its header segment is common to every HS256 token.
    const tokenParts = tokens.flatMap((jwt) => jwt.split('.').slice(1));
    expect([...secrets, ...tokenParts].filter((secret) => logs.includes(secret))).toEqual([]);
    expect(PERSONAL_DATA.filter((value) => logs.includes(value))).toEqual([]);
  });
});
