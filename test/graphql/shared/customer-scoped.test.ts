import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../src/graphql/context.js';
import { graphqlModules } from '../../../src/graphql/modules/index.js';
import { CustomerScopedResolver, loadNestedCustomerList, NESTED_LIST_CUSTOMER_LIMIT } from '../../../src/graphql/shared/customer-scoped.js';
import { customerOperations } from '../../../src/align/operations/customers.js';
import { uniqueEmail, useSharedStack } from '../../helpers/stack.js';

/** A customer-scoped type of a group that does not exist, to test the shared pieces on their own. */
@ObjectType({ simpleResolvers: true })
class Probe {
  @Field(() => ID)
  customerId!: string;
}

@Resolver(() => Probe)
class ProbeResolver extends CustomerScopedResolver(Probe) {
  @Query(() => [Probe])
  probes(@Arg('customerIds', () => [ID]) customerIds: string[]): Probe[] {
    return customerIds.map((customerId) => ({ customerId }));
  }

  @Query(() => [Number], { nullable: true })
  async nestedCounts(@Arg('customerIds', () => [ID]) customerIds: string[], @Ctx() context: GraphQLContext): Promise<number[]> {
    // The GET of a customer stands in for a per-customer list route: the budget is what is under test.
    const counts: number[] = [];
    for (const id of customerIds) counts.push((await loadNestedCustomerList<unknown>(context, customerOperations.getCustomer, id)) === null ? 0 : 1);
    return counts;
  }
}

const KEY = 'customer-scoped-key-9a1f';
const asKey = { headers: { 'api-key': KEY } };
const stack = useSharedStack({ modules: [...graphqlModules, { resolvers: [ProbeResolver] }] });

describe('CustomerScopedResolver', () => {
  it('answers `customer` through the loader: one GET per distinct customer', async () => {
    const seeded = await stack.admin.seedCustomer(KEY, { email: uniqueEmail('scoped'), type: 'individual', first_name: 'S', last_name: 'C' });
    const id = seeded.customer_id as string;
    const { body } = await stack.graphql(`query($ids: [ID!]!) { probes(customerIds: $ids) { customerId customer { id email } } }`, { ids: [id, id, id] }, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ probes: Array.from({ length: 3 }, () => ({ customerId: id, customer: { id, email: seeded.email } })) });
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(1);
  });
});

describe('loadNestedCustomerList', () => {
  it(`reads lists for ${NESTED_LIST_CUSTOMER_LIMIT} customers and refuses the next one`, async () => {
    const ids = Array.from({ length: NESTED_LIST_CUSTOMER_LIMIT + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const within = await stack.graphql(`query($ids: [ID!]!) { nestedCounts(customerIds: $ids) }`, { ids: ids.slice(0, -1) }, asKey);
    expect(within.body.errors).toBeUndefined();
    const beyond = await stack.graphql(`query($ids: [ID!]!) { nestedCounts(customerIds: $ids) }`, { ids }, asKey);
    expect(beyond.body.data).toEqual({ nestedCounts: null });
    expect(beyond.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
