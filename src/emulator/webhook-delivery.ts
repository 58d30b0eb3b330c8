import { createHmac } from 'node:crypto';
import type { EmulatorEvent, TenantStore } from './store.js';

/**
 * Signed webhook deliveries (docs/align-api.md §17): each event goes, as JSON, to every active
 * webhook of its tenant, with `x-hmac-signature` = hex HMAC-SHA256 of the raw body keyed with the
 * tenant's API key. A delivery that fails (no answer, or not 2xx) is sent again at most twice (the
 * upstream's retries are undocumented; this is the emulator's choice). Deliveries go only to loopback
 * addresses: the emulator never sends anything off the machine; others are recorded as `skipped`.
 */

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

export interface DeliveryRecord {
  readonly url: string;
  readonly event_type: string;
  status: DeliveryStatus;
  attempts: number;
}

export const MAX_DELIVERY_ATTEMPTS = 3;
/** Waits before the second and third attempt. */
const REDELIVERY_DELAYS_MS = [200, 1_000];
const ATTEMPT_TIMEOUT_MS = 5_000;
/** The admin list keeps the most recent deliveries only. */
const KEPT_DELIVERIES = 1_000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export class WebhookDeliverer {
  private records: DeliveryRecord[] = [];
  private readonly inFlight = new Set<AbortController>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly tenants: TenantStore) {}

  /** The EventHub listener: one delivery per active webhook of the event's tenant. */
  readonly onEvent = (apiKey: string, event: EmulatorEvent): void => {
    const webhooks = this.tenants.get(apiKey).list('webhooks');
    if (webhooks.length === 0) return;
    const body = JSON.stringify(event);
    const signature = createHmac('sha256', apiKey).update(body).digest('hex');
    for (const webhook of webhooks) {
      if (webhook.status !== 'active' || typeof webhook.url !== 'string') continue;
      const record: DeliveryRecord = { url: webhook.url, event_type: event.event_type, status: 'pending', attempts: 0 };
      this.keep(record);
      if (!isLoopback(webhook.url)) record.status = 'skipped';
      else void this.deliver(record, body, signature);
    }
  };

  list(): readonly DeliveryRecord[] {
    return this.records;
  }

  /** Forgets the records (admin reset); deliveries under way finish on their own. */
  clear(): void {
    this.records = [];
  }

  /** Stops every attempt and pending redelivery (the emulator is closing). */
  stop(): void {
    this.stopping = true;
    for (const controller of this.inFlight) controller.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async deliver(record: DeliveryRecord, body: string, signature: string): Promise<void> {
    record.attempts += 1;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    let delivered = false;
    try {
      const response = await fetch(record.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hmac-signature': signature },
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      delivered = response.ok;
    } catch {
      delivered = false;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (delivered) {
      record.status = 'delivered';
      return;
    }
    const delay = REDELIVERY_DELAYS_MS[record.attempts - 1];
    if (delay === undefined || this.stopping) {
      record.status = 'failed';
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.deliver(record, body, signature);
    }, delay);
    this.timers.add(timer);
  }

  private keep(record: DeliveryRecord): void {
    this.records.push(record);
    if (this.records.length > KEPT_DELIVERIES) this.records.splice(0, this.records.length - KEPT_DELIVERIES);
  }
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}
