import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { CreateCustomerDocument, GetCustomerDocument } from '../generated/graphql.js';
import { EmulatorAdmin, postGraphQL, uniqueEmail } from '../helpers/stack.js';
import { forward, startUpstreamDouble, type UpstreamDouble } from '../helpers/upstream-double.js';

/**
 * An upstream that fails or hangs for one credential (C) only, in front of the emulator: the other
 * tenant (A) is neither failed fast by C's open circuit nor kept waiting behind C's calls.
 */

const A = 'test-key-tenant-a';
const C = 'test-key-tenant-c';
/** Another key failing the same way: C's circuit is still open from the first test. */
const C2 = 'test-key-tenant-c-2';

let emulator: RunningEmulator;
let upstream: UpstreamDouble;
let server: RunningServer;
let faultForC: 'none' | 'fail' | 'hang' = 'none';
const hung = new Set<ServerResponse>();

beforeAll(async () => {
  emulator = await startEmulator();
  upstream = await startUpstreamDouble((req, res) => {
    if (req.headers['api-key'] === C && faultForC === 'fail') {
      res.writeHead(503, { 'content-type': 'application/json' });
      return void res.end('{"message":"unavailable for this account","code":"unavailable"}');
    }
    if (req.headers['api-key'] === C2 && faultForC === 'hang') {
      hung.add(res);
      return;
    }
    forward(emulator.url, req, res);
  });
  server = await startServer({
    config: loadConfig({ PORT: '0', HOST: '127.0.0.1', ALIGN_TIMEOUT_MS: '3000', ALIGN_DEADLINE_MS: '4000' }),
    alignApiUrl: new URL(upstream.url),
    logger: createLogger('silent'),
  });
});
afterAll(async () => {
  await server?.close();
  await upstream?.close();
  await emulator?.close();
});
beforeEach(async () => {
  faultForC = 'none';
  await new EmulatorAdmin(emulator.url).reset();
});

async function customerOfA(): Promise<string> {
  const input = { individual: { email: uniqueEmail('tenant-a'), firstName: 'Ada', lastName: 'Lovelace' } };
  const created = await postGraphQL<{ createCustomer: { id: string } }>(server.url, CreateCustomerDocument, { input }, { 'api-key': A });
  expect(created.body.errors).toBeUndefined();
  return created.body.data!.createCustomer.id;
}

function readAs(apiKey: string, id: string) {
  return postGraphQL<{ customer: { id: string } | null }>(server.url, GetCustomerDocument, { id }, { 'api-key': apiKey });
}

describe('fault isolation between tenants (one upstream credential each)', () => {
  it("after 50 of C's failed calls, A's read still reaches the upstream and succeeds", async () => {
    const id = await customerOfA();
    faultForC = 'fail';
    const failures = [];
    for (let i = 0; i < 50; i += 1) failures.push(await readAs(C, randomUUID()));
    expect(failures.every((answer) => answer.body.errors?.[0]?.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
    // C's own circuit opened: its later calls were refused without reaching the upstream.
    expect(failures.at(-1)!.body.errors![0]!.message).toMatch(/circuit open/);
    expect(upstream.requests(C)).toBeLessThan(50);

    const before = upstream.requests(A);
    const read = await readAs(A, id);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.customer?.id).toBe(id);
    expect(upstream.requests(A)).toBe(before + 1);
  });

  it("with 700 of C's calls hung, A's read answers within 1 s", async () => {
    const id = await customerOfA();
    faultForC = 'hang';
    const floods = Array.from({ length: 700 }, () => readAs(C2, randomUUID()));
    const deadline = Date.now() + 10_000;
    // C holds every slot it may (56 of 64) and fills the waiting line.
    while (upstream.pending() < 56 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(upstream.pending()).toBe(56);

    const started = performance.now();
    const read = await readAs(A, id);
    const elapsed = performance.now() - started;
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.customer?.id).toBe(id);
    expect(elapsed).toBeLessThan(1_000);

    for (const res of hung) res.destroy();
    hung.clear();
    const answers = await Promise.all(floods);
    expect(answers.every((answer) => answer.body.errors?.[0]?.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
  }, 30_000);
});
