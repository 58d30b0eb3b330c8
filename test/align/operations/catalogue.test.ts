import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlignClient } from '../../../src/align/client.js';
import type { AnyOperation } from '../../../src/align/operation.js';
import { allOperations, catalogue } from '../../../src/align/operations/index.js';
import { multipartFile } from '../../../src/align/streamed-body.js';
import { createAlignTransport } from '../../../src/align/transport.js';
import { createAlignSession } from '../../../src/align/session.js';
import { loadConfig } from '../../../src/config.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { upstreamRoutes } from '../../../src/emulator/routes.js';
import { createLogger } from '../../../src/logger.js';
import { EmulatorAdmin } from '../../helpers/stack.js';
import { offrampCalls } from './offramp-calls.js';
import { crossChainCalls } from './cross-chain.calls.js';

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
  'PUT /v0/customers/:customer_id': (client, { customerId }) => client.send(catalogue.customers.updateCustomer, [customerId], { middle_name: 'Q' }),
  'POST /v0/customers/simulate': async (client, { customerId }) => {
    await client.send(catalogue.customers.createKycSession, [customerId], {});
    return client.send(catalogue.customers.simulateCustomer, [], { customerId, action: 'kyc.status.approve' });
  },
  'POST /v0/customers/:customer_id/wallet-ownership': (client, { customerId }) =>
    client.send(catalogue.customers.createWalletOwnershipVerification, [customerId], { walletAddress: '0x52908400098527886E0F7030069857D2E4169EE7' }),
  'POST /v0/files': (client) =>
    client.send(catalogue.files.uploadFile, [], multipartFile({ filename: 'a.pdf', mimeType: 'application/pdf', open: () => Readable.from([Buffer.from('%PDF')]) })),
  'GET /v0/developer/fees': (client) => client.send(catalogue.developerFees.getDeveloperFees, [], undefined),
  'PUT /v0/developer/fees': (client) => client.send(catalogue.developerFees.updateDeveloperFees, [], { onramp: '0.25' }),
  ...offrampCalls,
  ...crossChainCalls,
  ...onrampCalls(),
  ...virtualAccountCalls(),
  'GET /v0/webhooks': (client) => client.send(catalogue.webhooks.listWebhooks, [], undefined),
  'POST /v0/webhooks': (client) => client.send(catalogue.webhooks.createWebhook, [], { url: 'https://example.com/hooks' }),
  'DELETE /v0/webhooks/:webhook_id': async (client) => {
    const created = await client.send(catalogue.webhooks.createWebhook, [], { url: 'https://example.com/gone' });
    return client.send(catalogue.webhooks.deleteWebhook, [created.id], undefined).then(() => 'deleted');
  },
};

const EVM_ADDRESS = '0x52908400098527886e0f7030069857d2e4169ee7';
const onrampBody = { amount: '100.00', source_currency: 'usd', source_rails: 'ach', destination_network: 'polygon', destination_token: 'usdc', destination_address: EVM_ADDRESS };
const onrampQuoteBody = { source_amount: '100.00', source_currency: 'eur', source_payment_rails: 'sepa', destination_token: 'usdc', destination_network: 'base' };

function onrampCalls(): typeof calls {
  const { onramp } = catalogue;
  const transfer = (client: AlignClient, customerId: string) => client.send(onramp.createOnrampTransfer, [customerId], onrampBody);
  return {
    'POST /v0/customers/:customer_id/onramp-transfer/quote': (client, { customerId }) => client.send(onramp.createOnrampQuote, [customerId], onrampQuoteBody),
    'POST /v0/customers/:customer_id/onramp-transfer/quote/:quote_id': async (client, { customerId }) => {
      const quote = await client.send(onramp.createOnrampQuote, [customerId], onrampQuoteBody);
      return client.send(onramp.createOnrampTransferFromQuote, [customerId, quote.quote_id], EVM_ADDRESS);
    },
    'POST /v0/customers/:customer_id/onramp-transfer': (client, { customerId }) => transfer(client, customerId),
    'GET /v0/customers/:customer_id/onramp-transfer/:transfer_id': async (client, { customerId }) =>
      client.send(onramp.getOnrampTransfer, [customerId, (await transfer(client, customerId)).id], undefined),
    'GET /v0/customers/:customer_id/onramp-transfer': async (client, { customerId }) => {
      await transfer(client, customerId);
      return client.send(onramp.listOnrampTransfers, [customerId], undefined);
    },
    'POST /v0/customers/:customer_id/onramp-transfer/simulate': async (client, { customerId }) =>
      client.send(onramp.simulateOnrampTransfer, [customerId], { action: 'complete_transfer', transferId: (await transfer(client, customerId)).id }),
  };
}

function virtualAccountCalls(): typeof calls {
  const { virtualAccounts } = catalogue;
  /** An account of a customer whose KYC is approved (the upstream refuses the others). */
  const account = async (client: AlignClient, customerId: string, currency = 'usd') => {
    await client.send(catalogue.customers.createKycSession, [customerId], {});
    await new EmulatorAdmin(emulator.url).approveKyc(KEY, customerId);
    return client.send(virtualAccounts.createVirtualAccount, [customerId], { source_currency: currency, destination_network: 'solana', destination_token: 'usdc' });
  };
  return {
    'POST /v0/customers/:customer_id/virtual-account': (client, { customerId }) => account(client, customerId),
    'GET /v0/customers/:customer_id/virtual-account/:virtual_account_id': async (client, { customerId }) =>
      client.send(virtualAccounts.getVirtualAccount, [customerId, (await account(client, customerId)).id], undefined),
    'GET /v0/customers/:customer_id/virtual-account': async (client, { customerId }) => {
      await account(client, customerId, 'eur');
      return client.send(virtualAccounts.listVirtualAccounts, [customerId], undefined);
    },
    'POST /v0/customers/:customer_id/virtual-account/simulate': async (client, { customerId }) => {
      const pending = await account(client, customerId, 'aed');
      return client.send(virtualAccounts.simulateVirtualAccount, [customerId], { action: 'issue_pending_virtual_account', virtualAccountId: pending.id });
    },
  };
}

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
    await calls[key]!(client, { customerId: seeded.customer_id as string });
    expect(client.session.usage.calls).toBeGreaterThanOrEqual(1);
  });

  it('points list items and write refreshes at reads of the catalogue', () => {
    const reads = new Set<AnyOperation>(operations.filter((operation) => operation.retry === 'read'));
    for (const operation of operations) {
      if (operation.items) expect(reads.has(operation.items.read)).toBe(true);
      if (operation.refreshes) expect(reads.has(operation.refreshes.read)).toBe(true);
      if (operation.invalidates) expect(reads.has(operation.invalidates.read)).toBe(true);
    }
  });
});
