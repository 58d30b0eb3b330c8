import type fc from 'fast-check';
import type { Json } from '../arbitraries.js';
import { customerOperations } from './customers.js';
import { webhookOperations } from './webhooks.js';

/** One real operation: its document, and variables of the right or the wrong type. */
export interface FuzzOperation {
  readonly query: string;
  readonly variables: Json;
}

/** Every group's operations. A new group adds one line here. */
export const groupOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [...customerOperations, ...webhookOperations];
