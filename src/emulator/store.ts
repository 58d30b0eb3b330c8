import type { FinalResponse, JsonObject } from './http.js';

/**
 * A customer as stored: the raw upstream fields (snake_case). Customers made through
 * `POST /v0/customers` always carry the full documented shape; customers seeded through the admin
 * API may carry anything (unknown enum values, missing fields), and are served exactly as stored.
 */
export type StoredCustomer = JsonObject & { customer_id: string };

export interface IdempotencyRecord {
  /** What identifies "the same request": path and canonical body. */
  readonly fingerprint: string;
  /** The first answer; pending while the first request is still being handled. */
  readonly response: Promise<FinalResponse>;
}

/** The record kinds besides customers, as the admin `seed` route names them. */
export const COLLECTIONS = [
  'files',
  'external-accounts',
  'offramp-transfers',
  'onramp-transfers',
  'cross-chain-transfers',
  'virtual-accounts',
  'permanent-route-addresses',
  'webhooks',
  'offramp-quotes',
  'onramp-quotes',
  'cross-chain-quotes',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** A stored record: the raw upstream fields, and the customer whose path it lives under (if any). */
export interface StoredRecord {
  readonly customerId: string | null;
  readonly record: JsonObject;
}

/** An event as the upstream's webhooks describe it (docs/align-api.md §17). */
export interface EmulatorEvent {
  readonly event_type: string;
  readonly entity_id: string;
  readonly entity_type: string;
  readonly created_at: string;
  readonly entity_object?: JsonObject;
  readonly event_payload?: JsonObject;
}

/** One API key's world: nothing in it is visible to another key. */
export class Tenant {
  /** Collection -> lower-cased id -> record, in creation order. */
  private readonly records = new Map<Collection, Map<string, StoredRecord>>();
  /** Every event of this tenant, oldest first. */
  readonly events: EmulatorEvent[] = [];

  /** By lower-cased customer_id, in creation order. */
  private readonly customers = new Map<string, StoredCustomer>();
  /** Lower-cased email -> customer; emails are unique per tenant, compared case-insensitively. */
  private readonly byEmail = new Map<string, StoredCustomer>();
  /** `METHOD template` + '\n' + Idempotency-Key -> first answer. */
  readonly idempotency = new Map<string, IdempotencyRecord>();

  customer(customerId: string): StoredCustomer | undefined {
    return this.customers.get(customerId.toLowerCase());
  }

  customerByEmail(email: string): StoredCustomer | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  allCustomers(): StoredCustomer[] {
    return [...this.customers.values()];
  }

  /** The caller has checked that neither the id nor the email is taken. */
  addCustomer(customer: StoredCustomer): void {
    this.customers.set(customer.customer_id.toLowerCase(), customer);
    if (typeof customer.email === 'string') this.byEmail.set(customer.email.toLowerCase(), customer);
  }

  /** Stores a record under its id; a record of another customer's path is never found under this one. */
  add(collection: Collection, id: string, customerId: string | null, record: JsonObject): JsonObject {
    let records = this.records.get(collection);
    if (records === undefined) {
      records = new Map();
      this.records.set(collection, records);
    }
    records.set(id.toLowerCase(), { customerId: customerId?.toLowerCase() ?? null, record });
    return record;
  }

  /** The record, when it exists and (given a customer) lives under that customer's path. */
  find(collection: Collection, id: string, customerId?: string): JsonObject | undefined {
    const stored = this.records.get(collection)?.get(id.toLowerCase());
    if (stored === undefined) return undefined;
    if (customerId !== undefined && stored.customerId !== customerId.toLowerCase()) return undefined;
    return stored.record;
  }

  /** Records in creation order, all or one customer's. */
  list(collection: Collection, customerId?: string): JsonObject[] {
    const records = [...(this.records.get(collection)?.values() ?? [])];
    const wanted = customerId?.toLowerCase();
    return records.filter((stored) => wanted === undefined || stored.customerId === wanted).map((stored) => stored.record);
  }

  /** The customer a record lives under, or null (account-level records). */
  ownerOf(collection: Collection, id: string): string | null {
    return this.records.get(collection)?.get(id.toLowerCase())?.customerId ?? null;
  }

  remove(collection: Collection, id: string): boolean {
    return this.records.get(collection)?.delete(id.toLowerCase()) ?? false;
  }
}

export class TenantStore {
  private readonly tenants = new Map<string, Tenant>();

  /** Every tenant with its API key (the emulator signs webhooks with it, as the upstream does). */
  entries(): IterableIterator<[string, Tenant]> {
    return this.tenants.entries();
  }

  /** The tenant of an API key, created on first use. */
  get(apiKey: string): Tenant {
    let tenant = this.tenants.get(apiKey);
    if (tenant === undefined) {
      tenant = new Tenant();
      this.tenants.set(apiKey, tenant);
    }
    return tenant;
  }

  clear(): void {
    this.tenants.clear();
  }
}
