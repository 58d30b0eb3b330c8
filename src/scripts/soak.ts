/**
 * `npm run soak`: thousands of mixed createCustomer / customer / customers requests against a real
 * server process (`node dist/main.js`) in front of the emulator, with about 10% of upstream calls
 * hit by an injected fault. Prints requests, successes, errors by code, duplicate customers,
 * crashes and the server's RSS at the start and the end.
 *
 * SOAK_REQUESTS (default 5000) and SOAK_CONCURRENCY (default 16) size the run; SOAK_FAULT_RATE
 * (default 0.1) the share of requests that get a fault (a random kind, once, on the route the
 * request calls; a concurrent request may meet it instead, as in real life).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { startEmulator } from '../emulator/index.js';
import { freePort, waitUntilReady } from './processes.js';

const REQUESTS = positiveInteger('SOAK_REQUESTS', 5_000);
const CONCURRENCY = positiveInteger('SOAK_CONCURRENCY', 16);
const FAULT_RATE = Number(process.env.SOAK_FAULT_RATE ?? '0.1');
const KEY = `soak-key-${randomUUID()}`;

/** Upstream timings shrunk so a delay fault is a timeout without making the run last for hours. */
const SERVER_ENV = {
  ALIGN_TIMEOUT_MS: '500',
  ALIGN_DEADLINE_MS: '3000',
  LOG_LEVEL: 'error',
};

const FAULTS = [
  { kind: 'status', status: 503 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 429, retryAfterSeconds: 1 },
  { kind: 'status', status: 401 },
  { kind: 'delay', delayMs: 1_000 },
  { kind: 'reset-before' },
  { kind: 'reset-after-commit' },
  { kind: 'malformed' },
] as const;

const CREATE = `mutation($input: CreateCustomerInput!, $key: String) { createCustomer(input: $input, idempotencyKey: $key) { id email } }`;
const GET = `query($id: ID!) { customer(id: $id) { id email } }`;
const LIST = `query($email: String) { customers(email: $email) { id } }`;

