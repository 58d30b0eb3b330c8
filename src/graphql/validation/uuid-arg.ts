import { isUUID } from 'class-validator';
import { Arg, ID } from 'type-graphql';
import { UserInputError } from '../errors.js';
import type { ArgDecorator } from './validate-arg.js';

/** An `ID!` argument that must be a UUID (every Align id is), checked before any upstream call. */
export function UuidArg(name: string, description?: string): ArgDecorator {
  return Arg(name, () => ID, {
    description,
    validateFn: (value: unknown) => {
      if (typeof value !== 'string' || !isUUID(value)) {
        throw new UserInputError(`${name} must be a UUID.`, [{ path: name, message: `${name} must be a UUID` }]);
      }
    },
  });
}
