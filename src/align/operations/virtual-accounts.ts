import { defineOperation } from '../operation.js';
import { arrayOf, asObject, optionalString, requiredString, type JsonObject } from '../shape.js';

/**
 * Virtual accounts (docs/align-api.md §14): bank accounts issued to a customer; fiat paid into one is
 * converted and sent on-chain to its destination.
 */

/** Deposit instructions as sent; every part is optional because their shape varies by currency. */
export interface AlignDepositInstructions {
  readonly currency: string | null;
  readonly payment_rails: readonly string[];
  readonly bank_name: string | null;
  readonly bank_address: string | null;
  /** `account_holder_name` (IBAN variant) or `account_beneficiary_name` (US variants). */
  readonly beneficiary_name: string | null;
  readonly beneficiary_address: string | null;
  readonly iban: { readonly bic: string | null; readonly iban_number: string | null } | null;
  readonly us: { readonly account_number: string | null; readonly routing_number: string | null } | null;
  readonly international_wire: {
    readonly account_number: string | null;
    readonly routing_number: string | null;
    readonly bic: string | null;
  } | null;
}

export interface AlignVirtualAccount {
  readonly id: string;
  /** `active`, or `pending` while being issued; absent reads as UNKNOWN. */
  readonly status: string | null;
  readonly destination_token: string | null;
  readonly destination_network: string | null;
  readonly destination_address: string | null;
  /** Null while pending. */
  readonly deposit_instructions: AlignDepositInstructions | null;
  /** Not documented on the object; read when an upstream sends them (they settle a 409's lookup). */
  readonly source_currency?: string | null;
  readonly source_rails?: string | null;
}

export interface VirtualAccountBody {
  readonly source_currency: string;
  readonly source_rails?: string;
  readonly destination_token?: string;
  readonly destination_network: string;
  readonly destination_address?: string;
}

export const getVirtualAccount = defineOperation({
  method: 'GET',
  route: '/v0/customers/:customer_id/virtual-account/:virtual_account_id',
  retry: 'read',
  parse: (answer) => parseVirtualAccount(answer, 'virtual account'),
});

export const listVirtualAccounts = defineOperation({
  method: 'GET',
  route: '/v0/customers/:customer_id/virtual-account',
  retry: 'read',
  parse: (answer) => arrayOf(asObject(answer, 'virtual account list').items, 'items', parseVirtualAccount),
  items: { read: getVirtualAccount, ids: (account: AlignVirtualAccount, [customerId]: readonly string[]) => [customerId!, account.id] },
});

/**
 * Get-or-create (class R): the upstream refuses identical parameters with a 409, so a repeat cannot
 * make a second account. A 202 answers only `{id, status}`: the destination comes from the input.
 */
export const createVirtualAccount = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/virtual-account',
  retry: 'R',
  body: (body: VirtualAccountBody) => body,
  parse: (answer) => parseVirtualAccount(answer, 'virtual account'),
  complete: (account, body) => ({
    ...account,
    destination_token: account.destination_token ?? body.destination_token ?? null,
    destination_network: account.destination_network ?? body.destination_network,
    destination_address: account.destination_address ?? body.destination_address ?? null,
  }),
  refreshes: { read: getVirtualAccount, ids: (account, [customerId]) => [customerId!, account.id] },
});

/**
 * Sandbox only (R34): answers the account, now active. A shorter answer (no id) is read as null and
 * the caller re-reads the account.
 */
export const simulateVirtualAccount = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/virtual-account/simulate',
  retry: 'once',
  body: (input: { readonly action: string; readonly virtualAccountId: string }) => ({
    action: input.action,
    virtual_account_id: input.virtualAccountId,
  }),
  parse: (answer) => {
    const raw = asObject(answer, 'simulation answer');
    return typeof raw.id === 'string' && raw.id !== '' ? parseVirtualAccount(raw, 'virtual account') : null;
  },
});

export const virtualAccountOperations = { getVirtualAccount, listVirtualAccounts, createVirtualAccount, simulateVirtualAccount } as const;

