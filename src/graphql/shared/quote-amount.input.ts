import { Directive, Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars/decimal.js';
import { IsDecimal } from '../validation/decimal.js';

@Directive('@oneOf')
@InputType({ description: 'Exactly one of: the amount to send, or the amount to receive.' })
export class QuoteAmountInput {
  @Field(() => DecimalScalar, { nullable: true })
  @IsDecimal({ positive: true })
  sourceAmount?: string;

  @Field(() => DecimalScalar, { nullable: true })
  @IsDecimal({ positive: true })
  destinationAmount?: string;
}
