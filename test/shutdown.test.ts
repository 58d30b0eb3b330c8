import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { ListCustomersDocument } from './generated/graphql.js';
import { EmulatorAdmin, postGraphQL } from './helpers/stack.js';
import { freePort, runMain, waitUntilReady } from './helpers/processes.js';

/** SIGTERM while requests are in flight: every one is answered, /readyz says 503, the exit code is 0. */

const KEY = 'test-key-shutdown-3b9f';
const IN_FLIGHT = 50;

let emulator: RunningEmulator;
let admin: EmulatorAdmin;
beforeAll(async () => {
  emulator = await startEmulator();
  admin = new EmulatorAdmin(emulator.url);
});
afterAll(async () => {
  await emulator.close();
});

async function readyStatus(url: string): Promise<number | 'refused'> {
  try {
    return (await fetch(`${url}/readyz`)).status;
  } catch {
    return 'refused';
  }
}

describe('graceful shutdown (node dist/main.js)', () => {
  it.each([
    ['SHUTDOWN_DELAY_MS=300', '300'],
    ['the default SHUTDOWN_DELAY_MS=0', '0'],
  ])(`answers all ${IN_FLIGHT} in-flight requests with %s, then exits 0`, async (_name, shutdownDelayMs) => {
    await admin.reset();
    // Each upstream read takes 1 s, so all requests are still in flight when SIGTERM arrives.
    await admin.addFault({ route: 'GET /v0/customers', kind: 'delay', delayMs: 1_000 });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = runMain({
      PORT: String(port),
      HOST: '127.0.0.1',
      ALIGN_API_URL: emulator.url,
      SHUTDOWN_DELAY_MS: shutdownDelayMs,
      LOG_LEVEL: 'info',
    });
    try {
      await waitUntilReady(url, Date.now() + 20_000);
      const answers = Array.from({ length: IN_FLIGHT }, () =>
        postGraphQL<{ customers: unknown[] }>(url, ListCustomersDocument, {}, { 'api-key': KEY }),
      );
      const arrived = Date.now() + 10_000;
      while ((await admin.requestCount('GET /v0/customers')) < IN_FLIGHT && Date.now() < arrived) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await admin.requestCount('GET /v0/customers')).toBe(IN_FLIGHT);

      server.child.kill('SIGTERM');
      let ready = await readyStatus(url);
      for (const until = Date.now() + 2_000; ready === 200 && Date.now() < until; ready = await readyStatus(url)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // While the delay lasts a new connection still reaches /readyz, which says 503; with no
      // delay the listener is closed at once and a new connection is refused.
      expect(ready).toBe(shutdownDelayMs === '0' ? 'refused' : 503);

      const results = await Promise.all(answers);
      for (const { status, body } of results) {
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data?.customers).toEqual([]);
      }
      expect(results).toHaveLength(IN_FLIGHT);
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('shutting down');
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});
