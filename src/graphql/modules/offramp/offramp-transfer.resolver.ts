import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AlignNotFoundError } from '../../../align/errors.js';
import { offrampOperations as align } from '../../../align/operations/offramp.js';
import type { GraphQLContext } from '../../context.js';
import { CustomerScopedResolver } from '../../shared/customer-scoped.js';
import { TransferSimulationAction } from '../../shared/enums.js';
import { toUpstreamEnumValue } from '../../upstream-enums.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { TransactionHashArg } from '../../validation/blockchain.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { CreateOfframpQuoteInput, CreateOfframpTransferFromQuoteInput, CreateOfframpTransferInput } from './offramp.input.js';
import { toFromQuoteBody, toOfframpQuote, toOfframpTransfer, toQuoteBody, toTransferBody } from './offramp.mapper.js';
import { OfframpQuote } from './offramp-quote.type.js';
import { OfframpTransfer } from './offramp-transfer.type.js';

/**
 * Off-ramps (docs/align-api.md §11): quote -> transfer (from the quote, or direct) -> complete with
 * the deposit's hash -> completed. Every write but the simulation is class U: a retry resends the
 * same Idempotency-Key, so no fault can make a second transfer.
 */
@Resolver(() => OfframpTransfer)
export class OfframpTransferResolver extends CustomerScopedResolver(OfframpTransfer) {
  @Query(() => OfframpTransfer, { nullable: true, description: "An off-ramp transfer; null when it does not exist (or is another customer's)." })
  async offrampTransfer(@UuidArg('customerId') customerId: string, @UuidArg('id') id: string, @Ctx() context: GraphQLContext): Promise<OfframpTransfer | null> {
    const found = await context.loaders.load(align.getOfframpTransfer, [customerId, id]);
    return found && toOfframpTransfer(found, customerId, context.enums);
  }

  @Query(() => [OfframpTransfer], { nullable: true, description: "A customer's off-ramp transfers; null when the customer does not exist." })
  async offrampTransfers(@UuidArg('customerId') customerId: string, @Ctx() context: GraphQLContext): Promise<OfframpTransfer[] | null> {
    const found = await context.loaders.load(align.listOfframpTransfers, [customerId]);
    return found && found.map((raw) => toOfframpTransfer(raw, customerId, context.enums));
  }

  @Mutation(() => OfframpQuote, { description: 'Prices an off-ramp. The quote expires (expiresAt) and makes one transfer.' })
  async createOfframpQuote(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateOfframpQuoteInput) input: CreateOfframpQuoteInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OfframpQuote> {
    const quote = await context.writes.run(align.createOfframpQuote, [customerId], toQuoteBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toOfframpQuote(quote, customerId, context.enums);
  }

  @Mutation(() => OfframpTransfer, {
    description: 'Makes a transfer from a quote. Unknown quote: NOT_FOUND; expired: BAD_USER_INPUT; already used: CONFLICT.',
  })
  async createOfframpTransferFromQuote(
    @UuidArg('customerId') customerId: string,
    @UuidArg('quoteId') quoteId: string,
    @ValidArg('input', () => CreateOfframpTransferFromQuoteInput) input: CreateOfframpTransferFromQuoteInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OfframpTransfer> {
    const body = toFromQuoteBody(input);
    const transfer = await context.writes.run(align.createOfframpTransferFromQuote, [customerId, quoteId], body, { idempotencyKey: idempotencyKey ?? undefined });
    return toOfframpTransfer(transfer, customerId, context.enums);
  }

  @Mutation(() => OfframpTransfer, { description: 'Makes a transfer without a quote: `amount` is the fiat paid out.' })
  async createOfframpTransfer(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateOfframpTransferInput) input: CreateOfframpTransferInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OfframpTransfer> {
    const transfer = await context.writes.run(align.createOfframpTransfer, [customerId], toTransferBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toOfframpTransfer(transfer, customerId, context.enums);
  }

  @Mutation(() => OfframpTransfer, { description: 'Reports the tokens sent to the deposit address; the transfer goes to PROCESSING.' })
  async completeOfframpTransfer(
    @UuidArg('customerId') customerId: string,
    @UuidArg('transferId') transferId: string,
    @TransactionHashArg('depositTransactionHash', 'The hash of the deposit: 64 hex digits (0x optional), or a base58 signature.') depositTransactionHash: string,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OfframpTransfer> {
    const transfer = await context.writes.run(align.completeOfframpTransfer, [customerId, transferId], { depositTransactionHash }, { idempotencyKey: idempotencyKey ?? undefined });
    return toOfframpTransfer(transfer, customerId, context.enums);
  }

  @Mutation(() => OfframpTransfer, { description: 'Sandbox only. Completes the payout of a transfer, then reads it again.' })
  async simulateOfframpTransfer(
    @UuidArg('customerId') customerId: string,
    @UuidArg('transferId') transferId: string,
    @Arg('action', () => TransferSimulationAction, { defaultValue: TransferSimulationAction.COMPLETE_TRANSFER }) action: TransferSimulationAction,
    @Ctx() context: GraphQLContext,
  ): Promise<OfframpTransfer> {
    await context.writes.run(align.simulateOfframpTransfer, [customerId], { action: toUpstreamEnumValue(action), transferId });
    const transfer = await context.loaders.load(align.getOfframpTransfer, [customerId, transferId]);
    if (transfer === null) throw new AlignNotFoundError('The transfer was not found after the simulation.');
    return toOfframpTransfer(transfer, customerId, context.enums);
  }
}
