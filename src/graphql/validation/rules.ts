import { IsOptional, MaxLength, ValidateBy, buildMessage, isEmail, type ValidationOptions } from 'class-validator';

/** Rules shared by every input type. Each reports its own message so fieldErrors read well. */

/** The longest email address (RFC 5321's path limit); the upstream states none. */
export const EMAIL_MAX_LENGTH = 254;

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

/**
 * A valid email address. validator.js's isEmail throws on text that is not well-formed Unicode (a
 * lone surrogate), so that case is answered here as an invalid address instead of a crash.
 */
export function isEmailAddress(value: unknown): boolean {
  if (typeof value !== 'string' || !value.isWellFormed()) return false;
  try {
    return isEmail(value);
  } catch {
    return false;
  }
}

export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: isEmailAddress,
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be a valid email address`, options),
      },
    },
    options,
  );
}

/** Text that is well-formed Unicode: no lone surrogate, which no upstream could store faithfully. */
export function IsWellFormedText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWellFormedText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value.isWellFormed(),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be valid Unicode text`, options),
      },
    },
    options,
  );
}

/** A class-validator decorator from a problem function; absent values are left to @IsOptional/nullability. */
export function Satisfies(name: string, problem: (value: unknown) => string | undefined, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => value === undefined || value === null || problem(value) === undefined,
        defaultMessage: buildMessage((prefix, args) => `${prefix}$property ${problem(args?.value) ?? 'is not valid'}`, options),
      },
    },
    options,
  );
}

/** Text fields the upstream gives no maximum for (docs/align-api.md §4). */
export const TEXT_MAX_LENGTH = 256;

/** What is wrong with a required one-line text value, or undefined when it is fine. */
export function textProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must not be empty or only white space';
  if (value.length > max) return `must be at most ${max} characters`;
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  if (!value.isWellFormed()) return 'must be valid Unicode text';
  return undefined;
}

/** Required free text: not blank, one line, well-formed Unicode, at most `max` characters. */
export function IsText(max: number): PropertyDecorator {
  return (target, property) => {
    IsNotBlank()(target, property);
    MaxLength(max)(target, property);
    HasNoControlCharacters()(target, property);
    IsWellFormedText()(target, property);
  };
}

/** Optional free text: the same rules when present. */
export function IsOptionalText(max: number): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsText(max)(target, property);
  };
}

/** A nested input object that sets at least one of its fields (an empty profile or update is a mistake). */
export function HasSomeField(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasSomeField',
      validator: {
        validate: (value: unknown) =>
          value === undefined || value === null || (typeof value === 'object' && Object.values(value).some((field) => field !== undefined && field !== null)),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must set at least one field`, options),
      },
    },
    options,
  );
}
