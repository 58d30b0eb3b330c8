import type { JsonObject } from './http.js';
import type { EmulatorEvent, Tenant } from './store.js';

/** Who hears about events: webhook delivery, and anything else that wants them. */
export type EventListener = (apiKey: string, event: EmulatorEvent) => void;

/**
 * The emulator's event hook: a handler that changes an object's state emits the event the upstream
 * would send as a webhook (docs/align-api.md §17). Events are kept per tenant (admin `GET events`)
 * and passed to every listener.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(apiKey: string, tenant: Tenant, event: Omit<EmulatorEvent, 'created_at'> & { created_at?: string }): EmulatorEvent {
    const stamped: EmulatorEvent = { ...event, created_at: event.created_at ?? new Date().toISOString() };
    tenant.events.push(stamped);
    for (const listener of this.listeners) listener(apiKey, stamped);
    return stamped;
  }
}

/** A bound emitter for one request's tenant, as handlers get it. */
export type Emit = (event: Omit<EmulatorEvent, 'created_at'> & { entity_object?: JsonObject }) => EmulatorEvent;
