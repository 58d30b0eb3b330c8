import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OperationLabels } from '../src/metrics.js';
import { CreateCustomerDocument, GetCustomerDocument } from './generated/graphql.js';
import { startStack, uniqueEmail, withStack, type TestStack } from './helpers/stack.js';

const KEY = 'metrics-test-key-9c4d';
const asCaller = { headers: { authorization: `Bearer ${KEY}` } };

async function metricsText(stack: TestStack): Promise<{ contentType: string | null; text: string }> {
  const response = await fetch(`${stack.server.url}/metrics`);
  return { contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one exact series line, e.g. `graphql_requests_in_flight`. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics after traffic', () => {
  let stack: TestStack;
  let email: string;
  let customerId: string;
  beforeAll(async () => {
    stack = await startStack();
    email = uniqueEmail('metered');
    const input = { individual: { email, firstName: 'Katherine', lastName: 'Johnson' } };
    const created = await stack.graphql(CreateCustomerDocument, { input }, asCaller);
    customerId = created.body.data!.createCustomer.id;
    const read = await stack.graphql(GetCustomerDocument, { id: customerId }, asCaller);
    expect(read.body.data?.customer?.id).toBe(customerId);
    const duplicate = await stack.graphql(CreateCustomerDocument, { input }, asCaller);
    expect(duplicate.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await stack.graphql('{ __typename }');
    const unnamedInput = { individual: { email: uniqueEmail('unnamed'), firstName: 'Dorothy', lastName: 'Vaughan' } };
    const unnamedCreate = await stack.graphql('mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: unnamedInput }, asCaller);
    expect(unnamedCreate.body.errors).toBeUndefined();
    // Two aliases of one root field: one label, and one upstream read (the loader shares it).
    await stack.graphql('query ($id: ID!) { a: customer(id: $id) { id } b: customer(id: $id) { id } }', { id: customerId }, asCaller);
    await stack.graphql('{ noSuchField }');
  });
  afterAll(async () => {
    await stack.close();
  });

  it('counts upstream requests by route template and status, with durations', async () => {
    const { contentType, text } = await metricsText(stack);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(valueOf(text, 'align_upstream_requests_total{route="POST /v0/customers",status="201"}')).toBe(2);
    expect(valueOf(text, 'align_upstream_requests_total{route="POST /v0/customers",status="409"}')).toBe(1);
    expect(valueOf(text, 'align_upstream_requests_total{route="GET /v0/customers/:customer_id",status="200"}')).toBe(2);
    expect(valueOf(text, 'align_upstream_request_duration_seconds_count{route="POST /v0/customers"}')).toBe(3);
    expect(valueOf(text, 'align_upstream_request_duration_seconds_bucket{le="+Inf",route="GET /v0/customers/:customer_id"}')).toBe(2);
    expect(valueOf(text, 'align_upstream_request_duration_seconds_sum{route="GET /v0/customers/:customer_id"}')).toBeGreaterThan(0);
  });

  it('counts GraphQL requests by operation and outcome, with latency histograms and the in-flight gauge', async () => {
    const { text } = await metricsText(stack);
    expect(valueOf(text, 'graphql_requests_total{operation="CreateCustomer",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'graphql_requests_total{operation="CreateCustomer",outcome="CONFLICT"}')).toBe(1);
    expect(valueOf(text, 'graphql_requests_total{operation="GetCustomer",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'graphql_request_duration_seconds_count{operation="CreateCustomer"}')).toBe(2);
    expect(valueOf(text, 'graphql_request_duration_seconds_bucket{le="+Inf",operation="GetCustomer"}')).toBe(1);
    expect(valueOf(text, 'graphql_requests_in_flight')).toBe(0);
  });

  it('labels an unnamed operation by its type and the root fields the schema declares', async () => {
    const { text } = await metricsText(stack);
    // Before, every unnamed operation shared operation="anonymous"; now only one that selects nothing
    // the schema declares (here, one refused by validation) does.
    expect(valueOf(text, 'graphql_requests_total{operation="query __typename",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'graphql_requests_total{operation="mutation createCustomer",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'graphql_requests_total{operation="query customer",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'graphql_requests_total{operation="anonymous",outcome="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(text).not.toContain('noSuchField');
  });

  it('includes the process metrics', async () => {
    const { text } = await metricsText(stack);
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect({ name, value: valueOf(text, name) }).toEqual({ name, value: expect.any(Number) });
    }
  });

  it('holds no id, email, name or key anywhere', async () => {
    const { text } = await metricsText(stack);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    for (const value of [customerId, email, '@', 'Katherine', 'Johnson', KEY]) {
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    }
  });

  it('shows a request in flight while the upstream is slow', async () => {
    await stack.admin.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'delay', delayMs: 800, times: 1 });
    const slow = stack.graphql(GetCustomerDocument, { id: customerId }, asCaller);
    let seen: number | undefined;
    for (let attempt = 0; attempt < 50 && seen !== 1; attempt += 1) {
      seen = valueOf((await metricsText(stack)).text, 'graphql_requests_in_flight');
      if (seen !== 1) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBe(1);
    await slow;
    expect(valueOf((await metricsText(stack)).text, 'graphql_requests_in_flight')).toBe(0);
  });
});

describe('operation labels', () => {
  it('keeps the first 100 well-formed names and reports the rest as "other"', () => {
    const labels = new OperationLabels(100);
    for (let i = 0; i < 100; i += 1) expect(labels.labelFor(`Op${i}`)).toBe(`Op${i}`);
    expect(labels.labelFor('Op100')).toBe('other');
    expect(labels.labelFor('Op7')).toBe('Op7');
    expect(labels.labelFor(undefined)).toBe('anonymous');
    expect(labels.labelFor(undefined, { operationType: 'query', rootFields: ['customer'] })).toBe('other');
  });

  it('labels unnamed operations by type and at most three root fields, and bounds them with the names', () => {
    const labels = new OperationLabels(2);
    expect(labels.labelFor(undefined, { operationType: 'mutation', rootFields: ['createCustomer'] })).toBe('mutation createCustomer');
    expect(labels.labelFor(undefined, { operationType: 'query', rootFields: [] })).toBe('anonymous');
    expect(labels.labelFor(undefined, { operationType: 'query', rootFields: ['a', 'b', 'c', 'd'] })).toBe('other');
    expect(labels.labelFor(undefined, { operationType: 'query', rootFields: ['customer', 'customers'] })).toBe('query customer customers');
    expect(labels.labelFor(undefined, { operationType: 'query', rootFields: ['transfers'] })).toBe('other');
    expect(labels.labelFor(undefined, { operationType: 'mutation', rootFields: ['createCustomer'] })).toBe('mutation createCustomer');
  });

  it('refuses names that are not GraphQL names or are longer than 64 characters', () => {
    const labels = new OperationLabels(100);
    expect(labels.labelFor('has space')).toBe('other');
    expect(labels.labelFor('ada@example.com')).toBe('other');
    expect(labels.labelFor(`A${'b'.repeat(63)}`)).toBe(`A${'b'.repeat(63)}`);
    expect(labels.labelFor(`A${'b'.repeat(64)}`)).toBe('other');
  });

  it('bounds the series a server exports, whatever names callers send', async () => {
    await withStack({}, async (stack) => {
    for (let i = 0; i < 105; i += 1) await stack.graphql(`query Name${i} { __typename }`);
    const { text } = await metricsText(stack);
    const operations = new Set([...text.matchAll(/^graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(operations.size).toBe(101);
    expect(valueOf(text, 'graphql_requests_total{operation="other",outcome="ok"}')).toBe(5);
    expect(valueOf(text, 'graphql_requests_total{operation="Name99",outcome="ok"}')).toBe(1);
    });
  });
});
