import { Arg, type ArgOptions } from 'type-graphql';
import { UserInputError } from '../errors.js';
import type { ArgDecorator } from './validate-arg.js';

type ArgTypeFunc = Parameters<typeof Arg>[1];

/**
 * `@Arg` for a scalar argument with a rule of its own. `problem` returns what is wrong with a
 * present value (the message of its fieldError), or undefined when it is fine; absent values of
 * nullable arguments are not checked.
 */
export function CheckedArg(
  name: string,
  type: ArgTypeFunc,
  problem: (value: unknown) => string | undefined,
  options: ArgOptions = {},
): ArgDecorator {
  return Arg(name, type, {
    ...options,
    validateFn: (value: unknown) => {
      if (value == null) return;
      const message = problem(value);
      if (message !== undefined) throw new UserInputError(`${name} is not valid.`, [{ path: name, message }]);
    },
  });
}
