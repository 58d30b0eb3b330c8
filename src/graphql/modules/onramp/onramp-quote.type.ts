import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Currency, Network, PaymentRails, Token } from '../../shared/enums.js';

@ObjectType({ description: 'A price for buying stablecoins with fiat; used once, before it expires.', simpleResolvers: true })
export class OnrampQuote {
  @Field(() => ID, { description: 'The upstream quote_id: pass it to createOnrampTransferFromQuote.' })
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => DecimalScalar, { description: 'Fiat the payer sends.' })
  sourceAmount!: string;

  @Field(() => DecimalScalar, { description: 'Tokens the destination receives.' })
  destinationAmount!: string;

  @Field(() => Currency)
  sourceCurrency!: Currency;

  @Field(() => PaymentRails)
  sourcePaymentRails!: PaymentRails;

  @Field(() => Token)
  destinationToken!: Token;

  @Field(() => Network)
  destinationNetwork!: Network;

  @Field(() => DecimalScalar, { nullable: true })
  feeAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  exchangeRate!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'After this the quote can no longer be used.' })
  expiresAt!: string | null;
}
