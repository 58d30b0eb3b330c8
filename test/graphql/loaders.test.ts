import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlignClient } from '../../src/align/client.js';
import { virtualAccountOperations as align } from '../../src/align/operations/virtual-accounts.js';
import { createAlignTransport } from '../../src/align/transport.js';
import { createAlignSession } from '../../src/align/session.js';
import { loadConfig } from '../../src/config.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { Loaders } from '../../src/graphql/loaders.js';
import { createLogger } from '../../src/logger.js';
import { EmulatorAdmin } from '../helpers/stack.js';

/** The request's loaders against a real emulator: what lists prime, and what clear forgets. */

const KEY = 'loaders-key-81c3';
const GET = 'GET /v0/customers/:customer_id/virtual-account/:virtual_account_id';

let emulator: RunningEmulator;
let admin: EmulatorAdmin;
beforeAll(async () => {
  emulator = await startEmulator();
  admin = new EmulatorAdmin(emulator.url);
});
afterAll(async () => {
  await emulator.close();
});

function newLoaders(): Loaders {
  const transport = createAlignTransport(loadConfig({}), new URL(emulator.url), createLogger('silent', { write: () => undefined }));
  const client = new AlignClient(transport, createAlignSession(KEY, randomUUID(), 5_000));
  return new Loaders(() => client);
}

describe('Loaders', () => {
  it("primes the GET by id of each item of a customer's list, keyed by the list's customer", async () => {
    const customer = await admin.seedCustomer(KEY, { email: `${randomUUID()}@example.com`, type: 'individual', first_name: 'L', last_name: 'O' });
    const customerId = customer.customer_id as string;
    const id = await admin.seed(KEY, 'virtual-accounts', { status: 'active' }, customerId);
    const loaders = newLoaders();
    await loaders.load(align.listVirtualAccounts, [customerId]);
    expect(await loaders.load(align.getVirtualAccount, [customerId, id])).toMatchObject({ id, status: 'active' });
    expect(await admin.requestCount(GET)).toBe(0);

    // Cleared, the next read asks the upstream again.
    loaders.clear(align.getVirtualAccount, [customerId, id]);
    expect(await loaders.load(align.getVirtualAccount, [customerId, id])).toMatchObject({ id });
    expect(await admin.requestCount(GET)).toBe(1);
  });
});
