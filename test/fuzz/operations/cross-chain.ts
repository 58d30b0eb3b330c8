import fc from 'fast-check';
import { DANGEROUS_KEYS, hostileString, json, object, type Json } from '../arbitraries.js';
import type { FuzzOperation } from './index.js';

/** Values near the blockchain rules: valid, one character off, or hostile. */
const address: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x52908400098527886E0F7030069857D2E4169EE',
    '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
    '0OIl9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9Pu',
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  ),
  hostileString,
  json,
);
const hash: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom(`0x${'ab'.repeat(32)}`, 'ab'.repeat(31), '5'.repeat(88), '5'.repeat(89)), hostileString, json);
const network: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom('ETHEREUM', 'SOLANA', 'TRON', 'POLYGON', 'UNKNOWN', 'ethereum'), hostileString, json);
const token: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom('USDC', 'USDT', 'EURC', 'UNKNOWN'), json);
const decimal: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom('100.00', '0', '-1', '1e3', '100.5'), fc.double(), hostileString);
const id: fc.Arbitrary<Json> = fc.oneof(fc.constant('00000000-0000-4000-8000-000000000000'), hostileString, json);
const extra = fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), json), { maxLength: 2 });

const transferInput = fc
  .tuple(decimal, network, token, network, token, address, extra)
  .map(([amount, sourceNetwork, sourceToken, destinationNetwork, destinationToken, destinationAddress, more]) =>
    object([
      ['amount', amount],
      ['sourceNetwork', sourceNetwork],
      ['sourceToken', sourceToken],
      ['destinationNetwork', destinationNetwork],
      ['destinationToken', destinationToken],
      ['destinationAddress', destinationAddress],
      ...more,
    ]),
  );

const quoteInput = fc
  .tuple(fc.constantFrom('sourceAmount', 'destinationAmount', '__proto__'), decimal, network, token, network, token, fc.option(decimal), extra)
  .map(([side, amount, sourceNetwork, sourceToken, destinationNetwork, destinationToken, fee, more]) =>
    object([
      ['amount', object([[side, amount], ...more])],
      ['sourceNetwork', sourceNetwork],
      ['sourceToken', sourceToken],
      ['destinationNetwork', destinationNetwork],
      ['destinationToken', destinationToken],
      ['developerFeePercent', fee],
    ]),
  );

const routeInput = fc
  .tuple(network, token, address, extra)
  .map(([destinationNetwork, destinationToken, destinationAddress, more]) =>
    object([['destinationNetwork', destinationNetwork], ['destinationToken', destinationToken], ['destinationAddress', destinationAddress], ...more]),
  );

const TRANSFER_FIELDS = 'id customerId status amount sourceNetwork destinationAddress quote { depositAddress depositAmount } customer { id }';
const ROUTE_FIELDS = 'id customerId routeChainAddresses { network address } routeDestination { network token address }';

/** The cross-chain operations, with variables of the right or the wrong type. */
export const crossChainOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  fc.tuple(id, quoteInput, fc.option(hostileString)).map(([customerId, input, idempotencyKey]) => ({
    query: `mutation($c: ID!, $input: CreateCrossChainQuoteInput!, $k: String) { createCrossChainQuote(customerId: $c, input: $input, idempotencyKey: $k) { id sourceAmount destinationAmount feeAmount expiresAt } }`,
    variables: object([['c', customerId], ['input', input], ['k', idempotencyKey]]),
  })),
  fc.tuple(id, transferInput, fc.option(hostileString)).map(([customerId, input, idempotencyKey]) => ({
    query: `mutation($c: ID!, $input: CreateCrossChainTransferInput!, $k: String) { createCrossChainTransfer(customerId: $c, input: $input, idempotencyKey: $k) { ${TRANSFER_FIELDS} } }`,
    variables: object([['c', customerId], ['input', input], ['k', idempotencyKey]]),
  })),
  fc.tuple(id, id, hash).map(([customerId, transferId, depositTransactionHash]) => ({
    query: `mutation($c: ID!, $t: ID!, $h: String!) { completeCrossChainTransfer(customerId: $c, transferId: $t, depositTransactionHash: $h) { ${TRANSFER_FIELDS} } }`,
    variables: object([['c', customerId], ['t', transferId], ['h', depositTransactionHash]]),
  })),
  fc.tuple(id, id).map(([customerId, transferId]) => ({
    query: `query($c: ID!, $id: ID!) { crossChainTransfer(customerId: $c, id: $id) { ${TRANSFER_FIELDS} } }`,
    variables: object([['c', customerId], ['id', transferId]]),
  })),
  fc.tuple(id, routeInput, fc.option(hostileString)).map(([customerId, input, idempotencyKey]) => ({
    query: `mutation($c: ID!, $input: CreatePermanentRouteAddressInput!, $k: String) { createPermanentRouteAddress(customerId: $c, input: $input, idempotencyKey: $k) { ${ROUTE_FIELDS} } }`,
    variables: object([['c', customerId], ['input', input], ['k', idempotencyKey]]),
  })),
  fc.tuple(id, id).map(([customerId, routeId]) => ({
    query: `query($c: ID!, $id: ID!) { permanentRouteAddress(customerId: $c, id: $id) { ${ROUTE_FIELDS} customer { id } } permanentRouteAddresses(customerId: $c) { id } customer(id: $c) { permanentRouteAddresses { id } } }`,
    variables: object([['c', customerId], ['id', routeId]]),
  })),
  fc.array(json, { maxLength: 150 }).map((representations) => ({
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on CrossChainTransfer { id status } ... on PermanentRouteAddress { id routeChainAddresses { network } } } }`,
    variables: object([['r', representations]]),
  })),
];
