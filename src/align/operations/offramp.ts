import { defineOperation } from '../operation.js';
import { arrayOf, asObject, badShape, optionalObject, optionalString, requiredString, type JsonObject } from '../shape.js';
import { externalAccountOperations } from './external-accounts.js';
import { optionalDecimal, parseBankAccount, type AlignBankAccount, type BankAccountBody } from './shared.js';

/**
 * Off-ramp transfers and their quotes (docs/align-api.md §11): the customer sends tokens on a chain and
 * fiat is paid out to a bank account. Every write here documents `Idempotency-Key` (class U), except
 * the sandbox simulation (once).
 */

type Decimal = string | number;

export interface AlignOfframpQuote {
  readonly quote_id: string;
  readonly source_amount: Decimal;
  readonly destination_amount: Decimal;
  readonly fee_amount: Decimal | null;
  readonly exchange_rate: Decimal | null;
  readonly source_token: string | null;
  readonly source_network: string | null;
  readonly destination_currency: string | null;
  readonly destination_payment_rails: string | null;
  readonly expire_at: string | null;
}

/** The quote a transfer carries: where to send the tokens, and what is paid out for them. */
export interface AlignOfframpTransferQuote {
  readonly deposit_network: string | null;
  readonly deposit_token: string | null;
  readonly deposit_blockchain_address: string | null;
  readonly deposit_amount: Decimal | null;
  readonly source_amount: Decimal | null;
  readonly destination_amount: Decimal | null;
  readonly exchange_rate: Decimal | null;
  readonly fee_amount: Decimal | null;
  readonly deposit_transaction_hash: string | null;
  readonly expires_at: string | null;
}

export interface AlignOfframpTransfer {
  readonly id: string;
  /** Absent -> UNKNOWN (the documented set is not closed, docs/align-api.md §5). */
  readonly status: string | null;
  readonly amount: Decimal | null;
  readonly source_token: string | null;
  readonly source_network: string | null;
  readonly destination_currency: string | null;
  readonly destination_payment_rails: string | null;
  readonly transfer_purpose: string | null;
  readonly destination_bank_account: AlignBankAccount | null;
  readonly quote: AlignOfframpTransferQuote | null;
  readonly created_at: string | null;
  readonly updated_at: string | null;
}

/** R15's body: exactly one of the two amounts. */
export interface OfframpQuoteBody {
  readonly source_token: string;
  readonly source_network: string;
  readonly destination_currency: string;
  readonly destination_payment_rails: string;
  readonly source_amount?: string;
  readonly destination_amount?: string;
  readonly developer_fee_percent?: string;
}

/** R16's body: a saved external account or an inline bank account. */
export interface OfframpFromQuoteBody {
  readonly destination_external_account_id?: string;
  readonly destination_bank_account?: BankAccountBody;
  readonly transfer_purpose?: string;
}

/** R17's body; `amount` is the fiat paid out. */
export interface OfframpTransferBody {
  readonly amount: string;
  readonly source_token: string;
  readonly source_network: string;
  readonly destination_currency: string;
  readonly destination_payment_rails: string;
  readonly destination_bank_account: BankAccountBody;
  readonly transfer_purpose?: string;
}

const TRANSFERS = '/v0/customers/:customer_id/offramp-transfer';

export const getOfframpTransfer = defineOperation({
  method: 'GET',
  route: `${TRANSFERS}/:transfer_id`,
  retry: 'read',
  parse: (answer) => parseTransfer(answer, 'offramp transfer'),
});

export const listOfframpTransfers = defineOperation({
  method: 'GET',
  route: TRANSFERS,
  retry: 'read',
  parse: (answer) => arrayOf(asObject(answer, 'offramp transfer list').items, 'items', parseTransfer),
  items: { read: getOfframpTransfer, ids: (transfer: AlignOfframpTransfer, [customerId]) => [customerId!, transfer.id] },
});

/** A transfer write's answer is the transfer: reading it back in the same request costs no call. */
const refreshesTransfer = {
  read: getOfframpTransfer,
  ids: (transfer: AlignOfframpTransfer, ids: readonly string[]) => [ids[0]!, transfer.id],
};

export const createOfframpQuote = defineOperation({
  method: 'POST',
  route: `${TRANSFERS}/quote`,
  retry: 'U',
  body: (body: OfframpQuoteBody) => body,
  parse: parseQuote,
  complete: withRouteAsked,
});

export const createOfframpTransferFromQuote = defineOperation({
  method: 'POST',
  route: `${TRANSFERS}/quote/:quote_id`,
  retry: 'U',
  body: (body: OfframpFromQuoteBody) => body,
  parse: (answer) => parseTransfer(answer, 'offramp transfer'),
  complete: (transfer, body) => ({ ...transfer, transfer_purpose: transfer.transfer_purpose ?? body.transfer_purpose ?? null }),
  refreshes: refreshesTransfer,
});

export const createOfframpTransfer = defineOperation({
  method: 'POST',
  route: TRANSFERS,
  retry: 'U',
  body: (body: OfframpTransferBody) => body,
  parse: (answer) => parseTransfer(answer, 'offramp transfer'),
  complete: (transfer, body) => ({
    ...withRouteAsked(transfer, body),
    amount: transfer.amount ?? body.amount,
    transfer_purpose: transfer.transfer_purpose ?? body.transfer_purpose ?? null,
  }),
  refreshes: refreshesTransfer,
});

