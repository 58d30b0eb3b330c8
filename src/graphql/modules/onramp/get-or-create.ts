import { AlignConflictError } from '../../../align/errors.js';
import {
  findSameVirtualAccount,
  virtualAccountOperations as align,
  type AlignVirtualAccount,
  type VirtualAccountBody,
} from '../../../align/operations/virtual-accounts.js';
import type { GraphQLContext } from '../../context.js';

/**
 * `createVirtualAccount` is get-or-create (docs/align-api.md §14): the upstream answers 409 when an
 * account with identical parameters exists, so the account is looked up with one list call. The
 * single match is the answer; none or several stay CONFLICT.
 */
export async function createOrFindVirtualAccount(
  context: GraphQLContext,
  customerId: string,
  body: VirtualAccountBody,
  idempotencyKey: string | undefined,
): Promise<AlignVirtualAccount> {
  try {
    return await context.writes.run(align.createVirtualAccount, [customerId], body, { idempotencyKey });
  } catch (error) {
    if (!(error instanceof AlignConflictError) || error.upstreamStatus !== 409) throw error;
    // A list this request read before the create may not hold the account yet.
    context.loaders.clear(align.listVirtualAccounts, [customerId]);
    const listed = await context.loaders.load(align.listVirtualAccounts, [customerId]);
    const same = findSameVirtualAccount(listed ?? [], body);
    if (same === undefined) {
      throw new AlignConflictError('A virtual account with these parameters exists, but no single listed account matches them.', {
        upstreamStatus: 409,
        upstreamCode: error.upstreamCode,
      });
    }
    return same;
  }
}
