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
