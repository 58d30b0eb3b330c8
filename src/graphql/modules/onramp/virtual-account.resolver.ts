import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AlignNotFoundError } from '../../../align/errors.js';
import { virtualAccountOperations as align } from '../../../align/operations/virtual-accounts.js';
import type { GraphQLContext } from '../../context.js';
import { CustomerScopedResolver } from '../../shared/customer-scoped.js';
import { toUpstreamEnumValue } from '../../upstream-enums.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { VirtualAccountSimulationAction } from './onramp.enums.js';
import { createOrFindVirtualAccount } from './get-or-create.js';
import { CreateVirtualAccountInput } from './virtual-account.input.js';
import { toVirtualAccount, toVirtualAccountBody } from './virtual-account.mapper.js';
import { VirtualAccount } from './virtual-account.type.js';

@Resolver(() => VirtualAccount)
export class VirtualAccountResolver extends CustomerScopedResolver(VirtualAccount) {
  @Query(() => VirtualAccount, { nullable: true, description: 'A virtual account; null when it does not exist.' })
  async virtualAccount(@UuidArg('customerId') customerId: string, @UuidArg('id') id: string, @Ctx() context: GraphQLContext): Promise<VirtualAccount | null> {
    const found = await context.loaders.load(align.getVirtualAccount, [customerId, id]);
    return found && toVirtualAccount(found, customerId, context.enums);
  }

  @Query(() => [VirtualAccount], { nullable: true, description: "A customer's virtual accounts; null when the customer does not exist." })
  async virtualAccounts(@UuidArg('customerId') customerId: string, @Ctx() context: GraphQLContext): Promise<VirtualAccount[] | null> {
    const found = await context.loaders.load(align.listVirtualAccounts, [customerId]);
    return found && found.map((raw) => toVirtualAccount(raw, customerId, context.enums));
  }

  @Mutation(() => VirtualAccount, {
    description:
      'Issues a virtual account, or answers the existing one made with the same parameters. AED and USD over SWIFT answer PENDING (no instructions yet). Needs approved KYC (else FORBIDDEN).',
  })
  async createVirtualAccount(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateVirtualAccountInput) input: CreateVirtualAccountInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<VirtualAccount> {
    const account = await createOrFindVirtualAccount(context, customerId, toVirtualAccountBody(input), idempotencyKey ?? undefined);
    return toVirtualAccount(account, customerId, context.enums);
  }

  @Mutation(() => VirtualAccount, { description: 'Sandbox only. Issues a PENDING virtual account, which becomes ACTIVE with its deposit instructions.' })
  async simulateVirtualAccount(
    @UuidArg('customerId') customerId: string,
    @UuidArg('virtualAccountId') virtualAccountId: string,
    @Arg('action', () => VirtualAccountSimulationAction, { defaultValue: VirtualAccountSimulationAction.ISSUE_PENDING_VIRTUAL_ACCOUNT })
    action: VirtualAccountSimulationAction,
    @Ctx() context: GraphQLContext,
  ): Promise<VirtualAccount> {
    const ids = [customerId, virtualAccountId] as const;
    const answered = await context.writes.run(align.simulateVirtualAccount, [customerId], { action: toUpstreamEnumValue(action), virtualAccountId });
    // The docs answer the account; a shorter answer means reading it back, past any copy held.
    if (answered !== null && answered.id.toLowerCase() === virtualAccountId.toLowerCase()) {
      context.loaders.prime(align.getVirtualAccount, ids, answered);
      return toVirtualAccount(answered, customerId, context.enums);
    }
    context.loaders.clear(align.getVirtualAccount, ids);
    const account = await context.loaders.load(align.getVirtualAccount, ids);
    if (account === null) throw new AlignNotFoundError('The virtual account was not found after the simulation.');
    return toVirtualAccount(account, customerId, context.enums);
  }
}
