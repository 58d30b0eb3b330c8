import { Field, ObjectType } from 'type-graphql';
import { IbanDetails, InternationalWireDetails, UsAccountDetails } from '../../shared/bank-account.type.js';
import { AccountHolderType, BankAccountType, Currency, PaymentRails } from '../../shared/enums.js';

@ObjectType({
  description: 'Where the payer of an on-ramp sends the fiat. Flat: the part matching accountType is set, the other is null.',
  simpleResolvers: true,
})
export class DepositBankAccount {
  @Field(() => String, { nullable: true })
  bankName!: string | null;

  @Field(() => String, { nullable: true })
  bankAddress!: string | null;

  @Field(() => BankAccountType, { description: 'From the upstream account_type, else from the part present.' })
  accountType!: BankAccountType;

  @Field(() => AccountHolderType, { nullable: true })
  beneficiaryType!: AccountHolderType | null;

  @Field(() => String, { nullable: true, description: 'The name the payer must address the payment to.' })
  beneficiaryName!: string | null;

  @Field(() => IbanDetails, { nullable: true })
  iban!: IbanDetails | null;

  @Field(() => UsAccountDetails, { nullable: true })
  us!: UsAccountDetails | null;
}

@ObjectType({
  description:
    'How to pay into a virtual account. One flat type for every currency: the parts that apply are set, the rest are null (an instruction shape this server does not know shows nulls).',
  simpleResolvers: true,
})
export class DepositInstructions {
  @Field(() => Currency, { nullable: true })
  currency!: Currency | null;

  @Field(() => [PaymentRails], { description: 'The networks the account takes payments over; empty when not stated.' })
  paymentRails!: PaymentRails[];

  @Field(() => String, { nullable: true })
  bankName!: string | null;

  @Field(() => String, { nullable: true })
  bankAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The account holder (IBAN) or beneficiary (US) name.' })
  beneficiaryName!: string | null;

  @Field(() => String, { nullable: true })
  beneficiaryAddress!: string | null;

  @Field(() => IbanDetails, { nullable: true, description: 'EUR (SEPA).' })
  iban!: IbanDetails | null;

  @Field(() => UsAccountDetails, { nullable: true, description: 'USD over ACH and domestic wire.' })
  us!: UsAccountDetails | null;

  @Field(() => InternationalWireDetails, { nullable: true, description: 'USD over SWIFT.' })
  internationalWire!: InternationalWireDetails | null;
}
