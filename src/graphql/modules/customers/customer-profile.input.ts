import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateBy, ValidateNested, buildMessage } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../scalars/date-time.js';
import { IsCountryCode } from '../../validation/banking.js';
import { HasSomeField, IsOptionalText, IsText, Satisfies, TEXT_MAX_LENGTH, textProblem } from '../../validation/rules.js';
import { AccountPurpose, CustomerDocumentPurpose } from './customer.enums.js';

/** The KYC profile sent by updateCustomer (docs/align-api.md §7): personal data, never logged. */

export const MAX_DOCUMENTS = 20;

const isUuid = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A birth date is in the past (server rule). */
const IsPastDate = () =>
  Satisfies('isPastDate', (value) => (typeof value === 'string' && Date.parse(`${value}T00:00:00Z`) < Date.now() ? undefined : 'must be in the past'));

const ACCOUNT_PURPOSE_OTHER_MAX_LENGTH = 1024;

/**
 * `accountPurposeOther` is given exactly when the purpose is OTHER (server rule), as text. One
 * validator for both: @IsOptional would skip the "required when OTHER" half.
 */
function IsGivenExactlyForOtherPurpose(): PropertyDecorator {
  const problem = (value: unknown, object: unknown): string | undefined => {
    const other = (object as { accountPurpose?: AccountPurpose }).accountPurpose === AccountPurpose.OTHER;
    const given = value !== undefined && value !== null;
    if (other !== given) return 'is required when accountPurpose is OTHER, and only then';
    return given ? textProblem(value, ACCOUNT_PURPOSE_OTHER_MAX_LENGTH) : undefined;
  };
  return ValidateBy({
    name: 'isGivenExactlyForOtherPurpose',
    validator: {
      validate: (value: unknown, args) => problem(value, args?.object) === undefined,
      defaultMessage: buildMessage((prefix, args) => `${prefix}$property ${problem(args?.value, args?.object) ?? 'is not valid'}`),
    },
  });
}

@InputType({ description: 'An uploaded file (uploadFile) attached to the profile.' })
export class CustomerDocumentInput {
  @Field(() => ID, { description: 'The id uploadFile returned.' })
  @Satisfies('isFileId', (value) => (isUuid(value) ? undefined : 'must be a UUID returned by uploadFile'))
  fileId!: string;

  @Field(() => CustomerDocumentPurpose)
  purpose!: CustomerDocumentPurpose;

  @Field(() => String, { nullable: true, description: 'e.g. "front" (the upstream does not list the values).' })
  @IsOptionalText(32)
  docSide?: string;

  @Field(() => String, { nullable: true })
  @IsOptionalText(TEXT_MAX_LENGTH)
  description?: string;
}

@InputType({ description: 'Where the customer lives.' })
export class ResidentialAddressInput {
  @Field(() => String)
  @IsText(TEXT_MAX_LENGTH)
  streetLine1!: string;

  @Field(() => String, { nullable: true })
  @IsOptionalText(TEXT_MAX_LENGTH)
  streetLine2?: string;

  @Field(() => String)
  @IsText(TEXT_MAX_LENGTH)
  city!: string;

  @Field(() => String, { nullable: true })
  @IsOptionalText(TEXT_MAX_LENGTH)
  state?: string;

  @Field(() => String, { nullable: true })
  @IsOptionalText(32)
  postalCode?: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  @IsCountryCode()
  country!: string;
}

@InputType({ description: 'An identity document or tax number.' })
export class PersonIdDocumentInput {
  @Field(() => String)
  @IsText(64)
  number!: string;

  @Field(() => String, { description: 'e.g. "passport", "ssn" (the upstream does not list the values).' })
  @IsText(64)
  type!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  @IsCountryCode()
  issuingCountry!: string;
}

@InputType()
export class IdentifyingInformationInput {
  @Field(() => PersonIdDocumentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  idDocument?: PersonIdDocumentInput;

  @Field(() => PersonIdDocumentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  taxNumber?: PersonIdDocumentInput;
}

@InputType({ description: 'KYC shared from another provider.' })
export class ExternalKycProviderDataInput {
  @Field(() => String, { description: 'A Sumsub share token (Share Individual KYC).' })
  @IsText(512)
  sumsubShareKycToken!: string;
}

@InputType({ description: "A person's KYC profile: only the fields given are sent." })
export class IndividualCustomerProfileInput {
  @Field(() => String, { nullable: true }) @IsOptionalText(100) firstName?: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(100) middleName?: string;
  @Field(() => String, { nullable: true }) @IsOptionalText(100) lastName?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsPastDate()
  birthDate?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  nationality?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  birthCountry?: string;

  @Field(() => ResidentialAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  residentialAddress?: ResidentialAddressInput;

  @Field(() => IdentifyingInformationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  identifyingInformation?: IdentifyingInformationInput;

  @Field(() => String, { nullable: true }) @IsOptionalText(TEXT_MAX_LENGTH) mostRecentOccupation?: string;
  @Field(() => String, { nullable: true, description: 'e.g. "employed".' }) @IsOptionalText(64) employmentStatus?: string;
  @Field(() => AccountPurpose, { nullable: true }) accountPurpose?: AccountPurpose;

  @Field(() => String, { nullable: true, description: 'Required when accountPurpose is OTHER, and only then.' })
  @IsGivenExactlyForOtherPurpose()
  accountPurposeOther?: string;

  @Field(() => Boolean, { nullable: true }) actingAsIntermediary?: boolean;

  @Field(() => String, { nullable: true, description: 'Free text upstream, e.g. "10000".' })
  @IsOptionalText(50)
  expectedMonthlyVolumeUsd?: string;

  @Field(() => String, { nullable: true }) @IsOptionalText(2000) sourceOfFundsDescription?: string;

  @Field(() => ExternalKycProviderDataInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  externalKycProviderData?: ExternalKycProviderDataInput;

  @Field(() => [CustomerDocumentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @ValidateNested({ each: true })
  documents?: CustomerDocumentInput[];
}

@InputType({ description: "A company's KYB profile: its documents (the upstream's corporate branch is not documented further)." })
export class CorporateCustomerProfileInput {
  @Field(() => [CustomerDocumentInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DOCUMENTS)
  @ValidateNested({ each: true })
  documents!: CustomerDocumentInput[];
}

@Directive('@oneOf')
@InputType({ description: 'Exactly one of: an individual profile or a corporate one. Only the chosen branch is sent.' })
export class UpdateCustomerInput {
  @Field(() => IndividualCustomerProfileInput, { nullable: true })
  @HasSomeField()
  @ValidateNested()
  individual?: IndividualCustomerProfileInput;

  @Field(() => CorporateCustomerProfileInput, { nullable: true })
  @ValidateNested()
  corporate?: CorporateCustomerProfileInput;
}
