import { defineOperation, echoesOf } from '../operation.js';
import { arrayOf, asObject, badShape, optionalObject, optionalString, requiredString, type JsonObject } from '../shape.js';
import { optionalDecimal, parseIban, parseUsAccount, type AlignIban, type AlignUsAccount } from './shared.js';

/**
 * The on-ramp group (docs/align-api.md §13): fiat paid into a bank account, stablecoins sent to a
 * blockchain address. Quotes (R22) and direct creates (R24) are separate flows.
 */

export interface AlignOnrampQuote {
  readonly quote_id: string;
  readonly source_amount: string | number;
  readonly destination_amount: string | number;
  readonly source_currency: string;
  readonly source_payment_rails: string;
  readonly destination_token: string;
  readonly destination_network: string;
  readonly fee_amount: string | number | null;
  readonly exchange_rate: string | number | null;
  readonly expire_at: string | null;
}

/** Where the payer sends the fiat: the bank account of an on-ramp's quote. */
export interface AlignDepositBankAccount {
  readonly bank_name: string | null;
  readonly bank_address: string | null;
  readonly account_type: string | null;
  readonly account_beneficiary_type: string | null;
  readonly account_beneficiary_name: string | null;
  readonly iban: AlignIban | null;
  readonly us: AlignUsAccount | null;
}

export interface AlignOnrampTransferQuote {
  readonly deposit_rails: string | null;
  readonly deposit_currency: string | null;
  readonly deposit_amount: string | number | null;
  readonly fee_amount: string | number | null;
  readonly deposit_message: string | null;
  readonly deposit_bank_account: AlignDepositBankAccount | null;
}

export interface AlignOnrampTransfer {
  readonly id: string;
  /** Absent: UNKNOWN, not an error (a missing status reads as UNKNOWN everywhere). */
  readonly status: string | null;
  readonly amount: string | number | null;
  readonly source_currency: string | null;
  readonly source_rails: string | null;
  readonly destination_network: string | null;
  readonly destination_token: string | null;
  readonly destination_address: string | null;
  readonly quote: AlignOnrampTransferQuote | null;
}

export interface OnrampQuoteBody {
  readonly source_amount?: string;
  readonly destination_amount?: string;
  readonly source_currency: string;
  readonly source_payment_rails: string;
  readonly destination_token: string;
  readonly destination_network: string;
  readonly developer_fee_percent?: string;
}

/** R24's body: note `source_rails` here where the quote says `source_payment_rails`. */
export interface OnrampTransferBody {
  readonly amount: string;
  readonly source_currency: string;
  readonly source_rails: string;
  readonly destination_network: string;
  readonly destination_token: string;
  readonly destination_address: string;
}

export const getOnrampTransfer = defineOperation({
  method: 'GET',
  route: '/v0/customers/:customer_id/onramp-transfer/:transfer_id',
  retry: 'read',
  parse: (answer) => parseOnrampTransfer(answer, 'onramp transfer'),
});

export const listOnrampTransfers = defineOperation({
  method: 'GET',
  route: '/v0/customers/:customer_id/onramp-transfer',
  retry: 'read',
  parse: (answer) => arrayOf(asObject(answer, 'onramp transfer list').items, 'items', parseOnrampTransfer),
  items: { read: getOnrampTransfer, ids: (transfer: AlignOnrampTransfer, [customerId]: readonly string[]) => [customerId!, transfer.id] },
});

/** A quote moves no money: repeating it only makes another quote (class R, docs/align-api.md §18). */
export const createOnrampQuote = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/onramp-transfer/quote',
  retry: 'R',
  body: (body: OnrampQuoteBody) => body,
  parse: (answer) => parseOnrampQuote(answer, 'onramp quote'),
  complete: (quote, body) => ({
    ...quote,
    source_currency: quote.source_currency || body.source_currency,
    source_payment_rails: quote.source_payment_rails || body.source_payment_rails,
    destination_token: quote.destination_token || body.destination_token,
    destination_network: quote.destination_network || body.destination_network,
  }),
});

const refreshesTransfer = {
  read: getOnrampTransfer,
  ids: (transfer: AlignOnrampTransfer, [customerId]: readonly string[]) => [customerId!, transfer.id],
};

