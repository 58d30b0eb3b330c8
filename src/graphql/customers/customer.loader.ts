import DataLoader from 'dataloader';
import type { AlignCustomer, AlignKycs, CustomersClient } from '../../align/customers.js';
import { AlignNotFoundError } from '../../align/errors.js';
import { mapWithConcurrency } from '../../concurrency.js';

/**
 * Align has no batch read, so a batch of customer ids becomes one GET per distinct id, at most
 * CUSTOMER_FETCH_CONCURRENCY at a time for one request. The loader lives for one request and one
 * credential (it is created in the request's context), so nothing fetched with one key is ever
 * served to another.
 */
export const CUSTOMER_FETCH_CONCURRENCY = 8;

export class CustomerLoader {
  /** DataLoader's own cache, kept here so a KYC update can look at it without triggering a load. */
  private readonly cache = new Map<string, Promise<AlignCustomer | null>>();
  private readonly loader: DataLoader<string, AlignCustomer | null>;

  constructor(customers: CustomersClient) {
    const fetchOne = async (id: string): Promise<AlignCustomer | null | Error> => {
      try {
        return await customers.get(id);
      } catch (error) {
        if (error instanceof AlignNotFoundError) return null;
        return error instanceof Error ? error : new Error(String(error));
      }
    };
    this.loader = new DataLoader(
      // Most requests read one customer: that batch skips the concurrency pool.
      async (ids) => (ids.length === 1 ? [await fetchOne(ids[0]!)] : mapWithConcurrency(ids, CUSTOMER_FETCH_CONCURRENCY, fetchOne)),
      { cacheMap: this.cache, maxBatchSize: 1_000 },
    );
  }

  /** The customer, or null when the upstream does not know it (for this credential). */
  load(id: string): Promise<AlignCustomer | null> {
    return this.loader.load(id);
  }

  /** Records a customer this request just created, so reading it back costs no upstream call. */
  remember(customer: AlignCustomer): void {
    this.loader.clear(customer.customer_id).prime(customer.customer_id, customer);
  }

  /** A new KYC session changed the customer's `kycs`: keep a cached copy current instead of refetching. */
  async updateKycs(id: string, kycs: AlignKycs): Promise<void> {
    const cached = this.cache.get(id);
    if (cached === undefined) return;
    const customer = await cached.catch(() => null);
    if (customer) this.remember({ ...customer, kycs });
  }
}
