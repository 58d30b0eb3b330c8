import { defineOperation, echoesOf } from '../operation.js';
import { arrayOf, asObject, optionalString, requiredString } from '../shape.js';
import { parseBankAccount, type AlignBankAccount, type BankAccountBody } from './shared.js';

/**
 * External accounts (docs/align-api.md §12): a customer's saved bank accounts, which off-ramp
 * transfers can pay out to by id. There is no GET by id: one is found in its customer's list.
 */

export interface AlignExternalAccount extends AlignBankAccount {
  readonly id: string;
  readonly created_at: string | null;
}

const ACCOUNTS = '/v0/customers/:customer_id/external-accounts';

export const listExternalAccounts = defineOperation({
  method: 'GET',
  route: ACCOUNTS,
  retry: 'read',
  parse: (answer) => arrayOf(asObject(answer, 'external account list').items, 'items', parseExternalAccount),
});

export const createExternalAccount = defineOperation({
  method: 'POST',
  route: ACCOUNTS,
  retry: 'U',
  body: (body: BankAccountBody) => body,
  parse: (answer) => parseExternalAccount(answer, 'external account'),
  // The answer repeats the account sent; a field it leaves out is still what was sent.
  complete: echoesOf<BankAccountBody>(
    'bank_name',
    'account_type',
    'account_holder_type',
    'account_holder_first_name',
    'account_holder_last_name',
    'account_holder_business_name',
    'account_holder_address',
    'iban',
    'us',
  ),
});

export const externalAccountOperations = { createExternalAccount, listExternalAccounts } as const;

function parseExternalAccount(value: unknown, what: string): AlignExternalAccount {
  const raw = asObject(value, what);
  return {
    ...parseBankAccount(raw, what),
    id: requiredString(raw, 'id', what),
    created_at: optionalString(raw, 'created_at', what),
  };
}
