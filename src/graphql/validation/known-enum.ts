import type { ValidationOptions } from 'class-validator';
import { Satisfies } from './rules.js';

/**
 * Output enums carry UNKNOWN for values this server does not know (docs/align-api.md §5); an input
 * enum that shares the type refuses it, since nothing upstream is called UNKNOWN.
 */
export const IsKnownValue = (options?: ValidationOptions) =>
  Satisfies('isKnownValue', (value) => (value === 'UNKNOWN' ? 'must not be UNKNOWN: it only describes values this server does not know' : undefined), options);
