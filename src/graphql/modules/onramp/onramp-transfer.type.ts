import { Directive, Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';
import { Currency, Network, PaymentRails, Token } from '../../shared/enums.js';
import { Transfer } from '../../shared/transfer.type.js';
import { DepositBankAccount } from './deposit.types.js';

@ObjectType({ description: 'How the payer funds an on-ramp: the amount, the reference and the account.', simpleResolvers: true })
export class OnrampTransferQuote {
  @Field(() => PaymentRails, { nullable: true })
  depositRails!: PaymentRails | null;

  @Field(() => Currency, { nullable: true })
  depositCurrency!: Currency | null;

  @Field(() => DecimalScalar, { nullable: true })
  depositAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  feeAmount!: string | null;

  @Field(() => String, { nullable: true, description: 'The reference the payer must quote with the payment.' })
  depositMessage!: string | null;

  @Field(() => DepositBankAccount, { nullable: true })
  depositBankAccount!: DepositBankAccount | null;
}

@Directive('@key(fields: "customerId id")')
@ObjectType({ implements: Transfer, description: 'Fiat paid into a bank account, stablecoins sent to a blockchain address.', simpleResolvers: true })
export class OnrampTransfer extends Transfer {
  @Field(() => Currency, { nullable: true })
  sourceCurrency!: Currency | null;

  @Field(() => PaymentRails, { nullable: true })
  sourceRails!: PaymentRails | null;

  @Field(() => Network, { nullable: true })
  destinationNetwork!: Network | null;

  @Field(() => Token, { nullable: true })
  destinationToken!: Token | null;

  @Field(() => String, { nullable: true })
  destinationAddress!: string | null;

  @Field(() => OnrampTransferQuote, { nullable: true })
  quote!: OnrampTransferQuote | null;
}
