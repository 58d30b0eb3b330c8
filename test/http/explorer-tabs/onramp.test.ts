import { describe, expect, it } from '@jest/globals';
import { onrampTabs } from '../../../src/http/explorer-tabs/onramp.js';
import { approvedCustomer, asKey } from '../../graphql/modules/onramp/fixtures.js';
import { useSharedStack } from '../../helpers/stack.js';

const stack = useSharedStack();

describe('the on-ramp explorer tabs', () => {
  it('run as they stand once a customer id is pasted: the account, then its activity', async () => {
    const customerId = await approvedCustomer(stack);
    const [create, activity] = onrampTabs();
    const created = await stack.graphql<{ createVirtualAccount: { id: string; status: string } }, unknown>(
      create!.query,
      { ...(JSON.parse(create!.variables) as object), customerId },
      asKey,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createVirtualAccount.status).toBe('ACTIVE');
    const read = await stack.graphql(activity!.query, { ...(JSON.parse(activity!.variables) as object), customerId }, asKey);
    expect(read.body).toEqual({ data: { virtualAccounts: [{ id: created.body.data!.createVirtualAccount.id, status: 'ACTIVE' }], onrampTransfers: [] } });
  });

  it('name no operation after the customer tabs (the browser test finds those by name)', () => {
    for (const tab of onrampTabs()) expect(/(?:query|mutation) (\w+)/.exec(tab.query)![1]).not.toMatch(/Customer/);
  });
});
