import { validateSync, type ValidationError } from 'class-validator';
import { Arg, type ArgOptions } from 'type-graphql';
import { UserInputError, type FieldError } from '../errors.js';

export type ArgDecorator = ReturnType<typeof Arg>;
type ArgTypeFunc = Parameters<typeof Arg>[1];

/**
 * `@Arg` whose value is checked with class-validator before the resolver runs. Every broken field is
 * reported at once, each with its dotted path from the argument (`input.individual.email`).
 */
export function ValidArg(name: string, type: ArgTypeFunc, options: ArgOptions = {}): ArgDecorator {
  return Arg(name, type, { ...options, validateFn: (value: unknown) => validateArgument(name, value) });
}

/**
 * Synchronous on purpose: every rule of these inputs is synchronous (a test holds that), and the async
 * `validate` costs a promise per constraint on every create (measured in BENCHMARKS.md).
 */
export function validateArgument(name: string, value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const errors = validateSync(value, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  if (errors.length > 0) throw new UserInputError('The input is not valid.', flatten(errors, name));
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
