import { isUUID } from 'class-validator';
import { ID } from 'type-graphql';
import { CheckedArg } from './checked-arg.js';
import type { ArgDecorator } from './validate-arg.js';

/** An `ID!` argument that must be a UUID (every Align id is), checked before any upstream call. */
export function UuidArg(name: string, description?: string): ArgDecorator {
  const isId = (value: unknown) => typeof value === 'string' && isUUID(value);
  return CheckedArg(name, () => ID, (value) => (isId(value) ? undefined : `${name} must be a UUID`), { description });
}
