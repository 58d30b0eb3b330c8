import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AlignClient } from '../../src/align/client.js';
import { AlignWriteOutcomeUnknownError } from '../../src/align/errors.js';
import { defineOperation } from '../../src/align/operation.js';
import { createAlignTransport } from '../../src/align/transport.js';
import { createAlignSession } from '../../src/align/session.js';
import { loadConfig } from '../../src/config.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { publicCodeOf } from '../../src/graphql/errors.js';
import { Loaders } from '../../src/graphql/loaders.js';
import { WritePath } from '../../src/graphql/write-path.js';
import { DEFAULT_RETENTION_MS, Idempotency } from '../../src/idempotency/idempotency.js';
import { MemoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import { createLogger } from '../../src/logger.js';
import { EmulatorAdmin } from '../helpers/stack.js';

/** The write path against a real emulator, with operations declared here for the classes under test. */

const KEY = 'write-path-key-5e20';
const logger = createLogger('silent', { write: () => undefined });
const config = loadConfig({ ALIGN_RETRY_BASE_DELAY_MS: '10', ALIGN_RETRY_MAX_DELAY_MS: '20' });
const kycsAnswer = (answer: unknown) => answer;
/** A KYC session start declared as class N: not safe to repeat, nothing to reconcile with. */
const notSafe = defineOperation({ method: 'POST', route: '/v0/customers/:customer_id/kycs', retry: 'N', body: () => ({}), parse: kycsAnswer });
const once = defineOperation({ method: 'POST', route: '/v0/customers/:customer_id/kycs', retry: 'once', body: () => ({}), parse: kycsAnswer });

let emulator: RunningEmulator;
let admin: EmulatorAdmin;
const store = new MemoryIdempotencyStore();
const idempotency = new Idempotency(store, { retentionMs: DEFAULT_RETENTION_MS, leaseMs: 5_000, pollMs: 5 }, logger);
let customerId: string;

beforeAll(async () => {
  emulator = await startEmulator();
  admin = new EmulatorAdmin(emulator.url);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await admin.reset();
  const seeded = await admin.seedCustomer(KEY, { email: `${randomUUID()}@example.com`, type: 'individual', first_name: 'W', last_name: 'P' });
  customerId = seeded.customer_id as string;
});

function writePath(baseUrl = emulator.url): { writes: WritePath; client: AlignClient } {
  const client = new AlignClient(createAlignTransport(config, new URL(baseUrl), logger), createAlignSession(KEY, randomUUID(), 5_000));
  return { writes: new WritePath(() => client, new Loaders(() => client), idempotency), client };
}

describe('a class N write whose outcome is unknown', () => {
  it('keeps the unknown outcome under the caller key: the repeat answers the same error with no call', async () => {
    await admin.addFault({ route: 'POST /v0/customers/:customer_id/kycs', kind: 'reset-after-commit', times: 1 });
    const key = `n-${randomUUID()}`;
    const first = await writePath().writes.run(notSafe, [customerId], undefined, { idempotencyKey: key }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(AlignWriteOutcomeUnknownError);
    expect(publicCodeOf(first)).toBe('UPSTREAM_UNAVAILABLE');
    expect(await admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(1);

    const repeat = await writePath().writes.run(notSafe, [customerId], undefined, { idempotencyKey: key }).catch((error: unknown) => error);
    expect(repeat).toBeInstanceOf(AlignWriteOutcomeUnknownError);
    expect((repeat as Error).message).toBe((first as Error).message);
    expect(await admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(1);
  });

  it('releases the key after a definite failure, so a repeat runs again', async () => {
    await admin.addFault({ route: 'POST /v0/customers/:customer_id/kycs', kind: 'status', status: 400, times: 1 });
    const key = `n-${randomUUID()}`;
    await expect(writePath().writes.run(notSafe, [customerId], undefined, { idempotencyKey: key })).rejects.toThrow();
    await expect(writePath().writes.run(notSafe, [customerId], undefined, { idempotencyKey: key })).resolves.toBeDefined();
    expect(await admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(2);
  });
});

describe('writes the upstream provably did not act on', () => {
  it('are sent again when the connection is refused, even a class once write', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const { writes, client } = writePath(`http://127.0.0.1:${closed}`);
    const error = await writes.run(once, [customerId], undefined).catch((failure: unknown) => failure);
    expect(publicCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(error).not.toBeInstanceOf(AlignWriteOutcomeUnknownError);
    expect(client.session.usage.calls).toBe(3);
  });

  it('are sent again after a 429 with a short Retry-After', async () => {
    await admin.addFault({ route: 'POST /v0/customers/:customer_id/kycs', kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    await expect(writePath().writes.run(once, [customerId], undefined)).resolves.toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(await admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(2);
  });

  it('but not after a 503, which the upstream may have acted on', async () => {
    await admin.addFault({ route: 'POST /v0/customers/:customer_id/kycs', kind: 'status', status: 503, times: 1 });
    await expect(writePath().writes.run(once, [customerId], undefined)).rejects.toThrow();
    expect(await admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(1);
  });
});
