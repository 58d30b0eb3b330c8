import { describe, expect, it } from '@jest/globals';
import { crossChainTabs } from '../../../src/http/explorer-tabs/cross-chain.js';
import { explorerTabs } from '../../../src/http/explorer-tabs/index.js';
import { useSharedStack } from '../../helpers/stack.js';

/** The cross-chain explorer tabs run as they stand once a customer id is pasted in. */

const KEY = 'explorer-cross-chain-key-0b6d';
const stack = useSharedStack();

async function run(query: string, operationName: string, variables: Record<string, unknown>) {
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-key': KEY },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe('the cross-chain explorer tabs', () => {
  it('are offered by the explorer', () => {
    const queries = explorerTabs().map((tab) => tab.query);
    for (const tab of crossChainTabs()) expect(queries).toContain(tab.query);
  });

  it('take a transfer from quote to COMPLETED, and create and list a route', async () => {
    const seeded = await stack.admin.seedCustomer(KEY, { email: 'explorer.chain@example.com', type: 'individual', first_name: 'E', last_name: 'X' });
    const [transferTab, routeTab] = crossChainTabs();
    const variables = { ...JSON.parse(transferTab!.variables), customerId: seeded.customer_id };

    expect((await run(transferTab!.query, 'CrossChainQuote', variables)).errors).toBeUndefined();
    const created = await run(transferTab!.query, 'CreateCrossChainTransfer', variables);
    expect(created.errors).toBeUndefined();
    variables.transferId = created.data!.createCrossChainTransfer.id;
    expect((await run(transferTab!.query, 'CompleteCrossChainTransfer', variables)).errors).toBeUndefined();
    const read = await run(transferTab!.query, 'CrossChainTransfer', variables);
    expect(read.data!.crossChainTransfer.status).toBe('COMPLETED');

    const routeVariables = { ...JSON.parse(routeTab!.variables), customerId: seeded.customer_id };
    const route = await run(routeTab!.query, 'CreatePermanentRouteAddress', routeVariables);
    expect(route.errors).toBeUndefined();
    const listed = await run(routeTab!.query, 'PermanentRouteAddresses', routeVariables);
    expect(listed.data!.permanentRouteAddresses.map((entry: { id: string }) => entry.id)).toEqual([route.data!.createPermanentRouteAddress.id]);
  });
});
