import type { CustomerProfileBody } from '../../../align/operations/customers.js';
import { toUpstreamEnumValue } from '../../upstream-enums.js';
import type {
  CustomerDocumentInput,
  IndividualCustomerProfileInput,
  PersonIdDocumentInput,
  UpdateCustomerInput,
} from './customer-profile.input.js';

/**
 * The profile input -> the upstream's PUT body (docs/align-api.md §7): only the chosen branch, only
 * the fields given, snake_case, text trimmed, enum values in the upstream's spelling.
 */
export function toProfileBody(input: UpdateCustomerInput): CustomerProfileBody {
  if (input.individual) return individualBody(input.individual);
  if (input.corporate) return { documents: input.corporate.documents.map(documentBody) };
  // Unreachable through GraphQL (@oneOf), kept so a direct caller gets a clear error.
  throw new TypeError('UpdateCustomerInput needs exactly one of individual or corporate');
}

function individualBody(profile: IndividualCustomerProfileInput): CustomerProfileBody {
  const address = profile.residentialAddress;
  const identifying = profile.identifyingInformation;
  return compact({
    first_name: profile.firstName?.trim(),
    middle_name: profile.middleName?.trim(),
    last_name: profile.lastName?.trim(),
    birth_date: profile.birthDate,
    nationality: profile.nationality,
    birth_country: profile.birthCountry,
    residential_address: address && compact({
      street_line_1: address.streetLine1.trim(),
      street_line_2: address.streetLine2?.trim(),
      city: address.city.trim(),
      state: address.state?.trim(),
      postal_code: address.postalCode?.trim(),
      country: address.country,
    }),
    identifying_information: identifying && compact({
      id_document: identifying.idDocument && idDocumentBody(identifying.idDocument),
      tax_number: identifying.taxNumber && idDocumentBody(identifying.taxNumber),
    }),
    most_recent_occupation: profile.mostRecentOccupation?.trim(),
    employment_status: profile.employmentStatus?.trim(),
    account_purpose: profile.accountPurpose && toUpstreamEnumValue(profile.accountPurpose),
    account_purpose_other: profile.accountPurposeOther?.trim(),
    acting_as_intermediary: profile.actingAsIntermediary ?? undefined,
    expected_monthly_volume_usd: profile.expectedMonthlyVolumeUsd?.trim(),
    source_of_funds_description: profile.sourceOfFundsDescription?.trim(),
    external_kyc_provider_data: profile.externalKycProviderData && { sumsub_share_kyc_token: profile.externalKycProviderData.sumsubShareKycToken.trim() },
    documents: profile.documents?.map(documentBody),
  });
}

function idDocumentBody(document: PersonIdDocumentInput) {
  return { number: document.number.trim(), type: document.type.trim(), issuing_country: document.issuingCountry };
}

function documentBody(document: CustomerDocumentInput) {
  return compact({
    file_id: document.fileId,
    purpose: toUpstreamEnumValue(document.purpose),
    doc_side: document.docSide?.trim(),
    description: document.description?.trim(),
  });
}

/** Leaves out what was not given (null included: a GraphQL null means "not sent" here). */
function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
