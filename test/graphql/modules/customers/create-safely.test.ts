import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CreateCustomerDocument } from '../../../generated/graphql.js';
import { startStack, uniqueEmail, type TestStack, withStack } from '../../../helpers/stack.js';

/** createCustomer under faults: retried safely, reconciled when unsure, never duplicated. */

const KEY = 'test-key-safe-create-41d8';
const KEY_OTHER = 'test-key-safe-create-other-9a0c';
const as = (key: string) => ({ headers: { 'api-key': key } });

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ env: { ALIGN_RETRY_BASE_DELAY_MS: '20', ALIGN_RETRY_MAX_DELAY_MS: '100' } });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.admin.reset();
});

function individual(email = uniqueEmail('safe')) {
  return { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } };
}

describe('createCustomer without a key: unknown outcomes are reconciled', () => {
  it('returns each customer when the connection drops after the upstream committed (3 times)', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'reset-after-commit', times: 3 });
    const emails = [uniqueEmail('rac'), uniqueEmail('rac'), uniqueEmail('rac')];
    for (const email of emails) {
      const { body } = await stack.graphql(CreateCustomerDocument, { input: individual(email) }, as(KEY));
      expect(body.errors).toBeUndefined();
      expect(body.data!.createCustomer).toMatchObject({ email, firstName: 'Ada', lastName: 'Lovelace', type: 'INDIVIDUAL' });
    }
    const held = await stack.admin.customersOf(KEY);
    expect(held.map((customer) => customer.email).sort()).toEqual([...emails].sort());
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(3);
    expect(stack.logs()).toContain('"retry":0');
  });

  it('fails with UPSTREAM_UNAVAILABLE, never re-posting, when the connection dropped before anything was created', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'reset-before', times: 1 });
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual() }, as(KEY));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(body.errors?.[0]?.message).toBe('The Align API did not confirm the create, and no customer with this email exists yet.');
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(1);
    // One lookup, then one per retry of the lookup schedule (ALIGN_MAX_RETRIES = 2).
    expect(await stack.admin.requestCount('GET /v0/customers')).toBe(3);
    expect(await stack.admin.customersOf(KEY)).toHaveLength(0);
  });

  it('answers CONFLICT when the email turns out to belong to a different customer', async () => {
    const email = uniqueEmail('taken');
    await stack.admin.seedCustomer(KEY, { email, type: 'individual', first_name: 'Grace', last_name: 'Hopper' });
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'reset-before', times: 1 });
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual(email) }, as(KEY));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
    expect(await stack.admin.customersOf(KEY)).toHaveLength(1);
  });

  it('still does not retry a definite 503 without a key', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'status', status: 503, times: 1 });
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual() }, as(KEY));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 });
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(1);
  });
});

describe('createCustomer with an idempotencyKey', () => {
  it('creates once for 20 concurrent requests with the same key and answers all 20 the same', async () => {
    const variables = { input: individual(), idempotencyKey: 'concurrent-key-1' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => stack.graphql(CreateCustomerDocument, variables, as(KEY))),
    );
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const ids = new Set(answers.map(({ body }) => body.data!.createCustomer.id));
    expect(ids.size).toBe(1);
    expect(answers.map(({ body }) => body.data!.createCustomer)).toEqual(Array(20).fill(answers[0]!.body.data!.createCustomer));
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(1);
    expect(await stack.admin.customersOf(KEY)).toHaveLength(1);
  });

  it('replays the first result for a later repeat without calling the upstream', async () => {
    const variables = { input: individual(), idempotencyKey: 'replay-key' };
    const first = await stack.graphql(CreateCustomerDocument, variables, as(KEY));
    const again = await stack.graphql(CreateCustomerDocument, variables, as(KEY));
    expect(again.body.data).toEqual(first.body.data);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(1);
  });

  it('answers CONFLICT for the same key with different input, with no upstream call', async () => {
    await stack.graphql(CreateCustomerDocument, { input: individual(), idempotencyKey: 'reused-key' }, as(KEY));
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual(), idempotencyKey: 'reused-key' }, as(KEY));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
    expect(body.errors?.[0]?.message).toMatch(/already used with different input/);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(1);
  });

  it('keeps keys of different credentials apart', async () => {
    const email = uniqueEmail('tenant');
    const a = await stack.graphql(CreateCustomerDocument, { input: individual(email), idempotencyKey: 'shared-key' }, as(KEY));
    const b = await stack.graphql(CreateCustomerDocument, { input: individual(email), idempotencyKey: 'shared-key' }, as(KEY_OTHER));
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(a.body.data!.createCustomer.id).not.toBe(b.body.data!.createCustomer.id);
  });

  it('retries a keyed create after a 503, sending the same Idempotency-Key', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'status', status: 503, times: 2 });
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual(), idempotencyKey: 'retry-503' }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(3);
    expect(await stack.admin.customersOf(KEY)).toHaveLength(1);
  });

  it('gets the committed customer back after reset-after-commit (the upstream replays the key)', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'reset-after-commit', times: 1 });
    const { body } = await stack.graphql(CreateCustomerDocument, { input: individual(), idempotencyKey: 'rac-key' }, as(KEY));
    expect(body.errors).toBeUndefined();
    const held = await stack.admin.customersOf(KEY);
    expect(held).toHaveLength(1);
    expect(held[0]!.customer_id).toBe(body.data!.createCustomer.id);
  });

  it('releases the key after a definite upstream error, so a corrected retry with it can succeed', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers', kind: 'status', status: 401, times: 1 });
    const variables = { input: individual(), idempotencyKey: 'after-401' };
    const failed = await stack.graphql(CreateCustomerDocument, variables, as(KEY));
    expect(failed.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', upstreamStatus: 401 });
    const retried = await stack.graphql(CreateCustomerDocument, variables, as(KEY));
    expect(retried.body.errors).toBeUndefined();
    expect(await stack.admin.customersOf(KEY)).toHaveLength(1);
  });

  it('makes a repeat that arrives while the first is still running wait for its result', async () => {
    await withStack({ env: { ALIGN_TIMEOUT_MS: '2000', ALIGN_DEADLINE_MS: '2000' } }, async (impatient) => {
    await impatient.admin.addFault({ route: 'POST /v0/customers', kind: 'delay', delayMs: 1_500, times: 1 });
    const variables = { input: individual(), idempotencyKey: 'slow-key' };
    const first = impatient.graphql(CreateCustomerDocument, variables, as(KEY));
    await new Promise((resolve) => setTimeout(resolve, 800));
    // Arrives 800 ms later with a 2 s deadline: the first finishes in time, so it gets the result.
    const second = await impatient.graphql(CreateCustomerDocument, variables, as(KEY));
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data).toEqual((await first).body.data);
    expect(await impatient.admin.requestCount('POST /v0/customers')).toBe(1);

    });
  });
});
