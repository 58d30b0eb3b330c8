import fc from 'fast-check';
import { DANGEROUS_KEYS, hostileString, json, object, type Json } from '../arbitraries.js';
import type { FuzzOperation } from './index.js';

/** Off-ramp and external-account operations with almost-right and hostile variables. */

const id = fc.oneof(fc.uuid(), hostileString, json);
const decimalish = fc.oneof(fc.constantFrom('0.1', '0', '1e3', '-1', '00.000001', '9'.repeat(41)), hostileString, json);
const enumish = fc.oneof(fc.constantFrom('USDC', 'POLYGON', 'USD', 'ACH', 'UNKNOWN', 'usdc', '__proto__'), json);

const bankAccount: fc.Arbitrary<Json> = fc
  .record({
    bankName: hostileString,
    holder: fc.constantFrom('individual', 'business', 'constructor'),
    names: fc.record({ firstName: hostileString, lastName: hostileString, businessName: hostileString }),
    address: fc.record({ country: fc.oneof(fc.constantFrom('DE', 'ZZ', 'de'), hostileString), city: hostileString, streetLine1: hostileString, postalCode: hostileString }),
    number: fc.constantFrom('iban', 'us', '__proto__'),
    digits: fc.record({ bic: hostileString, ibanNumber: fc.oneof(fc.constantFrom('DE89370400440532013000', 'DE00'), hostileString), accountNumber: hostileString, routingNumber: fc.oneof(fc.constantFrom('021000021', '021000022'), hostileString) }),
    extra: fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), json), { maxLength: 2 }),
  })
  .map(({ bankName, holder, names, address, number, digits, extra }) =>
    object([
      ['bankName', bankName],
      ['accountHolder', object([[holder, object(Object.entries(names))]])],
      ['accountHolderAddress', object(Object.entries(address))],
      ['account', object([[number, object(Object.entries(digits))], ...extra])],
    ]),
  );

const route = fc.record({ sourceToken: enumish, sourceNetwork: enumish, destinationCurrency: enumish, destinationPaymentRails: enumish });

const TRANSFER_FIELDS = 'id customerId status amount transferPurpose destinationBankAccount { accountType iban { ibanNumber } } quote { feeAmount depositAmount expiresAt }';

export const offrampOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  fc.tuple(id, route, fc.constantFrom('sourceAmount', 'destinationAmount', 'both'), decimalish, fc.option(decimalish), fc.option(hostileString)).map(
    ([customerId, fields, side, amount, fee, idempotencyKey]) => ({
      query: `mutation($c: ID!, $i: CreateOfframpQuoteInput!, $k: String) { createOfframpQuote(customerId: $c, input: $i, idempotencyKey: $k) { id sourceAmount feeAmount expiresAt } }`,
      variables: object([
        ['c', customerId],
        ['i', object([...Object.entries(fields), ['amount', side === 'both' ? object([['sourceAmount', amount], ['destinationAmount', amount]]) : object([[side, amount]])], ['developerFeePercent', fee]])],
        ['k', idempotencyKey],
      ]),
    }),
  ),
  fc.tuple(id, id, fc.oneof(id.map((value) => object([['externalAccountId', value]])), bankAccount.map((value) => object([['bankAccount', value]]))), fc.option(enumish)).map(
    ([customerId, quoteId, destination, purpose]) => ({
      query: `mutation($c: ID!, $q: ID!, $i: CreateOfframpTransferFromQuoteInput!) { createOfframpTransferFromQuote(customerId: $c, quoteId: $q, input: $i) { ${TRANSFER_FIELDS} } }`,
      variables: object([['c', customerId], ['q', quoteId], ['i', object([['destination', destination], ['transferPurpose', purpose]])]]),
    }),
  ),
  fc.tuple(id, route, decimalish, bankAccount).map(([customerId, fields, amount, bank]) => ({
    query: `mutation($c: ID!, $i: CreateOfframpTransferInput!) { createOfframpTransfer(customerId: $c, input: $i) { ${TRANSFER_FIELDS} } }`,
    variables: object([['c', customerId], ['i', object([...Object.entries(fields), ['amount', amount], ['destinationBankAccount', bank]])]]),
  })),
  fc.tuple(id, id, fc.oneof(fc.constantFrom(`0x${'a'.repeat(64)}`, '5'.repeat(88)), hostileString, json)).map(([customerId, transferId, hash]) => ({
    query: `mutation($c: ID!, $t: ID!, $h: String!) { completeOfframpTransfer(customerId: $c, transferId: $t, depositTransactionHash: $h) { id status } }`,
    variables: object([['c', customerId], ['t', transferId], ['h', hash]]),
  })),
  fc.tuple(id, id, fc.option(enumish)).map(([customerId, transferId, action]) => ({
    query: `mutation($c: ID!, $t: ID!, $a: TransferSimulationAction!) { simulateOfframpTransfer(customerId: $c, transferId: $t, action: $a) { id status } }`,
    variables: object([['c', customerId], ['t', transferId], ['a', action]]),
  })),
  fc.tuple(id, id).map(([customerId, transferId]) => ({
    query: `query($c: ID!, $t: ID!) { offrampTransfer(customerId: $c, id: $t) { ${TRANSFER_FIELDS} customer { id } } offrampTransfers(customerId: $c) { id } externalAccounts(customerId: $c) { id bankAccount { bankName } } }`,
    variables: object([['c', customerId], ['t', transferId]]),
  })),
  fc.tuple(id, bankAccount, fc.option(hostileString)).map(([customerId, bank, idempotencyKey]) => ({
    query: `mutation($c: ID!, $i: BankAccountInput!, $k: String) { createExternalAccount(customerId: $c, input: $i, idempotencyKey: $k) { id createdAt bankAccount { accountType } } }`,
    variables: object([['c', customerId], ['i', bank], ['k', idempotencyKey]]),
  })),
  fc.array(fc.oneof(json, fc.record({ __typename: fc.constantFrom('OfframpTransfer', 'ExternalAccount'), customerId: id, id }).map((fields) => object(Object.entries(fields)))), { maxLength: 150 }).map((representations) => ({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on OfframpTransfer { id status } ... on ExternalAccount { id } } }',
    variables: object([['r', representations]]),
  })),
];
