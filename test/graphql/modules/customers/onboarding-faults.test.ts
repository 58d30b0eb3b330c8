import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RetryClass } from '../../../../src/align/operation.js';
import {
  CreateWalletOwnershipVerificationDocument,
  DeveloperFeesDocument,
  SimulateCustomerDocument,
  UpdateCustomerDocument,
  UpdateDeveloperFeesDocument,
} from '../../../generated/graphql.js';
import { expectedUnderFault, FAST_FAULT_ENV, faultKinds } from '../../../helpers/faults.js';
import { startStack, uniqueEmail, type GraphQLResponse, type TestStack } from '../../../helpers/stack.js';
import { postUpload } from '../../../helpers/upload.js';

/** Every fault kind on every onboarding route: the error the caller gets and the upstream attempts. */

const KEY = 'onboarding-faults-key-e51b';
const asKey = { headers: { 'api-key': KEY } };

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ env: FAST_FAULT_ENV });
});
afterAll(async () => {
  await stack.close();
});

let customerId: string;
beforeEach(async () => {
  await stack.admin.reset();
  const seeded = await stack.admin.seedCustomer(KEY, { email: uniqueEmail('of'), type: 'individual', first_name: 'O', last_name: 'F', kycs: { status: 'pending' } });
  customerId = seeded.customer_id as string;
});

interface RouteCase {
  readonly route: string;
  readonly retry: RetryClass;
  call(): Promise<GraphQLResponse<unknown>>;
}

const routes: RouteCase[] = [
  { route: 'PUT /v0/customers/:customer_id', retry: 'R', call: () => stack.graphql(UpdateCustomerDocument, { customerId, input: { individual: { middleName: 'M' } } }, asKey) },
  { route: 'POST /v0/customers/simulate', retry: 'once', call: () => stack.graphql(SimulateCustomerDocument, { customerId }, asKey) },
  {
    route: 'POST /v0/customers/:customer_id/wallet-ownership',
    retry: 'once',
    call: () => stack.graphql(CreateWalletOwnershipVerificationDocument, { customerId, walletAddress: '0x52908400098527886E0F7030069857D2E4169EE7' }, asKey),
  },
  {
    route: 'POST /v0/files',
    retry: 'once',
    call: () => postUpload(stack.server.url, { bytes: new Uint8Array([1, 2, 3]), filename: 'f.pdf', type: 'application/pdf' }, { 'apollo-require-preflight': 'true', 'api-key': KEY }),
  },
  { route: 'GET /v0/developer/fees', retry: 'read', call: () => stack.graphql(DeveloperFeesDocument, {}, asKey) },
  { route: 'PUT /v0/developer/fees', retry: 'R', call: () => stack.graphql(UpdateDeveloperFeesDocument, { input: { offramp: '1.25' } }, asKey) },
];

const matrix = routes.flatMap((route) => faultKinds.map((kind) => [route.route, kind.name, route, kind] as const));

describe.each(matrix)('%s with a persistent %s fault', (routeName, _kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    await stack.admin.addFault({ route: routeName, ...kind.fault });
    const { body } = await route.call();
    const attempts = await stack.admin.requestCount(routeName);
    await stack.admin.clearFaults();
    const expected = expectedUnderFault(route.retry, kind);
    expect(body.errors?.[0]?.extensions).toEqual(expected.error);
    expect(body.errors).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(KEY);
    expect(attempts).toBe(expected.attempts);
  });
});

describe('retries that the issue names', () => {
  it('updateCustomer is retried after a 503 (PUT is repeat-safe) and succeeds', async () => {
    await stack.admin.addFault({ route: 'PUT /v0/customers/:customer_id', kind: 'status', status: 503, times: 1 });
    const { body } = await routes[0]!.call();
    expect(body.errors).toBeUndefined();
    expect(await stack.admin.requestCount('PUT /v0/customers/:customer_id')).toBe(2);
  });

  it('simulateCustomer is never retried after a 503', async () => {
    await stack.admin.addFault({ route: 'POST /v0/customers/simulate', kind: 'status', status: 503, times: 1 });
    const { body } = await routes[1]!.call();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 });
    expect(await stack.admin.requestCount('POST /v0/customers/simulate')).toBe(1);
  });

  it.each([
    ['PUT /v0/customers/:customer_id', 0],
    ['POST /v0/customers/simulate', 1],
  ])('%s waits out a 429 with Retry-After: 1, then succeeds', async (routeName, index) => {
    await stack.admin.addFault({ route: routeName, kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const { body } = await routes[index]!.call();
    expect(body.errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(await stack.admin.requestCount(routeName)).toBe(2);
  });
});
