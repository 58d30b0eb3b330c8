import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import { Transfer } from '../../shared/transfer.type.js';
import { TRANSFER_ENTITY_TYPES } from './event.mapper.js';
import { TransferStatusUpdatedEvent } from './event.types.js';
import { TRANSFER_READERS } from './transfer-readers.js';

@Resolver(() => TransferStatusUpdatedEvent)
export class TransferEventResolver {
  @FieldResolver(() => Transfer, {
    nullable: true,
    description: 'The transfer as it is now, read with your key; null when its customer is not known here, or it cannot be read.',
  })
  async transfer(@Root() event: TransferStatusUpdatedEvent, @Ctx() context: GraphQLContext): Promise<Transfer | null> {
    const reader = TRANSFER_READERS[TRANSFER_ENTITY_TYPES[event.kind]];
    if (event.customerId === null || reader === undefined) return null;
    const found: unknown = await context.loaders.load(reader.read, [event.customerId, event.transferId]);
    if (found === null) return null;
    // The interface resolves its concrete type by class, so the mapped object becomes an instance of it.
    return Object.assign(Object.create(reader.type.prototype) as Transfer, reader.map(found as never, event.customerId, context));
  }
}
