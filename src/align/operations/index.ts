import type { AnyOperation } from '../operation.js';
import { customerOperations } from './customers.js';
import { webhookOperations } from './webhooks.js';

/** Every upstream operation the server calls, by group. A new group adds one line here. */
export const catalogue = {
  customers: customerOperations,
  webhooks: webhookOperations,
} as const;

export function allOperations(): AnyOperation[] {
  return Object.values(catalogue).flatMap((group) => Object.values(group));
}
