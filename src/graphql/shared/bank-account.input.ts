import { ValidateNested } from 'class-validator';
import { Directive, Field, InputType } from 'type-graphql';
import { IsBic, IsCountryCode, IsIban, IsRoutingNumber, IsUsAccountNumber } from '../validation/banking.js';
import { IsText, TEXT_MAX_LENGTH } from '../validation/rules.js';

const Text = (max = TEXT_MAX_LENGTH) => IsText(max);

@InputType({ description: 'A person holding a bank account.' })
export class IndividualAccountHolderInput {
  @Field(() => String)
  @Text()
  firstName!: string;

  @Field(() => String)
  @Text()
  lastName!: string;
}

@InputType({ description: 'A business holding a bank account.' })
export class BusinessAccountHolderInput {
  @Field(() => String)
  @Text()
  businessName!: string;
}

@Directive('@oneOf')
@InputType({ description: 'Exactly one of: an individual or a business holder.' })
export class AccountHolderInput {
  @Field(() => IndividualAccountHolderInput, { nullable: true })
  @ValidateNested()
  individual?: IndividualAccountHolderInput;

  @Field(() => BusinessAccountHolderInput, { nullable: true })
  @ValidateNested()
  business?: BusinessAccountHolderInput;
}

@InputType({ description: "The holder's address, as the bank knows it." })
export class BankAddressInput {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. "DE".' })
  @IsCountryCode()
  country!: string;

  @Field(() => String)
  @Text()
  city!: string;

  @Field(() => String)
  @Text()
  streetLine1!: string;

  @Field(() => String)
  @Text(32)
  postalCode!: string;
}

@InputType({ description: 'An IBAN with its BIC.' })
export class IbanInput {
  @Field(() => String, { description: '8 or 11 characters, e.g. "DEUTDEFF".' })
  @IsBic()
  bic!: string;

  @Field(() => String, { description: 'Checked with mod-97; spaces are allowed and removed.' })
  @IsIban()
  ibanNumber!: string;
}

@InputType({ description: 'A US account number with its ABA routing number.' })
export class UsAccountInput {
  @Field(() => String, { description: '4 to 17 digits.' })
  @IsUsAccountNumber()
  accountNumber!: string;

  @Field(() => String, { description: '9 digits with a valid ABA check digit.' })
  @IsRoutingNumber()
  routingNumber!: string;
}

@Directive('@oneOf')
@InputType({ description: 'Exactly one of: an IBAN or a US account.' })
export class BankAccountNumberInput {
  @Field(() => IbanInput, { nullable: true })
  @ValidateNested()
  iban?: IbanInput;

  @Field(() => UsAccountInput, { nullable: true })
  @ValidateNested()
  us?: UsAccountInput;
}

@InputType({ description: 'A bank account to pay out to.' })
export class BankAccountInput {
  @Field(() => String)
  @Text()
  bankName!: string;

  @Field(() => AccountHolderInput)
  @ValidateNested()
  accountHolder!: AccountHolderInput;

  @Field(() => BankAddressInput)
  @ValidateNested()
  accountHolderAddress!: BankAddressInput;

  @Field(() => BankAccountNumberInput)
  @ValidateNested()
  account!: BankAccountNumberInput;
}
