import { defineOperation, echoesOf } from '../operation.js';
import { arrayOf, asObject, optionalObject, optionalString, requiredString, type JsonObject } from '../shape.js';
import { optionalDecimal } from './shared.js';

/**
 * Cross-chain transfers and permanent route addresses (docs/align-api.md §15, §16): wire shapes,
 * parsers and operations. Tokens in on one chain, tokens out on another, once per transfer or through
 * a permanent route that forwards every deposit.
 */

/** The quote answer was never captured (docs/align-api.md §15, §19 Q4): every field may be missing. */
export interface AlignCrossChainQuote {
  readonly quote_id: string | null;
  readonly source_token: string | null;
  readonly source_network: string | null;
  readonly destination_token: string | null;
  readonly destination_network: string | null;
  readonly source_amount: string | number | null;
  readonly destination_amount: string | number | null;
  readonly fee_amount: string | number | null;
  readonly exchange_rate: string | number | null;
  readonly expire_at: string | null;
}

/** Where and how much the sender must deposit for a transfer to go ahead. */
export interface AlignCrossChainDeposit {
  readonly deposit_token: string | null;
  readonly deposit_network: string | null;
  readonly deposit_address: string | null;
  readonly deposit_amount: string | number | null;
  readonly fee_amount: string | number | null;
}

export interface AlignCrossChainTransfer {
  readonly id: string;
  readonly status: string | null;
  readonly amount: string | number | null;
  readonly source_network: string | null;
  readonly source_token: string | null;
  readonly source_address: string | null;
  readonly destination_network: string | null;
  readonly destination_token: string | null;
  readonly destination_address: string | null;
  readonly quote: AlignCrossChainDeposit | null;
}

/** `route_chain_addresses` arrives as a map keyed by source network; kept as a list in map order. */
export interface AlignPermanentRouteAddress {
  readonly permanent_route_address_id: string;
  readonly route_chain_addresses: ReadonlyArray<{ readonly network: string; readonly address: string }>;
  readonly route_destination: { readonly network: string | null; readonly token: string | null; readonly address: string | null } | null;
}

/** R8's body: `source_amount` is the captured branch, `destination_amount` inferred (docs/align-api.md §15). */
export interface CrossChainQuoteBody {
  readonly source_amount?: string;
  readonly destination_amount?: string;
  readonly source_token: string;
  readonly source_network: string;
  readonly destination_token: string;
  readonly destination_network: string;
  readonly developer_fee_percent?: string;
}

export interface CrossChainTransferBody {
  readonly amount: string;
  readonly source_network: string;
  readonly source_token: string;
  readonly destination_network: string;
  readonly destination_token: string;
  readonly destination_address: string;
}

export interface PermanentRouteAddressBody {
  readonly destination_network: string;
  readonly destination_token: string;
  readonly destination_address: string;
}

const CUSTOMER_PATH = '/v0/customers/:customer_id/cross-chain-transfer';

export const getCrossChainTransfer = defineOperation({
  method: 'GET',
  route: `${CUSTOMER_PATH}/:transfer_id`,
  retry: 'read',
  parse: (answer) => parseTransfer(answer, 'cross-chain transfer'),
});

export const createCrossChainQuote = defineOperation({
  method: 'POST',
  route: `${CUSTOMER_PATH}/quote`,
  retry: 'U',
  body: (body: CrossChainQuoteBody) => body,
  parse: (answer) => parseQuote(answer, 'cross-chain quote'),
  complete: echoesOf<CrossChainQuoteBody>('source_token', 'source_network', 'destination_token', 'destination_network', 'source_amount', 'destination_amount'),
});

/** Class N: moves money, documents no key and has no list to look for it in (docs/align-api.md §18). */
export const createCrossChainTransfer = defineOperation({
  method: 'POST',
  route: CUSTOMER_PATH,
  retry: 'N',
  body: (body: CrossChainTransferBody) => body,
  parse: (answer) => parseTransfer(answer, 'cross-chain transfer'),
  complete: echoesOf<CrossChainTransferBody>('amount', 'source_network', 'source_token', 'destination_network', 'destination_token', 'destination_address'),
  refreshes: { read: getCrossChainTransfer, ids: (transfer, [customerId]) => [customerId, transfer.id] },
});

export const completeCrossChainTransfer = defineOperation({
  method: 'POST',
  route: `${CUSTOMER_PATH}/:transfer_id/complete`,
  retry: 'N',
  body: (input: { readonly depositTransactionHash: string }) => ({ deposit_transaction_hash: input.depositTransactionHash }),
  parse: (answer) => parseTransfer(answer, 'cross-chain transfer'),
  refreshes: { read: getCrossChainTransfer, ids: (transfer, [customerId]) => [customerId, transfer.id] },
});

const ROUTE_PATH = `${CUSTOMER_PATH}/permanent-route-address`;

export const getPermanentRouteAddress = defineOperation({
  method: 'GET',
  route: `${ROUTE_PATH}/:permanent_route_address_id`,
  retry: 'read',
  parse: (answer) => parseRoute(answer, 'permanent route address'),
});

