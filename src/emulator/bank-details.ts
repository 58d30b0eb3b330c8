import { randomInt } from 'node:crypto';
import type { JsonObject } from './http.js';

/**
 * Bank details the emulator issues to payers: deposit instructions of virtual accounts and deposit
 * accounts of on-ramp quotes (docs/align-api.md §13, §14). Numbers are made up but well-formed
 * (IBAN check digits, a real ABA check digit), so clients that validate them accept them.
 */

const BANK = {
  usd: { bank_name: 'Emulator Bank N.A.', bank_address: '1 Liberty Plaza, New York, NY 10006, US', routing_number: '021000021', bic: 'EMULUS33' },
  eur: { bank_name: 'Emulator Bank AG', bank_address: 'Taunusanlage 1, 60329 Frankfurt am Main, DE', bic: 'EMULDEFF' },
  aed: { bank_name: 'Emulator Bank PJSC', bank_address: 'Sheikh Zayed Road, Dubai, AE', bic: 'EMULAEAD' },
} as const;
const BENEFICIARY_NAME = 'Align Emulator Deposits';
const BENEFICIARY_ADDRESS = '500 Market Street, San Francisco, CA 94105, US';

function digits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('');
}

/** `country` + check digits + `bban`, with the check digits that make mod-97 equal 1. */
function iban(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

function ibanOf(currency: 'eur' | 'aed'): JsonObject {
  return currency === 'eur'
    ? { bic: BANK.eur.bic, iban_number: iban('DE', `37040044${digits(10)}`) }
    : { bic: BANK.aed.bic, iban_number: iban('AE', `033${digits(16)}`) };
}

/**
 * A virtual account's instructions: USD -> US account (ACH and wire), USD over SWIFT -> international
 * wire, EUR -> IBAN (SEPA). No AED variant is described anywhere (docs/align-api.md §19 Q8): this
 * emulator gives an AE IBAN for UAEFTS, a shape the server has no part for beyond the IBAN.
 */
export function virtualAccountInstructions(currency: string, swift: boolean): JsonObject {
  if (currency === 'usd') {
    const account_number = digits(12);
    const common = {
      currency: 'usd',
      bank_name: BANK.usd.bank_name,
      bank_address: BANK.usd.bank_address,
      account_beneficiary_name: BENEFICIARY_NAME,
      account_beneficiary_address: BENEFICIARY_ADDRESS,
    };
    return swift
      ? { ...common, payment_rails: ['swift'], international_wire: { account_number, routing_number: BANK.usd.routing_number, bic: BANK.usd.bic } }
      : { ...common, payment_rails: ['ach', 'wire'], us: { account_number, routing_number: BANK.usd.routing_number } };
  }
  const kind = currency === 'eur' ? 'eur' : 'aed';
  return {
    currency: kind,
    payment_rails: [kind === 'eur' ? 'sepa' : 'uaefts'],
    bank_name: BANK[kind].bank_name,
    bank_address: BANK[kind].bank_address,
    account_holder_name: BENEFICIARY_NAME,
    iban: ibanOf(kind),
  };
}

/** The account an on-ramp's payer sends fiat to (the `deposit_bank_account` of its quote). */
export function depositBankAccount(currency: string): JsonObject {
  const common = { account_beneficiary_type: 'business', account_beneficiary_name: BENEFICIARY_NAME };
  if (currency === 'usd') {
    return {
      ...common,
      bank_name: BANK.usd.bank_name,
      bank_address: BANK.usd.bank_address,
      account_type: 'us',
      us: { account_number: digits(12), routing_number: BANK.usd.routing_number },
    };
  }
  const kind = currency === 'eur' ? 'eur' : 'aed';
  return { ...common, bank_name: BANK[kind].bank_name, bank_address: BANK[kind].bank_address, account_type: 'iban', iban: ibanOf(kind) };
}

/** The reference a payer must quote with the payment (`deposit_message`). */
export function depositReference(): string {
  return `ONRAMP-REF-${digits(6)}`;
}
