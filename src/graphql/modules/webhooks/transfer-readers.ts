import type { ClassType } from 'type-graphql';
import { getCrossChainTransfer, type AlignCrossChainTransfer } from '../../../align/operations/cross-chain.js';
import { getOfframpTransfer, type AlignOfframpTransfer } from '../../../align/operations/offramp.js';
import { getOnrampTransfer, type AlignOnrampTransfer } from '../../../align/operations/onramp.js';
import type { AnyOperation } from '../../../align/operation.js';
import type { TransferEntityType } from '../../../events/event.js';
import type { GraphQLContext } from '../../context.js';
import type { Transfer } from '../../shared/transfer.type.js';
import { CrossChainTransfer } from '../cross-chain/cross-chain-transfer.type.js';
import { toCrossChainTransfer } from '../cross-chain/cross-chain.mapper.js';
import { OfframpTransfer } from '../offramp/offramp-transfer.type.js';
import { toOfframpTransfer } from '../offramp/offramp.mapper.js';
import { OnrampTransfer } from '../onramp/onramp-transfer.type.js';
import { toOnrampTransfer } from '../onramp/onramp.mapper.js';

/**
 * How `TransferStatusUpdatedEvent.transfer` re-reads a transfer, by the entity type its webhook names:
 * the group's GET by id (`/v0/customers/:customer_id/<kind>/:id`, ids `[customerId, transferId]`), the
 * object type implementing `Transfer`, and the group's mapper from the wire shape. A new transfer
 * kind adds its row; a kind without one answers `transfer: null`.
 */
export interface TransferReader {
  readonly read: AnyOperation;
  readonly type: ClassType<Transfer>;
  readonly map: (raw: never, customerId: string, context: GraphQLContext) => Transfer;
}

export const TRANSFER_READERS: Partial<Record<TransferEntityType, TransferReader>> = {
  offramp_transfer: { read: getOfframpTransfer, type: OfframpTransfer, map: (raw: AlignOfframpTransfer, customerId, context) => toOfframpTransfer(raw, customerId, context.enums) },
  onramp_transfer: { read: getOnrampTransfer, type: OnrampTransfer, map: (raw: AlignOnrampTransfer, customerId, context) => toOnrampTransfer(raw, customerId, context.enums) },
  cross_chain_transfer: {
    read: getCrossChainTransfer,
    type: CrossChainTransfer,
    map: (raw: AlignCrossChainTransfer, customerId, context) => toCrossChainTransfer(raw, customerId, context.enums),
  },
};
