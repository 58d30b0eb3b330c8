import type { ValidationOptions } from 'class-validator';
import { Satisfies } from './rules.js';

/**
 * Bank and country identifiers, checked before any call (docs/align-api.md §4). Each check returns
 * what is wrong, or undefined; the decorators put that in `fieldErrors`.
 */

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** ISO 3166-1 alpha-2, upper case: a code the runtime's region data names (so not `ZZ` or `QQ`). */
export function countryCodeProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) return 'must be an ISO 3166-1 alpha-2 country code such as "DE"';
  const name = REGIONS.of(value);
  return name === undefined || name === value || name === 'Unknown Region' ? 'is not a known country code' : undefined;
}

/** IBAN: country, check digits, up to 30 alphanumerics; the mod-97 check must give 1. Spaces allowed. */
export function ibanProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be an IBAN';
  const compact = value.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(compact)) return 'must be an IBAN: country code, 2 check digits, 11 to 30 letters or digits';
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? undefined : 'has a wrong check digit (mod-97)';
}

/** BIC (SWIFT code): bank (4 letters), country (2 letters), location (2), optional branch (3). */
export function bicProblem(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value)
    ? undefined
    : 'must be a BIC of 8 or 11 characters, e.g. "DEUTDEFF"';
}

/** ABA routing number: 9 digits whose weighted sum (3, 7, 1, ...) is a multiple of 10. */
export function routingNumberProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[0-9]{9}$/.test(value)) return 'must be a 9-digit ABA routing number';
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...value].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return sum % 10 === 0 ? undefined : 'has a wrong check digit (ABA)';
}

export function usAccountNumberProblem(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9]{4,17}$/.test(value) ? undefined : 'must be 4 to 17 digits';
}

export const IsCountryCode = (options?: ValidationOptions) => Satisfies('isCountryCode', countryCodeProblem, options);
export const IsIban = (options?: ValidationOptions) => Satisfies('isIban', ibanProblem, options);
export const IsBic = (options?: ValidationOptions) => Satisfies('isBic', bicProblem, options);
export const IsRoutingNumber = (options?: ValidationOptions) => Satisfies('isRoutingNumber', routingNumberProblem, options);
export const IsUsAccountNumber = (options?: ValidationOptions) => Satisfies('isUsAccountNumber', usAccountNumberProblem, options);
