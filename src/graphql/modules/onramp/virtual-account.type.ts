import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Network, Token } from '../../shared/enums.js';
import { DepositInstructions } from './deposit.types.js';
import { VirtualAccountStatus } from './onramp.enums.js';

@Directive('@key(fields: "customerId id")')
@ObjectType({
  description: "A bank account issued to a customer: fiat paid into it is converted and sent on-chain to the account's destination.",
  simpleResolvers: true,
})
export class VirtualAccount {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The customer the account belongs to (from the path it was read under).' })
  customerId!: string;

  @Field(() => VirtualAccountStatus)
  status!: VirtualAccountStatus;

  @Field(() => Token, { nullable: true })
  destinationToken!: Token | null;

  @Field(() => Network, { nullable: true })
  destinationNetwork!: Network | null;

  @Field(() => String, { nullable: true })
  destinationAddress!: string | null;

  @Field(() => DepositInstructions, { nullable: true, description: 'Null while PENDING.' })
  depositInstructions!: DepositInstructions | null;
}
