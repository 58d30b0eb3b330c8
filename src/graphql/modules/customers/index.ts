import { isUUID } from 'class-validator';
import { customerOperations as align } from '../../../align/operations/customers.js';
import type { GraphQLContext } from '../../context.js';
import type { GraphQLModule } from '../module.js';
import { toCustomer } from './customer.mapper.js';
import { CustomerOnboardingResolver } from './customer-onboarding.resolver.js';
import { CustomerResolver } from './customer.resolver.js';
import type { Customer } from './customer.type.js';

/**
 * Federation reference resolver: another subgraph names a Customer by id and this subgraph fills in
 * the rest, through the request's loader (one upstream GET per distinct id, however often named).
 * An id that is not a UUID cannot exist upstream and resolves to null without a call.
 */
async function resolveCustomerReference(reference: { id?: unknown }, context: GraphQLContext): Promise<Customer | null> {
  if (typeof reference.id !== 'string' || !isUUID(reference.id)) return null;
  const found = await context.loaders.load(align.getCustomer, [reference.id]);
  return found && toCustomer(found, context.enums);
}

export const customersModule: GraphQLModule = {
  resolvers: [CustomerResolver, CustomerOnboardingResolver],
  references: { Customer: resolveCustomerReference },
};
