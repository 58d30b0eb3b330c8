import { isUUID } from 'class-validator';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { Address } from './address.type.js';
import { CustomerType } from './customer.enums.js';
import { toCustomer } from './customer.mapper.js';
import { Kyc } from './kyc.type.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer of the Align account: a person or a company.' })
export class Customer {
  @Field(() => ID, { description: 'The upstream customer_id (a UUID).' })
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => CustomerType)
  type!: CustomerType;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => Address, { nullable: true, description: 'Null until KYC is approved.' })
  address!: Address | null;

  @Field(() => Kyc, { nullable: true, description: 'Null before any KYC session was started.' })
  kyc!: Kyc | null;
}

/**
 * Federation reference resolver: another subgraph names a Customer by id and this subgraph fills in
 * the rest, through the request's loader (one upstream GET per distinct id, however often named).
 * An id that is not a UUID cannot exist upstream and resolves to null without a call.
 */
export async function resolveCustomerReference(
  reference: { id?: unknown },
  context: GraphQLContext,
): Promise<Customer | null> {
  if (typeof reference.id !== 'string' || !isUUID(reference.id)) return null;
  const found = await context.customerLoader().load(reference.id);
  return found && toCustomer(found, context.enums);
}
