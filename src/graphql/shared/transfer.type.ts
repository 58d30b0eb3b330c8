import { Field, ID, InterfaceType } from 'type-graphql';
import { Customer } from '../modules/customers/customer.type.js';
import { DecimalScalar } from '../scalars/decimal.js';
import { TransferStatus } from './enums.js';

/**
 * What every transfer has, whatever its kind, so a frontend can list them together. The kinds
 * (OnrampTransfer, OfframpTransfer, CrossChainTransfer) implement it; each also has `customer`.
 */
@InterfaceType({ description: 'A transfer of any kind.' })
export abstract class Transfer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The customer the transfer belongs to (from the path it was read under).' })
  customerId!: string;

  @Field(() => Customer, { nullable: true, description: 'The customer, read with the caller\'s key (one read per customer per request).' })
  customer?: Customer | null;

  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field(() => DecimalScalar, { nullable: true })
  amount!: string | null;
}
