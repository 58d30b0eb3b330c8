import { randomUUID } from 'node:crypto';
import { claimResultOf, type ClaimResult, type IdempotencyStore, type StoredRecord } from './store.js';

const SWEEP_INTERVAL_MS = 60_000;

/** Records in this process only: right for one replica; use Redis (REDIS_URL) for several. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: StoredRecord; expiresAt: number }>();
  private lastSweep = Date.now();

  constructor(private readonly now: () => number = Date.now) {}

  async claim(id: string, inputHash: string, leaseMs: number): Promise<ClaimResult> {
    this.sweep();
    const existing = this.live(id);
    if (existing) return claimResultOf(existing);
    const token = randomUUID();
    this.records.set(id, { record: { state: 'in-progress', inputHash, token }, expiresAt: this.now() + leaseMs });
    return { kind: 'claimed', token };
  }

  async complete(id: string, token: string, inputHash: string, result: string, retentionMs: number): Promise<void> {
    const existing = this.live(id);
    if (existing?.state !== 'in-progress' || existing.token !== token) return;
    this.records.set(id, {
      record: { state: 'completed', inputHash, result },
      expiresAt: this.now() + retentionMs,
    });
  }

  async release(id: string, token: string): Promise<void> {
    const existing = this.live(id);
    if (existing?.state === 'in-progress' && existing.token === token) this.records.delete(id);
  }

  async close(): Promise<void> {
    this.records.clear();
  }

  private live(id: string): StoredRecord | undefined {
    const entry = this.records.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry.record;
    this.records.delete(id);
    return undefined;
  }

  /** Expired records are dropped on access; this drops the ones never asked for again. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [id, entry] of this.records) if (entry.expiresAt <= now) this.records.delete(id);
  }
}
