import { describe, expect, it } from '@jest/globals';
import {
  CompleteOfframpTransferDocument,
  CreateExternalAccountDocument,
  CreateOfframpQuoteDocument,
  CreateOfframpTransferDocument,
  CreateOfframpTransferFromQuoteDocument,
  GetOfframpTransferDocument,
} from '../../../generated/graphql.js';
import { useSharedStack } from '../../../helpers/stack.js';
import { as, DIRECT_INPUT, HASH, IBAN_ACCOUNT, QUOTE_INPUT, US_ACCOUNT } from './fixtures.js';

/** Every off-ramp input rule runs before any upstream call, and reports each broken field with its path. */

const KEY = 'offramp-validation-key-19ae';
const CUSTOMER = '6f1c2a9e-3b4d-4c5e-8f60-718293a4b5c6';
const QUOTE = '0b7e9c1d-2f3a-4b5c-9d6e-7f8091a2b3c4';
const stack = useSharedStack();

async function expectRefused(result: Promise<{ body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }>, paths: string[]) {
  const { body } = await result;
  const extensions = body.errors?.[0]?.extensions as { code: string; fieldErrors?: Array<{ path: string; message: string }> };
  expect(extensions.code).toBe('BAD_USER_INPUT');
  expect(extensions.fieldErrors?.map((error) => error.path).sort()).toEqual([...paths].sort());
  expect(await stack.admin.totalRequests()).toBe(0);
}

describe('bank accounts', () => {
  it('reports a bad IBAN and BIC inside an inline destination with their full paths', async () => {
    const bankAccount = { ...IBAN_ACCOUNT, account: { iban: { bic: 'DEUT', ibanNumber: 'DE89370400440532013001' } } };
    await expectRefused(
      stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId: CUSTOMER, quoteId: QUOTE, input: { destination: { bankAccount } } }, as(KEY)),
      ['input.destination.bankAccount.account.iban.bic', 'input.destination.bankAccount.account.iban.ibanNumber'],
    );
  });

  it('reports a bad ABA routing number and account number of a direct transfer', async () => {
    const destinationBankAccount = { ...US_ACCOUNT, account: { us: { accountNumber: '12ab', routingNumber: '021000022' } } };
    const { body } = await stack.graphql(CreateOfframpTransferDocument, { customerId: CUSTOMER, input: { ...DIRECT_INPUT, destinationBankAccount } }, as(KEY));
    expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: 'input.destinationBankAccount.account.us.accountNumber', message: 'accountNumber must be 4 to 17 digits' },
      { path: 'input.destinationBankAccount.account.us.routingNumber', message: 'routingNumber has a wrong check digit (ABA)' },
    ]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('reports every broken field of an external account at once', async () => {
    const input = {
      ...IBAN_ACCOUNT,
      bankName: ' ',
      accountHolderAddress: { ...IBAN_ACCOUNT.accountHolderAddress, country: 'Germany' },
      accountHolder: { individual: { firstName: 'A\u0000', lastName: 'L' } },
    };
    await expectRefused(stack.graphql(CreateExternalAccountDocument, { customerId: CUSTOMER, input }, as(KEY)), [
      'input.bankName',
      'input.accountHolderAddress.country',
      'input.accountHolder.individual.firstName',
    ]);
  });

  it('refuses two destinations, or none, before any call', async () => {
    for (const destination of [{ externalAccountId: QUOTE, bankAccount: IBAN_ACCOUNT }, {}]) {
      const { body } = await stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId: CUSTOMER, quoteId: QUOTE, input: { destination } as never }, as(KEY));
      expect(body.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
    await expectRefused(
      stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId: CUSTOMER, quoteId: QUOTE, input: { destination: { externalAccountId: 'acct-1' } } }, as(KEY)),
      ['input.destination.externalAccountId'],
    );
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('amounts, hashes, ids and enums', () => {
  it('refuses zero, negative-looking and exponent amounts, and a fee percent over 100', async () => {
    await expectRefused(
      stack.graphql(CreateOfframpQuoteDocument, { customerId: CUSTOMER, input: { ...QUOTE_INPUT, amount: { sourceAmount: '0.000' }, developerFeePercent: '100.5' } }, as(KEY)),
      ['input.amount.sourceAmount', 'input.developerFeePercent'],
    );
    await expectRefused(stack.graphql(CreateOfframpTransferDocument, { customerId: CUSTOMER, input: { ...DIRECT_INPUT, amount: '1e3' } }, as(KEY)), ['input.amount']);
    await expectRefused(stack.graphql(CreateOfframpTransferDocument, { customerId: CUSTOMER, input: { ...DIRECT_INPUT, amount: '-5' } }, as(KEY)), ['input.amount']);
  });

  it('refuses UNKNOWN as an input enum value', async () => {
    await expectRefused(
      stack.graphql(CreateOfframpQuoteDocument, { customerId: CUSTOMER, input: { ...QUOTE_INPUT, sourceNetwork: 'UNKNOWN', destinationCurrency: 'UNKNOWN' } }, as(KEY)),
      ['input.sourceNetwork', 'input.destinationCurrency'],
    );
  });

  it.each([
    ['hex with 0x', HASH, true],
    ['hex without 0x', 'ab'.repeat(32), true],
    ['base58 of 88', '5'.repeat(88), true],
    ['hex of 63', `0x${'a'.repeat(63)}`, false],
    ['base58 with 0', '0'.repeat(70), false],
    ['base58 of 89', '5'.repeat(89), false],
  ])('checks the deposit hash (%s) before any call', async (_name, hash, valid) => {
    await stack.admin.seedCustomer(KEY, { customer_id: CUSTOMER, email: 'hash@example.com', type: 'individual' });
    const { body } = await stack.graphql(CompleteOfframpTransferDocument, { customerId: CUSTOMER, transferId: QUOTE, depositTransactionHash: hash }, as(KEY));
    if (valid) {
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } else {
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'depositTransactionHash' }] });
      expect(await stack.admin.totalRequests()).toBe(0);
    }
  });

  it('refuses ids that are not UUIDs: BAD_USER_INPUT, no call', async () => {
    await expectRefused(stack.graphql(GetOfframpTransferDocument, { customerId: 'x', id: CUSTOMER }, as(KEY)), ['customerId']);
    await expectRefused(
      stack.graphql(CreateOfframpTransferFromQuoteDocument, { customerId: CUSTOMER, quoteId: 'quote-1', input: { destination: { bankAccount: IBAN_ACCOUNT } } }, as(KEY)),
      ['quoteId'],
    );
  });
});
