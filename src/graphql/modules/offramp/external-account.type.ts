import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';
import { BankAccount } from '../../shared/bank-account.type.js';

@Directive('@key(fields: "customerId id")')
@ObjectType({ description: "A customer's saved bank account, which off-ramps can pay out to by id.", simpleResolvers: true })
export class ExternalAccount {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => BankAccount)
  bankAccount!: BankAccount;
}
