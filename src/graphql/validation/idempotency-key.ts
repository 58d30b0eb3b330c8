import { Arg } from 'type-graphql';
import { UserInputError } from '../errors.js';
import type { ArgDecorator } from './validate-arg.js';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]+$/;

/** `idempotencyKey: String`: 1-255 visible ASCII characters, as it travels in an HTTP header. */
export function IdempotencyKeyArg(): ArgDecorator {
  return Arg('idempotencyKey', () => String, {
    nullable: true,
    description: 'Makes the call safe to retry: the same key with the same input returns the first result.',
    validateFn: (value: unknown) => {
      if (value == null) return;
      if (typeof value !== 'string' || value.length > IDEMPOTENCY_KEY_MAX_LENGTH || !IDEMPOTENCY_KEY_PATTERN.test(value)) {
        throw new UserInputError('The idempotency key is not valid.', [
          {
            path: 'idempotencyKey',
            message: `idempotencyKey must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`,
          },
        ]);
      }
    },
  });
}
