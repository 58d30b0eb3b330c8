import { MaxLength, ValidateNested } from 'class-validator';
import { Directive, Field, InputType } from 'type-graphql';
import { EMAIL_MAX_LENGTH, HasNoControlCharacters, IsEmailAddress, IsNotBlank, IsWellFormedText } from '../../validation/rules.js';

/** The upstream states no limits; these keep obviously broken data out. */
export const NAME_MAX_LENGTH = 100;
export const COMPANY_NAME_MAX_LENGTH = 200;

/** What every kind of customer has: the email the upstream keys it by (unique per account). */
@InputType()
abstract class CustomerContactInput {
  @Field(() => String)
  @IsEmailAddress()
  @MaxLength(EMAIL_MAX_LENGTH)
  @HasNoControlCharacters()
  email!: string;
}

@InputType({ description: 'A person.' })
export class IndividualCustomerInput extends CustomerContactInput {
  @Field(() => String)
  @IsNotBlank()
  @MaxLength(NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  @IsWellFormedText()
  firstName!: string;

  @Field(() => String)
  @IsNotBlank()
  @MaxLength(NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  @IsWellFormedText()
  lastName!: string;
}

@InputType({ description: 'A company.' })
export class CorporateCustomerInput extends CustomerContactInput {
  @Field(() => String)
  @IsNotBlank()
  @MaxLength(COMPANY_NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  @IsWellFormedText()
  companyName!: string;
}

@Directive('@oneOf')
@InputType({ description: 'Exactly one of: an individual or a corporate customer.' })
export class CreateCustomerInput {
  @Field(() => IndividualCustomerInput, { nullable: true })
  @ValidateNested()
  individual?: IndividualCustomerInput;

  @Field(() => CorporateCustomerInput, { nullable: true })
  @ValidateNested()
  corporate?: CorporateCustomerInput;
}
