import { Arg } from 'type-graphql';
import { UserInputError } from '../errors.js';
import type { ArgDecorator } from './validate-arg.js';

/** The longest address RFC 5321 allows, as for `createCustomer`'s email. */
const EMAIL_MAX_LENGTH = 254;
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/**
 * `email: String` as a list filter. It travels upstream in the URL's query string, so a long value
 * would make the upstream refuse the request line (HTTP 431/414), answered as UPSTREAM_BAD_RESPONSE
 * although the caller's input was at fault: it is checked here instead.
 */
export function EmailFilterArg(): ArgDecorator {
  return Arg('email', () => String, {
    nullable: true,
    validateFn: (value: unknown) => {
      if (value == null) return;
      if (typeof value !== 'string' || value.length > EMAIL_MAX_LENGTH || CONTROL_CHARACTERS.test(value)) {
        throw new UserInputError('The email filter is not valid.', [
          { path: 'email', message: `email must be at most ${EMAIL_MAX_LENGTH} characters, without control characters` },
        ]);
      }
    },
  });
}
