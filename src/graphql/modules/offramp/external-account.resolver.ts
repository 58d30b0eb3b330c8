import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { externalAccountOperations as align } from '../../../align/operations/external-accounts.js';
import type { GraphQLContext } from '../../context.js';
import { BankAccountInput } from '../../shared/bank-account.input.js';
import { toBankAccountBody } from '../../shared/bank-account.mapper.js';
import { CustomerScopedResolver } from '../../shared/customer-scoped.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { ExternalAccount } from './external-account.type.js';
import { toExternalAccount } from './offramp.mapper.js';

/** External accounts (docs/align-api.md §12): saved payout destinations, listed per customer. */
@Resolver(() => ExternalAccount)
export class ExternalAccountResolver extends CustomerScopedResolver(ExternalAccount) {
  @Query(() => [ExternalAccount], { nullable: true, description: "A customer's saved bank accounts; null when the customer does not exist." })
  async externalAccounts(@UuidArg('customerId') customerId: string, @Ctx() context: GraphQLContext): Promise<ExternalAccount[] | null> {
    const found = await context.loaders.load(align.listExternalAccounts, [customerId]);
    return found && found.map((raw) => toExternalAccount(raw, customerId, context.enums));
  }

  @Mutation(() => ExternalAccount, { description: 'Saves a bank account for the customer; off-ramps can then pay out to its id.' })
  async createExternalAccount(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => BankAccountInput) input: BankAccountInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<ExternalAccount> {
    const account = await context.writes.run(align.createExternalAccount, [customerId], toBankAccountBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toExternalAccount(account, customerId, context.enums);
  }
}
