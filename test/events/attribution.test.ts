import { describe, expect, it } from '@jest/globals';
import { defineOperation } from '../../src/align/operation.js';
import { getCustomer } from '../../src/align/operations/customers.js';
import { attributionOfRead, MemoryAttributionIndex, rememberReads } from '../../src/events/attribution.js';
import { tenantOf } from '../../src/events/tenants.js';
import { Loaders } from '../../src/graphql/loaders.js';

/** The attribution index and the loaders' hook that fills it, for any group's GET by id. */

const getOnramp = defineOperation({ method: 'GET', route: '/v0/customers/:customer_id/onramp-transfer/:transfer_id', retry: 'read', parse: (answer) => answer });
const getExternal = defineOperation({ method: 'GET', route: '/v0/customers/:customer_id/external-accounts/:account_id', retry: 'read', parse: (answer) => answer });

describe('attribution', () => {
  it('reads (kind, id) -> customer from a customer-scoped GET by id, for the kinds webhooks name only', () => {
    expect(attributionOfRead(getOnramp, ['CUST-1', 'T-1'])).toEqual({ kind: 'onramp_transfer', id: 't-1', customerId: 'cust-1' });
    expect(attributionOfRead(getExternal, ['c', 'a'])).toBeUndefined();
    expect(attributionOfRead(getCustomer, ['c'])).toBeUndefined();
  });

  it('is fed by the loaders whenever an object is primed (list items, write answers), per tenant', async () => {
    const index = new MemoryAttributionIndex();
    const loaders = new Loaders(() => {
      throw new Error('no upstream call expected');
    }, rememberReads(index, 'key-one'));
    loaders.prime(getOnramp, ['cust-9', 'transfer-9'], { id: 'transfer-9' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await index.customerOf(tenantOf('key-one'), 'onramp_transfer', 'TRANSFER-9')).toBe('cust-9');
    expect(await index.customerOf(tenantOf('key-two'), 'onramp_transfer', 'transfer-9')).toBeNull();
  });

  it('keeps the most recent entries only', async () => {
    const index = new MemoryAttributionIndex(2);
    await index.remember('t', 'virtual_account', 'a', 'c1');
    await index.remember('t', 'virtual_account', 'b', 'c2');
    await index.remember('t', 'virtual_account', 'a', 'c1');
    await index.remember('t', 'virtual_account', 'c', 'c3');
    expect(await index.customerOf('t', 'virtual_account', 'b')).toBeNull();
    expect(await index.customerOf('t', 'virtual_account', 'a')).toBe('c1');
  });
});
