import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AlignOnrampTransfer } from '../../../align/operations/onramp.js';
import { onrampOperations } from '../../../align/operations/onramp.js';
import { virtualAccountOperations, type AlignVirtualAccount } from '../../../align/operations/virtual-accounts.js';
import type { GraphQLContext } from '../../context.js';
import { loadNestedCustomerList } from '../../shared/customer-scoped.js';
import { Customer } from '../customers/customer.type.js';
import { toOnrampTransfer } from './onramp.mapper.js';
import { OnrampTransfer } from './onramp-transfer.type.js';
import { toVirtualAccount } from './virtual-account.mapper.js';
import { VirtualAccount } from './virtual-account.type.js';

/** `Customer.virtualAccounts` and `Customer.onrampTransfers`: one list call per customer, at most 50 customers per request. */
@Resolver(() => Customer)
export class CustomerOnrampListsResolver {
  @FieldResolver(() => [VirtualAccount], { nullable: true, description: "The customer's virtual accounts." })
  async virtualAccounts(@Root() customer: Customer, @Ctx() context: GraphQLContext): Promise<VirtualAccount[] | null> {
    const found = await loadNestedCustomerList<AlignVirtualAccount>(context, virtualAccountOperations.listVirtualAccounts, customer.id);
    return found && found.map((raw) => toVirtualAccount(raw, customer.id, context.enums));
  }

  @FieldResolver(() => [OnrampTransfer], { nullable: true, description: "The customer's on-ramp transfers." })
  async onrampTransfers(@Root() customer: Customer, @Ctx() context: GraphQLContext): Promise<OnrampTransfer[] | null> {
    const found = await loadNestedCustomerList<AlignOnrampTransfer>(context, onrampOperations.listOnrampTransfers, customer.id);
    return found && found.map((raw) => toOnrampTransfer(raw, customer.id, context.enums));
  }
}
