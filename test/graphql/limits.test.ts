import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { GetCustomerDocument } from '../generated/graphql.js';
import { startStack, type TestStack } from '../helpers/stack.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** `{ customers { id } __schema { types { fields { type { ofType { ofType ... } } } } } }`, `levels` deep. */
function deepQuery(levels: number): string {
  const ofTypes = levels - 5;
  return `{ customers { id } __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } } }`;
}

function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: customers { id }`).join(' ')} }`;
}

function createMutations(count: number, first = 0): string {
  const one = (i: number) =>
    `m${i}: createCustomer(input: { individual: { email: "fan${i}@example.com", firstName: "A", lastName: "B" } }) { id }`;
  return Array.from({ length: count }, (_, i) => one(first + i)).join(' ');
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

async function expectRefused(document: string, code: string, message: RegExp): Promise<void> {
  await stack.admin.reset();
  const { status, body } = await stack.graphql(document);
  expect(status).toBe(200);
  expect(body.data).toBeUndefined();
  expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: { code } })]);
  expect(await stack.admin.totalRequests()).toBe(0);
}

describe('limits on one document', () => {
  it('refuses a 100-level-deep query without an upstream call', async () => {
    await expectRefused(deepQuery(100), 'GRAPHQL_VALIDATION_FAILED', /^Query depth limit of 20 exceeded, found 100\.$/);
  });

  it('refuses 1,000 aliases at the token limit, before parsing completes', async () => {
    await expectRefused(
      aliasedQuery(1_000),
      'GRAPHQL_PARSE_FAILED',
      /Document contains more that 1000 tokens/,
    );
  });

  it('refuses more aliases than MAX_ALIASES (15)', async () => {
    await expectRefused(aliasedQuery(16), 'GRAPHQL_VALIDATION_FAILED', /^Aliases limit of 15 exceeded, found 16\.$/);
  });

  it('refuses more directives than MAX_DIRECTIVES (50)', async () => {
    await expectRefused(
      `{ customers { id } ${'__typename @include(if: true) '.repeat(51)} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /^Directives limit of 50 exceeded, found 51\.$/,
    );
  });

  it('refuses more than 5 mutations in one operation, also when fragments hide them', async () => {
    await expectRefused(
      `mutation { ${createMutations(6)} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /at most 5 mutations; this one runs 6/,
    );
    await expectRefused(
      `mutation { ...Three ... on Mutation { ...Three ${createMutations(3, 3)} } m9: createKycSession(customerId: "${SOME_ID}") { status } } fragment Three on Mutation { ${createMutations(3)} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /at most 5 mutations; this one runs 7/,
    );
  });

  it('counts a field repeated under the same response key once, as graphql-js runs it once', async () => {
    await stack.admin.reset();
    const { body } = await stack.graphql<Record<string, { id: string }>, never>(
      `mutation { ...Five ...Five ... on Mutation { ...Five } } fragment Five on Mutation { ${createMutations(5)} }`,
    );
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(5);
  });

  it('lets 5 mutations through', async () => {
    await stack.admin.reset();
    const { body } = await stack.graphql<Record<string, { id: string }>, never>(`mutation { ${createMutations(5)} }`);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data!)).toHaveLength(5);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(5);
  });

  it('answers 413 to a 1 MB body without an upstream call', async () => {
    await stack.admin.reset();
    const response = await fetch(`${stack.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ customers { id } }', variables: { pad: 'x'.repeat(1_048_576) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is larger than 102400 bytes.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it("keeps the real clients' documents well within every limit", async () => {
    const introspection = await stack.graphql<{ __schema: { types: unknown[] } }, never>(
      getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }),
    );
    expect(introspection.body.errors).toBeUndefined();
    expect(introspection.body.data!.__schema.types.length).toBeGreaterThan(10);
    const read = await stack.graphql(GetCustomerDocument, { id: SOME_ID });
    expect(read.body).toEqual({ data: { customer: null } });
  });
});

describe('limits overridden by the environment', () => {
  let strict: TestStack;
  beforeAll(async () => {
    strict = await startStack({ env: { MAX_QUERY_COST: '50', MAX_QUERY_DEPTH: '3', INTROSPECTION: 'false' } });
  });
  afterAll(async () => {
    await strict.close();
  });

  it('refuses a document above MAX_QUERY_COST', async () => {
    const { body } = await strict.graphql(GetCustomerDocument, { id: SOME_ID });
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toContainEqual([
      'GRAPHQL_VALIDATION_FAILED',
      expect.stringMatching(/^Query Cost limit of 50 exceeded, found [\d.]+\.$/),
    ]);
    expect(await strict.admin.totalRequests()).toBe(0);
  });

  it('refuses a document deeper than MAX_QUERY_DEPTH', async () => {
    const { body } = await strict.graphql(`query ($id: ID!) { customer(id: $id) { kyc { statusBreakdown { status } } } }`, {
      id: SOME_ID,
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Query depth limit of 3 exceeded, found 4\.$/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('refuses introspection with INTROSPECTION=false and hides field suggestions', async () => {
    const introspection = await strict.graphql('{ __schema { queryType { name } } }');
    expect(introspection.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('introspection is not allowed'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const typo = await strict.graphql('{ customer(id: "x") { emial } }');
    expect(typo.body.errors?.[0]?.message).toMatch(/^Cannot query field "emial" on type "Customer"\.?/);
    expect(typo.body.errors?.[0]?.message).not.toContain('email');
  });
});

describe('documents HTTP cannot run', () => {
  it('refuses a subscription at validation: subscriptions are served over WebSocket', async () => {
    await expectRefused('subscription { customerKycUpdated { eventId } }', 'GRAPHQL_VALIDATION_FAILED', /^Subscriptions are not served over HTTP: open a WebSocket to \/graphql/);
  });
});

describe('HTTP-level protections', () => {
  it('answers a request line beyond 16 KiB with 431 and a coded JSON body', async () => {
    const response = await fetch(`${stack.server.url}/graphql?query=${'x'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request line or headers are too large.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers a persisted-query refusal with BAD_REQUEST', async () => {
    const response = await fetch(`${stack.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a batched (JSON array) request', async () => {
    const response = await fetch(`${stack.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a GET and a simple-content-type POST without a preflight header (CSRF prevention)', async () => {
    await stack.admin.reset();
    const get = await fetch(`${stack.server.url}/graphql?query=${encodeURIComponent('{ customers { id } }')}`);
    const form = await fetch(`${stack.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ customers { id } }' }),
    });
    for (const response of [get, form]) {
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors).toEqual([
        { message: expect.stringContaining('CSRF'), extensions: { code: 'BAD_REQUEST' } },
      ]);
    }
    expect(await stack.admin.totalRequests()).toBe(0);
    const withPreflightHeader = await fetch(`${stack.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await withPreflightHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
