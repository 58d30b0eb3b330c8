import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { EmailFilterArg } from '../validation/email-arg.js';
import { IdempotencyKeyArg } from '../validation/idempotency-key.js';
import { HttpUrlArg } from '../validation/url-arg.js';
import { UuidArg } from '../validation/uuid-arg.js';
import { ValidArg } from '../validation/validate-arg.js';
import { CreateCustomerInput } from './customer.input.js';
import { toCreateCustomerBody, toCustomer, toKyc, withSupplied } from './customer.mapper.js';
import { Customer } from './customer.type.js';
import { Kyc } from './kyc.type.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'A customer by id; null when it does not exist.' })
  async customer(@UuidArg('id') id: string, @Ctx() context: GraphQLContext): Promise<Customer | null> {
    const found = await context.customerLoader().load(id);
    return found && toCustomer(found, context.enums);
  }

  @Query(() => [Customer], { description: 'All customers, or those with the given email.' })
  async customers(
    @EmailFilterArg('email', 'Only the customer with this email (compared case-insensitively upstream).')
    email: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<Customer[]> {
    const found = await context.align().customers.list({ email: email ?? undefined });
    const loader = context.customerLoader();
    for (const raw of found) loader.remember(raw);
    return found.map((raw) => toCustomer(raw, context.enums));
  }

  @Mutation(() => Customer, { description: 'Creates an individual or a corporate customer.' })
  async createCustomer(
    @ValidArg('input', () => CreateCustomerInput) input: CreateCustomerInput,
    @IdempotencyKeyArg() idempotencyKey: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<Customer> {
    const body = toCreateCustomerBody(input);
    const created = withSupplied(await context.align().customers.create(body, idempotencyKey ?? undefined), body);
    context.customerLoader().remember(created);
    return toCustomer(created, context.enums);
  }

  @Mutation(() => Kyc, { description: 'Starts (or restarts) identity verification and returns its flow link.' })
  async createKycSession(
    @UuidArg('customerId') customerId: string,
    @HttpUrlArg('redirectUri', 'Where the hosted flow sends the user when done (KYB flows).') redirectUri: string | undefined,
    @Ctx() context: GraphQLContext,
  ): Promise<Kyc> {
    const kycs = await context.align().customers.createKycSession(customerId, redirectUri ?? undefined);
    await context.customerLoader().updateKycs(customerId, kycs);
    return toKyc(kycs, context.enums);
  }
}
