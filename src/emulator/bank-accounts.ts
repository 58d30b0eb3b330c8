import { isObject, validationError, type JsonObject } from './http.js';
import { oneOf, requiredText } from './fields.js';

/**
 * The bank account object (docs/align-api.md §12): R35's body and answer, and the
 * `destination_bank_account` of R16 and R17. Checked as the docs describe it and stored with only its
 * documented fields.
 */

const HOLDER_TYPES = ['individual', 'business'] as const;
const ACCOUNT_TYPES = ['iban', 'us'] as const;

export function parseBankAccountBody(value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw validationError(`${field} must be a bank account object.`);
  const holderType = oneOf(value, 'account_holder_type', HOLDER_TYPES);
  const accountType = oneOf(value, 'account_type', ACCOUNT_TYPES);
  const holder =
    holderType === 'individual'
      ? { account_holder_first_name: requiredText(value, 'account_holder_first_name'), account_holder_last_name: requiredText(value, 'account_holder_last_name') }
      : { account_holder_business_name: requiredText(value, 'account_holder_business_name') };
  return {
    bank_name: requiredText(value, 'bank_name'),
    account_holder_type: holderType,
    ...holder,
    account_holder_address: address(value.account_holder_address),
    account_type: accountType,
    ...(accountType === 'iban' ? { iban: iban(value.iban) } : { us: usAccount(value.us) }),
  };
}

function address(value: unknown): JsonObject {
  if (!isObject(value)) throw validationError('account_holder_address is required (country, city, street_line_1, postal_code).');
  const country = requiredText(value, 'country', 2);
  if (!/^[A-Z]{2}$/.test(country)) throw validationError('account_holder_address.country must be a 2-letter country code.');
  return { country, city: requiredText(value, 'city'), street_line_1: requiredText(value, 'street_line_1'), postal_code: requiredText(value, 'postal_code', 32) };
}

function iban(value: unknown): JsonObject {
  if (!isObject(value)) throw validationError('iban is required when account_type is "iban" (bic, iban_number).');
  const number = requiredText(value, 'iban_number', 34);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(number)) throw validationError('iban.iban_number is not an IBAN.');
  const bic = requiredText(value, 'bic', 11);
  if (!/^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(bic)) throw validationError('iban.bic must have 8 or 11 characters.');
  return { bic, iban_number: number };
}

function usAccount(value: unknown): JsonObject {
  if (!isObject(value)) throw validationError('us is required when account_type is "us" (account_number, routing_number).');
  const accountNumber = requiredText(value, 'account_number', 17);
  const routingNumber = requiredText(value, 'routing_number', 9);
  if (!/^[0-9]{4,17}$/.test(accountNumber)) throw validationError('us.account_number must be 4 to 17 digits.');
  if (!/^[0-9]{9}$/.test(routingNumber)) throw validationError('us.routing_number must be 9 digits.');
  return { account_number: accountNumber, routing_number: routingNumber };
}
