import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { AlignClient } from '../../../../src/align/client.js';
import { crossChainOperations as align } from '../../../../src/align/operations/cross-chain.js';
import { createAlignTransport } from '../../../../src/align/transport.js';
import { createAlignSession } from '../../../../src/align/session.js';
import { loadConfig } from '../../../../src/config.js';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator/index.js';
import { Loaders } from '../../../../src/graphql/loaders.js';
import { createLogger } from '../../../../src/logger.js';
import { EmulatorAdmin } from '../../../helpers/stack.js';
import { EVM_ADDRESS, seedCustomerId } from './fixtures.js';

/**
 * A customer's route list answers the GETs by id of its items: the list's own path ids (the
 * customer) complete each item's key. Tested on the loaders, because GraphQL resolves sibling root
 * fields at the same time and so cannot order a list before a read.
 */

const KEY = 'list-items-key-61c0';
const GET_ROUTE = 'GET /v0/customers/:customer_id/cross-chain-transfer/permanent-route-address/:permanent_route_address_id';
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

it('primes getPermanentRouteAddress under [customerId, id] when the list is read', async () => {
  const admin = new EmulatorAdmin(emulator.url);
  const customerId = await seedCustomerId(admin, KEY);
  const transport = createAlignTransport(loadConfig({}), new URL(emulator.url), createLogger('silent', { write: () => undefined }));
  const client = new AlignClient(transport, createAlignSession(KEY, randomUUID(), 5_000));
  const body = { destination_network: 'polygon', destination_token: 'usdc', destination_address: EVM_ADDRESS };
  const created = await client.send(align.createPermanentRouteAddress, [customerId], body);

  const loaders = new Loaders(() => client);
  const listed = await loaders.load(align.listPermanentRouteAddresses, [customerId]);
  const read = await loaders.load(align.getPermanentRouteAddress, [customerId, created.permanent_route_address_id]);
  expect(read).toEqual(listed![0]);
  expect(await admin.requestCount(GET_ROUTE)).toBe(0);
});
