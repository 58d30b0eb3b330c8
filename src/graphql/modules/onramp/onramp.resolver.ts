import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AlignNotFoundError } from '../../../align/errors.js';
import { onrampOperations as align } from '../../../align/operations/onramp.js';
import type { GraphQLContext } from '../../context.js';
import { TransferSimulationAction } from '../../shared/enums.js';
import { CustomerScopedResolver } from '../../shared/customer-scoped.js';
import { toUpstreamEnumValue } from '../../upstream-enums.js';
import { addressProblem } from '../../validation/blockchain.js';
import { CheckedArg } from '../../validation/checked-arg.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { CreateOnrampQuoteInput, CreateOnrampTransferInput } from './onramp.input.js';
import { toOnrampQuote, toOnrampQuoteBody, toOnrampTransfer, toOnrampTransferBody } from './onramp.mapper.js';
import { OnrampQuote } from './onramp-quote.type.js';
import { OnrampTransfer } from './onramp-transfer.type.js';

const KEY_NOTE = 'Not safe to repeat upstream: with an idempotencyKey, a repeat answers the first outcome, even an unknown one (then check onrampTransfers before using a new key).';

@Resolver(() => OnrampTransfer)
export class OnrampResolver extends CustomerScopedResolver(OnrampTransfer) {
  @Query(() => OnrampTransfer, { nullable: true, description: 'An on-ramp transfer; null when it does not exist.' })
  async onrampTransfer(@UuidArg('customerId') customerId: string, @UuidArg('id') id: string, @Ctx() context: GraphQLContext): Promise<OnrampTransfer | null> {
    const found = await context.loaders.load(align.getOnrampTransfer, [customerId, id]);
    return found && toOnrampTransfer(found, customerId, context.enums);
  }

  @Query(() => [OnrampTransfer], { nullable: true, description: "A customer's on-ramp transfers; null when the customer does not exist." })
  async onrampTransfers(@UuidArg('customerId') customerId: string, @Ctx() context: GraphQLContext): Promise<OnrampTransfer[] | null> {
    const found = await context.loaders.load(align.listOnrampTransfers, [customerId]);
    return found && found.map((raw) => toOnrampTransfer(raw, customerId, context.enums));
  }

  @Mutation(() => OnrampQuote, { description: 'Prices fiat in against stablecoins out. A quote is used once, before it expires.' })
  async createOnrampQuote(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateOnrampQuoteInput) input: CreateOnrampQuoteInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OnrampQuote> {
    const quote = await context.writes.run(align.createOnrampQuote, [customerId], toOnrampQuoteBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toOnrampQuote(quote, customerId, context.enums);
  }

  @Mutation(() => OnrampTransfer, { description: `Starts an on-ramp at a quote's price. ${KEY_NOTE}` })
  async createOnrampTransferFromQuote(
    @UuidArg('customerId') customerId: string,
    @UuidArg('quoteId') quoteId: string,
    @CheckedArg('destinationAddress', () => String, (value) => { const problem = addressProblem(value); return problem && `destinationAddress ${problem}`; }, { description: 'Where the stablecoins go (on the quote\'s network).' })
    destinationAddress: string,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OnrampTransfer> {
    const transfer = await context.writes.run(align.createOnrampTransferFromQuote, [customerId, quoteId], destinationAddress, {
      idempotencyKey: idempotencyKey ?? undefined,
    });
    return toOnrampTransfer(transfer, customerId, context.enums);
  }

  @Mutation(() => OnrampTransfer, { description: `Starts an on-ramp without a quote. ${KEY_NOTE}` })
  async createOnrampTransfer(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => CreateOnrampTransferInput) input: CreateOnrampTransferInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<OnrampTransfer> {
    const transfer = await context.writes.run(align.createOnrampTransfer, [customerId], toOnrampTransferBody(input), { idempotencyKey: idempotencyKey ?? undefined });
    return toOnrampTransfer(transfer, customerId, context.enums);
  }

  @Mutation(() => OnrampTransfer, { description: 'Sandbox only. Completes an on-ramp transfer, then reads it back.' })
  async simulateOnrampTransfer(
    @UuidArg('customerId') customerId: string,
    @UuidArg('transferId') transferId: string,
    @Arg('action', () => TransferSimulationAction, { defaultValue: TransferSimulationAction.COMPLETE_TRANSFER }) action: TransferSimulationAction,
    @Ctx() context: GraphQLContext,
  ): Promise<OnrampTransfer> {
    await context.writes.run(align.simulateOnrampTransfer, [customerId], { action: toUpstreamEnumValue(action), transferId });
    // The answer is only `{message}`: whatever this request held of the transfer is out of date.
    context.loaders.clear(align.getOnrampTransfer, [customerId, transferId]);
    const transfer = await context.loaders.load(align.getOnrampTransfer, [customerId, transferId]);
    if (transfer === null) throw new AlignNotFoundError('The on-ramp transfer was not found after the simulation.');
    return toOnrampTransfer(transfer, customerId, context.enums);
  }
}
