import { ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';
import { QuoteAmountInput } from '../../shared/quote-amount.input.js';
import { Currency, Network, PaymentRails, Token } from '../../shared/enums.js';
import { IsAddressOn } from '../../validation/blockchain.js';
import { IsDecimal } from '../../validation/decimal.js';
import { IsKnownValue } from '../../validation/known-enum.js';

/** Developer fees are percentages (docs/align-api.md §4). */
export const FEE_PERCENT_RULE = { max: 100, maxSignificantDigits: 15 } as const;

@InputType({ description: 'What to quote: fiat in, stablecoins out.' })
export class CreateOnrampQuoteInput {
  @Field(() => QuoteAmountInput)
  @ValidateNested()
  amount!: QuoteAmountInput;

  @Field(() => Currency)
  @IsKnownValue()
  sourceCurrency!: Currency;

  @Field(() => PaymentRails)
  @IsKnownValue()
  sourcePaymentRails!: PaymentRails;

  @Field(() => Token)
  @IsKnownValue()
  destinationToken!: Token;

  @Field(() => Network)
  @IsKnownValue()
  destinationNetwork!: Network;

  @Field(() => DecimalScalar, { nullable: true, description: 'Your own fee, in percent (0-100).' })
  @IsDecimal(FEE_PERCENT_RULE)
  developerFeePercent?: string;
}

@InputType({ description: 'A direct on-ramp: the fiat to pay in and where the stablecoins go.' })
export class CreateOnrampTransferInput {
  @Field(() => DecimalScalar, { description: 'The fiat amount the payer sends.' })
  @IsDecimal({ positive: true })
  amount!: string;

  @Field(() => Currency)
  @IsKnownValue()
  sourceCurrency!: Currency;

  @Field(() => PaymentRails)
  @IsKnownValue()
  sourceRails!: PaymentRails;

  @Field(() => Network)
  @IsKnownValue()
  destinationNetwork!: Network;

  @Field(() => Token)
  @IsKnownValue()
  destinationToken!: Token;

  @Field(() => String, { description: 'Checked against destinationNetwork (EVM, Solana or Tron format).' })
  @IsAddressOn('destinationNetwork')
  destinationAddress!: string;
}
