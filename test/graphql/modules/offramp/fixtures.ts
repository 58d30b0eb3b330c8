import type { BankAccountInput, CreateOfframpQuoteInput, CreateOfframpTransferInput } from '../../../generated/graphql.js';
import {
  CreateExternalAccountDocument,
  CreateOfframpQuoteDocument,
  CreateOfframpTransferFromQuoteDocument,
} from '../../../generated/graphql.js';
import { uniqueEmail, type TestStack } from '../../../helpers/stack.js';

/** Inputs and steps the off-ramp tests share: valid by default, so each test breaks only what it tests. */

export const TRANSFER_ROUTE = 'POST /v0/customers/:customer_id/offramp-transfer';
export const TRANSFER_LIST_ROUTE = 'GET /v0/customers/:customer_id/offramp-transfer';
export const TRANSFER_GET_ROUTE = 'GET /v0/customers/:customer_id/offramp-transfer/:transfer_id';
export const QUOTE_ROUTE = 'POST /v0/customers/:customer_id/offramp-transfer/quote';
export const FROM_QUOTE_ROUTE = 'POST /v0/customers/:customer_id/offramp-transfer/quote/:quote_id';
export const COMPLETE_ROUTE = 'POST /v0/customers/:customer_id/offramp-transfer/:transfer_id/complete';
export const SIMULATE_ROUTE = 'POST /v0/customers/:customer_id/offramp-transfer/simulate';
export const ACCOUNT_ROUTE = 'POST /v0/customers/:customer_id/external-accounts';
export const ACCOUNT_LIST_ROUTE = 'GET /v0/customers/:customer_id/external-accounts';

/** A deposit hash in EVM form. */
export const HASH = `0x${'ab'.repeat(32)}`;

export const IBAN_ACCOUNT: BankAccountInput = {
  bankName: 'Deutsche Bank',
  accountHolder: { individual: { firstName: 'Ada', lastName: 'Lovelace' } },
  accountHolderAddress: { country: 'DE', city: 'Berlin', streetLine1: 'Unter den Linden 1', postalCode: '10117' },
  account: { iban: { bic: 'DEUTDEFF', ibanNumber: 'DE89 3704 0044 0532 0130 00' } },
};

export const US_ACCOUNT: BankAccountInput = {
  bankName: 'Chase',
  accountHolder: { business: { businessName: 'Analytical Engines Inc' } },
  accountHolderAddress: { country: 'US', city: 'New York', streetLine1: '1 Main St', postalCode: '10001' },
  account: { us: { accountNumber: '123456789', routingNumber: '021000021' } },
};

/** 0.1 USDC with a 0.001 % developer fee: a fee of exactly 0.000001, and 0.099999 USD paid out. */
export const QUOTE_INPUT: CreateOfframpQuoteInput = {
  amount: { sourceAmount: '0.1' },
  sourceToken: 'USDC',
  sourceNetwork: 'POLYGON',
  destinationCurrency: 'USD',
  destinationPaymentRails: 'ACH',
  developerFeePercent: '0.001',
};

export const DIRECT_INPUT: CreateOfframpTransferInput = {
  amount: '25.5',
  sourceToken: 'USDT',
  sourceNetwork: 'ETHEREUM',
  destinationCurrency: 'USD',
  destinationPaymentRails: 'WIRE',
  destinationBankAccount: US_ACCOUNT,
  transferPurpose: 'SALARIES',
};

export const as = (key: string) => ({ headers: { 'api-key': key } });

export async function newCustomer(stack: TestStack, key: string): Promise<string> {
  const seeded = await stack.admin.seedCustomer(key, { email: uniqueEmail('offramp'), type: 'individual', first_name: 'Ada', last_name: 'Lovelace' });
  return seeded.customer_id as string;
}

export async function newQuote(stack: TestStack, key: string, customerId: string, input = QUOTE_INPUT): Promise<string> {
  const { body } = await stack.graphql(CreateOfframpQuoteDocument, { customerId, input }, as(key));
  if (body.errors) throw new Error(`quote failed: ${JSON.stringify(body.errors)}`);
  return body.data!.createOfframpQuote.id;
}

export async function newTransfer(stack: TestStack, key: string, customerId: string): Promise<string> {
  const quoteId = await newQuote(stack, key, customerId);
  const { body } = await stack.graphql(
    CreateOfframpTransferFromQuoteDocument,
    { customerId, quoteId, input: { destination: { bankAccount: IBAN_ACCOUNT } } },
    as(key),
  );
  if (body.errors) throw new Error(`transfer failed: ${JSON.stringify(body.errors)}`);
  return body.data!.createOfframpTransferFromQuote.id;
}

export async function newExternalAccount(stack: TestStack, key: string, customerId: string, input = IBAN_ACCOUNT): Promise<string> {
  const { body } = await stack.graphql(CreateExternalAccountDocument, { customerId, input }, as(key));
  if (body.errors) throw new Error(`external account failed: ${JSON.stringify(body.errors)}`);
  return body.data!.createExternalAccount.id;
}

/** The off-ramp transfers the upstream holds for a customer, read straight from the emulator. */
export async function transfersUpstream(stack: TestStack, key: string, customerId: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${stack.emulator.url}/v0/customers/${customerId}/offramp-transfer`, { headers: { 'api-key': key } });
  return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
}

export async function accountsUpstream(stack: TestStack, key: string, customerId: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${stack.emulator.url}/v0/customers/${customerId}/external-accounts`, { headers: { 'api-key': key } });
  return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
}
