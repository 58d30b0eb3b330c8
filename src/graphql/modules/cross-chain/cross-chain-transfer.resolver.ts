import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { crossChainOperations as align } from '../../../align/operations/cross-chain.js';
import type { GraphQLContext } from '../../context.js';
import { CustomerScopedResolver } from '../../shared/customer-scoped.js';
import { TransactionHashArg } from '../../validation/blockchain.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { CrossChainQuote } from './cross-chain-quote.type.js';
import { CrossChainTransfer } from './cross-chain-transfer.type.js';
import { CreateCrossChainQuoteInput, CreateCrossChainTransferInput } from './cross-chain.input.js';
import { toCrossChainQuote, toCrossChainQuoteBody, toCrossChainTransfer, toCrossChainTransferBody } from './cross-chain.mapper.js';

const KEY_N = 'A repeat with the same key never sends the transfer again; without one, a lost answer is not retried.';

@Resolver(() => CrossChainTransfer)
export class CrossChainTransferResolver extends CustomerScopedResolver(CrossChainTransfer) {
  @Query(() => CrossChainTransfer, { nullable: true, description: 'A cross-chain transfer by id; null when it does not exist.' })
  async crossChainTransfer(@UuidArg('customerId') customerId: string, @UuidArg('id') id: string, @Ctx() context: GraphQLContext): Promise<CrossChainTransfer | null> {
    const found = await context.loaders.load(align.getCrossChainTransfer, [customerId, id]);
    return found && toCrossChainTransfer(found, customerId, context.enums);
  }

  @Mutation(() => CrossChainQuote, { description: 'Prices moving tokens from one chain to another. Retried safely: the upstream gets an Idempotency-Key.' })
  async createCrossChainQuote(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateCrossChainQuoteInput) input: CreateCrossChainQuoteInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<CrossChainQuote> {
    const quote = await context.writes.run(align.createCrossChainQuote, [customerId], toCrossChainQuoteBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toCrossChainQuote(quote, customerId, context.enums);
  }

  @Mutation(() => CrossChainTransfer, { description: `Starts a cross-chain transfer; its quote says where to deposit. ${KEY_N}` })
  async createCrossChainTransfer(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateCrossChainTransferInput) input: CreateCrossChainTransferInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<CrossChainTransfer> {
    const transfer = await context.writes.run(align.createCrossChainTransfer, [customerId], toCrossChainTransferBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toCrossChainTransfer(transfer, customerId, context.enums);
  }

  @Mutation(() => CrossChainTransfer, { description: `Reports the deposit that pays for a transfer. ${KEY_N}` })
  async completeCrossChainTransfer(
    @UuidArg('customerId') customerId: string,
    @UuidArg('transferId') transferId: string,
    @TransactionHashArg('depositTransactionHash', 'The hash of the deposit transaction.')
    depositTransactionHash: string,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<CrossChainTransfer> {
    const transfer = await context.writes.run(align.completeCrossChainTransfer, [customerId, transferId], { depositTransactionHash }, { idempotencyKey: idempotencyKey ?? undefined });
    return toCrossChainTransfer(transfer, customerId, context.enums);
  }
}
