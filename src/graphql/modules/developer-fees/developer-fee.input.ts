import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';
import { IsDecimal } from '../../validation/decimal.js';

/** Values travel upstream as JSON numbers: 15 significant digits fit a double exactly. */
const FeePercent = () => IsDecimal({ max: 100, maxSignificantDigits: 15 });

@InputType({ description: 'New fees in percent (0-100); services left out keep their fee. At least one is required.' })
export class UpdateDeveloperFeesInput {
  @Field(() => DecimalScalar, { nullable: true })
  @FeePercent()
  onramp?: string;

  @Field(() => DecimalScalar, { nullable: true })
  @FeePercent()
  offramp?: string;

  @Field(() => DecimalScalar, { nullable: true })
  @FeePercent()
  crossChainTransfer?: string;
}
