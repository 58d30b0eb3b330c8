import { customerOperations } from '../../../align/operations/customers.js';
import { TRANSFER_EVENT_TYPES, type AlignEvent, type TransferEntityType } from '../../../events/event.js';
import { TransferKind } from '../../shared/enums.js';
import type { UpstreamEnums } from '../../upstream-enums.js';
import { toCustomer } from '../customers/customer.mapper.js';
import type { Customer } from '../customers/customer.type.js';
import type { CustomerKycUpdatedEvent, TransferStatusUpdatedEvent, VirtualAccountCreatedEvent } from './event.types.js';

/** Webhook entity types <-> TransferKind. */
export const TRANSFER_KINDS: Readonly<Record<keyof typeof TRANSFER_EVENT_TYPES, TransferKind>> = {
  'onramp_transfer.status.updated': TransferKind.ONRAMP,
  'offramp_transfer.status.updated': TransferKind.OFFRAMP,
  'cross_chain_transfer.status.updated': TransferKind.CROSS_CHAIN,
};

/** TransferKind -> the entity type its webhooks name. */
export const TRANSFER_ENTITY_TYPES: Readonly<Record<TransferKind, TransferEntityType>> = {
  [TransferKind.ONRAMP]: 'onramp_transfer',
  [TransferKind.OFFRAMP]: 'offramp_transfer',
  [TransferKind.CROSS_CHAIN]: 'cross_chain_transfer',
};

export function toCustomerKycUpdatedEvent(event: AlignEvent, enums: UpstreamEnums): CustomerKycUpdatedEvent {
  return {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    customerId: event.entityId,
    customer: customerSnapshot(event, enums),
  };
}

/** The customer the webhook carried, checked like a read's answer; a malformed one reads as null (the id is still there). */
function customerSnapshot(event: AlignEvent, enums: UpstreamEnums): Customer | null {
  if (event.entityObject === null) return null;
  try {
    return toCustomer(customerOperations.getCustomer.parse(event.entityObject), enums);
  } catch {
    return null;
  }
}

export function toTransferStatusUpdatedEvent(event: AlignEvent): TransferStatusUpdatedEvent {
  return {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    kind: TRANSFER_KINDS[event.type as keyof typeof TRANSFER_KINDS],
    transferId: event.entityId,
    customerId: event.customerId,
    virtualAccountId: event.virtualAccountId,
    permanentRouteAddressId: event.permanentRouteAddressId,
  };
}

export function toVirtualAccountCreatedEvent(event: AlignEvent): VirtualAccountCreatedEvent {
  return { eventId: event.eventId, occurredAt: event.occurredAt, virtualAccountId: event.entityId, customerId: event.customerId };
}
