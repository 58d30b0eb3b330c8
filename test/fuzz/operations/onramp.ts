import fc from 'fast-check';
import { DANGEROUS_KEYS, hostileString, json, object, type Json } from '../arbitraries.js';
import type { FuzzOperation } from './index.js';

/** Values that are almost right: enum names (UNKNOWN included), decimals, addresses of the wrong chain. */
const enumValue = fc.oneof(fc.constantFrom('USD', 'EUR', 'AED', 'SWIFT', 'ACH', 'SEPA', 'USDC', 'EURC', 'POLYGON', 'SOLANA', 'TRON', 'UNKNOWN'), hostileString);
const decimal = fc.oneof(fc.constantFrom('0', '10.50', '1e3', '-1', '0.000000001', '9'.repeat(41)), hostileString, json);
const address = fc.oneof(
  fc.constantFrom('0x52908400098527886E0F7030069857D2E4169EE7', '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7', '0x123'),
  hostileString,
);
const id = fc.oneof(fc.constantFrom('00000000-0000-4000-8000-000000000000'), hostileString, json);
const extra = fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), json), { maxLength: 2 });

const virtualAccountInput: fc.Arbitrary<Json> = fc
  .tuple(enumValue, fc.option(enumValue), fc.option(enumValue), enumValue, fc.option(address), extra)
  .map(([sourceCurrency, sourceRails, destinationToken, destinationNetwork, destinationAddress, more]) =>
    object([['sourceCurrency', sourceCurrency], ['sourceRails', sourceRails], ['destinationToken', destinationToken], ['destinationNetwork', destinationNetwork], ['destinationAddress', destinationAddress], ...more]),
  );

const transferInput: fc.Arbitrary<Json> = fc
  .tuple(decimal, enumValue, enumValue, enumValue, enumValue, address, extra)
  .map(([amount, sourceCurrency, sourceRails, destinationNetwork, destinationToken, destinationAddress, more]) =>
    object([['amount', amount], ['sourceCurrency', sourceCurrency], ['sourceRails', sourceRails], ['destinationNetwork', destinationNetwork], ['destinationToken', destinationToken], ['destinationAddress', destinationAddress], ...more]),
  );

const quoteInput: fc.Arbitrary<Json> = fc
  .tuple(fc.constantFrom('sourceAmount', 'destinationAmount', '__proto__'), decimal, enumValue, enumValue, enumValue, enumValue, fc.option(decimal))
  .map(([side, amount, sourceCurrency, sourcePaymentRails, destinationToken, destinationNetwork, developerFeePercent]) =>
    object([['amount', object([[side, amount]])], ['sourceCurrency', sourceCurrency], ['sourcePaymentRails', sourcePaymentRails], ['destinationToken', destinationToken], ['destinationNetwork', destinationNetwork], ['developerFeePercent', developerFeePercent]]),
  );

const ACCOUNT_FIELDS = 'id customerId status destinationNetwork destinationAddress depositInstructions { currency paymentRails beneficiaryName iban { ibanNumber } us { accountNumber } internationalWire { bic } } customer { id }';
const TRANSFER_FIELDS = 'id customerId status amount sourceCurrency sourceRails destinationAddress quote { depositAmount depositMessage depositBankAccount { accountType beneficiaryName iban { ibanNumber } } }';

/** The on-ramp and virtual-account operations, with variables of the right or the wrong type. */
export const onrampOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  fc.tuple(id, virtualAccountInput, fc.option(hostileString)).map(([customerId, input, idempotencyKey]) => ({
    query: `mutation($c: ID!, $input: CreateVirtualAccountInput!, $k: String) { createVirtualAccount(customerId: $c, input: $input, idempotencyKey: $k) { ${ACCOUNT_FIELDS} } }`,
    variables: object([['c', customerId], ['input', input], ['k', idempotencyKey]]),
  })),
  fc.tuple(id, transferInput, fc.option(hostileString)).map(([customerId, input, idempotencyKey]) => ({
    query: `mutation($c: ID!, $input: CreateOnrampTransferInput!, $k: String) { createOnrampTransfer(customerId: $c, input: $input, idempotencyKey: $k) { ${TRANSFER_FIELDS} } }`,
    variables: object([['c', customerId], ['input', input], ['k', idempotencyKey]]),
  })),
  fc.tuple(id, quoteInput).map(([customerId, input]) => ({
    query: `mutation($c: ID!, $input: CreateOnrampQuoteInput!) { createOnrampQuote(customerId: $c, input: $input) { id sourceAmount destinationAmount expiresAt } }`,
    variables: object([['c', customerId], ['input', input]]),
  })),
  fc.tuple(id, id, address).map(([customerId, quoteId, destinationAddress]) => ({
    query: `mutation($c: ID!, $q: ID!, $a: String!) { createOnrampTransferFromQuote(customerId: $c, quoteId: $q, destinationAddress: $a) { ${TRANSFER_FIELDS} } }`,
    variables: object([['c', customerId], ['q', quoteId], ['a', destinationAddress]]),
  })),
  fc.tuple(id, id, fc.constantFrom('simulateOnrampTransfer(customerId: $c, transferId: $i)', 'simulateVirtualAccount(customerId: $c, virtualAccountId: $i)')).map(([customerId, thing, field]) => ({
    query: `mutation($c: ID!, $i: ID!) { ${field} { id status } }`,
    variables: object([['c', customerId], ['i', thing]]),
  })),
  fc.tuple(id, id).map(([customerId, thing]) => ({
    query: `query($c: ID!, $i: ID!) { virtualAccount(customerId: $c, id: $i) { ${ACCOUNT_FIELDS} } onrampTransfer(customerId: $c, id: $i) { ${TRANSFER_FIELDS} } virtualAccounts(customerId: $c) { id } onrampTransfers(customerId: $c) { id } }`,
    variables: object([['c', customerId], ['i', thing]]),
  })),
  fc.array(json, { maxLength: 150 }).map((representations) => ({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on VirtualAccount { id status } ... on OnrampTransfer { id amount } } }',
    variables: object([['r', representations]]),
  })),
];
