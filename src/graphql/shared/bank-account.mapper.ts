import type { AlignBankAccount, BankAccountBody } from '../../align/operations/shared.js';
import type { UpstreamEnums } from '../upstream-enums.js';
import type { BankAccountInput } from './bank-account.input.js';
import type { BankAccount } from './bank-account.type.js';
import { AccountHolderType, BankAccountType } from './enums.js';

/** Bank accounts: GraphQL input -> wire body, wire answer -> GraphQL type. */

export function toBankAccountBody(input: BankAccountInput): BankAccountBody {
  const { accountHolder, accountHolderAddress: address, account } = input;
  const holder = accountHolder.individual
    ? {
        account_holder_type: 'individual' as const,
        account_holder_first_name: accountHolder.individual.firstName.trim(),
        account_holder_last_name: accountHolder.individual.lastName.trim(),
      }
    : { account_holder_type: 'business' as const, account_holder_business_name: accountHolder.business!.businessName.trim() };
  const number = account.iban
    ? { account_type: 'iban' as const, iban: { bic: account.iban.bic, iban_number: account.iban.ibanNumber.replace(/ /g, '').toUpperCase() } }
    : { account_type: 'us' as const, us: { account_number: account.us!.accountNumber, routing_number: account.us!.routingNumber } };
  return {
    bank_name: input.bankName.trim(),
    ...holder,
    account_holder_address: {
      country: address.country,
      city: address.city.trim(),
      street_line_1: address.streetLine1.trim(),
      postal_code: address.postalCode.trim(),
    },
    ...number,
  };
}

export function toBankAccount(raw: AlignBankAccount, enums: UpstreamEnums): BankAccount {
  return {
    bankName: raw.bank_name,
    accountType: bankAccountType(raw, enums),
    accountHolderType: raw.account_holder_type === null ? null : enums.map('AccountHolderType', AccountHolderType, raw.account_holder_type) as AccountHolderType,
    accountHolderFirstName: raw.account_holder_first_name,
    accountHolderLastName: raw.account_holder_last_name,
    accountHolderBusinessName: raw.account_holder_business_name,
    accountHolderAddress: raw.account_holder_address && {
      country: raw.account_holder_address.country,
      city: raw.account_holder_address.city,
      streetLine1: raw.account_holder_address.street_line_1,
      postalCode: raw.account_holder_address.postal_code,
      state: null,
    },
    iban: raw.iban && { bic: raw.iban.bic, ibanNumber: raw.iban.iban_number },
    us: raw.us && { accountNumber: raw.us.account_number, routingNumber: raw.us.routing_number },
  };
}

/** `account_type`, else the sub-object present; neither: UNKNOWN (an uncaptured variant). */
function bankAccountType(raw: AlignBankAccount, enums: UpstreamEnums): BankAccountType {
  if (raw.account_type !== null) return enums.map('BankAccountType', BankAccountType, raw.account_type) as BankAccountType;
  if (raw.iban) return BankAccountType.IBAN;
  if (raw.us) return BankAccountType.US;
  return BankAccountType.UNKNOWN;
}
