import { Redis } from 'ioredis';

/**
 * One connection to REDIS_URL, made at start: a failure to connect stops the start (the caller
 * reports it) and never prints the URL, which can hold a password.
 */
export async function connectRedis(url: URL): Promise<Redis> {
  const redis = new Redis(url.toString(), {
    lazyConnect: true,
    // A command waits for a reconnect at most this long; then the request fails instead of hanging.
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 5_000,
  });
  // Without a listener ioredis reports connection errors on stderr with the URL (which can hold a password).
  let lastError: unknown;
  redis.on('error', (error: unknown) => (lastError = error));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const cause = (lastError ?? error) as { code?: string; message?: string };
    throw new Error(`Redis (REDIS_URL) is unreachable: ${cause.code ?? cause.message ?? 'connection failed'}`);
  }
  return redis;
}

/** Closes a connection politely, or at once when Redis is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
