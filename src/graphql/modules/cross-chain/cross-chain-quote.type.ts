import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Network, Token } from '../../shared/enums.js';

/**
 * What moving tokens between chains would cost. The upstream's answer was never captured
 * (docs/align-api.md §15, §19 Q4): everything but the echoed tokens and networks is nullable.
 */
@ObjectType({ description: 'A price for moving tokens from one chain to another. Not an entity: quotes are not read back.', simpleResolvers: true })
export class CrossChainQuote {
  @Field(() => ID, { nullable: true, description: 'The upstream quote_id, when the answer has one.' })
  id!: string | null;

  @Field(() => ID)
  customerId!: string;

  @Field(() => Token)
  sourceToken!: Token;

  @Field(() => Network)
  sourceNetwork!: Network;

  @Field(() => Token)
  destinationToken!: Token;

  @Field(() => Network)
  destinationNetwork!: Network;

  @Field(() => DecimalScalar, { nullable: true })
  sourceAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  destinationAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  feeAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  exchangeRate!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the quote stops being honoured.' })
  expiresAt!: string | null;
}