/** Issues deposit instructions and documents no key: never resent blindly (class N). */
export const createOnrampTransferFromQuote = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/onramp-transfer/quote/:quote_id',
  retry: 'N',
  body: (destinationAddress: string) => ({ destination_address: destinationAddress }),
  parse: (answer) => parseOnrampTransfer(answer, 'onramp transfer'),
  complete: (transfer, destinationAddress) => ({ ...transfer, destination_address: transfer.destination_address ?? destinationAddress }),
  refreshes: refreshesTransfer,
});

export const createOnrampTransfer = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/onramp-transfer',
  retry: 'N',
  body: (body: OnrampTransferBody) => body,
  parse: (answer) => parseOnrampTransfer(answer, 'onramp transfer'),
  complete: echoesOf<OnrampTransferBody>('amount', 'source_currency', 'source_rails', 'destination_network', 'destination_token', 'destination_address'),
  refreshes: refreshesTransfer,
});

/** Sandbox only; answers `{message}`, so the caller re-reads the transfer (R27). */
export const simulateOnrampTransfer = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/onramp-transfer/simulate',
  retry: 'once',
  body: (input: { readonly action: string; readonly transferId: string }) => ({ action: input.action, transfer_id: input.transferId }),
  parse: (answer) => optionalString(asObject(answer, 'simulation answer'), 'message', 'simulation answer'),
});

export const onrampOperations = {
  getOnrampTransfer,
  listOnrampTransfers,
  createOnrampQuote,
  createOnrampTransferFromQuote,
  createOnrampTransfer,
  simulateOnrampTransfer,
} as const;

function parseOnrampQuote(value: unknown, what: string): AlignOnrampQuote {
  const raw = asObject(value, what);
  const amount = (field: string) => {
    const found = optionalDecimal(raw, field);
    if (found === null) badShape(`${what}.${field} is missing`);
    return found;
  };
  return {
    quote_id: requiredString(raw, 'quote_id', what),
    source_amount: amount('source_amount'),
    destination_amount: amount('destination_amount'),
    source_currency: optionalString(raw, 'source_currency', what) ?? '',
    source_payment_rails: optionalString(raw, 'source_payment_rails', what) ?? '',
    destination_token: optionalString(raw, 'destination_token', what) ?? '',
    destination_network: optionalString(raw, 'destination_network', what) ?? '',
    fee_amount: optionalDecimal(raw, 'fee_amount'),
    exchange_rate: optionalDecimal(raw, 'exchange_rate'),
    expire_at: optionalString(raw, 'expire_at', what) ?? optionalString(raw, 'expires_at', what),
  };
}

export function parseOnrampTransfer(value: unknown, what: string): AlignOnrampTransfer {
  const raw = asObject(value, what);
  const quote = optionalObject(raw, 'quote', what);
  return {
    id: requiredString(raw, 'id', what),
    status: optionalString(raw, 'status', what),
    amount: optionalDecimal(raw, 'amount'),
    source_currency: optionalString(raw, 'source_currency', what),
    source_rails: optionalString(raw, 'source_rails', what),
    destination_network: optionalString(raw, 'destination_network', what),
    destination_token: optionalString(raw, 'destination_token', what),
    destination_address: optionalString(raw, 'destination_address', what),
    quote: quote && parseTransferQuote(quote, `${what}.quote`),
  };
}

function parseTransferQuote(raw: JsonObject, what: string): AlignOnrampTransferQuote {
  const account = optionalObject(raw, 'deposit_bank_account', what);
  return {
    deposit_rails: optionalString(raw, 'deposit_rails', what),
    deposit_currency: optionalString(raw, 'deposit_currency', what),
    deposit_amount: optionalDecimal(raw, 'deposit_amount'),
    fee_amount: optionalDecimal(raw, 'fee_amount'),
    deposit_message: optionalString(raw, 'deposit_message', what),
    deposit_bank_account: account && parseDepositBankAccount(account, `${what}.deposit_bank_account`),
  };
}

function parseDepositBankAccount(raw: JsonObject, what: string): AlignDepositBankAccount {
  return {
    bank_name: optionalString(raw, 'bank_name', what),
    bank_address: optionalString(raw, 'bank_address', what),
    account_type: optionalString(raw, 'account_type', what),
    account_beneficiary_type: optionalString(raw, 'account_beneficiary_type', what),
    account_beneficiary_name: optionalString(raw, 'account_beneficiary_name', what),
    iban: parseIban(optionalObject(raw, 'iban', what), `${what}.iban`),
    us: parseUsAccount(optionalObject(raw, 'us', what), `${what}.us`),
  };
}
