import type { AlignClient } from '../align/client.js';
import {
  AlignBadResponseError,
  AlignConflictError,
  AlignOutcomeUnknownError,
  AlignWriteOutcomeUnknownError,
  type AlignError,
} from '../align/errors.js';
import type { Operation, PathIds } from '../align/operation.js';
import { sleep } from '../align/retry.js';
import type { Idempotency } from '../idempotency/idempotency.js';
import type { Loaders } from './loaders.js';

export interface WriteOptions {
  /** The caller's idempotency key: the write runs once per (credential, operation, key) for 24 h. */
  readonly idempotencyKey?: string;
}

/**
 * Every mutation's way upstream. A mutation only declares its operation (align/operations/); this
 * adds what every write needs:
 * - the caller's idempotency key: the write runs at most once per (credential, operation, key) for
 *   24 hours, repeats get its result, the same key with other input (path ids included) is a
 *   CONFLICT, and the key also goes upstream;
 * - the retry class (the transport repeats only what the class allows);
 * - reconciliation, where declared: a write whose answer was lost is looked for instead of guessed,
 *   and never sent twice;
 * - an outcome that stays unknown answers UPSTREAM_UNAVAILABLE with `outcomeUnknown: true`; for a
 *   class N write (not safe to repeat, nothing to reconcile with) the caller's key keeps that answer
 *   for 24 hours, so a repeat can never send the write a second time;
 * - the loaders brought up to date with what the write answered.
 */
export class WritePath {
  constructor(
    private readonly client: () => AlignClient,
    private readonly loaders: Loaders,
    private readonly idempotency: Idempotency,
  ) {}

  async run<R extends string, I, T>(operation: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input: I, options: WriteOptions = {}): Promise<T> {
    const client = this.client();
    const { idempotencyKey } = options;
    const execute = () => this.sendOrReconcile(client, operation, ids, input, idempotencyKey);
    if (idempotencyKey === undefined) return this.refreshed(operation, ids, input, await execute());
    const outcome = await this.idempotency.run<Outcome<T>>({
      apiKey: client.callerScope,
      operation: operation.key,
      key: idempotencyKey,
      input: ids.length === 0 ? input : { ids, input },
      waitUntil: client.session.deadlineAt,
      signal: client.session.deadline,
      execute: operation.retry === 'N' ? () => keepUnknownOutcome(execute) : async () => ({ result: await execute() }),
    });
    if ('unknownOutcome' in outcome) throw new AlignWriteOutcomeUnknownError(outcome.unknownOutcome);
    return this.refreshed(operation, ids, input, outcome.result);
  }

  private async refreshed<R extends string, I, T>(operation: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input: I, result: T): Promise<T> {
    await this.loaders.refresh(operation, ids, input, result);
    return result;
  }

  private async sendOrReconcile<R extends string, I, T>(
    client: AlignClient,
    operation: Operation<R, I, T>,
    ids: NoInfer<PathIds<R>>,
    input: I,
    idempotencyKey: string | undefined,
  ): Promise<T> {
    try {
      return await client.send(operation, ids, input, { idempotencyKey });
    } catch (error) {
      if (operation.reconcile === undefined) throw asWriteOutcome(error);
      if (error instanceof AlignOutcomeUnknownError) return this.reconcile(client, operation, input, error, true);
      // A 2xx whose body cannot be read: the write happened, only its answer was lost.
      if (error instanceof AlignBadResponseError && isSuccess(error.upstreamStatus)) {
        return this.reconcile(client, operation, input, error, false);
      }
      throw error;
    }
  }

  /**
   * Looks for what the write would have made. When nothing is there yet and the write may still be
   * landing, looks again with back-off until the request's deadline, then gives up with
   * UPSTREAM_UNAVAILABLE. A failed lookup answers with the write's own error.
   */
  private async reconcile<R extends string, I, T>(
    client: AlignClient,
    operation: Operation<R, I, T>,
    input: I,
    original: AlignError,
    mayStillLand: boolean,
  ): Promise<T> {
    const { session, retryPolicy } = client;
    for (let lookup = 1; ; lookup += 1) {
      let found;
      try {
        found = await operation.reconcile!(input, client.lookup);
      } catch {
        throw asWriteOutcome(original);
      }
      if (found.kind === 'found') return operation.complete ? operation.complete(found.value, input) : found.value;
      if (!mayStillLand) throw asWriteOutcome(original);
      if (found.kind === 'conflict') throw new AlignConflictError(found.message);
      const wait = lookup > retryPolicy.options.maxRetries ? undefined : retryPolicy.backoff(lookup);
      if (wait === undefined || Date.now() + wait >= session.deadlineAt) {
        throw new AlignWriteOutcomeUnknownError(found.message);
      }
      try {
        await sleep(wait, session.deadline);
      } catch {
        throw asWriteOutcome(original);
      }
    }
  }
}

/** What the idempotency record keeps: the result, or (class N) that the outcome is unknown. */
type Outcome<T> = { readonly result: T } | { readonly unknownOutcome: string };

async function keepUnknownOutcome<T>(execute: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { result: await execute() };
  } catch (error) {
    if (error instanceof AlignOutcomeUnknownError) return { unknownOutcome: error.message };
    throw error;
  }
}

/** A write's lost answer is an unknown outcome for the caller, not only a connection failure. */
function asWriteOutcome(error: unknown): unknown {
  return error instanceof AlignOutcomeUnknownError && !(error instanceof AlignWriteOutcomeUnknownError)
    ? new AlignWriteOutcomeUnknownError(error.message)
    : error;
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}
