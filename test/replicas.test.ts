import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { CreateCustomerDocument } from './generated/graphql.js';
import { freePort, runMain, waitUntilReady, type RunningProcess } from './helpers/processes.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { EmulatorAdmin, postGraphQL, uniqueEmail } from './helpers/stack.js';

/** Two server processes (replicas) in front of one upstream: idempotency keys hold across both only with a shared Redis. */

const KEY = 'test-key-replicas-77aa';
const REQUESTS = 20;

let emulator: RunningEmulator;
let admin: EmulatorAdmin;
let redis: TestRedis;
beforeAll(async () => {
  emulator = await startEmulator();
  admin = new EmulatorAdmin(emulator.url);
  redis = await startRedis();
});
afterAll(async () => {
  await emulator.close();
  await redis.stop();
});

async function startReplicas(env: Record<string, string>): Promise<{ urls: string[]; replicas: RunningProcess[] }> {
  const ports = [await freePort(), await freePort()];
  const replicas = ports.map((port) =>
    runMain({ PORT: String(port), HOST: '127.0.0.1', ALIGN_API_URL: emulator.url, LOG_LEVEL: 'warn', ...env }),
  );
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all(urls.map((url) => waitUntilReady(url, Date.now() + 20_000)));
  return { urls, replicas };
}

async function stopReplicas(replicas: RunningProcess[]): Promise<void> {
  for (const replica of replicas) replica.child.kill('SIGTERM');
  await Promise.all(replicas.map((replica) => replica.exited));
}

async function sameKeyAcross(urls: string[], idempotencyKey: string) {
  // A slow upstream create keeps the first run in progress while the other 19 arrive on both replicas.
  await admin.addFault({ route: 'POST /v0/customers', kind: 'delay', delayMs: 300, times: 1 });
  const variables = { input: { individual: { email: uniqueEmail('replica'), firstName: 'Ada', lastName: 'Lovelace' } }, idempotencyKey };
  return Promise.all(
    Array.from({ length: REQUESTS }, (_, i) =>
      postGraphQL<{ createCustomer: { id: string } }>(urls[i % 2]!, CreateCustomerDocument, variables, { 'api-key': KEY }),
    ),
  );
}

describe('two replicas', () => {
  it('sharing one Redis: 20 concurrent requests with one key make exactly 1 upstream POST and 20 equal answers', async () => {
    await admin.reset();
    const { urls, replicas } = await startReplicas({ REDIS_URL: redis.url });
    try {
      const answers = await sameKeyAcross(urls, 'replica-shared-key');
      for (const { body } of answers) expect(body.errors).toBeUndefined();
      expect(new Set(answers.map(({ body }) => JSON.stringify(body.data))).size).toBe(1);
      expect(await admin.requestCount('POST /v0/customers')).toBe(1);
      expect(await admin.customersOf(KEY)).toHaveLength(1);
    } finally {
      await stopReplicas(replicas);
    }
  });

  it('with in-memory stores each replica sends its own POST (why REDIS_URL matters)', async () => {
    await admin.reset();
    const { urls, replicas } = await startReplicas({});
    try {
      const answers = await sameKeyAcross(urls, 'replica-memory-key');
      for (const { body } of answers) expect(body.errors).toBeUndefined();
      // The upstream's own key replay still prevents a duplicate customer, but it is asked twice.
      expect(await admin.requestCount('POST /v0/customers')).toBe(2);
      expect(await admin.customersOf(KEY)).toHaveLength(1);
    } finally {
      await stopReplicas(replicas);
    }
  });

  it('refuses to start when REDIS_URL cannot be reached, without printing the URL', async () => {
    const server = runMain({ PORT: String(await freePort()), REDIS_URL: `redis://:hunter2pw@127.0.0.1:${await freePort()}` });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Redis (REDIS_URL) is unreachable');
    expect(server.output()).not.toContain('hunter2pw');
  });
});
