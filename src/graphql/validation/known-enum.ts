import type { ValidationOptions } from 'class-validator';
import { Satisfies } from './rules.js';

/**
 * Output enums carry UNKNOWN for upstream values this server does not know yet (docs/align-api.md §5);
 * inputs that reuse such an enum refuse it, since it names no value the upstream could take.
 */
export const IsKnownValue = (options?: ValidationOptions) =>
  Satisfies('isKnownValue', (value) => (value === 'UNKNOWN' ? 'must not be UNKNOWN (it only describes unknown upstream values)' : undefined), options);
