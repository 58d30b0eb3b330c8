import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { closeRedis, connectRedis } from '../redis.js';
import { RedisCustomerOwnership } from './customer-ownership.js';
import { claimResultOf, type ClaimResult, type IdempotencyStore, type StoredRecord } from './store.js';

/** Replaces the record only while `token` still holds the claim (the lease may have expired). */
const COMPLETE_IF_OWNER = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record.state ~= 'in-progress' or record.token ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

const RELEASE_IF_OWNER = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record.state ~= 'in-progress' or record.token ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

const KEY_PREFIX = 'align-graphql:idempotency:v1:';

/**
 * Records in Redis, shared by every replica pointing at the same REDIS_URL. The claim is one
 * `SET NX PX`, so exactly one replica wins it; completion and release are compare-and-set scripts,
 * so a run whose lease expired cannot overwrite the record of the run that took over.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private constructor(private readonly redis: Redis) {}

  /** Connects, and fails when Redis cannot be reached (the server then refuses to start). */
  static async connect(url: URL): Promise<RedisIdempotencyStore> {
    return new RedisIdempotencyStore(await connectRedis(url));
  }

  async claim(id: string, inputHash: string, leaseMs: number): Promise<ClaimResult> {
    const key = KEY_PREFIX + id;
    const token = randomUUID();
    const record: StoredRecord = { state: 'in-progress', inputHash, token };
    // Between a failed SET NX and the GET, the record can expire or be released: then claim again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if ((await this.redis.set(key, JSON.stringify(record), 'PX', leaseMs, 'NX')) === 'OK') {
        return { kind: 'claimed', token };
      }
      const current = await this.redis.get(key);
      if (current !== null) return claimResultOf(JSON.parse(current) as StoredRecord);
    }
    throw new Error('the idempotency record changed under every claim attempt');
  }

  async complete(id: string, token: string, inputHash: string, result: string, retentionMs: number): Promise<void> {
    const record: StoredRecord = { state: 'completed', inputHash, result };
    await this.redis.eval(COMPLETE_IF_OWNER, 1, KEY_PREFIX + id, token, JSON.stringify(record), retentionMs);
  }

  async release(id: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_OWNER, 1, KEY_PREFIX + id, token);
  }

  /** Ownership records of end users, on the same connection (customer-ownership.ts). */
  customerOwnership(): RedisCustomerOwnership {
    return new RedisCustomerOwnership(this.redis);
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
