import { Field, ObjectType } from 'type-graphql';
import { Address } from './address.type.js';
import { AccountHolderType, BankAccountType } from './enums.js';

@ObjectType({ description: 'An IBAN and its bank code.', simpleResolvers: true })
export class IbanDetails {
  @Field(() => String, { nullable: true })
  bic!: string | null;

  @Field(() => String, { nullable: true })
  ibanNumber!: string | null;
}

@ObjectType({ description: 'A US account number and ABA routing number.', simpleResolvers: true })
export class UsAccountDetails {
  @Field(() => String, { nullable: true })
  accountNumber!: string | null;

  @Field(() => String, { nullable: true })
  routingNumber!: string | null;
}

@ObjectType({ description: 'An account reached by international wire.', simpleResolvers: true })
export class InternationalWireDetails {
  @Field(() => String, { nullable: true })
  accountNumber!: string | null;

  @Field(() => String, { nullable: true })
  routingNumber!: string | null;

  @Field(() => String, { nullable: true })
  bic!: string | null;
}

@ObjectType({
  description: 'A bank account, flat: the part that matches accountType (iban or us) is set, the other is null.',
  simpleResolvers: true,
})
export class BankAccount {
  @Field(() => String, { nullable: true })
  bankName!: string | null;

  @Field(() => BankAccountType, { description: 'From the upstream account_type, else from the part present.' })
  accountType!: BankAccountType;

  @Field(() => AccountHolderType, { nullable: true })
  accountHolderType!: AccountHolderType | null;

  @Field(() => String, { nullable: true })
  accountHolderFirstName!: string | null;

  @Field(() => String, { nullable: true })
  accountHolderLastName!: string | null;

  @Field(() => String, { nullable: true })
  accountHolderBusinessName!: string | null;

  @Field(() => Address, { nullable: true })
  accountHolderAddress!: Address | null;

  @Field(() => IbanDetails, { nullable: true })
  iban!: IbanDetails | null;

  @Field(() => UsAccountDetails, { nullable: true })
  us!: UsAccountDetails | null;
}
