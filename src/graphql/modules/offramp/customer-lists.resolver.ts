import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AlignExternalAccount } from '../../../align/operations/external-accounts.js';
import { offrampOperations as align, type AlignOfframpTransfer } from '../../../align/operations/offramp.js';
import type { GraphQLContext } from '../../context.js';
import { loadNestedCustomerList } from '../../shared/customer-scoped.js';
import { Customer } from '../customers/customer.type.js';
import { ExternalAccount } from './external-account.type.js';
import { toExternalAccount, toOfframpTransfer } from './offramp.mapper.js';
import { OfframpTransfer } from './offramp-transfer.type.js';

/** A customer's off-ramps and saved accounts, as fields of Customer (at most 50 customers per request). */
@Resolver(() => Customer)
export class CustomerOfframpListsResolver {
  @FieldResolver(() => [OfframpTransfer], { nullable: true })
  async offrampTransfers(@Root() customer: Customer, @Ctx() context: GraphQLContext): Promise<OfframpTransfer[] | null> {
    const found = await loadNestedCustomerList<AlignOfframpTransfer>(context, align.listOfframpTransfers, customer.id);
    return found && found.map((raw) => toOfframpTransfer(raw, customer.id, context.enums));
  }

  @FieldResolver(() => [ExternalAccount], { nullable: true })
  async externalAccounts(@Root() customer: Customer, @Ctx() context: GraphQLContext): Promise<ExternalAccount[] | null> {
    const found = await loadNestedCustomerList<AlignExternalAccount>(context, align.listExternalAccounts, customer.id);
    return found && found.map((raw) => toExternalAccount(raw, customer.id, context.enums));
  }
}
