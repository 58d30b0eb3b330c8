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

/** One API key's world: nothing in it is visible to another key. */
export class Tenant {
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
}

export class TenantStore {
  private readonly tenants = new Map<string, Tenant>();

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
