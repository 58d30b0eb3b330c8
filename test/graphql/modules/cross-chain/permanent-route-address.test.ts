import { describe, expect, it } from '@jest/globals';
import {
  CreatePermanentRouteAddressDocument,
  CrossChainEntitiesDocument,
  CustomerPermanentRouteAddressesDocument,
  GetCrossChainTransferDocument,
  GetPermanentRouteAddressDocument,
  ListPermanentRouteAddressesDocument,
} from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';
import { EVM_ADDRESS, ROUTE_INPUT, seedCustomerId, SOLANA_ADDRESS, TRON_ADDRESS } from './fixtures.js';

/** Permanent route addresses through /graphql: created, listed, read, resolved as entities, and deposited into. */

const KEY = 'test-key-routes-7c41';
const OTHER_KEY = 'test-key-routes-other-20d9';
const as = (key: string) => ({ headers: { 'api-key': key } });
const GET_ROUTE = 'GET /v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/:permanent_route_address_id';
const LIST_ROUTE = 'GET /v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/list';
const stack = useSharedStack();

async function createRoute(customerId: string, key = KEY) {
  const { body } = await stack.graphql(CreatePermanentRouteAddressDocument, { customerId, input: ROUTE_INPUT }, as(key));
  expect(body.errors).toBeUndefined();
  return body.data!.createPermanentRouteAddress;
}

describe('a permanent route address', () => {
  it('is created with one address per source chain, each in its chain format', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const route = await createRoute(customerId);
    expect(route.customerId).toBe(customerId);
    expect(route.routeDestination).toEqual({ network: 'POLYGON', token: 'USDT', address: EVM_ADDRESS });
    const byNetwork = Object.fromEntries(route.routeChainAddresses.map((entry) => [entry.network, entry.address]));
    expect(Object.keys(byNetwork).sort()).toEqual(['BASE', 'ETHEREUM', 'POLYGON', 'SOLANA', 'TRON']);
    expect(byNetwork.ETHEREUM).toMatch(/^0x[0-9a-f]{40}$/);
    expect(byNetwork.TRON).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    expect(byNetwork.SOLANA).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
  });

  it('is listed, also as Customer.permanentRouteAddresses, and read by id', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const first = await createRoute(customerId);
    const second = await createRoute(customerId);

    const listed = await stack.graphql(ListPermanentRouteAddressesDocument, { customerId }, as(KEY));
    expect(listed.body.data!.permanentRouteAddresses!.map((route) => route.id)).toEqual([first.id, second.id]);

    const nested = await stack.graphql(CustomerPermanentRouteAddressesDocument, { id: customerId }, as(KEY));
    expect(nested.body.data!.customer!.permanentRouteAddresses).toEqual([first, second]);

    const read = await stack.graphql(GetPermanentRouteAddressDocument, { customerId, id: second.id }, as(KEY));
    expect(read.body.data!.permanentRouteAddress).toEqual({ ...second, customer: { id: customerId } });
  });

  it('is resolved through _entities with one GET per distinct key; malformed keys and other tenants give null', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const route = await createRoute(customerId);
    const representations = [
      ...Array.from({ length: 5 }, () => ({ __typename: 'PermanentRouteAddress', customerId, id: route.id })),
      { __typename: 'PermanentRouteAddress', customerId, id: 'not-a-uuid' },
    ];
    const { body } = await stack.graphql(CrossChainEntitiesDocument, { representations }, as(KEY));
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([...Array(5).fill(route), null]);
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(1);

    const foreign = await stack.graphql(CrossChainEntitiesDocument, { representations: representations.slice(0, 1) }, as(OTHER_KEY));
    expect(foreign.body.data!._entities).toEqual([null]);
  });

  it('turns a deposit into a cross-chain transfer of its customer, readable by query and as an entity', async () => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const route = await createRoute(customerId);
    const deposit = await stack.admin.post('deposits', { api_key: KEY, permanent_route_address_id: route.id, amount: '250.5' });
    expect(deposit).toEqual({ status: 201, body: { transfer_id: expect.any(String), kind: 'cross-chain', customer_id: customerId } });
    const transferId = (deposit.body as { transfer_id: string }).transfer_id;

    const read = await stack.graphql(GetCrossChainTransferDocument, { customerId, id: transferId }, as(KEY));
    expect(read.body.errors).toBeUndefined();
    const deposited = route.routeChainAddresses[0]!;
    expect(read.body.data!.crossChainTransfer).toMatchObject({
      id: transferId,
      status: 'COMPLETED',
      amount: '250.5',
      sourceNetwork: deposited.network,
      destinationNetwork: 'POLYGON',
      destinationToken: 'USDT',
      destinationAddress: EVM_ADDRESS,
      quote: { depositNetwork: deposited.network, depositAddress: deposited.address, depositAmount: '250.5' },
    });

    const entity = await stack.graphql(CrossChainEntitiesDocument, { representations: [{ __typename: 'CrossChainTransfer', customerId, id: transferId }] }, as(KEY));
    expect(entity.body.data!._entities).toEqual([expect.objectContaining({ id: transferId, status: 'COMPLETED' })]);

    const events = await stack.admin.events(KEY);
    expect(events.at(-1)).toMatchObject({
      event_type: 'cross_chain_transfer.status.updated',
      entity_type: 'cross_chain_transfer',
      entity_id: transferId,
      event_payload: { permanent_route_address: { id: route.id } },
    });
  });

  it('reads an unknown customer as a null list', async () => {
    const listed = await stack.graphql(ListPermanentRouteAddressesDocument, { customerId: '00000000-0000-4000-8000-000000000000' }, as(KEY));
    expect(listed.body).toEqual({ data: { permanentRouteAddresses: null } });
    expect(await stack.admin.requestCount(LIST_ROUTE)).toBe(1);
  });
});

describe('createPermanentRouteAddress input', () => {
  it.each([
    ['an EVM address with a bad length', 'ETHEREUM', EVM_ADDRESS.slice(0, -1), /EVM address/],
    ['a Solana address with 0, O, I and l', 'SOLANA', `${SOLANA_ADDRESS.slice(0, 40)}0OIl`, /Solana address/],
    ['a Tron address without T', 'TRON', `X${TRON_ADDRESS.slice(1)}`, /Tron address/],
  ])('refuses %s before any call', async (_name, destinationNetwork, destinationAddress, message) => {
    const customerId = await seedCustomerId(stack.admin, KEY);
    const { body } = await stack.graphql(
      CreatePermanentRouteAddressDocument,
      { customerId, input: { ...ROUTE_INPUT, destinationNetwork: destinationNetwork as 'ETHEREUM', destinationAddress } },
      as(KEY),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'input.destinationAddress', message: expect.stringMatching(message) }] });
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});
