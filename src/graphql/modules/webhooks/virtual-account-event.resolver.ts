import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { getVirtualAccount } from '../../../align/operations/virtual-accounts.js';
import type { GraphQLContext } from '../../context.js';
import { toVirtualAccount } from '../onramp/virtual-account.mapper.js';
import { VirtualAccount } from '../onramp/virtual-account.type.js';
import { VirtualAccountCreatedEvent } from './event.types.js';

@Resolver(() => VirtualAccountCreatedEvent)
export class VirtualAccountEventResolver {
  @FieldResolver(() => VirtualAccount, {
    nullable: true,
    description: 'The account as it is now, read with your key; null when its customer is not known here, or it cannot be read.',
  })
  async virtualAccount(@Root() event: VirtualAccountCreatedEvent, @Ctx() context: GraphQLContext): Promise<VirtualAccount | null> {
    if (event.customerId === null) return null;
    const found = await context.loaders.load(getVirtualAccount, [event.customerId, event.virtualAccountId]);
    return found && toVirtualAccount(found, event.customerId, context.enums);
  }
}
