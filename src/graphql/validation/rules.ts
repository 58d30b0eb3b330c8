import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/** Rules shared by every input type. Each reports its own message so fieldErrors read well. */

const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: buildMessage((prefix) => `${prefix}$property must not be empty or only white space`, options),
      },
    },
    options,
  );
}

export function HasNoControlCharacters(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasNoControlCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !CONTROL_CHARACTERS.test(value),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must not contain control characters`, options),
      },
    },
    options,
  );
}

export function trimmed(value: string): string;
export function trimmed(value: string | null | undefined): string | undefined;
export function trimmed(value: string | null | undefined): string | undefined {
  return value == null ? undefined : value.trim();
}
