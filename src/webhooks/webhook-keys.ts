import { createHmac, timingSafeEqual } from 'node:crypto';
import { tenantOf } from '../events/tenants.js';

const SIGNATURE = /^[0-9a-fA-F]{64}$/;

/**
 * The keys whose webhooks this server accepts (docs/align-api.md §17): Align signs each delivery
 * with the tenant's API key, so only keys the server holds can be checked. The key that matches
 * names the tenant. Keys stay in this object; only their tenant names leave it.
 */
export class WebhookKeys {
  private readonly keys: ReadonlyArray<{ readonly key: Buffer; readonly tenant: string }>;
  /** Tenants whose events can arrive: a subscriber of any other tenant would wait forever. */
  readonly tenants: ReadonlySet<string>;

  constructor(keys: Iterable<string | undefined>) {
    const unique = [...new Set([...keys].filter((key): key is string => key !== undefined && key !== ''))];
    this.keys = unique.map((key) => ({ key: Buffer.from(key, 'utf8'), tenant: tenantOf(key) }));
    this.tenants = new Set(this.keys.map((entry) => entry.tenant));
  }

  get empty(): boolean {
    return this.keys.length === 0;
  }

  /**
   * The tenant whose key signed `body`, or undefined. Every key is tried, each compared in constant
   * time, so the answer's timing says nothing about which key (or which byte) came close.
   */
  verify(body: Buffer, signature: string | undefined): string | undefined {
    if (signature === undefined || !SIGNATURE.test(signature)) return undefined;
    const presented = Buffer.from(signature.toLowerCase(), 'hex');
    let tenant: string | undefined;
    for (const entry of this.keys) {
      const expected = createHmac('sha256', entry.key).update(body).digest();
      if (timingSafeEqual(expected, presented) && tenant === undefined) tenant = entry.tenant;
    }
    return tenant;
  }
}
