import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A hosted flow in which the customer proves control of a wallet.', simpleResolvers: true })
export class WalletOwnershipVerification {
  @Field(() => String, { description: 'As given in the request.' })
  walletAddress!: string;

  @Field(() => String, { description: 'Where to send the customer to sign.' })
  verificationFlowLink!: string;
}
