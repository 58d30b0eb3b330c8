import { registerEnumType } from 'type-graphql';

export enum CustomerType {
  INDIVIDUAL = 'INDIVIDUAL',
  CORPORATE = 'CORPORATE',
}

export enum KycStatus {
  NOT_STARTED = 'NOT_STARTED',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  UNKNOWN = 'UNKNOWN',
}

export enum KycSubStatus {
  KYC_FORM_SUBMISSION_STARTED = 'KYC_FORM_SUBMISSION_STARTED',
  KYC_FORM_SUBMISSION_ACCEPTED = 'KYC_FORM_SUBMISSION_ACCEPTED',
  KYC_FORM_RESUBMISSION_REQUIRED = 'KYC_FORM_RESUBMISSION_REQUIRED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(CustomerType, { name: 'CustomerType', description: 'Whether a customer is a person or a company.' });
registerEnumType(KycStatus, {
  name: 'KycStatus',
  description: 'Where a customer is in identity verification. UNKNOWN: a value this server does not know yet.',
});
registerEnumType(KycSubStatus, { name: 'KycSubStatus', description: 'Detail of a pending verification.' });

export enum CustomerSimulationAction {
  KYC_STATUS_APPROVE = 'KYC_STATUS_APPROVE',
}

/** Why the customer opens the account (12 values, docs/align-api.md §5); an input only. */
export enum AccountPurpose {
  CHARITABLE_DONATIONS = 'CHARITABLE_DONATIONS',
  ECOMMERCE_RETAIL_PAYMENTS = 'ECOMMERCE_RETAIL_PAYMENTS',
  INVESTMENT_PURPOSES = 'INVESTMENT_PURPOSES',
  OTHER = 'OTHER',
  PAYMENTS_TO_FRIENDS_OR_FAMILY_ABROAD = 'PAYMENTS_TO_FRIENDS_OR_FAMILY_ABROAD',
  PAYROLL = 'PAYROLL',
  PERSONAL_OR_LIVING_EXPENSES = 'PERSONAL_OR_LIVING_EXPENSES',
  PROTECT_WEALTH = 'PROTECT_WEALTH',
  PURCHASE_GOODS_AND_SERVICES = 'PURCHASE_GOODS_AND_SERVICES',
  RECEIVE_PAYMENTS_FOR_GOODS_AND_SERVICES = 'RECEIVE_PAYMENTS_FOR_GOODS_AND_SERVICES',
  THIRD_PARTY_MONEY_TRANSMISSION = 'THIRD_PARTY_MONEY_TRANSMISSION',
  TREASURY_MANAGEMENT = 'TREASURY_MANAGEMENT',
}

/** What an uploaded document proves (8 values, docs/align-api.md §5); an input only. */
export enum CustomerDocumentPurpose {
  ID_DOCUMENT = 'ID_DOCUMENT',
  PROOF_OF_ADDRESS = 'PROOF_OF_ADDRESS',
  PROOF_OF_SOURCE_OF_FUNDS = 'PROOF_OF_SOURCE_OF_FUNDS',
  BUSINESS_FORMATION = 'BUSINESS_FORMATION',
  DIRECTORS_REGISTRY = 'DIRECTORS_REGISTRY',
  SHAREHOLDER_REGISTRY = 'SHAREHOLDER_REGISTRY',
  PROOF_OF_NATURE_OF_BUSINESS = 'PROOF_OF_NATURE_OF_BUSINESS',
  OTHER = 'OTHER',
}

registerEnumType(CustomerSimulationAction, { name: 'CustomerSimulationAction', description: 'Sandbox only: what to simulate on a customer.' });
registerEnumType(AccountPurpose, { name: 'AccountPurpose', description: 'Why the customer uses the account.' });
registerEnumType(CustomerDocumentPurpose, { name: 'CustomerDocumentPurpose', description: 'What an uploaded document proves.' });