/** The literal `list` segment shadows the GET by id (docs/align-api.md §0). */
export const listPermanentRouteAddresses = defineOperation({
  method: 'GET',
  route: `${ROUTE_PATH}/list`,
  retry: 'read',
  parse: (answer) => arrayOf(asObject(answer, 'permanent route address list').items, 'items', parseRoute),
  items: {
    read: getPermanentRouteAddress,
    ids: (route: AlignPermanentRouteAddress, [customerId]: readonly string[]) => [customerId!, route.permanent_route_address_id],
  },
});

/** Class N: issues deposit addresses; a blind repeat could issue a second route (docs/align-api.md §18). */
export const createPermanentRouteAddress = defineOperation({
  method: 'POST',
  route: ROUTE_PATH,
  retry: 'N',
  body: (body: PermanentRouteAddressBody) => body,
  parse: (answer) => parseRoute(answer, 'permanent route address'),
  complete: (route, body) => ({
    ...route,
    route_destination: route.route_destination ?? { network: body.destination_network, token: body.destination_token, address: body.destination_address },
  }),
  refreshes: { read: getPermanentRouteAddress, ids: (route, [customerId]) => [customerId, route.permanent_route_address_id] },
});

export const crossChainOperations = {
  createCrossChainQuote,
  createCrossChainTransfer,
  completeCrossChainTransfer,
  getCrossChainTransfer,
  createPermanentRouteAddress,
  getPermanentRouteAddress,
  listPermanentRouteAddresses,
} as const;

function parseQuote(value: unknown, what: string): AlignCrossChainQuote {
  const raw = asObject(value, what);
  return {
    quote_id: optionalString(raw, 'quote_id', what) ?? optionalString(raw, 'id', what),
    source_token: optionalString(raw, 'source_token', what),
    source_network: optionalString(raw, 'source_network', what),
    destination_token: optionalString(raw, 'destination_token', what),
    destination_network: optionalString(raw, 'destination_network', what),
    source_amount: optionalDecimal(raw, 'source_amount'),
    destination_amount: optionalDecimal(raw, 'destination_amount'),
    fee_amount: optionalDecimal(raw, 'fee_amount'),
    exchange_rate: optionalDecimal(raw, 'exchange_rate'),
    // The §11 quotes say `expire_at`; ZF saw `expires_at` (docs/align-api.md §4).
    expire_at: optionalString(raw, 'expire_at', what) ?? optionalString(raw, 'expires_at', what),
  };
}

function parseTransfer(value: unknown, what: string): AlignCrossChainTransfer {
  const raw = asObject(value, what);
  const quote = optionalObject(raw, 'quote', what);
  return {
    id: requiredString(raw, 'id', what),
    status: optionalString(raw, 'status', what),
    amount: optionalDecimal(raw, 'amount'),
    source_network: optionalString(raw, 'source_network', what),
    source_token: optionalString(raw, 'source_token', what),
    source_address: optionalString(raw, 'source_address', what),
    destination_network: optionalString(raw, 'destination_network', what),
    destination_token: optionalString(raw, 'destination_token', what),
    destination_address: optionalString(raw, 'destination_address', what),
    quote: quote && parseDeposit(quote, `${what}.quote`),
  };
}

function parseDeposit(raw: JsonObject, what: string): AlignCrossChainDeposit {
  return {
    deposit_token: optionalString(raw, 'deposit_token', what),
    deposit_network: optionalString(raw, 'deposit_network', what),
    deposit_address: optionalString(raw, 'deposit_address', what),
    deposit_amount: optionalDecimal(raw, 'deposit_amount'),
    fee_amount: optionalDecimal(raw, 'fee_amount'),
  };
}

function parseRoute(value: unknown, what: string): AlignPermanentRouteAddress {
  const raw = asObject(value, what);
  const destination = optionalObject(raw, 'route_destination', what);
  const where = `${what}.route_destination`;
  return {
    permanent_route_address_id: requiredString(raw, 'permanent_route_address_id', what),
    route_chain_addresses: parseChainAddresses(raw.route_chain_addresses, `${what}.route_chain_addresses`),
    route_destination: destination && {
      network: optionalString(destination, 'network', where),
      token: optionalString(destination, 'token', where),
      address: optionalString(destination, 'address', where),
    },
  };
}

/**
 * `{ethereum: {address}, solana: {address}, ...}` -> `[{network, address}]`. Every chain is optional
 * (docs/align-api.md §16): a chain without an address is left out, and no map at all is an empty list.
 */
function parseChainAddresses(value: unknown, what: string): AlignPermanentRouteAddress['route_chain_addresses'] {
  if (value === undefined || value === null) return [];
  return Object.entries(asObject(value, what)).flatMap(([network, entry]) => {
    if (entry === null) return [];
    const address = optionalString(asObject(entry, `${what}.${network}`), 'address', `${what}.${network}`);
    return address === null ? [] : [{ network, address }];
  });
}
