import type { Redis } from 'ioredis';

/**
 * Which deliveries were already published (replay protection). A mark is set only if absent, so of
 * two replicas receiving the same delivery at once exactly one publishes it.
 */
export interface SeenMarks {
  /** True when the mark was set now; false when it was already there. */
  mark(key: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a mark, so a delivery that could not be published is accepted when it comes again. */
  unmark(key: string): Promise<void>;
  close(): Promise<void>;
}

/** One process: marks with their expiry, swept as new ones arrive. */
export class MemorySeenMarks implements SeenMarks {
  private readonly expiries = new Map<string, number>();

  async mark(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlSeconds * 1000);
    // Marks are kept in insertion order and all live equally long: expired ones are at the front.
    for (const [oldest, at] of this.expiries) {
      if (at > now) break;
      this.expiries.delete(oldest);
    }
    return true;
  }

  async unmark(key: string): Promise<void> {
    this.expiries.delete(key);
  }

  async close(): Promise<void> {
    this.expiries.clear();
  }
}

/** Replicas sharing REDIS_URL: `SET key 1 EX ttl NX`. */
export class RedisSeenMarks implements SeenMarks {
  constructor(private readonly redis: Redis) {}

  async mark(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(key, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async unmark(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async close(): Promise<void> {}
}
