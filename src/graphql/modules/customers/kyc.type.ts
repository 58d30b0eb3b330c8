import { Field, ObjectType } from 'type-graphql';
import { Currency, PaymentRails } from '../../shared/enums.js';
import { KycStatus, KycSubStatus } from './customer.enums.js';

@ObjectType({ description: 'The verification status for one currency and payment network.', simpleResolvers: true })
export class KycStatusBreakdown {
  @Field(() => Currency)
  currency!: Currency;

  @Field(() => PaymentRails)
  paymentRails!: PaymentRails;

  @Field(() => KycStatus)
  status!: KycStatus;
}

@ObjectType({ description: "A customer's identity verification (KYC/KYB).", simpleResolvers: true })
export class Kyc {
  @Field(() => KycStatus)
  status!: KycStatus;

  @Field(() => KycSubStatus, { nullable: true })
  subStatus!: KycSubStatus | null;

  @Field(() => String, { nullable: true, description: 'The hosted verification flow to send the customer to.' })
  flowLink!: string | null;

  @Field(() => [KycStatusBreakdown])
  statusBreakdown!: KycStatusBreakdown[];
}
