import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { CustomerKycUpdatedDocument } from '../generated/graphql.js';
import { freePort, runMain, waitUntilReady, type RunningProcess } from '../helpers/processes.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { deliver, sign, subscribe, webhookBody } from '../helpers/subscriptions.js';

/** Two server processes sharing a real redis-server: a webhook received by one reaches subscribers on the other. */

const KEY_A = 'replica-webhook-key-alpha';
const KEY_B = 'replica-webhook-key-bravo';

let emulator: RunningEmulator;
let redis: TestRedis;
let replicas: RunningProcess[] = [];
let urls: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  redis = await startRedis();
  const ports = [await freePort(), await freePort()];
  replicas = ports.map((port) =>
    runMain({
      PORT: String(port),
      HOST: '127.0.0.1',
      ALIGN_API_URL: emulator.url,
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      ALIGN_WEBHOOK_KEYS: `${KEY_A},${KEY_B}`,
    }),
  );
  urls = ports.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all(urls.map((url) => waitUntilReady(url, Date.now() + 20_000)));
}, 40_000);

afterAll(async () => {
  for (const replica of replicas) replica.child.kill('SIGTERM');
  await Promise.all(replicas.map((replica) => replica.exited));
  await emulator.close();
  await redis.stop();
});

type KycEvent = { customerKycUpdated: { eventId: string; customerId: string } };

describe('two replicas sharing Redis', () => {
  it('a webhook received by replica A reaches a subscriber on replica B exactly once, even when delivered to both', async () => {
    const [a, b] = urls as [string, string];
    const onB = subscribe<KycEvent>(b, CustomerKycUpdatedDocument, {}, { 'Api-Key': KEY_A });
    const otherTenantOnA = subscribe<KycEvent>(a, CustomerKycUpdatedDocument, {}, { 'Api-Key': KEY_B });
    await Promise.all([onB.ready, otherTenantOnA.ready]);
    const body = webhookBody();
    expect((await deliver(a, body, sign(KEY_A, body))).body).toEqual({ status: 'published' });
    await onB.waitFor(1);
    // The same delivery again, at the other replica: the shared mark says it was seen.
    expect((await deliver(b, body, sign(KEY_A, body))).body).toEqual({ status: 'duplicate' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onB.results).toHaveLength(1);
    expect(onB.results[0]!.data!.customerKycUpdated.customerId).toBe('6a1f2b9c-0d3e-4f5a-8b7c-9d0e1f2a3b4c');
    // A subscriber with key B never sees key A's events, on either replica.
    expect(otherTenantOnA.results).toEqual([]);
    await Promise.all([onB.close(), otherTenantOnA.close()]);
  });

  it('answers 503 while Redis is gone, so Align delivers again', async () => {
    await redis.stop();
    const body = webhookBody();
    const answer = await deliver(urls[0]!, body, sign(KEY_A, body));
    expect(answer.status).toBe(503);
  });
});
