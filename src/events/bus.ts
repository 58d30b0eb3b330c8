import { EventEmitter } from 'node:events';
import type { AlignEvent } from './event.js';

/** `size`: the event's length as JSON, what a subscriber's backlog is measured in. */
export type EventListener = (event: AlignEvent, size: number) => void;

/**
 * Events of one tenant, from the replica whose receiver verified them to every subscriber of that
 * tenant on any replica. Delivery is at most once and unordered: a subscriber that was not connected
 * when an event passed never sees it (clients re-read after reconnecting).
 */
export interface EventBus {
  /** Resolves once the event is handed on; rejects when it could not be (the webhook answers 503). */
  publish(tenant: string, event: AlignEvent): Promise<void>;
  /** Listens to one tenant's events until the returned function is called. */
  subscribe(tenant: string, listener: EventListener): Promise<() => void>;
  close(): Promise<void>;
}

/** One process: an in-memory emitter. */
export class MemoryEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(tenant: string, event: AlignEvent): Promise<void> {
    // Each listener gets its own copy, as it would from Redis: no subscriber can change another's event.
    const text = JSON.stringify(event);
    for (const listener of this.emitter.listeners(tenant) as EventListener[]) listener(JSON.parse(text) as AlignEvent, text.length);
  }

  async subscribe(tenant: string, listener: EventListener): Promise<() => void> {
    this.emitter.on(tenant, listener);
    return () => this.emitter.off(tenant, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
