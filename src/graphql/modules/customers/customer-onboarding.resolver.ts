import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { customerOperations as align } from '../../../align/operations/customers.js';
import { AlignNotFoundError } from '../../../align/errors.js';
import type { GraphQLContext } from '../../context.js';
import { toUpstreamEnumValue } from '../../upstream-enums.js';
import { CheckedArg } from '../../validation/checked-arg.js';
import { textProblem } from '../../validation/rules.js';
import { UuidArg } from '../../validation/uuid-arg.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { CustomerSimulationAction } from './customer.enums.js';
import { toCustomer } from './customer.mapper.js';
import { Customer } from './customer.type.js';
import { UpdateCustomerInput } from './customer-profile.input.js';
import { toProfileBody } from './customer-profile.mapper.js';
import { WalletOwnershipVerification } from './wallet-ownership.type.js';

/** The longest address of the supported networks is 44 characters; no network is named here, so any is taken. */
const WALLET_ADDRESS_MAX_LENGTH = 128;

/** The steps after createCustomer: the KYC profile, sandbox approval, wallet ownership. */
@Resolver(() => Customer)
export class CustomerOnboardingResolver {
  @Mutation(() => Customer, { description: 'Sends the KYC profile (only the chosen branch), then answers the customer as it now stands.' })
  async updateCustomer(
    @UuidArg('customerId') customerId: string,
    @ValidArg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Customer> {
    await context.writes.run(align.updateCustomer, [customerId], toProfileBody(input));
    return reread(context, customerId);
  }

  @Mutation(() => Customer, { description: 'Sandbox only. Simulates a KYC outcome, then answers the customer as it now stands.' })
  async simulateCustomer(
    @UuidArg('customerId') customerId: string,
    @Arg('action', () => CustomerSimulationAction, { defaultValue: CustomerSimulationAction.KYC_STATUS_APPROVE })
    action: CustomerSimulationAction,
    @Ctx() context: GraphQLContext,
  ): Promise<Customer> {
    // `KYC_STATUS_APPROVE` -> `kyc.status.approve` (docs/align-api.md §5).
    await context.writes.run(align.simulateCustomer, [], { customerId, action: toUpstreamEnumValue(action).replace(/_/g, '.') });
    return reread(context, customerId);
  }

  @Mutation(() => WalletOwnershipVerification, { description: 'Starts a hosted flow in which the customer proves control of a wallet.' })
  async createWalletOwnershipVerification(
    @UuidArg('customerId') customerId: string,
    @CheckedArg('walletAddress', () => String, (value) => {
      const problem = textProblem(value, WALLET_ADDRESS_MAX_LENGTH);
      return problem && `walletAddress ${problem}`;
    })
    walletAddress: string,
    @Ctx() context: GraphQLContext,
  ): Promise<WalletOwnershipVerification> {
    const started = await context.writes.run(align.createWalletOwnershipVerification, [customerId], { walletAddress });
    return { walletAddress, verificationFlowLink: started.verification_flow_link };
  }
}

/** The write answered `{}`: one GET for the customer as it now stands (the write dropped any held copy). */
async function reread(context: GraphQLContext, customerId: string): Promise<Customer> {
  const found = await context.loaders.load(align.getCustomer, [customerId]);
  if (found === null) throw new AlignNotFoundError('Not found.', { upstreamStatus: 404 });
  return toCustomer(found, context.enums);
}
