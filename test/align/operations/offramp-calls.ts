import type { AlignClient } from '../../../src/align/client.js';
import { catalogue } from '../../../src/align/operations/index.js';
import type { BankAccountBody } from '../../../src/align/operations/shared.js';

/** The catalogue's contract calls for the off-ramp group: each makes what it needs first. */

const ops = catalogue.offramp;

const BANK: BankAccountBody = {
  bank_name: 'Deutsche Bank',
  account_holder_type: 'individual',
  account_holder_first_name: 'Ada',
  account_holder_last_name: 'Lovelace',
  account_holder_address: { country: 'DE', city: 'Berlin', street_line_1: 'Unter den Linden 1', postal_code: '10117' },
  account_type: 'iban',
  iban: { bic: 'DEUTDEFF', iban_number: 'DE89370400440532013000' },
};

const ROUTE = { source_token: 'usdc', source_network: 'polygon', destination_currency: 'usd', destination_payment_rails: 'ach' } as const;

function quote(client: AlignClient, customerId: string) {
  return client.send(ops.createOfframpQuote, [customerId], { ...ROUTE, source_amount: '10', developer_fee_percent: '0.5' });
}

async function transfer(client: AlignClient, customerId: string) {
  const { quote_id: quoteId } = await quote(client, customerId);
  return client.send(ops.createOfframpTransferFromQuote, [customerId, quoteId], { destination_bank_account: BANK, transfer_purpose: 'family' });
}

type Call = (client: AlignClient, fixture: { customerId: string }) => Promise<unknown>;

export const offrampCalls: Record<string, Call> = {
  'POST /v0/customers/:customer_id/offramp-transfer/quote': (client, { customerId }) => quote(client, customerId),
  'POST /v0/customers/:customer_id/offramp-transfer/quote/:quote_id': (client, { customerId }) => transfer(client, customerId),
  'POST /v0/customers/:customer_id/offramp-transfer': (client, { customerId }) =>
    client.send(ops.createOfframpTransfer, [customerId], { ...ROUTE, amount: '12.5', destination_bank_account: BANK }),
  'POST /v0/customers/:customer_id/offramp-transfer/:transfer_id/complete': async (client, { customerId }) => {
    const made = await transfer(client, customerId);
    return client.send(ops.completeOfframpTransfer, [customerId, made.id], { depositTransactionHash: `0x${'1'.repeat(64)}` });
  },
  'POST /v0/customers/:customer_id/offramp-transfer/simulate': async (client, { customerId }) => {
    const made = await transfer(client, customerId);
    return client.send(ops.simulateOfframpTransfer, [customerId], { action: 'complete_transfer', transferId: made.id });
  },
  'GET /v0/customers/:customer_id/offramp-transfer/:transfer_id': async (client, { customerId }) => {
    const made = await transfer(client, customerId);
    return client.send(ops.getOfframpTransfer, [customerId, made.id], undefined);
  },
  'GET /v0/customers/:customer_id/offramp-transfer': async (client, { customerId }) => {
    await transfer(client, customerId);
    return client.send(ops.listOfframpTransfers, [customerId], undefined);
  },
  'POST /v0/customers/:customer_id/external-accounts': (client, { customerId }) => client.send(ops.createExternalAccount, [customerId], BANK),
  'GET /v0/customers/:customer_id/external-accounts': async (client, { customerId }) => {
    await client.send(ops.createExternalAccount, [customerId], BANK);
    return client.send(ops.listExternalAccounts, [customerId], undefined);
  },
};