interface Outcome {
  readonly ok: boolean;
  readonly code?: string;
  readonly data?: Record<string, unknown>;
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive whole number`);
  return Number(raw);
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [new URL('../main.js', import.meta.url).pathname], {
    env: { ...process.env, ...SERVER_ENV, PORT: String(port), HOST: '127.0.0.1', ALIGN_API_URL: emulator.url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let crashes = 0;
  let stopping = false;
  server.once('exit', (code) => {
    if (!stopping) {
      crashes += 1;
      process.stderr.write(`server exited unexpectedly (code ${code})\n`);
    }
  });
  await waitUntilReady(url);

  const admin = async (path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<Record<string, unknown>>;
  };
  const graphql = async (query: string, variables: Record<string, unknown>): Promise<Outcome> => {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'api-key': KEY },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> };
      if (body.errors?.length) return { ok: false, code: body.errors[0]?.extensions?.code ?? 'NO_CODE' };
      return { ok: true, data: body.data };
    } catch {
      return { ok: false, code: 'NO_ANSWER' };
    }
  };

  // Warm up (schema, connection pools) so the first RSS reading is the steady state's start.
  await graphql(LIST, { email: 'warm-up@example.com' });
  const memoryStart = await serverMemory(url);
  const started = Date.now();

  const created: Array<{ id: string; email: string }> = [];
  /** Every create request sent: its email, and whether the caller was told it succeeded. */
  const creates = new Map<string, { answeredId?: string; errorCode?: string }>();
  const errors = new Map<string, number>();
  let successes = 0;
  let faultsInjected = 0;
  let next = 0;

  async function one(index: number): Promise<void> {
    const roll = Math.random();
    let route: string;
    let run: () => Promise<Outcome>;
    let email: string | undefined;
    if (roll < 0.5 || created.length === 0) {
      email = `soak.${index}.${randomUUID().slice(0, 8)}@example.com`;
      const input = { individual: { email, firstName: 'Soak', lastName: `Run${index}` } };
      const key = index % 2 === 0 ? `soak-${index}` : undefined;
      creates.set(email, {});
      route = 'POST /v0/customers';
      run = () => graphql(CREATE, { input, key });
    } else if (roll < 0.8) {
      const target = created[Math.floor(Math.random() * created.length)]!;
      route = 'GET /v0/customers/:customer_id';
      run = () => graphql(GET, { id: target.id });
    } else {
      const target = created[Math.floor(Math.random() * created.length)]!;
      route = 'GET /v0/customers';
      run = () => graphql(LIST, { email: target.email });
    }
    // Exactly FAULT_RATE of the requests, spread evenly over the run.
    if (Math.floor((index + 1) * FAULT_RATE) > Math.floor(index * FAULT_RATE)) {
      faultsInjected += 1;
      await admin('/__emulator/faults', { route, times: 1, ...FAULTS[Math.floor(Math.random() * FAULTS.length)]! });
    }
    const outcome = await run();
    if (outcome.ok) {
      successes += 1;
      const customer = outcome.data?.createCustomer as { id: string; email: string } | undefined;
      if (customer && email) {
        created.push(customer);
        creates.set(email, { answeredId: customer.id });
      }
    } else {
      errors.set(outcome.code!, (errors.get(outcome.code!) ?? 0) + 1);
      if (email) creates.set(email, { errorCode: outcome.code });
    }
  }

  async function worker(): Promise<void> {
    while (next < REQUESTS) await one(next++);
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started) / 1000;
  await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
  // Let delayed upstream work finish before counting what exists.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const memoryEnd = await serverMemory(url);

  // Duplicates and misreported outcomes, from the upstream's own list.
  const listed = await fetch(`${emulator.url}/v0/customers`, { headers: { 'api-key': KEY } });
  const upstream = ((await listed.json()) as { items: Array<{ customer_id: string; email: string }> }).items;
  const byEmail = new Map<string, string[]>();
  for (const customer of upstream) {
    const email = customer.email.toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), customer.customer_id]);
  }
  let duplicates = 0;
  let wrongIds = 0;
  const failedButCreated = new Map<string, number>();
  for (const [email, { answeredId, errorCode }] of creates) {
    const ids = byEmail.get(email.toLowerCase()) ?? [];
    duplicates += Math.max(0, ids.length - 1);
    if (answeredId !== undefined && !ids.includes(answeredId)) wrongIds += 1;
    if (errorCode !== undefined && ids.length > 0) failedButCreated.set(errorCode, (failedButCreated.get(errorCode) ?? 0) + 1);
  }
  const stats = (await admin('/__emulator/stats')) as { requests: Record<string, number> };

  stopping = true;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await emulator.close();

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const lines = [
    `requests:              ${REQUESTS} (concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s, ${(REQUESTS / seconds).toFixed(0)}/s)`,
    `faults injected:       ${faultsInjected} (${((faultsInjected / REQUESTS) * 100).toFixed(1)}%)`,
    `successes:             ${successes}`,
    `errors by code:        ${[...errors].sort().map(([code, count]) => `${code}=${count}`).join(' ') || 'none'}`,
    `creates sent:          ${creates.size}, upstream POSTs: ${stats.requests['POST /v0/customers'] ?? 0}, customers upstream: ${upstream.length}`,
    `duplicate customers:   ${duplicates}`,
    `answered id not upstream: ${wrongIds}`,
    `create errors whose customer exists anyway: ${[...failedButCreated].map(([code, count]) => `${code}=${count}`).join(' ') || 'none'}`,
    `crashes:               ${crashes} (server exits) + ${errors.get('INTERNAL_SERVER_ERROR') ?? 0} INTERNAL_SERVER_ERROR`,
    `server RSS:            start ${mb(memoryStart.rss)}, end ${mb(memoryEnd.rss)} (heap used: start ${mb(memoryStart.heapUsed)}, end ${mb(memoryEnd.heapUsed)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = duplicates === 0 && wrongIds === 0 && crashes === 0 ? 0 : 1;
}

/** The server process's resident memory and used heap, from its own Prometheus metrics. */
async function serverMemory(url: string): Promise<{ rss: number; heapUsed: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => {
    const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    if (!match) throw new Error(`${name} missing from /metrics`);
    return Number(match[1]);
  };
  return { rss: read('process_resident_memory_bytes'), heapUsed: read('nodejs_heap_size_used_bytes') };
}

await main();
