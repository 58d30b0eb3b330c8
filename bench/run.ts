/**
 * `npm run bench`: the cost of the GraphQL hop, side by side with the REST API called directly and
 * with two minimal pass-through proxies (on the server's got transport, and on undici: the
 * reference that does not move when our transport gets faster), at a fixed connection count; the
 * `_entities` fan-out; latency at a light fixed rate; cold start and idle memory; a memory check.
 * One run; ratios are taken within it.
 *
 *   node dist-bench/bench/run.js [--duration 10] [--rounds 5] [--warmup 2] [--connections 32]
 *                                [--memory-requests 100000] [--no-memory] [--strict]
 *                                [--operations create,read,entities] [--baseline path/to/other/dist/main.js]
 *                                [--no-budget] [--no-latency] [--no-start-up] [--latency-seconds 20]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { formatBudget, measureFloor, readRows, type Budget } from './budget.js';
import { assertClean, combineRounds, runLoad, type LoadResult } from './load.js';
import { killAllServices, type Service } from './processes.js';
import { ROOT, startEmulatorProcess, startProxyProcess, startServerProcess, type EmulatorService } from './stack.js';
import { measureLatency, type FixedRateTarget } from './latency.js';
import { cpuMicros, formatReport, UNDICI_PROXY, type Row } from './report.js';
import { measureStartUp } from './start-up.js';
import {
  graphqlCreate,
  graphqlEntities,
  graphqlRead,
  hasEntities,
  isGraphQLSuccess,
  isRestCustomer,
  restCreate,
  restGet,
  BENCH_API_KEY,
  READ_CUSTOMER,
} from './workload.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    'memory-requests': { type: 'string', default: '100000' },
    'no-memory': { type: 'boolean', default: false },
    'no-budget': { type: 'boolean', default: false },
    'no-latency': { type: 'boolean', default: false },
    'no-start-up': { type: 'boolean', default: false },
    'latency-seconds': { type: 'string', default: '20' },
    strict: { type: 'boolean', default: false },
    /** Another build of the server (its main.js), measured in the same rounds: a before/after in one run. */
    baseline: { type: 'string' },
    /** Comma-separated subset of create, read, entities; `none` runs only the memory check. */
    operations: { type: 'string', default: 'create,read,entities' },
  },
});
const duration = positive('duration', args.duration);
const warmup = positive('warmup', args.warmup);
const connections = positive('connections', args.connections);
const rounds = positive('rounds', args.rounds);
const OPERATION_KEYS = ['create', 'read', 'entities', 'none'];
const operations = new Set(args.operations.split(',').map((key) => key.trim()));
for (const key of operations) {
  if (!OPERATION_KEYS.includes(key)) throw new Error(`--operations takes ${OPERATION_KEYS.join(', ')} (got "${key}")`);
}
const memoryRequests = positive('memory-requests', args['memory-requests']);
/** Measured seconds per path of the floor check, spread over the rounds. */
const FLOOR_SECONDS = 6;

const ENTITY_REPRESENTATIONS = 100;
const ENTITY_DISTINCT_IDS = 10;
const GET_ROUTE = 'GET /v0/customers/:customer_id';
/** Targets: the GraphQL server keeps at least this share of the undici proxy's throughput, by operation. */
const THROUGHPUT_TARGETS: Record<string, number> = { 'read customer': 0.35, 'create customer': 0.3 };
/** The read target again, for the CPU budget of a read (budget.ts). */
const READ_TARGET = 0.35;
const RSS_AFTER_ALL_LIMIT_BYTES = 160 * 2 ** 20;
const IDLE_RSS_LIMIT_BYTES = 100 * 2 ** 20;
const COLD_START_LIMIT_MS = 700;
const START_UP_RUNS = 5;
const LATENCY_RATE = 50;
const HOP_P50_LIMIT_MS = 1;
const latencySeconds = positive('latency-seconds', args['latency-seconds']);
/** RSS after all memory-check requests may exceed RSS after the first tenth by at most this share. */
const MEMORY_GROWTH_LIMIT = 0.2;

type PathName = 'direct REST' | 'minimal proxy' | typeof UNDICI_PROXY | 'GraphQL server' | 'GraphQL server (baseline)';
type Operation = 'create customer' | 'read customer' | `_entities ×${number}`;

