import { registerEnumType } from 'type-graphql';

/**
 * Enums shared by several groups (docs/align-api.md §5). Output enums carry UNKNOWN for a value this
 * server does not know yet (mapped by UpstreamEnums); UNKNOWN is refused as an input.
 */

export enum Currency {
  USD = 'USD',
  EUR = 'EUR',
  AED = 'AED',
  UNKNOWN = 'UNKNOWN',
}

export enum PaymentRails {
  ACH = 'ACH',
  WIRE = 'WIRE',
  SEPA = 'SEPA',
  SWIFT = 'SWIFT',
  UAEFTS = 'UAEFTS',
  UNKNOWN = 'UNKNOWN',
}

export enum Network {
  POLYGON = 'POLYGON',
  ETHEREUM = 'ETHEREUM',
  SOLANA = 'SOLANA',
  BASE = 'BASE',
  ARBITRUM = 'ARBITRUM',
  TRON = 'TRON',
  UNKNOWN = 'UNKNOWN',
}

export enum Token {
  USDC = 'USDC',
  USDT = 'USDT',
  EURC = 'EURC',
  UNKNOWN = 'UNKNOWN',
}

export enum TransferStatus {
  PENDING = 'PENDING',
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
  CANCELED = 'CANCELED',
  UNKNOWN = 'UNKNOWN',
}

/** The server's own: which of the three transfer kinds an event or list entry is. */
export enum TransferKind {
  ONRAMP = 'ONRAMP',
  OFFRAMP = 'OFFRAMP',
  CROSS_CHAIN = 'CROSS_CHAIN',
}

export enum AccountHolderType {
  INDIVIDUAL = 'INDIVIDUAL',
  BUSINESS = 'BUSINESS',
  UNKNOWN = 'UNKNOWN',
}

export enum BankAccountType {
  IBAN = 'IBAN',
  US = 'US',
  UNKNOWN = 'UNKNOWN',
}

export enum TransferSimulationAction {
  COMPLETE_TRANSFER = 'COMPLETE_TRANSFER',
}

/** Why money is sent (30 values; `GOOD_SOLD` is spelled as upstream). */
export enum TransferPurpose {
  CHARITY = 'CHARITY',
  COMMERCIAL_INVESTMENT = 'COMMERCIAL_INVESTMENT',
  CORPORATE_CARD = 'CORPORATE_CARD',
  CREDIT_CARD = 'CREDIT_CARD',
  DIVIDEND = 'DIVIDEND',
  FAMILY = 'FAMILY',
  FINANCIAL_SERVICES = 'FINANCIAL_SERVICES',
  GOOD_SOLD = 'GOOD_SOLD',
  GOODS_BOUGHT = 'GOODS_BOUGHT',
  GOVERNMENT = 'GOVERNMENT',
  INSURANCE = 'INSURANCE',
  INTERGROUP_TRANSFER = 'INTERGROUP_TRANSFER',
  INTRA_GROUP_DIVIDENDS = 'INTRA_GROUP_DIVIDENDS',
  INFORMATION_TECHNOLOGY = 'INFORMATION_TECHNOLOGY',
  LEASING = 'LEASING',
  LOAN_CHARGES = 'LOAN_CHARGES',
  MERCHANT_SETTLEMENT = 'MERCHANT_SETTLEMENT',
  MOBILE_WALLET = 'MOBILE_WALLET',
  NONE = 'NONE',
  NON_RESIDENT_TRANSFER_BETWEEN_ACCOUNTS = 'NON_RESIDENT_TRANSFER_BETWEEN_ACCOUNTS',
  PENSION = 'PENSION',
  PERSONAL_EXPENSES = 'PERSONAL_EXPENSES',
  PREPAID_CARDS = 'PREPAID_CARDS',
  PROFESSIONAL = 'PROFESSIONAL',
  RENTAL = 'RENTAL',
  RESIDENT_TRANSFER_BETWEEN_ACCOUNTS = 'RESIDENT_TRANSFER_BETWEEN_ACCOUNTS',
  SALARIES = 'SALARIES',
  TELECOMMUNICATIONS = 'TELECOMMUNICATIONS',
  TRAVEL = 'TRAVEL',
  UTILITY_BILL = 'UTILITY_BILL',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(Currency, { name: 'Currency', description: 'A fiat currency.' });
registerEnumType(PaymentRails, { name: 'PaymentRails', description: 'A bank payment network.' });
registerEnumType(Network, { name: 'Network', description: 'A blockchain network. Each route accepts a subset; the upstream refuses the others.' });
registerEnumType(Token, { name: 'Token', description: 'A stablecoin.' });
registerEnumType(TransferStatus, { name: 'TransferStatus', description: 'Where a transfer is in its life cycle.' });
registerEnumType(TransferKind, { name: 'TransferKind', description: 'On-ramp (bank to crypto), off-ramp (crypto to bank) or cross-chain.' });
registerEnumType(AccountHolderType, { name: 'AccountHolderType', description: 'Who holds a bank account.' });
registerEnumType(BankAccountType, { name: 'BankAccountType', description: 'How a bank account is numbered.' });
registerEnumType(TransferSimulationAction, { name: 'TransferSimulationAction', description: 'Sandbox only: what to simulate on a transfer.' });
registerEnumType(TransferPurpose, { name: 'TransferPurpose', description: 'Why money is sent, as the receiving bank may ask.' });
