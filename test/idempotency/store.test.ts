import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { MemoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import { RedisIdempotencyStore } from '../../src/idempotency/redis-store.js';
import type { IdempotencyStore } from '../../src/idempotency/store.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
const stores: Array<[string, () => IdempotencyStore]> = [];
let memory: MemoryIdempotencyStore;
let shared: RedisIdempotencyStore;
let sharedAgain: RedisIdempotencyStore;

beforeAll(async () => {
  redis = await startRedis();
  memory = new MemoryIdempotencyStore();
  shared = await RedisIdempotencyStore.connect(new URL(redis.url));
  sharedAgain = await RedisIdempotencyStore.connect(new URL(redis.url));
});
afterAll(async () => {
  await shared.close();
  await sharedAgain.close();
  await redis.stop();
});
stores.push(['memory', () => memory], ['redis', () => shared]);

describe.each(stores)('%s idempotency store', (_name, storeOf) => {
  it('gives exactly one of many concurrent claims', async () => {
    const id = randomUUID();
    const claims = await Promise.all(Array.from({ length: 20 }, () => storeOf().claim(id, 'hash-1', 10_000)));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(19);
    expect(claims.find((claim) => claim.kind === 'in-progress')).toEqual({ kind: 'in-progress', inputHash: 'hash-1' });
  });

  it('replays a completed result, and ignores completion by a run that does not hold the claim', async () => {
    const id = randomUUID();
    const claim = await storeOf().claim(id, 'hash-1', 10_000);
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await storeOf().complete(id, 'someone-else', 'hash-1', '"wrong"', 60_000);
    expect(await storeOf().claim(id, 'hash-1', 10_000)).toEqual({ kind: 'in-progress', inputHash: 'hash-1' });
    await storeOf().complete(id, claim.token, 'hash-1', '{"customer_id":"c1"}', 60_000);
    expect(await storeOf().claim(id, 'hash-2', 10_000)).toEqual({
      kind: 'completed',
      inputHash: 'hash-1',
      result: '{"customer_id":"c1"}',
    });
  });

  it('forgets a released claim so the key can run again', async () => {
    const id = randomUUID();
    const claim = await storeOf().claim(id, 'hash-1', 10_000);
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await storeOf().release(id, 'someone-else');
    expect((await storeOf().claim(id, 'hash-1', 10_000)).kind).toBe('in-progress');
    await storeOf().release(id, claim.token);
    expect((await storeOf().claim(id, 'hash-1', 10_000)).kind).toBe('claimed');
  });

  it('lets a claim lapse after its lease, and a result after its retention', async () => {
    const id = randomUUID();
    expect((await storeOf().claim(id, 'h', 50)).kind).toBe('claimed');
    await new Promise((resolve) => setTimeout(resolve, 80));
    const second = await storeOf().claim(id, 'h', 10_000);
    if (second.kind !== 'claimed') throw new Error('expected the lapsed claim to be taken over');
    await storeOf().complete(id, second.token, 'h', '1', 50);
    expect((await storeOf().claim(id, 'h', 10_000)).kind).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await storeOf().claim(id, 'h', 10_000)).kind).toBe('claimed');
  });
});

describe('redis idempotency store shared by two clients (two replicas)', () => {
  it('gives one claim across both and shows each the other one\'s result', async () => {
    const id = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? shared : sharedAgain).claim(id, 'h', 10_000)),
    );
    const winner = claims.findIndex((claim) => claim.kind === 'claimed');
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    const claim = claims[winner]!;
    if (claim.kind !== 'claimed') throw new Error('unreachable');
    await (winner % 2 === 0 ? shared : sharedAgain).complete(id, claim.token, 'h', '"done"', 60_000);
    expect(await (winner % 2 === 0 ? sharedAgain : shared).claim(id, 'h', 10_000)).toEqual({
      kind: 'completed',
      inputHash: 'h',
      result: '"done"',
    });
  });
});