interface Scenario {
  readonly path: PathName;
  readonly operation: Operation;
  readonly target: Service;
  /** Customers to create before the run; their ids go to `requests`. */
  readonly seed: number;
  requests(ids: readonly string[]): autocannon.Request[];
  readonly verifyBody: (body: string) => boolean;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  const emulator = await startEmulatorProcess();
  const proxy = await startProxyProcess(emulator.url);
  const undiciProxy = await startProxyProcess(emulator.url, { client: 'undici' });
  const server = await startServerProcess(emulator.url);
  const baseline = args.baseline === undefined ? undefined : await startServerProcess(emulator.url, { name: 'server-baseline', script: args.baseline });
  console.log(`emulator pid ${emulator.pid}, proxy pid ${proxy.pid}, undici proxy pid ${undiciProxy.pid}, server pid ${server.pid}; ${connections} connections, ${warmup} s warm-up + ${duration} s per scenario in ${rounds} rounds`);

  let sampled = 0;
  const everyTwentyFifth = (body: string) => ((sampled += 1) % 25 === 0 ? hasEntities(body, ENTITY_REPRESENTATIONS) : isGraphQLSuccess(body));
  const scenarios: Scenario[] = [
    { path: 'direct REST', operation: 'create customer', target: emulator, seed: 0, requests: () => [restCreate('/v0/customers')], verifyBody: isRestCustomer },
    { path: 'minimal proxy', operation: 'create customer', target: proxy, seed: 0, requests: () => [restCreate('/customers')], verifyBody: isRestCustomer },
    { path: UNDICI_PROXY, operation: 'create customer', target: undiciProxy, seed: 0, requests: () => [restCreate('/customers')], verifyBody: isRestCustomer },
    { path: 'GraphQL server', operation: 'create customer', target: server, seed: 0, requests: () => [graphqlCreate()], verifyBody: isGraphQLSuccess },
    { path: 'direct REST', operation: 'read customer', target: emulator, seed: 1, requests: ([id]) => [restGet(`/v0/customers/${id}`)], verifyBody: isRestCustomer },
    { path: 'minimal proxy', operation: 'read customer', target: proxy, seed: 1, requests: ([id]) => [restGet(`/customers/${id}`)], verifyBody: isRestCustomer },
    { path: UNDICI_PROXY, operation: 'read customer', target: undiciProxy, seed: 1, requests: ([id]) => [restGet(`/customers/${id}`)], verifyBody: isRestCustomer },
    { path: 'GraphQL server', operation: 'read customer', target: server, seed: 1, requests: ([id]) => [graphqlRead(id!)], verifyBody: isGraphQLSuccess },
    {
      path: 'GraphQL server',
      operation: `_entities ×${ENTITY_REPRESENTATIONS}`,
      target: server,
      seed: ENTITY_DISTINCT_IDS,
      requests: (ids) => [graphqlEntities(ids, ENTITY_REPRESENTATIONS)],
      verifyBody: everyTwentyFifth,
    },
  ];

  if (baseline) {
    for (const scenario of scenarios.filter((candidate) => candidate.path === 'GraphQL server')) {
      scenarios.push({ ...scenario, path: 'GraphQL server (baseline)', target: baseline });
    }
  }
  const rows: Row[] = [];
  for (const operation of [...new Set(scenarios.map((scenario) => scenario.operation))]) {
    if (!operations.has(operationKey(operation))) continue;
    rows.push(...(await measureSideBySide(emulator, scenarios.filter((scenario) => scenario.operation === operation))));
  }

  let budget: Budget | undefined;
  const reads = readRows(rows, UNDICI_PROXY);
  if (reads && !args['no-budget']) {
    const rate = Math.round(reads.server.result.requestsPerSecond);
    process.stdout.write(`GraphQL floor: { __typename } and GET /readyz on the server at ${rate} req/s ... `);
    const floor = await measureFloor({ server, rate, connections, seconds: FLOOR_SECONDS, rounds });
    budget = { ...floor, proxyMicros: cpuMicros(reads.proxy), serverMicros: cpuMicros(reads.server), target: READ_TARGET, proxyName: UNDICI_PROXY };
    console.log('done');
  }
  const latency = args['no-latency'] ? undefined : await latencyCheck(emulator, { proxy, undiciProxy, server });
  const startUp = args['no-start-up'] ? undefined : await startUpCheck(emulator);
  const memory = args['no-memory'] ? undefined : await memoryCheck(emulator);
  const loadAfter = loadavg();
  await Promise.all([server.stop(), proxy.stop(), undiciProxy.stop(), baseline?.stop()]);
  const emulatorRss = emulator.rssBytes();
  await emulator.stop();

