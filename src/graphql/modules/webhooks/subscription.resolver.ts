import { isUUID } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { customerOperations } from '../../../align/operations/customers.js';
import { TRANSFER_EVENT_TYPES, type AlignEvent } from '../../../events/event.js';
import type { GraphQLContext } from '../../context.js';
import { ErrorCode, UserInputError } from '../../errors.js';
import { TransferKind } from '../../shared/enums.js';
import { eventStream } from '../../subscriptions/event-stream.js';
import { NoWebhooksForTenantError, subscriptionContextOf } from '../../subscriptions/subscriber.js';
import { toCustomerKycUpdatedEvent, toTransferStatusUpdatedEvent, toVirtualAccountCreatedEvent, TRANSFER_KINDS } from './event.mapper.js';
import { CustomerKycUpdatedEvent, TransferStatusUpdatedEvent, VirtualAccountCreatedEvent } from './event.types.js';

const CUSTOMER_FILTER = 'Only events of this customer (checked once, when subscribing, with your key).';

/**
 * Align's webhooks, pushed to subscribers of the same Align key (docs/align-api.md §17). Delivery is
 * at most once: after reconnecting, read again what matters.
 */
@Resolver()
export class EventSubscriptionResolver {
  @Subscription(() => CustomerKycUpdatedEvent, {
    description: 'A customer\'s KYC status changed.',
    subscribe: ({ args, context }) => subscribeTo(context, args.customerId, (event) => event.type === 'customer.kycs.updated'),
  })
  customerKycUpdated(
    @Root() event: AlignEvent,
    @Arg('customerId', () => ID, { nullable: true, description: CUSTOMER_FILTER }) _customerId: string | null,
    @Ctx() context: GraphQLContext,
  ): CustomerKycUpdatedEvent {
    return toCustomerKycUpdatedEvent(event, context.enums);
  }

  @Subscription(() => TransferStatusUpdatedEvent, {
    description: 'A transfer changed status. With customerId, only transfers this server can attribute to that customer.',
    subscribe: ({ args, context }) => {
      const kinds = new Set((args.kinds as TransferKind[] | null | undefined) ?? Object.values(TransferKind));
      return subscribeTo(context, args.customerId, (event) => event.type in TRANSFER_KINDS && kinds.has(TRANSFER_KINDS[event.type as keyof typeof TRANSFER_EVENT_TYPES]));
    },
  })
  transferStatusUpdated(
    @Root() event: AlignEvent,
    @Arg('customerId', () => ID, { nullable: true, description: CUSTOMER_FILTER }) _customerId: string | null,
    @Arg('kinds', () => [TransferKind], { nullable: true, description: 'Only these kinds (default: all).' }) _kinds: TransferKind[] | null,
  ): TransferStatusUpdatedEvent {
    return toTransferStatusUpdatedEvent(event);
  }

  @Subscription(() => VirtualAccountCreatedEvent, {
    description: 'A virtual account was created. With customerId, only accounts this server can attribute to that customer.',
    subscribe: ({ args, context }) => subscribeTo(context, args.customerId, (event) => event.type === 'virtual_account.created'),
  })
  virtualAccountCreated(
    @Root() event: AlignEvent,
    @Arg('customerId', () => ID, { nullable: true, description: CUSTOMER_FILTER }) _customerId: string | null,
  ): VirtualAccountCreatedEvent {
    return toVirtualAccountCreatedEvent(event);
  }
}

/**
 * The checks made once, at subscribe: the key's tenant receives webhooks here (else FORBIDDEN), and a
 * `customerId` filter names a customer this key can read (else NOT_FOUND). Then the tenant's events
 * that `accept` keeps and, with a filter, that are attributed to that customer.
 */
async function subscribeTo(context: GraphQLContext, customerId: unknown, accept: (event: AlignEvent) => boolean): Promise<AsyncIterable<AlignEvent>> {
  if (!subscriptionContextOf(context).subscriber.receivesWebhooks) throw new NoWebhooksForTenantError();
  if (customerId === null || customerId === undefined) return eventStream(context, accept);
  if (typeof customerId !== 'string' || !isUUID(customerId)) {
    throw new UserInputError('customerId is not valid.', [{ path: 'customerId', message: 'customerId must be a UUID' }]);
  }
  if ((await context.loaders.load(customerOperations.getCustomer, [customerId])) === null) {
    throw new GraphQLError('No customer with this id can be read with your key.', { extensions: { code: ErrorCode.NOT_FOUND } });
  }
  const wanted = customerId.toLowerCase();
  return eventStream(context, (event) => accept(event) && event.customerId?.toLowerCase() === wanted);
}
