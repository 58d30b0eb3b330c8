import { describe, expect, it } from '@jest/globals';
import { useSharedStack } from '../../../helpers/stack.js';
import { approvedCustomer, asKey, KEY } from './fixtures.js';

const stack = useSharedStack();

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on VirtualAccount { id customerId accountStatus: status customer { id } }
    ... on OnrampTransfer { id customerId status amount }
  }
}`;

async function seedMany(collection: string, customerId: string, count: number, record: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await stack.admin.seed(KEY, collection, record, customerId));
  return ids;
}

describe('VirtualAccount and OnrampTransfer as entities keyed customerId id', () => {
  it('resolves 100 representations of 10 virtual accounts with 10 upstream GETs, in order', async () => {
    const customerId = await approvedCustomer(stack);
    const ids = await seedMany('virtual-accounts', customerId, 10, { status: 'active', destination_network: 'polygon' });
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'VirtualAccount', customerId, id: ids[i % 10] }));
    const { body } = await stack.graphql<{ _entities: Array<{ id: string }> }, unknown>(ENTITIES, { representations }, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((entity) => entity.id)).toEqual(representations.map((representation) => representation.id));
    expect(body.data!._entities[0]).toEqual({ id: ids[0], customerId, accountStatus: 'ACTIVE', customer: { id: customerId } });
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id/virtual-account/:virtual_account_id')).toBe(10);
    // The nested customer of all 100 is one read.
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(1);
  });

  it('resolves on-ramp transfers the same way; unknown ids are null, malformed ones cost no call', async () => {
    const customerId = await approvedCustomer(stack);
    const ids = await seedMany('onramp-transfers', customerId, 3, { status: 'completed', amount: 12.5 });
    const representations = [
      ...ids.map((id) => ({ __typename: 'OnrampTransfer', customerId, id })),
      { __typename: 'OnrampTransfer', customerId, id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'OnrampTransfer', customerId, id: 'not-a-uuid' },
      { __typename: 'OnrampTransfer', id: ids[0] },
    ];
    const { body } = await stack.graphql<{ _entities: unknown[] }, unknown>(ENTITIES, { representations }, asKey);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([...ids.map((id) => ({ id, customerId, status: 'COMPLETED', amount: '12.5' })), null, null, null]);
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id/onramp-transfer/:transfer_id')).toBe(4);
  });

});
