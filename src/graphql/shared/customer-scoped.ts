import { isUUID } from 'class-validator';
import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { customerOperations } from '../../align/operations/customers.js';
import type { AnyOperation } from '../../align/operation.js';
import { UserInputError } from '../errors.js';
import type { GraphQLContext } from '../context.js';
import { toCustomer } from '../modules/customers/customer.mapper.js';
import { Customer } from '../modules/customers/customer.type.js';

/** What every object under a customer's path has (`customerId` comes from the path it was read under). */
export interface CustomerScoped {
  readonly customerId: string;
}

/**
 * The `customer` field of every customer-scoped type, written once (type-graphql's resolver
 * inheritance): `class VirtualAccountResolver extends CustomerScopedResolver(VirtualAccount) {}`.
 * Reads go through the request's loader, so a list of 100 transfers of one customer costs one GET.
 */
export function CustomerScopedResolver<T extends CustomerScoped>(objectType: ClassType<T>) {
  @Resolver(() => objectType)
  abstract class CustomerScopedResolverBase {
    @FieldResolver(() => Customer, { nullable: true, description: 'The customer this belongs to.' })
    async customer(@Root() parent: T, @Ctx() context: GraphQLContext): Promise<Customer | null> {
      const found = await context.loaders.load(customerOperations.getCustomer, [parent.customerId]);
      return found && toCustomer(found, context.enums);
    }
  }
  return CustomerScopedResolverBase;
}

/**
 * A federation reference resolver for an entity keyed `customerId id` with a GET by id: one call per
 * distinct key through the request's loader; a malformed id resolves to null without a call.
 */
export function referenceByCustomerAndId<T>(
  read: AnyOperation,
  map: (raw: never, customerId: string, context: GraphQLContext) => T,
): (reference: { customerId?: unknown; id?: unknown }, context: GraphQLContext) => Promise<T | null> {
  return async (reference, context) => {
    const { customerId, id } = reference;
    if (typeof customerId !== 'string' || typeof id !== 'string' || !isUUID(customerId) || !isUUID(id)) return null;
    const found: unknown = await context.loaders.load(read, [customerId, id]);
    return found === null ? null : map(found as never, customerId, context);
  };
}

/** The most distinct customers one request may read nested lists of (graphql-armor has no per-field cost). */
export const NESTED_LIST_CUSTOMER_LIMIT = 50;

const nestedListCustomers = new WeakMap<GraphQLContext, Set<string>>();

/**
 * A `Customer.<things>` list: one loader per route, at most NESTED_LIST_CUSTOMER_LIMIT distinct
 * customers per request; beyond that the field is null with BAD_USER_INPUT.
 */
export async function loadNestedCustomerList<T>(context: GraphQLContext, list: AnyOperation, customerId: string): Promise<T[] | null> {
  let seen = nestedListCustomers.get(context);
  if (seen === undefined) {
    seen = new Set();
    nestedListCustomers.set(context, seen);
  }
  if (!seen.has(customerId) && seen.size >= NESTED_LIST_CUSTOMER_LIMIT) {
    throw new UserInputError(`Nested lists can be read for at most ${NESTED_LIST_CUSTOMER_LIMIT} customers in one request.`);
  }
  seen.add(customerId);
  return (await context.loaders.load(list, [customerId])) as T[] | null;
}
