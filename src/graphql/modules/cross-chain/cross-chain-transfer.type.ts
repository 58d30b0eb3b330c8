import { Directive, Field, ObjectType } from 'type-graphql';
import type { Customer } from '../customers/customer.type.js';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Network, Token, type TransferStatus } from '../../shared/enums.js';
import { Transfer } from '../../shared/transfer.type.js';

@ObjectType({ description: 'Where and how much the sender must deposit for the transfer to go ahead.', simpleResolvers: true })
export class CrossChainTransferQuote {
  @Field(() => Token, { nullable: true })
  depositToken!: Token | null;

  @Field(() => Network, { nullable: true })
  depositNetwork!: Network | null;

  @Field(() => String, { nullable: true })
  depositAddress!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  depositAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  feeAmount!: string | null;
}

/** Tokens in on one chain, out on another (docs/align-api.md §15). The Transfer fields come from the interface. */
@Directive('@key(fields: "customerId id")')
@ObjectType({ implements: Transfer, description: 'Stablecoins moved from one chain to another.', simpleResolvers: true })
export class CrossChainTransfer implements Transfer {
  id!: string;
  customerId!: string;
  customer?: Customer | null;
  status!: TransferStatus;
  amount!: string | null;

  @Field(() => Network, { nullable: true })
  sourceNetwork!: Network | null;

  @Field(() => Token, { nullable: true })
  sourceToken!: Token | null;

  @Field(() => String, { nullable: true })
  sourceAddress!: string | null;

  @Field(() => Network, { nullable: true })
  destinationNetwork!: Network | null;

  @Field(() => Token, { nullable: true })
  destinationToken!: Token | null;

  @Field(() => String, { nullable: true })
  destinationAddress!: string | null;

  @Field(() => CrossChainTransferQuote, { nullable: true })
  quote!: CrossChainTransferQuote | null;
}
