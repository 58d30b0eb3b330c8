import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';
import { TransferKind } from '../../shared/enums.js';
import { Transfer } from '../../shared/transfer.type.js';
import { Customer } from '../customers/customer.type.js';

/** What every event says: which delivery (the same id for a redelivery) and when it happened upstream. */
@ObjectType({ simpleResolvers: true })
abstract class AlignEventFields {
  @Field(() => ID, { description: 'The same for the same delivery: a client that sees it twice can drop the second.' })
  eventId!: string;

  @Field(() => DateTimeScalar, { description: 'The webhook\'s created_at.' })
  occurredAt!: string;
}

@ObjectType({ description: 'A customer\'s KYC changed (webhook customer.kycs.updated).', simpleResolvers: true })
export class CustomerKycUpdatedEvent extends AlignEventFields {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Customer, { nullable: true, description: 'The customer as the webhook carried it (no upstream read).' })
  customer!: Customer | null;
}

@ObjectType({ description: 'A transfer changed status (webhooks *_transfer.status.updated).', simpleResolvers: true })
export class TransferStatusUpdatedEvent extends AlignEventFields {
  @Field(() => TransferKind)
  kind!: TransferKind;

  @Field(() => ID)
  transferId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The transfer\'s customer, when this server has seen the transfer, its virtual account or its route before; else null.',
  })
  customerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The virtual account a deposit arrived on (on-ramps).' })
  virtualAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The permanent route address a deposit arrived on (cross-chain).' })
  permanentRouteAddressId!: string | null;

  /** Resolved by TransferEventResolver: re-read with the subscriber's key. */
  transfer?: Transfer | null;
}

@ObjectType({ description: 'A virtual account was created (webhook virtual_account.created).', simpleResolvers: true })
export class VirtualAccountCreatedEvent extends AlignEventFields {
  @Field(() => ID)
  virtualAccountId!: string;

  @Field(() => ID, { nullable: true, description: 'The account\'s customer, when this server has seen the account before; else null.' })
  customerId!: string | null;
}