/** R18: the customer has sent the tokens; answered 200 with the transfer. */
export const completeOfframpTransfer = defineOperation({
  method: 'POST',
  route: `${TRANSFERS}/:transfer_id/complete`,
  retry: 'U',
  body: (input: { readonly depositTransactionHash: string }) => ({ deposit_transaction_hash: input.depositTransactionHash }),
  parse: (answer) => parseTransfer(answer, 'offramp transfer'),
  refreshes: refreshesTransfer,
});

/** R21 (sandbox): answers only `{message}`; the caller reads the transfer again. */
export const simulateOfframpTransfer = defineOperation({
  method: 'POST',
  route: `${TRANSFERS}/simulate`,
  retry: 'once',
  body: (input: { readonly action: string; readonly transferId: string }) => ({ action: input.action, transfer_id: input.transferId }),
  parse: (answer) => ({ message: optionalString(asObject(answer, 'simulation answer'), 'message', 'simulation answer') }),
  // The answer is only `{message}`: a copy of the transfer held from earlier in the request is stale.
  invalidates: { read: getOfframpTransfer, ids: ([customerId], input: { transferId: string }) => [customerId!, input.transferId] },
});

/** Every operation of the group (off-ramp transfers and the external accounts they pay out to). */
export const offrampOperations = {
  createOfframpQuote,
  createOfframpTransferFromQuote,
  createOfframpTransfer,
  completeOfframpTransfer,
  simulateOfframpTransfer,
  getOfframpTransfer,
  listOfframpTransfers,
  ...externalAccountOperations,
} as const;

type Route = Pick<OfframpQuoteBody, 'source_token' | 'source_network' | 'destination_currency' | 'destination_payment_rails'>;
type RouteEchoes = { readonly [K in keyof Route]: string | null };

/** The route's echoes are documented but non-essential: what was asked fills them when left out. */
function withRouteAsked<T extends RouteEchoes>(answer: T, asked: Route): T {
  return {
    ...answer,
    source_token: answer.source_token ?? asked.source_token,
    source_network: answer.source_network ?? asked.source_network,
    destination_currency: answer.destination_currency ?? asked.destination_currency,
    destination_payment_rails: answer.destination_payment_rails ?? asked.destination_payment_rails,
  };
}

function requiredDecimal(object: JsonObject, field: string, what: string): Decimal {
  return optionalDecimal(object, field) ?? badShape(`${what}.${field} is missing`);
}

function parseQuote(value: unknown): AlignOfframpQuote {
  const what = 'offramp quote';
  const raw = asObject(value, what);
  return {
    quote_id: requiredString(raw, 'quote_id', what),
    source_amount: requiredDecimal(raw, 'source_amount', what),
    destination_amount: requiredDecimal(raw, 'destination_amount', what),
    fee_amount: optionalDecimal(raw, 'fee_amount'),
    exchange_rate: optionalDecimal(raw, 'exchange_rate'),
    source_token: optionalString(raw, 'source_token', what),
    source_network: optionalString(raw, 'source_network', what),
    destination_currency: optionalString(raw, 'destination_currency', what),
    destination_payment_rails: optionalString(raw, 'destination_payment_rails', what),
    // `expire_at` on R15 answers; ZF saw `expires_at` (docs/align-api.md §4).
    expire_at: optionalString(raw, 'expire_at', what) ?? optionalString(raw, 'expires_at', what),
  };
}

export function parseTransfer(value: unknown, what: string): AlignOfframpTransfer {
  const raw = asObject(value, what);
  const bank = optionalObject(raw, 'destination_bank_account', what);
  return {
    id: requiredString(raw, 'id', what),
    status: optionalString(raw, 'status', what),
    amount: optionalDecimal(raw, 'amount'),
    source_token: optionalString(raw, 'source_token', what),
    source_network: optionalString(raw, 'source_network', what),
    destination_currency: optionalString(raw, 'destination_currency', what),
    destination_payment_rails: optionalString(raw, 'destination_payment_rails', what),
    transfer_purpose: optionalString(raw, 'transfer_purpose', what),
    destination_bank_account: bank && parseBankAccount(bank, `${what}.destination_bank_account`),
    quote: parseTransferQuote(optionalObject(raw, 'quote', what), `${what}.quote`),
    created_at: optionalString(raw, 'created_at', what),
    updated_at: optionalString(raw, 'updated_at', what),
  };
}

function parseTransferQuote(raw: JsonObject | null, what: string): AlignOfframpTransferQuote | null {
  if (raw === null) return null;
  return {
    deposit_network: optionalString(raw, 'deposit_network', what),
    deposit_token: optionalString(raw, 'deposit_token', what),
    deposit_blockchain_address: optionalString(raw, 'deposit_blockchain_address', what),
    deposit_amount: optionalDecimal(raw, 'deposit_amount'),
    source_amount: optionalDecimal(raw, 'source_amount'),
    destination_amount: optionalDecimal(raw, 'destination_amount'),
    exchange_rate: optionalDecimal(raw, 'exchange_rate'),
    fee_amount: optionalDecimal(raw, 'fee_amount'),
    deposit_transaction_hash: optionalString(raw, 'deposit_transaction_hash', what),
    expires_at: optionalString(raw, 'expires_at', what) ?? optionalString(raw, 'expire_at', what),
  };
}
