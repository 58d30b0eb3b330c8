import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { Logger } from '../logger.js';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError, IdempotencyStoreUnavailableError } from './errors.js';
import { RecordSealing } from './sealed-records.js';
import type { IdempotencyStore } from './store.js';

export interface IdempotencyOptions {
  /** How long a completed result is replayed (24 h). */
  readonly retentionMs: number;
  /** How long a claim holds before another request may take over (longer than any run can last). */
  readonly leaseMs: number;
  /** How often a request waiting for another one's result looks again. */
  readonly pollMs: number;
  /** Seals results and fingerprints inputs (sealed-records.ts); default: without a server secret. */
  readonly sealing?: RecordSealing;
}

export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface IdempotentCall<T> {
  /** The credential scope the operation acts with: stored only as a SHA-256 fingerprint; it also derives the record's seal. */
  readonly apiKey: string;
  /** e.g. `createCustomer`: keys of different operations never meet. */
  readonly operation: string;
  readonly key: string;
  /** The normalized input; the same key with a different one is refused. */
  readonly input: unknown;
  /** A waiting request gives up at this time (epoch ms) or when `signal` aborts. */
  readonly waitUntil: number;
  readonly signal: AbortSignal;
  readonly execute: () => Promise<T>;
}

/**
 * Runs an operation at most once per (credential, operation, key) within the retention period,
 * and replays its result to every repeat with the same input.
 *
 * Concurrent repeats wait for the first run's result (until their own deadline, then CONFLICT
 * "still in progress"). When the run fails, the claim is released, not stored as a failure: a
 * definite upstream error (4xx) created nothing and the same request would get the same answer, and
 * an unknown outcome must not be remembered as a failure. A later retry with the key runs again
 * and sends the same Idempotency-Key upstream, so the upstream can still recognise it.
 */
export class Idempotency {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly options: IdempotencyOptions,
    private readonly logger: Logger,
  ) {}

  async run<T>(call: IdempotentCall<T>): Promise<T> {
    const id = `${sha256(call.apiKey)}:${call.operation}:${sha256(call.key)}`;
    const seal = (this.options.sealing ?? UNSALTED).forCall(call.apiKey, call.key);
    const inputHash = seal.fingerprint(canonicalJson(call.input));
    for (;;) {
      const claim = await this.ask(() => this.store.claim(id, inputHash, this.options.leaseMs));
      if (claim.kind !== 'claimed') {
        if (claim.inputHash !== inputHash) throw new IdempotencyKeyReusedError();
        if (claim.kind === 'completed') return JSON.parse(seal.open(id, claim.result)) as T;
        if (Date.now() + this.options.pollMs >= call.waitUntil || call.signal.aborted) throw new IdempotencyKeyInUseError();
        await delay(this.options.pollMs);
        continue;
      }
      let result: T;
      try {
        result = await call.execute();
      } catch (error) {
        await this.store.release(id, claim.token).catch((storeError: unknown) => this.warn('release', storeError));
        throw error;
      }
      // The work is done upstream: a store failure now must not turn success into an error. The
      // claim then expires with its lease, and a retry re-sends the same Idempotency-Key upstream.
      await this.store
        .complete(id, claim.token, inputHash, seal.seal(id, JSON.stringify(result)), this.options.retentionMs)
        .catch((storeError: unknown) => this.warn('complete', storeError));
      return result;
    }
  }

  private async ask<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      this.warn('claim', error);
      throw new IdempotencyStoreUnavailableError();
    }
  }

  private warn(step: string, error: unknown): void {
    this.logger.warn({ step, error: error instanceof Error ? error.message : String(error) }, 'idempotency store failed');
  }
}

const UNSALTED = new RecordSealing(undefined);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
