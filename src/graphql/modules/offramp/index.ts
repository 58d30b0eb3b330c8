import { isUUID } from 'class-validator';
import { offrampOperations as align } from '../../../align/operations/offramp.js';
import type { GraphQLContext } from '../../context.js';
import { referenceByCustomerAndId } from '../../shared/customer-scoped.js';
import type { GraphQLModule } from '../module.js';
import { CustomerOfframpListsResolver } from './customer-lists.resolver.js';
import type { ExternalAccount } from './external-account.type.js';
import { ExternalAccountResolver } from './external-account.resolver.js';
import { toExternalAccount, toOfframpTransfer } from './offramp.mapper.js';
import { OfframpTransferResolver } from './offramp-transfer.resolver.js';

/**
 * ExternalAccount has no GET by id (docs/align-api.md §12): a reference is picked from its customer's
 * list, read once per distinct customer through the request's loader. A malformed id: null, no call.
 */
async function resolveExternalAccountReference(
  reference: { customerId?: unknown; id?: unknown },
  context: GraphQLContext,
): Promise<ExternalAccount | null> {
  const { customerId, id } = reference;
  if (typeof customerId !== 'string' || typeof id !== 'string' || !isUUID(customerId) || !isUUID(id)) return null;
  const accounts = await context.loaders.load(align.listExternalAccounts, [customerId]);
  const found = accounts?.find((account) => account.id.toLowerCase() === id.toLowerCase());
  return found === undefined ? null : toExternalAccount(found, customerId, context.enums);
}

export const offrampModule: GraphQLModule = {
  resolvers: [OfframpTransferResolver, ExternalAccountResolver, CustomerOfframpListsResolver],
  references: {
    OfframpTransfer: referenceByCustomerAndId(align.getOfframpTransfer, (raw, customerId, context) => toOfframpTransfer(raw, customerId, context.enums)),
    ExternalAccount: resolveExternalAccountReference,
  },
};
