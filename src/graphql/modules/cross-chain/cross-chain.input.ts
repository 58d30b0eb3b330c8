import { ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Network, Token } from '../../shared/enums.js';
import { QuoteAmountInput } from '../../shared/quote-amount.input.js';
import { IsAddressOn } from '../../validation/blockchain.js';
import { IsDecimal } from '../../validation/decimal.js';
import { Satisfies } from '../../validation/rules.js';

/** UNKNOWN is an output value (a value this server does not know yet); as an input it means nothing. */
const IsKnown = () => Satisfies('isKnown', (value) => (value === 'UNKNOWN' ? 'must not be UNKNOWN (an output-only value)' : undefined));

@InputType({ description: 'What a cross-chain quote prices: an amount, and the token and network on each side.' })
export class CreateCrossChainQuoteInput {
  @Field(() => QuoteAmountInput)
  @ValidateNested()
  amount!: QuoteAmountInput;

  @Field(() => Token)
  @IsKnown()
  sourceToken!: Token;

  @Field(() => Network)
  @IsKnown()
  sourceNetwork!: Network;

  @Field(() => Token)
  @IsKnown()
  destinationToken!: Token;

  @Field(() => Network)
  @IsKnown()
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
  @IsKnown()
  sourceNetwork!: Network;

  @Field(() => Token)
  @IsKnown()
  sourceToken!: Token;

  @Field(() => Network)
  @IsKnown()
  destinationNetwork!: Network;

  @Field(() => Token)
  @IsKnown()
  destinationToken!: Token;

  @Field(() => String, { description: 'An address on destinationNetwork (checked against its format).' })
  @IsAddressOn('destinationNetwork')
  destinationAddress!: string;
}

@InputType({ description: 'Where a permanent route forwards deposits (the upstream takes POLYGON or ETHEREUM, USDC or USDT).' })
export class CreatePermanentRouteAddressInput {
  @Field(() => Network)
  @IsKnown()
  destinationNetwork!: Network;

  @Field(() => Token)
  @IsKnown()
  destinationToken!: Token;

  @Field(() => String, { description: 'An address on destinationNetwork (checked against its format).' })
  @IsAddressOn('destinationNetwork')
  destinationAddress!: string;
}
