import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { developerFeeOperations as align } from '../../../align/operations/developer-fees.js';
import type { GraphQLContext } from '../../context.js';
import { UserInputError } from '../../errors.js';
import { ValidArg } from '../../validation/validate-arg.js';
import { UpdateDeveloperFeesInput } from './developer-fee.input.js';
import { toDeveloperFee, toFeesBody } from './developer-fee.mapper.js';
import { DeveloperFee } from './developer-fee.type.js';

@Resolver(() => DeveloperFee)
export class DeveloperFeeResolver {
  @Query(() => [DeveloperFee], { description: 'The fees this API key adds to every transfer, per service.' })
  async developerFees(@Ctx() context: GraphQLContext): Promise<DeveloperFee[]> {
    const fees = await context.loaders.load(align.getDeveloperFees, []);
    return (fees ?? []).map((fee) => toDeveloperFee(fee, context.enums));
  }

  @Mutation(() => [DeveloperFee], { description: 'Sets the fees of the services given; answers every fee.' })
  async updateDeveloperFees(
    @ValidArg('input', () => UpdateDeveloperFeesInput) input: UpdateDeveloperFeesInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeveloperFee[]> {
    const body = toFeesBody(input);
    if (Object.keys(body).length === 0) {
      throw new UserInputError('The input is not valid.', [{ path: 'input', message: 'input must set at least one service' }]);
    }
    const fees = await context.writes.run(align.updateDeveloperFees, [], body);
    return fees.map((fee) => toDeveloperFee(fee, context.enums));
  }
}
