import { CheckedArg } from './checked-arg.js';
import type { ArgDecorator } from './validate-arg.js';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]+$/;

/** `idempotencyKey: String`: 1-255 visible ASCII characters, as it travels in an HTTP header. */
export function IdempotencyKeyArg(): ArgDecorator {
  return CheckedArg(
    'idempotencyKey',
    () => String,
    (value) =>
      typeof value === 'string' && value.length <= IDEMPOTENCY_KEY_MAX_LENGTH && IDEMPOTENCY_KEY_PATTERN.test(value)
        ? undefined
        : `idempotencyKey must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`,
    {
      nullable: true,
      description: 'Makes the call safe to retry: the same key with the same input returns the first result.',
    },
  );
}
