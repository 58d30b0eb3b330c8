import { EventHub } from './events.js';
import { FaultRegistry } from './faults.js';
import { TenantStore } from './store.js';
import { WebhookDeliverer } from './webhook-delivery.js';

/** What `POST /__emulator/settings` adjusts; `reset` restores the defaults. */
export interface EmulatorSettings {
  /** How long a quote can be used (docs/align-api.md §11: undocumented upstream; 15 minutes here). */
  quoteTtlMs: number;
}

export const DEFAULT_SETTINGS: Readonly<EmulatorSettings> = Object.freeze({ quoteTtlMs: 15 * 60 * 1000 });

/** Everything one emulator instance remembers; `reset()` forgets it all. */
export class EmulatorState {
  readonly tenants = new TenantStore();
  readonly faults = new FaultRegistry();
  readonly events = new EventHub();
  readonly settings: EmulatorSettings = { ...DEFAULT_SETTINGS };
  /** Signs and sends every event to the tenant's webhooks. */
  readonly webhooks = new WebhookDeliverer(this.tenants);
  /** Requests per route key, for matched upstream routes only. */
  readonly requests = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly production: boolean) {
    this.events.listen(this.webhooks.onEvent);
  }

  countRequest(routeKey: string): void {
    this.requests.set(routeKey, (this.requests.get(routeKey) ?? 0) + 1);
  }

  reset(): void {
    this.tenants.clear();
    this.faults.clear();
    this.requests.clear();
    this.webhooks.clear();
    Object.assign(this.settings, DEFAULT_SETTINGS);
  }

  /** A delay that close() cancels: a request still waiting when the emulator stops never resumes. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  cancelTimers(): void {
    this.webhooks.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
