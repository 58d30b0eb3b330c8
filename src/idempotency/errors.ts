import { ErrorCode, PublicError } from '../graphql/errors.js';

/** The same idempotency key came with different input (CONTRACT §4: CONFLICT). */
export class IdempotencyKeyReusedError extends PublicError {
  constructor() {
    super(ErrorCode.CONFLICT, 'This idempotency key was already used with different input; use a new key.');
  }
}

/** Another request with the same key is still running and did not finish within this request's deadline. */
export class IdempotencyKeyInUseError extends PublicError {
  constructor() {
    super(
      ErrorCode.CONFLICT,
      'A request with this idempotency key is still in progress; retry with the same key later to get its result.',
    );
  }
}

/** The store could not be asked; nothing was sent upstream, so retrying is safe. */
export class IdempotencyStoreUnavailableError extends PublicError {
  constructor() {
    super(ErrorCode.UPSTREAM_UNAVAILABLE, 'The idempotency store is unavailable; nothing was sent to Align. Retry later.');
  }
}
