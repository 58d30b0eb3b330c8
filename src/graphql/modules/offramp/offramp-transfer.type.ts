import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';
import { DecimalScalar } from '../../scalars/decimal.js';
import { BankAccount } from '../../shared/bank-account.type.js';
import { Currency, Network, PaymentRails, Token, TransferPurpose, TransferStatus } from '../../shared/enums.js';
import { Transfer } from '../../shared/transfer.type.js';

@ObjectType({ description: 'Where to send the tokens of an off-ramp, and what is paid out for them.', simpleResolvers: true })
export class OfframpTransferQuote {
  @Field(() => Network, { nullable: true })
  depositNetwork!: Network | null;

  @Field(() => Token, { nullable: true })
  depositToken!: Token | null;

  @Field(() => String, { nullable: true, description: 'The address the customer sends the tokens to.' })
  depositBlockchainAddress!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'How many tokens to send.' })
  depositAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  sourceAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  destinationAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  exchangeRate!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  feeAmount!: string | null;

  @Field(() => String, { nullable: true, description: 'Null until the transfer is completed with it.' })
  depositTransactionHash!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt!: string | null;
}

@Directive('@key(fields: "customerId id")')
@ObjectType({ implements: Transfer, description: 'Crypto sent by a customer, paid out as fiat to a bank account.', simpleResolvers: true })
export class OfframpTransfer implements Transfer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The customer the transfer belongs to (from the path it was read under).' })
  customerId!: string;

  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'The fiat amount paid out.' })
  amount!: string | null;

  @Field(() => Token, { nullable: true })
  sourceToken!: Token | null;

  @Field(() => Network, { nullable: true })
  sourceNetwork!: Network | null;

  @Field(() => Currency, { nullable: true })
  destinationCurrency!: Currency | null;

  @Field(() => PaymentRails, { nullable: true })
  destinationPaymentRails!: PaymentRails | null;

  @Field(() => TransferPurpose, { nullable: true })
  transferPurpose!: TransferPurpose | null;

  @Field(() => BankAccount, { nullable: true })
  destinationBankAccount!: BankAccount | null;

  @Field(() => OfframpTransferQuote, { nullable: true })
  quote!: OfframpTransferQuote | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;
}
