import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { MemoryAttributionIndex, RedisAttributionIndex, type AttributionIndex } from '../events/attribution.js';
import { MemoryEventBus, type EventBus } from '../events/bus.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { WebhookReceiver } from './receiver.js';
import { MemorySeenMarks, RedisSeenMarks, type SeenMarks } from './seen-marks.js';
import { WebhookKeys } from './webhook-keys.js';

/** Everything between Align's webhooks and the subscriptions, for one server process. */
export interface WebhookInfrastructure {
  readonly keys: WebhookKeys;
  readonly bus: EventBus;
  readonly attribution: AttributionIndex;
  readonly receiver: WebhookReceiver;
  close(): Promise<void>;
}

/**
 * With REDIS_URL, replicas share the replay marks, the attribution index and the fan-out (one command
 * connection plus one pub/sub connection); without it, all three live in this process.
 * Accepted keys: ALIGN_API_KEY, ALIGN_WEBHOOK_KEYS, and on the embedded emulator its demo key.
 */
export async function createWebhookInfrastructure(
  config: Config,
  demoKey: string | undefined,
  logger: Logger,
  metrics: Metrics,
): Promise<WebhookInfrastructure> {
  let redis: Redis | undefined;
  let marks: SeenMarks;
  let attribution: AttributionIndex;
  let bus: EventBus;
  let closeRedis: ((redis: Redis) => Promise<void>) | undefined;
  if (config.redisUrl) {
    // Loaded only with REDIS_URL: a process without Redis never loads its client.
    const [redisModule, { RedisEventBus }] = await Promise.all([import('../redis.js'), import('../events/redis-bus.js')]);
    closeRedis = redisModule.closeRedis;
    redis = await redisModule.connectRedis(config.redisUrl);
    marks = new RedisSeenMarks(redis);
    attribution = new RedisAttributionIndex(redis);
    bus = await RedisEventBus.connect(config.redisUrl, redis).catch(async (error: unknown) => {
      await redisModule.closeRedis(redis!);
      throw error;
    });
  } else {
    marks = new MemorySeenMarks();
    attribution = new MemoryAttributionIndex();
    bus = new MemoryEventBus();
  }
  const keys = new WebhookKeys([config.alignApiKey, ...config.webhookKeys, demoKey]);
  const receiver = new WebhookReceiver({
    keys,
    marks,
    bus,
    attribution,
    maxAgeSeconds: config.webhookMaxAgeSeconds,
    logger,
    onOutcome: (outcome) => metrics.recordWebhookDelivery(outcome),
  });
  return {
    keys,
    bus,
    attribution,
    receiver,
    async close() {
      await bus.close();
      await attribution.close();
      await marks.close();
      if (redis && closeRedis) await closeRedis(redis);
    },
  };
}
