import type { Redis } from 'ioredis';
import { IdempotencyStoreUnavailableError, OwnershipNotRecordedError } from './errors.js';

/**
 * Which customers each end user (JWT subject, by its hashed name) created through this server, for
 * entitlement in server-key mode (src/align/customer-scope.ts). Kept next to the idempotency
 * records: in memory for one process, or in Redis (one set per subject, no expiry: a customer
 * stays its creator's) so that every replica agrees. Only subject hashes and customer ids are
 * stored, no personal data.
 */
export interface CustomerOwnershipStore {
  owns(subject: string, customerIds: readonly string[]): Promise<boolean[]>;
  record(subject: string, customerId: string): Promise<void>;
}

export class MemoryCustomerOwnership implements CustomerOwnershipStore {
  private readonly owned = new Map<string, Set<string>>();

  async owns(subject: string, customerIds: readonly string[]): Promise<boolean[]> {
    const mine = this.owned.get(subject);
    return customerIds.map((id) => mine?.has(id) ?? false);
  }

  async record(subject: string, customerId: string): Promise<void> {
    let mine = this.owned.get(subject);
    if (mine === undefined) this.owned.set(subject, (mine = new Set()));
    mine.add(customerId);
  }
}

const KEY_PREFIX = 'align-graphql:owned-customers:v1:';

export class RedisCustomerOwnership implements CustomerOwnershipStore {
  constructor(private readonly redis: Redis) {}

  async owns(subject: string, customerIds: readonly string[]): Promise<boolean[]> {
    try {
      const answers = await this.redis.smismember(KEY_PREFIX + subject, ...customerIds);
      return answers.map((answer) => answer === 1);
    } catch {
      throw new IdempotencyStoreUnavailableError();
    }
  }

  async record(subject: string, customerId: string): Promise<void> {
    try {
      await this.redis.sadd(KEY_PREFIX + subject, customerId);
    } catch {
      throw new OwnershipNotRecordedError();
    }
  }
}
