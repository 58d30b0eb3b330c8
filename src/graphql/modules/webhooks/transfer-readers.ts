import type { ClassType } from 'type-graphql';
import type { AnyOperation } from '../../../align/operation.js';
import type { TransferEntityType } from '../../../events/event.js';
import type { GraphQLContext } from '../../context.js';
import type { Transfer } from '../../shared/transfer.type.js';

/**
 * How `TransferStatusUpdatedEvent.transfer` re-reads a transfer, by the entity type its webhook names:
 * the group's GET by id (`/v0/customers/:customer_id/<kind>/:id`, ids `[customerId, transferId]`), the
 * object type implementing `Transfer`, and the group's mapper from the wire shape.
 *
 * A transfer group adds its row here, e.g.
 *   offramp_transfer: { read: getOfframpTransfer, type: OfframpTransfer, map: toOfframpTransfer },
 * A kind without a row answers `transfer: null` (the event's ids are still there to read it with).
 */
export interface TransferReader {
  readonly read: AnyOperation;
  readonly type: ClassType<Transfer>;
  readonly map: (raw: never, customerId: string, context: GraphQLContext) => Transfer;
}

export const TRANSFER_READERS: Partial<Record<TransferEntityType, TransferReader>> = {};
