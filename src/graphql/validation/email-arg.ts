import { CheckedArg } from './checked-arg.js';
import { EMAIL_MAX_LENGTH, isEmailAddress } from './rules.js';
import type { ArgDecorator } from './validate-arg.js';

/** An optional email filter: a valid address, or the upstream could only answer "no match". */
export function EmailFilterArg(name: string, description?: string): ArgDecorator {
  return CheckedArg(
    name,
    () => String,
    (value) =>
      typeof value === 'string' && value.length <= EMAIL_MAX_LENGTH && isEmailAddress(value)
        ? undefined
        : `${name} must be a valid email address`,
    { nullable: true, description },
  );
}
