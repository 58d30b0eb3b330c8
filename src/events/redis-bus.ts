import type { Redis } from 'ioredis';
import { closeRedis, connectRedis } from '../redis.js';
import type { EventBus, EventListener } from './bus.js';
import type { AlignEvent } from './event.js';

const CHANNEL_PREFIX = 'align:events:';

/**
 * Replicas sharing REDIS_URL: events go through Redis pub/sub on `align:events:<tenant>` (never a
 * key in a channel name). Events carry personal data, so Redis must be private or reached over TLS.
 * One subscribing connection per replica, one channel per tenant with local subscribers.
 */
export class RedisEventBus implements EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.listeners.get(channel.slice(CHANNEL_PREFIX.length));
      if (listeners === undefined) return;
      for (const listener of listeners) listener(JSON.parse(message) as AlignEvent, message.length);
    });
  }

  /** `publisher` is shared with other users of the replica's command connection. */
  static async connect(url: URL, publisher: Redis): Promise<RedisEventBus> {
    return new RedisEventBus(publisher, await connectRedis(url));
  }

  async publish(tenant: string, event: AlignEvent): Promise<void> {
    await this.publisher.publish(CHANNEL_PREFIX + tenant, JSON.stringify(event));
  }

  async subscribe(tenant: string, listener: EventListener): Promise<() => void> {
    let listeners = this.listeners.get(tenant);
    if (listeners === undefined) {
      listeners = new Set();
      this.listeners.set(tenant, listeners);
      await this.subscriber.subscribe(CHANNEL_PREFIX + tenant);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.listeners.get(tenant) !== listeners) return;
      this.listeners.delete(tenant);
      this.subscriber.unsubscribe(CHANNEL_PREFIX + tenant).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await closeRedis(this.subscriber);
  }
}
