import type { AnyOperation } from '../operation.js';
import { crossChainOperations } from './cross-chain.js';
import { customerOperations } from './customers.js';
import { developerFeeOperations } from './developer-fees.js';
import { fileOperations } from './files.js';
import { offrampOperations } from './offramp.js';
import { onrampOperations } from './onramp.js';
import { virtualAccountOperations } from './virtual-accounts.js';
import { webhookOperations } from './webhooks.js';

/** Every upstream operation the server calls, by group. A new group adds one line here. */
export const catalogue = {
  customers: customerOperations,
  files: fileOperations,
  developerFees: developerFeeOperations,
  offramp: offrampOperations,
  crossChain: crossChainOperations,
  onramp: onrampOperations,
  virtualAccounts: virtualAccountOperations,
  webhooks: webhookOperations,
} as const;

export function allOperations(): AnyOperation[] {
  return Object.values(catalogue).flatMap((group) => Object.values(group));
}
