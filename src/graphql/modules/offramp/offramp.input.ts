import { isUUID, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';
import { BankAccountInput } from '../../shared/bank-account.input.js';
import { Currency, Network, PaymentRails, Token, TransferPurpose } from '../../shared/enums.js';
import { QuoteAmountInput } from '../../shared/quote-amount.input.js';
import { IsDecimal } from '../../validation/decimal.js';
import { IsKnownValue } from '../../validation/known-enum.js';
import { Satisfies } from '../../validation/rules.js';

/** Off-ramp inputs (docs/align-api.md §11). Every rule runs before any upstream call. */

/** What every off-ramp names: the tokens sent and how the fiat is paid out. */
@InputType()
abstract class OfframpRouteInput {
  @Field(() => Token)
  @IsKnownValue()
  sourceToken!: Token;

  @Field(() => Network)
  @IsKnownValue()
  sourceNetwork!: Network;

  @Field(() => Currency)
  @IsKnownValue()
  destinationCurrency!: Currency;

  @Field(() => PaymentRails)
  @IsKnownValue()
  destinationPaymentRails!: PaymentRails;
}

@InputType({ description: 'What to price: tokens sent (or fiat received), and the route.' })
export class CreateOfframpQuoteInput extends OfframpRouteInput {
  @Field(() => QuoteAmountInput)
  @ValidateNested()
  amount!: QuoteAmountInput;

  @Field(() => DecimalScalar, { nullable: true, description: 'Your fee, in percent of the source amount (0-100).' })
  @IsDecimal({ max: 100 })
  developerFeePercent?: string;
}

@Directive('@oneOf')
@InputType({ description: 'Exactly one of: a saved external account, or a bank account given inline.' })
export class OfframpDestinationInput {
  @Field(() => ID, { nullable: true })
  @Satisfies('isUuid', (value) => (typeof value === 'string' && isUUID(value) ? undefined : 'must be a UUID'))
  externalAccountId?: string;

  @Field(() => BankAccountInput, { nullable: true })
  @ValidateNested()
  bankAccount?: BankAccountInput;
}

@InputType({ description: 'Where the quoted fiat is paid out.' })
export class CreateOfframpTransferFromQuoteInput {
  @Field(() => OfframpDestinationInput)
  @ValidateNested()
  destination!: OfframpDestinationInput;

  @Field(() => TransferPurpose, { nullable: true })
  @IsKnownValue()
  transferPurpose?: TransferPurpose;
}

@InputType({ description: 'An off-ramp without a quote: the fiat amount to pay out, and where.' })
export class CreateOfframpTransferInput extends OfframpRouteInput {
  @Field(() => DecimalScalar, { description: 'The fiat amount paid out (greater than zero).' })
  @IsDecimal({ positive: true })
  amount!: string;

  @Field(() => BankAccountInput)
  @ValidateNested()
  destinationBankAccount!: BankAccountInput;

  @Field(() => TransferPurpose, { nullable: true })
  @IsKnownValue()
  transferPurpose?: TransferPurpose;
}
