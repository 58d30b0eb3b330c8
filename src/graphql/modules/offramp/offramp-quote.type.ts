import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Currency, Network, PaymentRails, Token } from '../../shared/enums.js';

@ObjectType({ description: 'A price for an off-ramp, usable once until it expires. Not an entity.', simpleResolvers: true })
export class OfframpQuote {
  @Field(() => ID, { description: 'Pass it to createOfframpTransferFromQuote.' })
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => DecimalScalar, { description: 'Tokens to send.' })
  sourceAmount!: string;

  @Field(() => DecimalScalar, { description: 'Fiat paid out.' })
  destinationAmount!: string;

  @Field(() => Token)
  sourceToken!: Token;

  @Field(() => Network)
  sourceNetwork!: Network;

  @Field(() => Currency)
  destinationCurrency!: Currency;

  @Field(() => PaymentRails)
  destinationPaymentRails!: PaymentRails;

  @Field(() => DecimalScalar, { nullable: true })
  feeAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  exchangeRate!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'After this, creating a transfer from the quote is BAD_USER_INPUT.' })
  expiresAt!: string | null;
}
