import { setMaxListeners } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { AlignFailFastError } from '../../src/align/errors.js';
import { FairInFlightLimit } from '../../src/align/fair-in-flight-limit.js';

const never = new AbortController().signal;
setMaxListeners(1_000, never); // shared by every waiter of these tests
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Starts `count` acquisitions for `tenant`; returns the releases granted so far and the pending ones. */
function flood(limit: FairInFlightLimit, tenant: string, count: number, signal = never) {
  const granted: Array<() => void> = [];
  const refused: unknown[] = [];
  const pending = Array.from({ length: count }, () =>
    limit.acquire(tenant, signal).then(
      (release) => void granted.push(release),
      (error: unknown) => void refused.push(error),
    ),
  );
  return { granted, refused, pending };
}

describe('FairInFlightLimit', () => {
  it('keeps headroom: a tenant alone takes at most limit - limit/8 slots, so a newcomer starts at once', async () => {
    const limit = new FairInFlightLimit(64, 640);
    const hog = flood(limit, 'C', 100);
    await tick();
    expect(hog.granted).toHaveLength(56);
    expect(limit.waiting).toBe(44);
    const release = await limit.acquire('A', never);
    expect(limit.inFlight).toBe(57);
    release();
  });

  it('hands freed slots round-robin to tenants below their share (max(1, floor(limit / tenants)))', async () => {
    const limit = new FairInFlightLimit(4, 100);
    const c = flood(limit, 'C', 10);
    await tick();
    expect(c.granted).toHaveLength(3); // 4 - max(1, floor(4/8)) = 3
    const a = flood(limit, 'A', 10);
    await tick();
    expect(a.granted).toHaveLength(1); // the free slot
    // Two tenants: share 2 each. C holds 3, so freed slots go to A until A holds 2.
    c.granted.shift()!();
    await tick();
    expect(a.granted).toHaveLength(2);
    expect(c.granted).toHaveLength(2);
    c.granted.shift()!();
    await tick();
    expect(c.granted).toHaveLength(2); // C is below its share again: its turn
    expect(limit.inFlight).toBe(4);
  });

  it('a full waiting line pushes out the newest call of the tenant holding more than its share of it', async () => {
    const limit = new FairInFlightLimit(1, 4);
    const c = flood(limit, 'C', 6);
    await tick();
    expect(c.granted).toHaveLength(1);
    expect(c.refused).toHaveLength(1); // 1 running, 4 waiting, 1 refused
    const a = flood(limit, 'A', 1);
    await tick();
    expect(c.refused).toHaveLength(2);
    expect(c.refused[1]).toBeInstanceOf(AlignFailFastError);
    expect(limit.waiting).toBe(4);
    // Round-robin by tenant: C's turn (it queued first), then A's, ahead of C's other waiters.
    c.granted[0]!();
    await tick();
    expect(c.granted).toHaveLength(2);
    c.granted[1]!();
    await tick();
    expect(a.granted).toHaveLength(1);
    expect(c.granted).toHaveLength(2);
  });

  it('refuses a tenant at once when the line is full of its own calls, and drops a waiter whose deadline passes', async () => {
    const limit = new FairInFlightLimit(1, 1);
    const held = await limit.acquire('C', never);
    const controller = new AbortController();
    const waiting = limit.acquire('C', controller.signal);
    await expect(limit.acquire('C', never)).rejects.toThrow(/too many calls waiting/);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    held();
    held(); // a second release of the same slot changes nothing
    expect(limit.inFlight).toBe(0);
    (await limit.acquire('A', never))();
    expect(limit.inFlight).toBe(0);
  });
});
