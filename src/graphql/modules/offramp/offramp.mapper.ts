import type { AlignExternalAccount } from '../../../align/operations/external-accounts.js';
import type {
  AlignOfframpQuote,
  AlignOfframpTransfer,
  AlignOfframpTransferQuote,
  OfframpFromQuoteBody,
  OfframpQuoteBody,
  OfframpTransferBody,
} from '../../../align/operations/offramp.js';
import { toBankAccount, toBankAccountBody } from '../../shared/bank-account.mapper.js';
import { Currency, Network, PaymentRails, Token, TransferPurpose, TransferStatus } from '../../shared/enums.js';
import { toUpstreamEnumValue, type UpstreamEnums } from '../../upstream-enums.js';
import type { ExternalAccount } from './external-account.type.js';
import type { CreateOfframpQuoteInput, CreateOfframpTransferFromQuoteInput, CreateOfframpTransferInput } from './offramp.input.js';
import type { OfframpQuote } from './offramp-quote.type.js';
import type { OfframpTransfer, OfframpTransferQuote } from './offramp-transfer.type.js';

/** Off-ramp and external account shapes: GraphQL inputs -> wire bodies, wire answers -> GraphQL types. */

/**
 * Amounts go out as the upstream sent them (a string or a JSON number): the Decimal scalar checks and
 * prints each one, so a bad amount fails its field, not the whole transfer.
 */
const decimal = (value: string | number | null): string | null => value as string | null;

type EnumValues = Record<string, string>;

function optionalEnum<E extends EnumValues>(enums: UpstreamEnums, name: string, values: E, raw: string | null): E[keyof E] | null {
  return raw === null ? null : (enums.map(name, values, raw) as E[keyof E]);
}

export function toQuoteBody(input: CreateOfframpQuoteInput): OfframpQuoteBody {
  return {
    source_token: toUpstreamEnumValue(input.sourceToken),
    source_network: toUpstreamEnumValue(input.sourceNetwork),
    destination_currency: toUpstreamEnumValue(input.destinationCurrency),
    destination_payment_rails: toUpstreamEnumValue(input.destinationPaymentRails),
    ...(input.amount.sourceAmount != null ? { source_amount: input.amount.sourceAmount } : { destination_amount: input.amount.destinationAmount! }),
    ...(input.developerFeePercent != null ? { developer_fee_percent: input.developerFeePercent } : {}),
  };
}

export function toFromQuoteBody(input: CreateOfframpTransferFromQuoteInput): OfframpFromQuoteBody {
  const { destination } = input;
  return {
    ...(destination.externalAccountId != null
      ? { destination_external_account_id: destination.externalAccountId }
      : { destination_bank_account: toBankAccountBody(destination.bankAccount!) }),
    ...purpose(input.transferPurpose),
  };
}

export function toTransferBody(input: CreateOfframpTransferInput): OfframpTransferBody {
  return {
    amount: input.amount,
    source_token: toUpstreamEnumValue(input.sourceToken),
    source_network: toUpstreamEnumValue(input.sourceNetwork),
    destination_currency: toUpstreamEnumValue(input.destinationCurrency),
    destination_payment_rails: toUpstreamEnumValue(input.destinationPaymentRails),
    destination_bank_account: toBankAccountBody(input.destinationBankAccount),
    ...purpose(input.transferPurpose),
  };
}

function purpose(value: TransferPurpose | null | undefined): { transfer_purpose?: string } {
  return value == null ? {} : { transfer_purpose: toUpstreamEnumValue(value) };
}

export function toOfframpQuote(raw: AlignOfframpQuote, customerId: string, enums: UpstreamEnums): OfframpQuote {
  return {
    id: raw.quote_id,
    customerId,
    sourceAmount: decimal(raw.source_amount)!,
    destinationAmount: decimal(raw.destination_amount)!,
    // Filled from the input when the answer leaves them out (align/operations/offramp.ts).
    sourceToken: enums.map('Token', Token, raw.source_token!) as Token,
    sourceNetwork: enums.map('Network', Network, raw.source_network!) as Network,
    destinationCurrency: enums.map('Currency', Currency, raw.destination_currency!) as Currency,
    destinationPaymentRails: enums.map('PaymentRails', PaymentRails, raw.destination_payment_rails!) as PaymentRails,
    feeAmount: decimal(raw.fee_amount),
    exchangeRate: decimal(raw.exchange_rate),
    expiresAt: raw.expire_at,
  };
}

export function toOfframpTransfer(raw: AlignOfframpTransfer, customerId: string, enums: UpstreamEnums): OfframpTransfer {
  return {
    id: raw.id,
    customerId,
    status: raw.status === null ? TransferStatus.UNKNOWN : (enums.map('TransferStatus', TransferStatus, raw.status) as TransferStatus),
    amount: decimal(raw.amount),
    sourceToken: optionalEnum(enums, 'Token', Token, raw.source_token),
    sourceNetwork: optionalEnum(enums, 'Network', Network, raw.source_network),
    destinationCurrency: optionalEnum(enums, 'Currency', Currency, raw.destination_currency),
    destinationPaymentRails: optionalEnum(enums, 'PaymentRails', PaymentRails, raw.destination_payment_rails),
    transferPurpose: optionalEnum(enums, 'TransferPurpose', TransferPurpose, raw.transfer_purpose),
    destinationBankAccount: raw.destination_bank_account && toBankAccount(raw.destination_bank_account, enums),
    quote: raw.quote && toTransferQuote(raw.quote, enums),
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

function toTransferQuote(raw: AlignOfframpTransferQuote, enums: UpstreamEnums): OfframpTransferQuote {
  return {
    depositNetwork: optionalEnum(enums, 'Network', Network, raw.deposit_network),
    depositToken: optionalEnum(enums, 'Token', Token, raw.deposit_token),
    depositBlockchainAddress: raw.deposit_blockchain_address,
    depositAmount: decimal(raw.deposit_amount),
    sourceAmount: decimal(raw.source_amount),
    destinationAmount: decimal(raw.destination_amount),
    exchangeRate: decimal(raw.exchange_rate),
    feeAmount: decimal(raw.fee_amount),
    depositTransactionHash: raw.deposit_transaction_hash,
    expiresAt: raw.expires_at,
  };
}

export function toExternalAccount(raw: AlignExternalAccount, customerId: string, enums: UpstreamEnums): ExternalAccount {
  return { id: raw.id, customerId, createdAt: raw.created_at, bankAccount: toBankAccount(raw, enums) };
}
