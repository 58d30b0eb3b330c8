import type fc from 'fast-check';
import type { Json } from '../arbitraries.js';
import { crossChainOperations } from './cross-chain.js';
import { customerOperations } from './customers.js';
import { onboardingOperations } from './onboarding.js';
import { offrampOperations } from './offramp.js';
import { onrampOperations } from './onramp.js';
import { webhookOperations } from './webhooks.js';

/** One real operation: its document, and variables of the right or the wrong type. */
export interface FuzzOperation {
  readonly query: string;
  readonly variables: Json;
}

/** Every group's operations. A new group adds one line here. */
export const groupOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  ...customerOperations,
  ...onboardingOperations,
  ...offrampOperations,
  ...onrampOperations,
  ...crossChainOperations,
  ...webhookOperations,
];
