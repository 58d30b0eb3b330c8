import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../src/graphql/context.js';
import { graphqlModules } from '../../../src/graphql/modules/index.js';
import { Customer } from '../../../src/graphql/modules/customers/customer.type.js';
import { uniqueEmail, useSharedStack } from '../../helpers/stack.js';

/**
 * A group that adds a field to another group's entity, as later groups add `Customer.virtualAccounts`:
 * the field must reach the subgraph's resolver map, through a root query and through `_entities`.
 */
@Resolver(() => Customer)
class CustomerExtrasResolver {
  @FieldResolver(() => String, { description: 'For the test: the email, upper-cased.' })
  shoutedEmail(@Root() customer: Customer): string {
    return customer.email.toUpperCase();
  }

  @FieldResolver(() => Int, { description: 'For the test: upstream calls this request has made so far.' })
  callsSoFar(@Ctx() context: GraphQLContext): number {
    return context.upstreamUsage()?.calls ?? 0;
  }
}

const KEY = 'field-resolver-key-71c0';
const asKey = { headers: { 'api-key': KEY } };
const stack = useSharedStack({
  modules: [...graphqlModules, { resolvers: [CustomerExtrasResolver] }],
});

async function seed(): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('fields');
  const seeded = await stack.admin.seedCustomer(KEY, { email, type: 'individual', first_name: 'F', last_name: 'R' });
  return { id: seeded.customer_id as string, email };
}

describe('a field resolver added on Customer by another group', () => {
  it('is answered through a root query', async () => {
    const { id, email } = await seed();
    const { body } = await stack.graphql(`query($id: ID!) { customer(id: $id) { id shoutedEmail callsSoFar } }`, { id }, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ customer: { id, shoutedEmail: email.toUpperCase(), callsSoFar: 1 } });
  });

  it('is answered through _entities', async () => {
    const { id, email } = await seed();
    const { body } = await stack.graphql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id shoutedEmail } } }`,
      { r: [{ __typename: 'Customer', id }] },
      asKey,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ _entities: [{ id, shoutedEmail: email.toUpperCase() }] });
  });

  it('is in the subgraph SDL a gateway composes from', async () => {
    const { body } = await stack.graphql<{ _service: { sdl: string } }, undefined>('{ _service { sdl } }');
    expect(body.data!._service.sdl).toMatch(/shoutedEmail: String!/);
  });
});