/**
 * The single listed account made with the same parameters (docs/align-api.md §14: a 409 means one
 * exists), or undefined when none or several match. A part the list leaves out (a pending account
 * has no instructions yet), or the request left out (the upstream may fill a default), contradicts
 * nothing.
 */
export function findSameVirtualAccount(listed: readonly AlignVirtualAccount[], body: VirtualAccountBody): AlignVirtualAccount | undefined {
  const same = listed.filter(
    (account) =>
      sameValue(account.destination_network, body.destination_network) &&
      sameValue(account.destination_token, body.destination_token) &&
      sameAddress(account.destination_address, body.destination_address) &&
      agrees(currencyOf(account), body.source_currency) &&
      agrees(railOf(account), body.source_rails ?? null),
  );
  return same.length === 1 ? same[0] : undefined;
}

function sameValue(listed: string | null, asked: string | undefined): boolean {
  return asked === undefined || listed?.toLowerCase() === asked.toLowerCase();
}

/** EVM addresses are case-insensitive hex (mixed case is only a checksum); others compare exactly. */
function sameAddress(listed: string | null, asked: string | undefined): boolean {
  if (asked === undefined) return true;
  if (listed === null) return false;
  return /^0x/i.test(asked) ? listed.toLowerCase() === asked.toLowerCase() : listed === asked;
}

/** `undefined`: the list does not say, which contradicts nothing. */
function agrees(listed: string | null | undefined, asked: string | null): boolean {
  return listed === undefined || (listed?.toLowerCase() ?? null) === asked;
}

function currencyOf(account: AlignVirtualAccount): string | null | undefined {
  if (account.source_currency !== undefined) return account.source_currency;
  return account.deposit_instructions?.currency ?? undefined;
}

/** Only SWIFT is ever asked for (docs/align-api.md §14); an account without it was made without rails. */
function railOf(account: AlignVirtualAccount): string | null | undefined {
  if (account.source_rails !== undefined) return account.source_rails;
  const instructions = account.deposit_instructions;
  if (instructions === null || instructions.payment_rails.length === 0) return undefined;
  return instructions.payment_rails.some((rail) => rail.toLowerCase() === 'swift') ? 'swift' : null;
}

function parseVirtualAccount(value: unknown, what: string): AlignVirtualAccount {
  const raw = asObject(value, what);
  const account: AlignVirtualAccount = {
    id: requiredString(raw, 'id', what),
    status: optionalString(raw, 'status', what),
    destination_token: optionalString(raw, 'destination_token', what),
    destination_network: optionalString(raw, 'destination_network', what),
    destination_address: optionalString(raw, 'destination_address', what),
    deposit_instructions: parseDepositInstructions(raw.deposit_instructions),
  };
  const extra: { source_currency?: string | null; source_rails?: string | null } = {};
  if ('source_currency' in raw) extra.source_currency = text(raw.source_currency);
  if ('source_rails' in raw) extra.source_rails = text(raw.source_rails);
  return { ...account, ...extra };
}

/**
 * Lenient on purpose (docs/align-api.md §14, §19 Q8): the variants differ by currency and the AED one
 * is not described anywhere, so a part that is missing or of another shape reads as null, never as
 * an error that would hide the rest of the account.
 */
export function parseDepositInstructions(value: unknown): AlignDepositInstructions | null {
  if (!isObject(value)) return null;
  const iban = objectOrNull(value.iban);
  const us = objectOrNull(value.us);
  const wire = objectOrNull(value.international_wire);
  return {
    currency: text(value.currency),
    payment_rails: Array.isArray(value.payment_rails) ? value.payment_rails.filter((rail): rail is string => typeof rail === 'string') : [],
    bank_name: text(value.bank_name),
    bank_address: text(value.bank_address),
    beneficiary_name: text(value.account_holder_name) ?? text(value.account_beneficiary_name),
    beneficiary_address: text(value.account_holder_address) ?? text(value.account_beneficiary_address),
    iban: iban && { bic: text(iban.bic), iban_number: text(iban.iban_number) },
    us: us && { account_number: text(us.account_number), routing_number: text(us.routing_number) },
    international_wire: wire && {
      account_number: text(wire.account_number),
      routing_number: text(wire.routing_number),
      bic: text(wire.bic),
    },
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOrNull(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
