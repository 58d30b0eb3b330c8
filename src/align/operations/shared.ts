import { asObject, optionalObject, optionalString, type JsonObject } from '../shape.js';

/** Wire shapes several groups share (docs/align-api.md §12): snake_case, as the upstream sends them. */

export interface AlignIban {
  readonly bic: string | null;
  readonly iban_number: string | null;
}

export interface AlignUsAccount {
  readonly account_number: string | null;
  readonly routing_number: string | null;
}

export interface AlignBankAddress {
  readonly country: string | null;
  readonly city: string | null;
  readonly street_line_1: string | null;
  readonly postal_code: string | null;
}

/** A bank account, flat: whichever of `iban` and `us` the upstream sent. */
export interface AlignBankAccount {
  readonly bank_name: string | null;
  readonly account_type: string | null;
  readonly account_holder_type: string | null;
  readonly account_holder_first_name: string | null;
  readonly account_holder_last_name: string | null;
  readonly account_holder_business_name: string | null;
  readonly account_holder_address: AlignBankAddress | null;
  readonly iban: AlignIban | null;
  readonly us: AlignUsAccount | null;
}

/** What a bank account input becomes on the wire (R16/R17 destinations, R35). */
export interface BankAccountBody {
  readonly bank_name: string;
  readonly account_holder_type: 'individual' | 'business';
  readonly account_holder_first_name?: string;
  readonly account_holder_last_name?: string;
  readonly account_holder_business_name?: string;
  readonly account_holder_address: { country: string; city: string; street_line_1: string; postal_code: string };
  readonly account_type: 'iban' | 'us';
  readonly iban?: { bic: string; iban_number: string };
  readonly us?: { account_number: string; routing_number: string };
}

export function parseIban(raw: JsonObject | null, what: string): AlignIban | null {
  return raw && { bic: optionalString(raw, 'bic', what), iban_number: optionalString(raw, 'iban_number', what) };
}

export function parseUsAccount(raw: JsonObject | null, what: string): AlignUsAccount | null {
  return raw && { account_number: optionalString(raw, 'account_number', what), routing_number: optionalString(raw, 'routing_number', what) };
}

export function parseBankAccount(value: unknown, what: string): AlignBankAccount {
  const raw = asObject(value, what);
  const address = optionalObject(raw, 'account_holder_address', what);
  const where = `${what}.account_holder_address`;
  return {
    bank_name: optionalString(raw, 'bank_name', what),
    account_type: optionalString(raw, 'account_type', what),
    account_holder_type: optionalString(raw, 'account_holder_type', what),
    account_holder_first_name: optionalString(raw, 'account_holder_first_name', what),
    account_holder_last_name: optionalString(raw, 'account_holder_last_name', what),
    account_holder_business_name: optionalString(raw, 'account_holder_business_name', what),
    account_holder_address: address && {
      country: optionalString(address, 'country', where),
      city: optionalString(address, 'city', where),
      street_line_1: optionalString(address, 'street_line_1', where),
      postal_code: optionalString(address, 'postal_code', where),
    },
    iban: parseIban(optionalObject(raw, 'iban', what), `${what}.iban`),
    us: parseUsAccount(optionalObject(raw, 'us', what), `${what}.us`),
  };
}

/** A value the GraphQL layer maps as Decimal: a string or a JSON number, checked there. */
export function optionalDecimal(object: JsonObject, field: string): string | number | null {
  const value = object[field];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}