  const report = formatReport({
    rows,
    connections,
    duration,
    rounds,
    warmup,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`,
    loadAverage: `${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after`,
    emulatorRssBytes: emulatorRss,
    memory,
    throughputTargets: THROUGHPUT_TARGETS,
    memoryGrowthLimit: MEMORY_GROWTH_LIMIT,
    rssAfterAllLimitBytes: RSS_AFTER_ALL_LIMIT_BYTES,
    latency: latency && { rate: LATENCY_RATE, results: latency, hopLimitMs: HOP_P50_LIMIT_MS },
    startUp: startUp && { ...startUp, startLimitMs: COLD_START_LIMIT_MS, idleRssLimitBytes: IDLE_RSS_LIMIT_BYTES },
    elapsedSeconds: (Date.now() - started) / 1000,
  });
  console.log(`\n${report.text}`);
  if (budget) console.log(`\n${formatBudget(budget)}`);
  writeFileSync(`${ROOT}dist-bench/results.json`, JSON.stringify({ rows, memory, budget, latency, startUp }, null, 2));
  if (args.strict && !report.targetsMet) {
    console.error('bench: a target was missed (--strict)');
    process.exitCode = 1;
  }
}

/**
 * The paths of one operation, measured side by side: after a warm-up of each, `rounds` rounds in
 * which every path runs `duration / rounds` seconds, in alternating order. The machine is shared;
 * interleaving spreads a burst of someone else's load over all paths instead of one.
 */
async function measureSideBySide(emulator: EmulatorService, group: readonly Scenario[]): Promise<Row[]> {
  await emulator.admin.reset();
  const ids = await emulator.admin.createCustomers(group[0]!.seed);
  const specs = group.map((scenario) => ({
    url: scenario.target.url,
    connections,
    requests: scenario.requests(ids),
    verifyBody: scenario.verifyBody,
  }));
  const label = (scenario: Scenario) => `${scenario.path} / ${scenario.operation}`;
  for (const [index, scenario] of group.entries()) {
    assertClean(`${label(scenario)} (warm-up)`, await runLoad({ ...specs[index]!, duration: warmup }));
  }
  await emulator.admin.settle();

  const tallies = group.map(() => ({ rounds: [] as LoadResult[], userMs: 0, systemMs: 0 }));
  const forward = group.map((_, index) => index);
  for (let round = 0; round < rounds; round += 1) {
    for (const index of round % 2 === 0 ? forward : [...forward].reverse()) {
      const scenario = group[index]!;
      const cpuBefore = scenario.target.cpuMs();
      const result = await runLoad({ ...specs[index]!, duration: duration / rounds });
      const cpuAfter = scenario.target.cpuMs();
      assertClean(label(scenario), result);
      const tally = tallies[index]!;
      tally.rounds.push(result);
      tally.userMs += cpuAfter.userMs - cpuBefore.userMs;
      tally.systemMs += cpuAfter.systemMs - cpuBefore.systemMs;
    }
  }

  const rows: Row[] = [];
  for (const [index, scenario] of group.entries()) {
    const result = combineRounds(tallies[index]!.rounds);
    const upstreamCallsPerRequest = scenario.seed === ENTITY_DISTINCT_IDS ? await countUpstreamCalls(emulator, specs[index]!) : undefined;
    rows.push({
      path: scenario.path,
      operation: scenario.operation,
      target: scenario.target.name,
      result,
      rssBytes: scenario.target.rssBytes(),
      cpuMsPerRequest: { user: tallies[index]!.userMs / result.completed, system: tallies[index]!.systemMs / result.completed },
      upstreamCallsPerRequest,
    });
    console.log(`${label(scenario)}: ${Math.round(result.requestsPerSecond)} req/s`);
  }
  return rows;
}

/** Exactly `connections × 10` `_entities` requests, counting the GETs the emulator served for them. */
async function countUpstreamCalls(
  emulator: EmulatorService,
  spec: { url: string; connections: number; requests: autocannon.Request[]; verifyBody: (body: string) => boolean },
): Promise<number> {
  const amount = spec.connections * 10;
  await emulator.admin.settle();
  const before = (await emulator.admin.stats())[GET_ROUTE] ?? 0;
  const result = await runLoad({ ...spec, amount });
  assertClean('_entities upstream call count', result);
  const after = (await emulator.admin.stats())[GET_ROUTE] ?? 0;
  return (after - before) / result.completed;
}

export interface MemoryCheck {
  readonly requests: number;
  readonly rssAfterTenthBytes: number;
  readonly rssAfterAllBytes: number;
  readonly growth: number;
  readonly requestsPerSecond: number;
}

/**
 * A fresh server process answers `memoryRequests` cheap reads (reads do not grow the emulator);
 * its RSS is read after the first tenth and after all of them, with no forced GC.
 */
async function memoryCheck(emulator: EmulatorService): Promise<MemoryCheck> {
  process.stdout.write(`memory check: ${memoryRequests} customer(id) requests through a fresh server ... `);
  const server = await startServerProcess(emulator.url, { name: 'server-memory' });
  try {
    await emulator.admin.reset();
    const [id] = await emulator.admin.createCustomers(1);
    const spec = { url: server.url, connections, requests: [graphqlRead(id!)], verifyBody: isGraphQLSuccess };
    const tenth = Math.round(memoryRequests / 10);
    const first = await runLoad({ ...spec, amount: tenth });
    assertClean('memory check (first tenth)', first);
    const rssAfterTenthBytes = server.rssBytes();
    const rest = await runLoad({ ...spec, amount: memoryRequests - tenth });
    assertClean('memory check (rest)', rest);
    const rssAfterAllBytes = server.rssBytes();
    const result: MemoryCheck = {
      requests: first.completed + rest.completed,
      rssAfterTenthBytes,
      rssAfterAllBytes,
      growth: rssAfterAllBytes / rssAfterTenthBytes - 1,
      requestsPerSecond: (first.completed + rest.completed) / (first.durationSeconds + rest.durationSeconds),
    };
    console.log(`done (${Math.round(result.requestsPerSecond)} req/s)`);
    return result;
  } finally {
    await server.stop();
  }
}

/** `customer(id)` at a light fixed rate through every path; the load generator is not the bottleneck. */
async function latencyCheck(emulator: EmulatorService, services: { proxy: Service; undiciProxy: Service; server: Service }) {
  process.stdout.write(`latency: customer(id) at ${LATENCY_RATE} req/s, ${latencySeconds} s per path ... `);
  await emulator.admin.settle();
  const [id] = await emulator.admin.createCustomers(1);
  const keyed = { 'api-key': BENCH_API_KEY };
  const restOk = (status: number, body: string) => status === 200 && isRestCustomer(body);
  const targets: FixedRateTarget[] = [
    { label: 'direct REST', url: emulator.url, method: 'GET', path: `/v0/customers/${id}`, headers: keyed, verify: restOk },
    { label: 'minimal proxy', url: services.proxy.url, method: 'GET', path: `/customers/${id}`, headers: keyed, verify: restOk },
    { label: UNDICI_PROXY, url: services.undiciProxy.url, method: 'GET', path: `/customers/${id}`, headers: keyed, verify: restOk },
    {
      label: 'GraphQL server',
      url: services.server.url,
      method: 'POST',
      path: '/graphql',
      headers: { ...keyed, 'content-type': 'application/json' },
      body: JSON.stringify({ query: READ_CUSTOMER, variables: { id } }),
      verify: (status, body) => status === 200 && isGraphQLSuccess(body),
    },
  ];
  const results = await measureLatency(targets, LATENCY_RATE, latencySeconds, rounds);
  console.log('done');
  return results;
}

/** `node dist/main.js` in production mode, started afresh START_UP_RUNS times. */
async function startUpCheck(emulator: EmulatorService) {
  process.stdout.write(`start-up: node dist/main.js to /healthz and idle RSS, ${START_UP_RUNS} runs ... `);
  const result = await measureStartUp(`${ROOT}dist/main.js`, emulator.url, START_UP_RUNS);
  console.log('done');
  return result;
}

function operationKey(operation: Operation): string {
  if (operation === 'create customer') return 'create';
  if (operation === 'read customer') return 'read';
  return 'entities';
}

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1 (got "${raw}")`);
  return value;
}

export type { LoadResult };

try {
  await main();
} catch (error) {
  killAllServices();
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
