import { Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { crossChainOperations as align, type AlignPermanentRouteAddress } from '../../../align/operations/cross-chain.js';
import type { GraphQLContext } from '../../context.js';
import { CustomerScopedResolver, loadNestedCustomerList } from '../../shared/customer-scoped.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { Customer } from '../customers/customer.type.js';
import { CreatePermanentRouteAddressInput } from './cross-chain.input.js';
import { toPermanentRouteAddress, toPermanentRouteAddressBody } from './cross-chain.mapper.js';
import { PermanentRouteAddress } from './permanent-route-address.type.js';

@Resolver(() => PermanentRouteAddress)
export class PermanentRouteAddressResolver extends CustomerScopedResolver(PermanentRouteAddress) {
  @Query(() => PermanentRouteAddress, { nullable: true, description: 'A permanent route address by id; null when it does not exist.' })
  async permanentRouteAddress(
    @UuidArg('customerId') customerId: string,
    @UuidArg('id') id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<PermanentRouteAddress | null> {
    const found = await context.loaders.load(align.getPermanentRouteAddress, [customerId, id]);
    return found && toPermanentRouteAddress(found, customerId, context.enums);
  }

  @Query(() => [PermanentRouteAddress], { nullable: true, description: "A customer's permanent route addresses; null when the customer does not exist." })
  async permanentRouteAddresses(@UuidArg('customerId') customerId: string, @Ctx() context: GraphQLContext): Promise<PermanentRouteAddress[] | null> {
    const found = await context.loaders.load(align.listPermanentRouteAddresses, [customerId]);
    return found && found.map((raw) => toPermanentRouteAddress(raw, customerId, context.enums));
  }

  @Mutation(() => PermanentRouteAddress, {
    description: 'Issues deposit addresses, one per source chain, that forward every deposit to the destination. A repeat with the same key never issues a second route; without one, a lost answer is not retried.',
  })
  async createPermanentRouteAddress(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreatePermanentRouteAddressInput) input: CreatePermanentRouteAddressInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<PermanentRouteAddress> {
    const route = await context.writes.run(align.createPermanentRouteAddress, [customerId], toPermanentRouteAddressBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toPermanentRouteAddress(route, customerId, context.enums);
  }
}

/** `Customer.permanentRouteAddresses`: one list call per customer, at most 50 customers per request. */
@Resolver(() => Customer)
export class CustomerPermanentRouteAddressesResolver {
  @FieldResolver(() => [PermanentRouteAddress], { nullable: true, description: "The customer's permanent route addresses." })
  async permanentRouteAddresses(@Root() customer: Customer, @Ctx() context: GraphQLContext): Promise<PermanentRouteAddress[] | null> {
    const found = await loadNestedCustomerList<AlignPermanentRouteAddress>(context, align.listPermanentRouteAddresses, customer.id);
    return found && found.map((raw) => toPermanentRouteAddress(raw, customer.id, context.enums));
  }
}
