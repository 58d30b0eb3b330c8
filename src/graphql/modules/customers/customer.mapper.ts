import type { AlignCustomer, AlignKycs, CreateCustomerBody } from '../../../align/operations/customers.js';
import type { UpstreamEnums } from '../../upstream-enums.js';
import type { Address } from '../../shared/address.type.js';
import { Currency, PaymentRails } from '../../shared/enums.js';
import { CustomerType, KycStatus, KycSubStatus } from './customer.enums.js';
import type { CreateCustomerInput } from './customer.input.js';
import type { Customer } from './customer.type.js';
import type { Kyc } from './kyc.type.js';

/** Upstream customer shapes <-> GraphQL types; the only place that knows both spellings. */

const CUSTOMER_TYPE_ALIASES = { business: CustomerType.CORPORATE } as const;

export function toCreateCustomerBody(input: CreateCustomerInput): CreateCustomerBody {
  if (input.individual) {
    const { email, firstName, lastName } = input.individual;
    return { email, type: 'individual', first_name: firstName.trim(), last_name: lastName.trim() };
  }
  if (input.corporate) {
    const { email, companyName } = input.corporate;
    return { email, type: 'corporate', company_name: companyName.trim() };
  }
  // Unreachable through GraphQL (@oneOf), kept so a direct caller gets a clear error.
  throw new TypeError('CreateCustomerInput needs exactly one of individual or corporate');
}

export function toCustomer(raw: AlignCustomer, enums: UpstreamEnums): Customer {
  return {
    id: raw.customer_id,
    email: raw.email,
    type: customerType(raw, enums),
    firstName: raw.first_name,
    lastName: raw.last_name,
    companyName: raw.company_name,
    address: raw.address && toAddress(raw.address),
    kyc: raw.kycs && toKyc(raw.kycs, enums),
  };
}

function customerType(raw: AlignCustomer, enums: UpstreamEnums): CustomerType {
  if (raw.type != null) {
    const mapped = enums.map('CustomerType', CustomerType, raw.type, CUSTOMER_TYPE_ALIASES);
    if (mapped !== 'UNKNOWN') return mapped;
  }
  // CustomerType has no UNKNOWN member: an unknown or missing type is read from the fields present.
  return raw.company_name != null && raw.first_name == null ? CustomerType.CORPORATE : CustomerType.INDIVIDUAL;
}

function toAddress(raw: NonNullable<AlignCustomer['address']>): Address {
  return {
    country: raw.country,
    city: raw.city,
    streetLine1: raw.street_line_1,
    postalCode: raw.postal_code,
    state: raw.state,
  };
}

export function toKyc(raw: AlignKycs, enums: UpstreamEnums): Kyc {
  return {
    status: raw.status == null ? KycStatus.UNKNOWN : (enums.map('KycStatus', KycStatus, raw.status) as KycStatus),
    subStatus: raw.sub_status == null ? null : (enums.map('KycSubStatus', KycSubStatus, raw.sub_status) as KycSubStatus),
    flowLink: enums.link('kycFlowLink', raw.kyc_flow_link),
    statusBreakdown: raw.status_breakdown.map((entry) => ({
      currency: enums.map('Currency', Currency, entry.currency) as Currency,
      paymentRails: enums.map('PaymentRails', PaymentRails, entry.payment_rails) as PaymentRails,
      status: enums.map('KycStatus', KycStatus, entry.status) as KycStatus,
    })),
  };
}
