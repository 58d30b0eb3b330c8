import type { AlignClient } from '../../../src/align/client.js';
import { catalogue } from '../../../src/align/operations/index.js';

/** The catalogue contract calls of the cross-chain group (test/align/operations/catalogue.test.ts). */

const { crossChain } = catalogue;
type Call = (client: AlignClient, fixture: { customerId: string }) => Promise<unknown>;

const TRANSFER = {
  amount: '12.5',
  source_network: 'ethereum',
  source_token: 'usdc',
  destination_network: 'solana',
  destination_token: 'usdc',
  destination_address: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
};
const ROUTE = { destination_network: 'ethereum', destination_token: 'usdc', destination_address: '0x52908400098527886E0F7030069857D2E4169EE7' };

const newTransfer = (client: AlignClient, customerId: string) => client.send(crossChain.createCrossChainTransfer, [customerId], TRANSFER);
const newRoute = (client: AlignClient, customerId: string) => client.send(crossChain.createPermanentRouteAddress, [customerId], ROUTE);

export const crossChainCalls: Record<string, Call> = {
  'POST /v0/customers/:customer_id/cross-chain-transfer/quote': (client, { customerId }) =>
    client.send(crossChain.createCrossChainQuote, [customerId], {
      destination_amount: '20',
      source_token: 'usdt',
      source_network: 'tron',
      destination_token: 'usdc',
      destination_network: 'base',
      developer_fee_percent: '0.5',
    }),
  'POST /v0/customers/:customer_id/cross-chain-transfer': (client, { customerId }) => newTransfer(client, customerId),
  'POST /v0/customers/:customer_id/cross-chain-transfer/:transfer_id/complete': async (client, { customerId }) => {
    const { id } = await newTransfer(client, customerId);
    return client.send(crossChain.completeCrossChainTransfer, [customerId, id], { depositTransactionHash: `0x${'c'.repeat(64)}` });
  },
  'GET /v0/customers/:customer_id/cross-chain-transfer/:transfer_id': async (client, { customerId }) => {
    const { id } = await newTransfer(client, customerId);
    return client.send(crossChain.getCrossChainTransfer, [customerId, id], undefined);
  },
  'POST /v0/customers/:customer_id/cross-chain-transfer/permanent-route-address': (client, { customerId }) => newRoute(client, customerId),
  'GET /v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/:permanent_route_address_id': async (client, { customerId }) => {
    const route = await newRoute(client, customerId);
    return client.send(crossChain.getPermanentRouteAddress, [customerId, route.permanent_route_address_id], undefined);
  },
  'GET /v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/list': async (client, { customerId }) => {
    await newRoute(client, customerId);
    return client.send(crossChain.listPermanentRouteAddresses, [customerId], undefined);
  },
};
