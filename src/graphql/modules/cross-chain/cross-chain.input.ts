import { ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Network, Token } from '../../shared/enums.js';
import { QuoteAmountInput } from '../../shared/quote-amount.input.js';
import { IsAddressOn } from '../../validation/blockchain.js';
import { IsDecimal } from '../../validation/decimal.js';
import { IsKnownValue } from '../../validation/known-enum.js';

/** UNKNOWN is an output value (a value this server does not know yet); as an input it means nothing. */

@InputType({ description: 'What a cross-chain quote prices: an amount, and the token and network on each side.' })
export class CreateCrossChainQuoteInput {
  @Field(() => QuoteAmountInput)
  @ValidateNested()
  amount!: QuoteAmountInput;

  @Field(() => Token)
  @IsKnownValue()
  sourceToken!: Token;

  @Field(() => Network)
  @IsKnownValue()
  sourceNetwork!: Network;

  @Field(() => Token)
  @IsKnownValue()
  destinationToken!: Token;

  @Field(() => Network)
  @IsKnownValue()
  destinationNetwork!: Network;

  @Field(() => DecimalScalar, { nullable: true, description: 'Your fee on top, in percent (0 to 100).' })
  @IsDecimal({ max: 100 })
  developerFeePercent?: string;
}

@InputType({ description: 'A cross-chain transfer: the amount, where the tokens come from and where they go.' })
export class CreateCrossChainTransferInput {
  @Field(() => DecimalScalar)
  @IsDecimal({ positive: true })
  amount!: string;

  @Field(() => Network)
  @IsKnownValue()
  sourceNetwork!: Network;

  @Field(() => Token)
  @IsKnownValue()
  sourceToken!: Token;

  @Field(() => Network)
  @IsKnownValue()
  destinationNetwork!: Network;

  @Field(() => Token)
  @IsKnownValue()
  destinationToken!: Token;

  @Field(() => String, { description: 'An address on destinationNetwork (checked against its format).' })
  @IsAddressOn('destinationNetwork')
  destinationAddress!: string;
}

@InputType({ description: 'Where a permanent route forwards deposits (the upstream takes POLYGON or ETHEREUM, USDC or USDT).' })
export class CreatePermanentRouteAddressInput {
  @Field(() => Network)
  @IsKnownValue()
  destinationNetwork!: Network;

  @Field(() => Token)
  @IsKnownValue()
  destinationToken!: Token;

  @Field(() => String, { description: 'An address on destinationNetwork (checked against its format).' })
  @IsAddressOn('destinationNetwork')
  destinationAddress!: string;
}
