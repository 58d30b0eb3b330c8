import { ValidateBy, type ValidationArguments } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Currency, Network, PaymentRails, Token } from '../../shared/enums.js';
import { IsAddressOn } from '../../validation/blockchain.js';
import { IsKnownValue } from '../../validation/known-enum.js';

/**
 * `source_rails` takes only `swift`, and only for `usd` (docs/align-api.md §14); the server says so
 * before any call instead of passing on the upstream's 400.
 */
function IsSwiftForUsd(): PropertyDecorator {
  const problem = (value: unknown, args: ValidationArguments): string | undefined => {
    if (value == null) return undefined;
    if (value !== PaymentRails.SWIFT) return 'must be SWIFT (the only rail a virtual account is asked for), or omitted';
    const currency = (args.object as CreateVirtualAccountInput).sourceCurrency;
    return currency === Currency.USD ? undefined : 'SWIFT is only available with sourceCurrency USD';
  };
  return ValidateBy({
    name: 'isSwiftForUsd',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => problem(value, args!) === undefined,
      defaultMessage: (args?: ValidationArguments) => `${args!.property} ${problem(args!.value, args!) ?? 'is not valid'}`,
    },
  });
}

@InputType({ description: 'The account to issue: the fiat it takes and where the stablecoins go.' })
export class CreateVirtualAccountInput {
  @Field(() => Currency)
  @IsKnownValue()
  sourceCurrency!: Currency;

  @Field(() => PaymentRails, { nullable: true, description: 'Only SWIFT, only with USD: for international wires. Omit otherwise.' })
  @IsKnownValue()
  @IsSwiftForUsd()
  sourceRails?: PaymentRails;

  @Field(() => Token, { nullable: true, description: 'USDC or USDT.' })
  @IsKnownValue()
  destinationToken?: Token;

  @Field(() => Network)
  @IsKnownValue()
  destinationNetwork!: Network;

  @Field(() => String, { nullable: true, description: 'Checked against destinationNetwork (EVM, Solana or Tron format).' })
  @IsAddressOn('destinationNetwork')
  destinationAddress?: string;
}
