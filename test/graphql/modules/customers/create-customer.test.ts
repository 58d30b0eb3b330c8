import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_DEMO_KEY } from '../../../../src/emulator/index.js';
import { CreateCustomerDocument, type CreateCustomerMutationVariables } from '../../../generated/graphql.js';
import { startStack, useSharedStack, uniqueEmail, type TestStack, withStack } from '../../../helpers/stack.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_A = 'test-key-alpha-7f3c9e';
const KEY_B = 'test-key-bravo-1d2b4a';
const asA = { headers: { authorization: `Bearer ${KEY_A}` } };
const asB = { headers: { 'api-key': KEY_B } };

const stack = useSharedStack();

function individual(overrides: Partial<{ email: string; firstName: string; lastName: string }> = {}) {
  return { individual: { email: uniqueEmail('ada'), firstName: 'Ada', lastName: 'Lovelace', ...overrides } };
}

describe('createCustomer: happy paths', () => {
  it('creates an individual and returns every field', async () => {
    const email = uniqueEmail('ada');
    const { status, body } = await stack.graphql(
      CreateCustomerDocument,
      { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
      asA,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const customer = body.data!.createCustomer;
    expect(customer.id).toMatch(UUID);
    expect(customer).toEqual({
      id: customer.id,
      email,
      type: 'INDIVIDUAL',
      firstName: 'Ada',
      lastName: 'Lovelace',
      companyName: null,
      address: null,
      kyc: null,
    });
    const stored = await stack.admin.customersOf(KEY_A, email);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ customer_id: customer.id, type: 'individual', first_name: 'Ada' });
  });

  it('creates a corporate customer', async () => {
    const email = uniqueEmail('acme');
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input: { corporate: { email, companyName: 'Acme Corporation' } } },
      asA,
    );
    expect(body.errors).toBeUndefined();
    const customer = body.data!.createCustomer;
    expect(customer).toEqual({
      id: expect.stringMatching(UUID),
      email,
      type: 'CORPORATE',
      firstName: null,
      lastName: null,
      companyName: 'Acme Corporation',
      address: null,
      kyc: null,
    });
  });

  it('sends trimmed names upstream', async () => {
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input: individual({ firstName: '  Grace ', lastName: ' Hopper  ' }) },
      asA,
    );
    expect(body.data!.createCustomer).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });
  });

  it('forwards idempotencyKey upstream as Idempotency-Key', async () => {
    const variables = { input: individual(), idempotencyKey: 'order-42-attempt' };
    const first = await stack.graphql(CreateCustomerDocument, variables, asA);
    const second = await stack.graphql(CreateCustomerDocument, variables, asA);
    expect(first.body.errors).toBeUndefined();
    // The emulator replays the first answer for a repeated Idempotency-Key: the same customer, no duplicate.
    expect(second.body.data!.createCustomer.id).toBe(first.body.data!.createCustomer.id);
    expect(await stack.admin.customersOf(KEY_A)).toHaveLength(1);
  });

  it('rejects a malformed idempotencyKey before any upstream call', async () => {
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input: individual(), idempotencyKey: 'has spaces in it' },
      asA,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'idempotencyKey', message: expect.any(String) }],
    });
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('createCustomer: @oneOf', () => {
  it('is marked isOneOf in introspection', async () => {
    const { body } = await stack.graphql<{ __type: { isOneOf: boolean } }, never>(
      '{ __type(name: "CreateCustomerInput") { isOneOf } }',
    );
    expect(body.data?.__type.isOneOf).toBe(true);
  });

  const literalCases: Array<[string, string]> = [
    ['both members', 'individual: { email: "a@example.com", firstName: "A", lastName: "B" }, corporate: { email: "c@example.com", companyName: "C" }'],
    ['no member', ''],
    ['a null member', 'individual: null'],
  ];
  it.each(literalCases)('rejects %s in a literal argument before any upstream call', async (_name, fields) => {
    const { status, body } = await stack.graphql(`mutation { createCustomer(input: { ${fields} }) { id } }`, undefined, {
      headers: { ...asA.headers, accept: 'application/graphql-response+json' },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/CreateCustomerInput/);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('answers a plain application/json client (such as a gateway) with HTTP 200 and the same errors', async () => {
    const { status, body } = await stack.graphql('mutation { createCustomer(input: {}) { id } }', undefined, {
      headers: { ...asA.headers, accept: 'application/json' },
    });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.data).toBeUndefined();
  });

  it.each([
    ['application/json, application/graphql-response+json;q=0.9', 200, 'application/json'],
    ['application/graphql-response+json;q=0.5, application/json', 200, 'application/json'],
    ['application/json;q=0.5, application/graphql-response+json', 400, 'application/graphql-response+json'],
    ['application/*;q=0.8, application/graphql-response+json', 400, 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json', 400, 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 200, 'application/json'],
    ['*/*', 200, 'application/json'],
  ])('chooses the status from the negotiated media type: Accept %s -> %i', async (accept, expectedStatus, mediaType) => {
    const response = await fetch(`${stack.server.url}/graphql`, {
      method: 'POST',
      headers: { ...asA.headers, 'content-type': 'application/json', accept },
      body: JSON.stringify({ query: 'mutation { createCustomer(input: {}) { id } }' }),
    });
    expect(response.status).toBe(expectedStatus);
    expect(response.headers.get('content-type')).toMatch(new RegExp(`^${mediaType.replace('+', '\\+')}`));
  });

  const variableCases: Array<[string, unknown]> = [
    ['both members', { individual: individual().individual, corporate: { email: 'c@example.com', companyName: 'C' } }],
    ['no member', {}],
    ['a null member', { individual: null }],
    ['one member and a null one', { individual: individual().individual, corporate: null }],
  ];
  it.each(variableCases)('rejects %s in variables before any upstream call', async (_name, input) => {
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input } as unknown as CreateCustomerMutationVariables,
      asA,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/exactly one key|must be non-null/i);
    expect(body.data ?? null).toBeNull();
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('createCustomer: validation', () => {
  async function fieldErrorsFor(input: unknown) {
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input } as unknown as CreateCustomerMutationVariables,
      asA,
    );
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.admin.totalRequests()).toBe(0);
    return body.errors![0]!.extensions!.fieldErrors as Array<{ path: string; message: string }>;
  }

  it('reports an invalid email with its dotted path', async () => {
    const errors = await fieldErrorsFor(individual({ email: 'not-an-email' }));
    expect(errors).toEqual([{ path: 'input.individual.email', message: 'email must be a valid email address' }]);
  });

  it('rejects a whitespace-only first name', async () => {
    const errors = await fieldErrorsFor(individual({ firstName: '   ' }));
    expect(errors).toEqual([
      { path: 'input.individual.firstName', message: 'firstName must not be empty or only white space' },
    ]);
  });

  it('rejects an empty last name and a blank company name', async () => {
    expect((await fieldErrorsFor(individual({ lastName: '' }))).map((e) => e.path)).toEqual([
      'input.individual.lastName',
    ]);
    const corporate = await fieldErrorsFor({ corporate: { email: uniqueEmail(), companyName: '   ' } });
    expect(corporate.map((e) => e.path)).toEqual(['input.corporate.companyName']);
  });

  it('enforces the length limits', async () => {
    const longLocal = `${'a'.repeat(250)}@example.com`;
    expect((await fieldErrorsFor(individual({ email: longLocal }))).map((e) => e.path)).toContain(
      'input.individual.email',
    );
    expect(await fieldErrorsFor(individual({ firstName: 'x'.repeat(101) }))).toEqual([
      { path: 'input.individual.firstName', message: 'firstName must be shorter than or equal to 100 characters' },
    ]);
    const company = await fieldErrorsFor({ corporate: { email: uniqueEmail(), companyName: 'c'.repeat(201) } });
    expect(company.map((e) => e.path)).toEqual(['input.corporate.companyName']);
  });

  it('accepts names at the length limit', async () => {
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input: individual({ firstName: 'x'.repeat(100), lastName: 'y'.repeat(100) }) },
      asA,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.createCustomer.firstName).toHaveLength(100);
  });

  it('rejects control characters', async () => {
    const errors = await fieldErrorsFor(individual({ firstName: 'Ada\u0000', lastName: 'Love\nlace' }));
    expect(errors).toEqual([
      { path: 'input.individual.firstName', message: 'firstName must not contain control characters' },
      { path: 'input.individual.lastName', message: 'lastName must not contain control characters' },
    ]);
  });

  it('rejects text that is not well-formed Unicode (a lone surrogate) as bad input, not a crash', async () => {
    const errors = await fieldErrorsFor(individual({ email: 'a\ud800@example.com', firstName: 'Ada\udc00' }));
    expect([...errors].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'input.individual.email', message: 'email must be a valid email address' },
      { path: 'input.individual.firstName', message: 'firstName must be valid Unicode text' },
    ]);
  });

  it('reports every broken field at once', async () => {
    const errors = await fieldErrorsFor({ individual: { email: 'nope', firstName: ' ', lastName: '\u0007' } });
    expect(errors.map((e) => e.path).sort()).toEqual([
      'input.individual.email',
      'input.individual.firstName',
      'input.individual.lastName',
    ]);
  });

  it('rejects a wrong type for a member before any upstream call', async () => {
    const { body } = await stack.graphql(
      CreateCustomerDocument,
      { input: { individual: { email: 42, firstName: 'A', lastName: 'B' } } } as unknown as CreateCustomerMutationVariables,
      asA,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('createCustomer: upstream answers', () => {
  it('maps a duplicate email (case-insensitive) to CONFLICT', async () => {
    const email = uniqueEmail('dup');
    const first = await stack.graphql(CreateCustomerDocument, { input: individual({ email }) }, asA);
    expect(first.body.errors).toBeUndefined();
    const second = await stack.graphql(CreateCustomerDocument, { input: individual({ email: email.toUpperCase() }) }, asA);
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', upstreamStatus: 409 });
    expect(second.body.data).toBeNull();
    expect(await stack.admin.customersOf(KEY_A)).toHaveLength(1);
  });

  it('keeps tenants apart: the same email under two keys makes two customers', async () => {
    const email = uniqueEmail('shared');
    const a = await stack.graphql(CreateCustomerDocument, { input: individual({ email }) }, asA);
    const b = await stack.graphql(CreateCustomerDocument, { input: individual({ email }) }, asB);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(a.body.data!.createCustomer.id).not.toBe(b.body.data!.createCustomer.id);
    expect(await stack.admin.customersOf(KEY_A, email)).toHaveLength(1);
    expect(await stack.admin.customersOf(KEY_B, email)).toHaveLength(1);
  });

  const faults: Array<[string, Parameters<TestStack['admin']['addFault']>[0], Record<string, unknown>]> = [
    ['401', { kind: 'status', status: 401 }, { code: 'UNAUTHENTICATED', upstreamStatus: 401 }],
    ['403', { kind: 'status', status: 403 }, { code: 'FORBIDDEN', upstreamStatus: 403 }],
    ['429 with Retry-After', { kind: 'status', status: 429, retryAfterSeconds: 7 }, { code: 'RATE_LIMITED', upstreamStatus: 429, retryAfterSeconds: 7 }],
    ['500', { kind: 'status', status: 500 }, { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 }],
    ['503', { kind: 'status', status: 503 }, { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 }],
    ['a connection dropped before the request is handled', { kind: 'reset-before' }, { code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true }],
  ];
  it.each(faults)('maps upstream %s to the right code', async (_name, fault, extensions) => {
    await stack.admin.addFault({ route: 'POST /v0/customers', times: 1, ...fault });
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual() }, asA);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual(extensions);
    expect(body.errors![0]!.path).toEqual(['createCustomer']);
    expect(JSON.stringify(body)).not.toContain(KEY_A);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|stack/i);
  });

  it('answers a malformed 201 with the customer it created, looked up by email (not a second create)', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'malformed', times: 1 });
    const input = individual();
    const { body } = await stack.graphql(CreateCustomerDocument, { input }, asA);
    expect(body.errors).toBeUndefined();
    expect(body.data!.createCustomer.email).toBe(input.individual.email);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(1);
    expect(await stack.admin.customersOf(KEY_A)).toHaveLength(1);
  });

  it('maps an upstream timeout to UPSTREAM_UNAVAILABLE', async () => {
    await withStack({ env: { ALIGN_TIMEOUT_MS: '200', ALIGN_DEADLINE_MS: '1000' } }, async (slow) => {
    await slow.admin.addFault({ route: 'POST /v0/customers', kind: 'delay', delayMs: 1_000, times: 1 });
    const started = Date.now();
    const { body } = await slow.graphql(CreateCustomerDocument, { input: individual() }, asA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    // The attempt times out at 200 ms; the reconciling lookups stop before the 1 s deadline.
    expect(Date.now() - started).toBeLessThan(1_300);
    expect(await slow.admin.requestCount('POST /v0/customers')).toBe(1);
    });
  });
});

