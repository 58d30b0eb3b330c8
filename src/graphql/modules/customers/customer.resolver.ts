import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { customerOperations as align } from '../../../align/operations/customers.js';
import type { GraphQLContext } from '../../context.js';
import { EmailFilterArg } from '../../validation/email-arg.js';
import { IdempotencyKeyArg } from '../../validation/idempotency-key.js';
import { HttpUrlArg } from '../../validation/url-arg.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { CreateCustomerInput } from './customer.input.js';
import { toCreateCustomerBody, toCustomer, toKyc } from './customer.mapper.js';
import { Customer } from './customer.type.js';
import { Kyc } from './kyc.type.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'A customer by id; null when it does not exist.' })
  async customer(@UuidArg('id') id: string, @Ctx() context: GraphQLContext): Promise<Customer | null> {
    const found = await context.loaders.load(align.getCustomer, [id]);
    return found && toCustomer(found, context.enums);
  }

  @Query(() => [Customer], { description: 'All customers, or those with the given email.' })
  async customers(
    @EmailFilterArg('email', 'Only the customer with this email (compared case-insensitively upstream).')
    email: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<Customer[]> {
    const found = await context.loaders.load(align.listCustomers, [], { email: email ?? undefined });
    return (found ?? []).map((raw) => toCustomer(raw, context.enums));
  }

  @Mutation(() => Customer, { description: 'Creates an individual or a corporate customer.' })
  async createCustomer(
    @ValidArg('input', () => CreateCustomerInput) input: CreateCustomerInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<Customer> {
    const body = toCreateCustomerBody(input);
    const created = await context.writes.run(align.createCustomer, [], body, { idempotencyKey: idempotencyKey ?? undefined });
    return toCustomer(created, context.enums);
  }

  @Mutation(() => Kyc, { description: 'Starts (or restarts) identity verification and returns its flow link.' })
  async createKycSession(
    @UuidArg('customerId') customerId: string,
    @HttpUrlArg('redirectUri', 'Where the hosted flow sends the user when done (KYB flows).') redirectUri: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<Kyc> {
    const kycs = await context.writes.run(align.createKycSession, [customerId], { redirectUri: redirectUri ?? undefined });
    return toKyc(kycs, context.enums);
  }
}
