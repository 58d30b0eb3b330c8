/**
 * Where idempotency records live: in memory for one process, or Redis so that replicas share them.
 * A record is claimed (in progress, with a lease) by the one request that runs the operation, then
 * either completed with its result (kept for the retention period) or released (forgotten).
 */
export interface IdempotencyStore {
  /**
   * Claims `id` for a new run when no record exists; otherwise reports the record. Atomic: of any
   * number of concurrent claims (in any process sharing the store) exactly one gets `claimed`.
   */
  claim(id: string, inputHash: string, leaseMs: number): Promise<ClaimResult>;
  /** Stores the result of the run that holds `token`; a no-op when the claim was lost (lease expired). */
  complete(id: string, token: string, inputHash: string, result: string, retentionMs: number): Promise<void>;
  /** Forgets the record of the run that holds `token`, so the key can be used again. */
  release(id: string, token: string): Promise<void>;
  close(): Promise<void>;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly token: string }
  | { readonly kind: 'in-progress'; readonly inputHash: string }
  | { readonly kind: 'completed'; readonly inputHash: string; readonly result: string };

/** The stored form of a record (JSON), the same in every store. */
export type StoredRecord =
  | { readonly state: 'in-progress'; readonly inputHash: string; readonly token: string }
  | { readonly state: 'completed'; readonly inputHash: string; readonly result: string };

export function claimResultOf(record: StoredRecord): ClaimResult {
  return record.state === 'completed'
    ? { kind: 'completed', inputHash: record.inputHash, result: record.result }
    : { kind: 'in-progress', inputHash: record.inputHash };
}
