import type {
  AlignDepositBankAccount,
  AlignOnrampQuote,
  AlignOnrampTransfer,
  OnrampQuoteBody,
  OnrampTransferBody,
} from '../../../align/operations/onramp.js';
import { dateTimeFromUpstream } from '../../scalars/date-time.js';
import { decimalFromUpstream } from '../../scalars/decimal.js';
import { AccountHolderType, BankAccountType, Currency, Network, PaymentRails, Token, TransferStatus } from '../../shared/enums.js';
import { toUpstreamEnumValue, type UpstreamEnums } from '../../upstream-enums.js';
import type { DepositBankAccount } from './deposit.types.js';
import type { CreateOnrampQuoteInput, CreateOnrampTransferInput } from './onramp.input.js';
import type { OnrampQuote } from './onramp-quote.type.js';
import type { OnrampTransfer } from './onramp-transfer.type.js';

/** On-ramp wire shapes <-> GraphQL types (docs/align-api.md §13). */

/** An optional upstream enum value as its GraphQL value (UNKNOWN when not known); null stays null. */
export function optionalEnum<E extends Record<string, string>>(enums: UpstreamEnums, name: string, values: E, raw: string | null): E[keyof E] | null {
  return raw === null ? null : (enums.map(name, values, raw) as E[keyof E]);
}

export function optionalDecimal(raw: string | number | null): string | null {
  return raw === null ? null : decimalFromUpstream(raw);
}

export function toOnrampQuoteBody(input: CreateOnrampQuoteInput): OnrampQuoteBody {
  return {
    ...(input.amount.sourceAmount != null ? { source_amount: input.amount.sourceAmount } : { destination_amount: input.amount.destinationAmount! }),
    source_currency: toUpstreamEnumValue(input.sourceCurrency),
    source_payment_rails: toUpstreamEnumValue(input.sourcePaymentRails),
    destination_token: toUpstreamEnumValue(input.destinationToken),
    destination_network: toUpstreamEnumValue(input.destinationNetwork),
    ...(input.developerFeePercent != null && { developer_fee_percent: input.developerFeePercent }),
  };
}

export function toOnrampTransferBody(input: CreateOnrampTransferInput): OnrampTransferBody {
  return {
    amount: input.amount,
    source_currency: toUpstreamEnumValue(input.sourceCurrency),
    source_rails: toUpstreamEnumValue(input.sourceRails),
    destination_network: toUpstreamEnumValue(input.destinationNetwork),
    destination_token: toUpstreamEnumValue(input.destinationToken),
    destination_address: input.destinationAddress,
  };
}

export function toOnrampQuote(raw: AlignOnrampQuote, customerId: string, enums: UpstreamEnums): OnrampQuote {
  return {
    id: raw.quote_id,
    customerId,
    sourceAmount: decimalFromUpstream(raw.source_amount),
    destinationAmount: decimalFromUpstream(raw.destination_amount),
    sourceCurrency: enums.map('Currency', Currency, raw.source_currency) as Currency,
    sourcePaymentRails: enums.map('PaymentRails', PaymentRails, raw.source_payment_rails) as PaymentRails,
    destinationToken: enums.map('Token', Token, raw.destination_token) as Token,
    destinationNetwork: enums.map('Network', Network, raw.destination_network) as Network,
    feeAmount: optionalDecimal(raw.fee_amount),
    exchangeRate: optionalDecimal(raw.exchange_rate),
    expiresAt: raw.expire_at === null ? null : dateTimeFromUpstream(raw.expire_at),
  };
}

export function toOnrampTransfer(raw: AlignOnrampTransfer, customerId: string, enums: UpstreamEnums): OnrampTransfer {
  const quote = raw.quote;
  return {
    id: raw.id,
    customerId,
    status: raw.status === null ? TransferStatus.UNKNOWN : (enums.map('TransferStatus', TransferStatus, raw.status) as TransferStatus),
    amount: optionalDecimal(raw.amount),
    sourceCurrency: optionalEnum(enums, 'Currency', Currency, raw.source_currency),
    sourceRails: optionalEnum(enums, 'PaymentRails', PaymentRails, raw.source_rails),
    destinationNetwork: optionalEnum(enums, 'Network', Network, raw.destination_network),
    destinationToken: optionalEnum(enums, 'Token', Token, raw.destination_token),
    destinationAddress: raw.destination_address,
    quote: quote && {
      depositRails: optionalEnum(enums, 'PaymentRails', PaymentRails, quote.deposit_rails),
      depositCurrency: optionalEnum(enums, 'Currency', Currency, quote.deposit_currency),
      depositAmount: optionalDecimal(quote.deposit_amount),
      feeAmount: optionalDecimal(quote.fee_amount),
      depositMessage: quote.deposit_message,
      depositBankAccount: quote.deposit_bank_account && toDepositBankAccount(quote.deposit_bank_account, enums),
    },
  };
}

function toDepositBankAccount(raw: AlignDepositBankAccount, enums: UpstreamEnums): DepositBankAccount {
  return {
    bankName: raw.bank_name,
    bankAddress: raw.bank_address,
    accountType:
      raw.account_type !== null
        ? (enums.map('BankAccountType', BankAccountType, raw.account_type) as BankAccountType)
        : raw.iban
          ? BankAccountType.IBAN
          : raw.us
            ? BankAccountType.US
            : BankAccountType.UNKNOWN,
    beneficiaryType: optionalEnum(enums, 'AccountHolderType', AccountHolderType, raw.account_beneficiary_type),
    beneficiaryName: raw.account_beneficiary_name,
    iban: raw.iban && { bic: raw.iban.bic, ibanNumber: raw.iban.iban_number },
    us: raw.us && { accountNumber: raw.us.account_number, routingNumber: raw.us.routing_number },
  };
}