describe('createCustomer: credentials', () => {
  it('uses the emulator demo key for a caller without a credential on the embedded emulator', async () => {
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual() });
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.customersOf(EMULATOR_DEMO_KEY)).toHaveLength(1);
  });

  it('accepts the Api-Key header form', async () => {
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual() }, asB);
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.customersOf(KEY_B)).toHaveLength(1);
  });

  describe('without the demo key', () => {
    let strict: TestStack;
    beforeAll(async () => {
      strict = await startStack({ demoKey: false });
    });
    afterAll(async () => {
      await strict.close();
    });

    const cases: Array<[string, Record<string, string>]> = [
      ['no credential', {}],
      ['an Authorization header without Bearer', { authorization: `Basic ${KEY_A}` }],
      ['an empty Api-Key', { 'api-key': ' ' }],
    ];
    it.each(cases)('answers UNAUTHENTICATED for %s with no upstream call', async (_name, headers) => {
      const { body } = await strict.graphql(CreateCustomerDocument, { input: individual() }, { headers });
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(await strict.admin.totalRequests()).toBe(0);
      expect(JSON.stringify(body)).not.toContain(KEY_A);
    });

    it('still answers introspection without a credential', async () => {
      const { body } = await strict.graphql<{ __schema: { queryType: { name: string } } }, never>(
        '{ __schema { queryType { name } } }',
      );
      expect(body.data?.__schema.queryType.name).toBe('Query');
    });
  });

  describe('with a server-held key (ALIGN_API_KEY)', () => {
    const SERVER_KEY = 'server-held-key-5e6f';
    const GATEWAY_SECRET = 'trusted-gateway-secret-0123456789abcdef';
    let held: TestStack;
    beforeAll(async () => {
      held = await startStack({ env: { ALIGN_API_KEY: SERVER_KEY, AUTH_GATEWAY_SECRET: GATEWAY_SECRET }, demoKey: false });
    });
    afterAll(async () => {
      await held.close();
    });

    it('acts upstream with the server key, not the caller key', async () => {
      const { body } = await held.graphql(CreateCustomerDocument, { input: individual() }, {
        headers: { 'x-gateway-secret': GATEWAY_SECRET, 'api-key': KEY_A },
      });
      expect(body.errors).toBeUndefined();
      expect(await held.admin.customersOf(SERVER_KEY)).toHaveLength(1);
      expect(await held.admin.customersOf(KEY_A)).toHaveLength(0);
    });
  });

  it.each(['authorization', 'bearer', 'api-key'])('sends the key upstream with ALIGN_AUTH_HEADER=%s', async (style) => {
    await withStack({ env: { ALIGN_AUTH_HEADER: style } }, async (other) => {
    const { body } = await other.graphql(CreateCustomerDocument, { input: individual() }, asA);
    expect(body.errors).toBeUndefined();
    expect(await other.admin.customersOf(KEY_A)).toHaveLength(1);
    });
  });

  it('never writes a key to the logs', async () => {
    await stack.graphql(CreateCustomerDocument, { input: individual() }, asA);
    await stack.graphql(CreateCustomerDocument, { input: individual({ email: 'bad' }) }, asA);
    await stack.admin.addFault({ kind: 'status', status: 500, times: 1 });
    await stack.graphql(CreateCustomerDocument, { input: individual() }, asB);
    await stack.admin.addFault({ kind: 'reset-before', times: 1 });
    await stack.graphql(CreateCustomerDocument, { input: individual() }, asA);
    await stack.admin.addFault({ kind: 'malformed', times: 1 });
    await stack.graphql(CreateCustomerDocument, { input: individual() }, asA);
    const logs = stack.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('upstream call');
    expect(logs).not.toContain(KEY_A);
    expect(logs).not.toContain(KEY_B);
    expect(logs).not.toContain(EMULATOR_DEMO_KEY);
  });
});
