import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateCustomerDocument,
  CreateKycSessionDocument,
  GetCustomerDocument,
  ListCustomersDocument,
} from '../../../generated/graphql.js';
import { callUnderPersistentFault, describeOneOffFaults, expectedUnderFault, expectFaultOutcome, FAST_FAULT_ENV, faultMatrix, type FaultRouteCase } from '../../../helpers/faults.js';
import { startStack, uniqueEmail, type TestStack } from '../../../helpers/stack.js';

/**
 * Every fault kind of the emulator's admin API (README, "The emulator") on every customer route, through
 * GraphQL: the error code the caller gets, how many upstream attempts were made, and for creates
 * how many customers exist afterwards. Numbers are shrunk (300 ms attempts, 20-50 ms back-off) so
 * the whole matrix runs in seconds; the policy is the production one.
 */

const KEY = 'test-key-faults-0c7e';
const asKey = { headers: { 'api-key': KEY } };

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ env: FAST_FAULT_ENV });
});
afterAll(async () => {
  await stack.close();
});

let seededId: string;
beforeEach(async () => {
  await stack.admin.reset();
  const seeded = await stack.admin.seedCustomer(KEY, { email: uniqueEmail('seed'), type: 'individual', first_name: 'S', last_name: 'D' });
  seededId = seeded.customer_id as string;
});

const routes: FaultRouteCase[] = [
  {
    route: 'POST /v0/customers',
    retry: 'C',
    call: () =>
      stack.graphql(CreateCustomerDocument, { input: { individual: { email: uniqueEmail('f'), firstName: 'F', lastName: 'L' } } }, asKey),
  },
  { route: 'GET /v0/customers', retry: 'read', call: () => stack.graphql(ListCustomersDocument, {}, asKey) },
  { route: 'GET /v0/customers/:customer_id', retry: 'read', call: () => stack.graphql(GetCustomerDocument, { id: seededId }, asKey) },
  {
    route: 'POST /v0/customers/:customer_id/kycs',
    retry: 'once',
    call: () => stack.graphql(CreateKycSessionDocument, { customerId: seededId }, asKey),
  },
];

/**
 * What createCustomer (no key) ends in under a persistent fault, and the customers that exist
 * afterwards: a lost answer is reconciled by email instead of reported.
 */
const createOutcomes: Record<string, { customers: number; found: boolean }> = {
  // The emulator drops a request whose client left during the delay: nothing is created.
  'delay beyond the attempt timeout': { customers: 0, found: false },
  'reset-before': { customers: 0, found: false },
  // Committed, answer lost: found by email and returned.
  'reset-after-commit': { customers: 1, found: true },
  // Committed, answer unreadable: found by email and returned.
  malformed: { customers: 1, found: true },
};

const matrix = faultMatrix(routes);

describe.each(matrix)('%s with a persistent %s fault', (routeName, kindName, route, kind) => {
  it('ends in the documented outcome without over-calling the upstream', async () => {
    const { body, attempts } = await callUnderPersistentFault(stack.admin, route, kind);
    const expected = expectedUnderFault(route.retry, kind);

    if (routeName === 'POST /v0/customers') {
      const reconciled = createOutcomes[kindName];
      if (reconciled?.found) expect(body.errors).toBeUndefined();
      else expect(body.errors?.[0]?.extensions).toEqual(expected.error);
      // A write without a key is sent once, unless the upstream proved it did nothing.
      expect(attempts).toBe(expected.attempts);
      if (kind.fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, 1_000));
      // One seeded customer plus what this call created.
      expect(await stack.admin.customersOf(KEY)).toHaveLength(1 + (reconciled?.customers ?? 0));
      return;
    }

    expectFaultOutcome(body, attempts, route.retry, kind, KEY);
  });
});

describeOneOffFaults(routes, () => stack.admin);
