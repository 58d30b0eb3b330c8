/**
 * Why an idempotent call could not run. Which public code each becomes is decided by the GraphQL
 * layer's error table, like every other error.
 */
export abstract class IdempotencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The same idempotency key came with different input. */
export class IdempotencyKeyReusedError extends IdempotencyError {
  constructor() {
    super('This idempotency key was already used with different input; use a new key.');
  }
}

/** Another request with the same key is still running and did not finish within this request's deadline. */
export class IdempotencyKeyInUseError extends IdempotencyError {
  constructor() {
    super('A request with this idempotency key is still in progress; retry with the same key later to get its result.');
  }
}

/** The store could not be asked; nothing was sent upstream, so retrying is safe. */
export class IdempotencyStoreUnavailableError extends IdempotencyError {
  constructor() {
    super('The idempotency store is unavailable; nothing was sent to Align. Retry later.');
  }
}

/** A write succeeded upstream, but who made it could not be recorded (see customer-ownership.ts). */
export class OwnershipNotRecordedError extends IdempotencyStoreUnavailableError {
  constructor() {
    super();
    this.message =
      'The customer was created, but the store could not record who created it. Retry with the same idempotencyKey to get it.';
  }
}
