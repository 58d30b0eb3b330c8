import type { Redis } from 'ioredis';
import type { AnyOperation } from '../align/operation.js';
import { tenantOf } from './tenants.js';

/**
 * Transfer and virtual-account webhooks name no customer, yet every read route needs one
 * (docs/align-api.md §17). So the server remembers, per tenant, which customer each such object
 * belongs to, whenever one passes through it (a read, a list item, a write's answer).
 */
export interface AttributionIndex {
  remember(tenant: string, kind: string, id: string, customerId: string): Promise<void>;
  customerOf(tenant: string, kind: string, id: string): Promise<string | null>;
  close(): Promise<void>;
}

/** The entity kinds webhooks name, as their `entity_type` spells them; other objects are not indexed. */
export const ATTRIBUTED_KINDS: ReadonlySet<string> = new Set([
  'onramp_transfer',
  'offramp_transfer',
  'cross_chain_transfer',
  'virtual_account',
  'permanent_route_address',
]);

/** `/v0/customers/:customer_id/<kind>/:<id>`: a read of one object under a customer's path. */
const CUSTOMER_OBJECT_ROUTE = /^\/v0\/customers\/:customer_id\/([a-z-]+)\/:[a-z_]+$/;

/**
 * What a read by id says about attribution, from its route alone: `GET …/onramp-transfer/:transfer_id`
 * with ids `[customerId, id]` is (onramp_transfer, id) -> customerId. Groups need no code of their own.
 */
export function attributionOfRead(operation: AnyOperation, ids: readonly string[]): { kind: string; id: string; customerId: string } | undefined {
  const match = CUSTOMER_OBJECT_ROUTE.exec(operation.route);
  if (match === null || ids.length !== 2) return undefined;
  const kind = match[1]!.replaceAll('-', '_');
  return ATTRIBUTED_KINDS.has(kind) ? { kind, id: ids[1]!.toLowerCase(), customerId: ids[0]!.toLowerCase() } : undefined;
}

/**
 * The hook the request context gives its loaders: every object read or primed is remembered in the
 * background (a failure to remember only makes a later event unattributed, never fails the read).
 */
export function rememberReads(index: AttributionIndex, apiKey: string): (operation: AnyOperation, ids: readonly string[]) => void {
  let tenant: string | undefined;
  return (operation, ids) => {
    const found = attributionOfRead(operation, ids);
    if (found === undefined) return;
    tenant ??= tenantOf(apiKey);
    index.remember(tenant, found.kind, found.id, found.customerId).catch(() => undefined);
  };
}

export const ATTRIBUTION_MEMORY_ENTRIES = 100_000;
/** Transfers can settle days after they are made; a quarter covers every documented flow. */
export const ATTRIBUTION_TTL_SECONDS = 90 * 24 * 3600;

/** One process: the most recently seen ATTRIBUTION_MEMORY_ENTRIES objects (a Map keeps insertion order). */
export class MemoryAttributionIndex implements AttributionIndex {
  private readonly entries = new Map<string, string>();

  constructor(private readonly limit = ATTRIBUTION_MEMORY_ENTRIES) {}

  async remember(tenant: string, kind: string, id: string, customerId: string): Promise<void> {
    const key = `${tenant}:${kind}:${id.toLowerCase()}`;
    this.entries.delete(key);
    this.entries.set(key, customerId);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  async customerOf(tenant: string, kind: string, id: string): Promise<string | null> {
    return this.entries.get(`${tenant}:${kind}:${id.toLowerCase()}`) ?? null;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * Replicas sharing REDIS_URL: `align:attribution:<tenant>:<kind>:<id>` with a 90-day expiry. A small
 * local memory of what was just written saves the same SET on every read of a popular object.
 */
export class RedisAttributionIndex implements AttributionIndex {
  private readonly recent = new MemoryAttributionIndex(10_000);

  constructor(private readonly redis: Redis) {}

  async remember(tenant: string, kind: string, id: string, customerId: string): Promise<void> {
    if ((await this.recent.customerOf(tenant, kind, id)) === customerId) return;
    await this.redis.set(redisKey(tenant, kind, id), customerId, 'EX', ATTRIBUTION_TTL_SECONDS);
    await this.recent.remember(tenant, kind, id, customerId);
  }

  async customerOf(tenant: string, kind: string, id: string): Promise<string | null> {
    return this.redis.get(redisKey(tenant, kind, id));
  }

  async close(): Promise<void> {
    await this.recent.close();
  }
}

function redisKey(tenant: string, kind: string, id: string): string {
  return `align:attribution:${tenant}:${kind}:${id.toLowerCase()}`;
}
