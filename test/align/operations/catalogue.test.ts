import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlignClient } from '../../../src/align/client.js';
import type { AnyOperation } from '../../../src/align/operation.js';
import { allOperations, catalogue } from '../../../src/align/operations/index.js';
import { createAlignSession, createAlignTransport } from '../../../src/align/transport.js';
import { loadConfig } from '../../../src/config.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { upstreamRoutes } from '../../../src/emulator/routes.js';
import { createLogger } from '../../../src/logger.js';
import { EmulatorAdmin } from '../../helpers/stack.js';

/**
 * The contract between the catalogue (what the server calls) and the emulator (what it answers): the
 * emulator is self-contained, so nothing else keeps the two in step.
 */

const KEY = 'catalogue-contract-key-3d1a';

/** One real call per operation, against fixtures made for it. Every catalogue operation needs a row. */
type Fixture = { customerId: string };
const calls: Record<string, (client: AlignClient, fixture: Fixture) => Promise<unknown>> = {
  'GET /v0/customers': (client) => client.send(catalogue.customers.listCustomers, [], {}),
  'GET /v0/customers/:customer_id': (client, { customerId }) => client.send(catalogue.customers.getCustomer, [customerId], undefined),
  'POST /v0/customers': (client) =>
    client.send(catalogue.customers.createCustomer, [], { email: `${randomUUID()}@example.com`, type: 'corporate', company_name: 'Contract Co' }),
  'POST /v0/customers/:customer_id/kycs': (client, { customerId }) =>
    client.send(catalogue.customers.createKycSession, [customerId], { redirectUri: 'https://example.com/done' }),
  'GET /v0/webhooks': (client) => client.send(catalogue.webhooks.listWebhooks, [], undefined),
  'POST /v0/webhooks': (client) => client.send(catalogue.webhooks.createWebhook, [], { url: 'https://example.com/hooks' }),
  'DELETE /v0/webhooks/:webhook_id': async (client) => {
    const created = await client.send(catalogue.webhooks.createWebhook, [], { url: 'https://example.com/gone' });
    return client.send(catalogue.webhooks.deleteWebhook, [created.id], undefined).then(() => 'deleted');
  },
};

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

function newClient(): AlignClient {
  const config = loadConfig({});
  const transport = createAlignTransport(config, new URL(emulator.url), createLogger('silent', { write: () => undefined }));
  return new AlignClient(transport, createAlignSession(KEY, randomUUID(), 5_000));
}

describe('the operation catalogue', () => {
  const operations = allOperations();

  it('declares each upstream route once', () => {
    const keys = operations.map((operation) => operation.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(operations.map((operation) => [operation.key, operation] as const))('%s has an emulator route', (key) => {
    expect(upstreamRoutes.has(key)).toBe(true);
  });

  it('has a contract call for every operation, and no call for an operation it lacks', () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((operation) => operation.key).sort());
  });

  it.each(operations.map((operation) => [operation.key] as const))('%s: the parser accepts the emulator answer', async (key) => {
    const seeded = await new EmulatorAdmin(emulator.url).seedCustomer(KEY, {
      email: `${randomUUID()}@example.com`,
      type: 'individual',
      first_name: 'Cat',
      last_name: 'Alogue',
    });
    const client = newClient();
    // A parser that refuses the answer throws AlignBadResponseError, failing the test.
    await expect(calls[key]!(client, { customerId: seeded.customer_id as string })).resolves.toBeDefined();
    expect(client.session.usage.calls).toBeGreaterThanOrEqual(1);
  });

  it('points list items and write refreshes at reads of the catalogue', () => {
    const reads = new Set<AnyOperation>(operations.filter((operation) => operation.retry === 'read'));
    for (const operation of operations) {
      if (operation.items) expect(reads.has(operation.items.read)).toBe(true);
      if (operation.refreshes) expect(reads.has(operation.refreshes.read)).toBe(true);
    }
  });
});
