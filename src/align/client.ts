import { randomUUID } from 'node:crypto';
import type { CustomerScope } from './customer-scope.js';
import type { Operation, PathIds, Send } from './operation.js';
import type { RetryPolicy } from './retry.js';
import type { AlignSession } from './session.js';
import type { AlignTransport } from './transport.js';

export interface CallOptions {
  /** The caller's key, sent upstream as `Idempotency-Key`. */
  readonly idempotencyKey?: string;
}

/**
 * The Align API as seen by one GraphQL request: every catalogue operation, called with this
 * request's credential, id and deadline. Everything about a call (route, query, body, retry class,
 * answer shape) comes from the operation's declaration; this adds only what is per request.
 */
export class AlignClient {
  constructor(
    private readonly transport: AlignTransport,
    readonly session: AlignSession,
    /** Server-key mode with an end user: what it may act on (customer-scope.ts). */
    readonly scope?: CustomerScope,
  ) {}

  /** Whose writes an idempotency key belongs to: the credential, and the end user when there is one. */
  get callerScope(): string {
    return this.scope === undefined ? this.session.apiKey : `${this.session.apiKey}\u0000${this.scope.endUser.subject}`;
  }

  get retryPolicy(): RetryPolicy {
    return this.transport.retryPolicy;
  }

  send<R extends string, I, T>(operation: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input: I, options: CallOptions = {}): Promise<T> {
    if (this.scope === undefined) return this.deliver(operation, ids, input, options.idempotencyKey);
    return this.scope.run(operation, ids, options.idempotencyKey, (key) => this.deliver(operation, ids, input, key));
  }

  private async deliver<R extends string, I, T>(operation: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input: I, callerKey: string | undefined): Promise<T> {
    // Class U: the docs require the header, so a call without the caller's key gets one of its own,
    // the same for every retry of this call.
    const idempotencyKey = callerKey ?? (operation.retry === 'U' ? randomUUID() : undefined);
    const result = await this.transport.send(this.session, operation, { ids, input, idempotencyKey });
    return operation.complete ? operation.complete(result, input) : result;
  }

  /** `send` without options, for a reconciliation's lookups. */
  readonly lookup: Send = (operation, ids, input) => this.send(operation, ids, input);
}
