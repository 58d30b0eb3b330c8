import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../scalars/decimal.js';

export enum DeveloperFeeServiceType {
  ONRAMP = 'ONRAMP',
  OFFRAMP = 'OFFRAMP',
  CROSS_CHAIN_TRANSFER = 'CROSS_CHAIN_TRANSFER',
  UNKNOWN = 'UNKNOWN',
}

export enum FeeAccrualBasis {
  PERCENTAGE = 'PERCENTAGE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(DeveloperFeeServiceType, { name: 'DeveloperFeeServiceType', description: 'The service a developer fee applies to.' });
registerEnumType(FeeAccrualBasis, { name: 'FeeAccrualBasis', description: 'How a developer fee is computed.' });

@ObjectType({ description: 'A fee this API key charges on top of Align\'s, per service.', simpleResolvers: true })
export class DeveloperFee {
  @Field(() => DeveloperFeeServiceType)
  serviceType!: DeveloperFeeServiceType;

  @Field(() => FeeAccrualBasis)
  accrualBasis!: FeeAccrualBasis;

  @Field(() => DecimalScalar, { description: 'With accrualBasis PERCENTAGE: percent of the amount, e.g. "0.5".' })
  value!: string | number;
}
