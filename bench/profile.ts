/**
 * `npm run bench:profile`: the GraphQL server under load with `--cpu-prof`, one profile per
 * operation (createCustomer, customer(id)), and the minimal proxy's read for comparison, each
 * summarised by self time (top 25 functions and areas) and CPU time per request.
 *
 *   node dist-bench/bench/profile.js [--duration 10] [--connections 32]
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { formatSummary, summarise, type CpuProfile } from './cpu-profile.js';
import { assertClean, runLoad } from './load.js';
import { killAllServices, type Service } from './processes.js';
import { ROOT, startEmulatorProcess, startProxyProcess, startServerProcess } from './stack.js';
import { graphqlCreate, graphqlRead, isGraphQLSuccess, isRestCustomer, restGet } from './workload.js';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const PROFILE_DIR = `${ROOT}dist-bench/profiles`;
const WARMUP_SECONDS = 2;

interface Target {
  readonly name: string;
  start(emulatorUrl: string, nodeArgs: string[]): Promise<Service>;
  requests(ids: string[]): autocannon.Request[];
  readonly seed: number;
  readonly verifyBody: (body: string) => boolean;
}

async function profile(target: Target): Promise<string> {
  const dir = `${PROFILE_DIR}/${target.name}`;
  rmSync(dir, { recursive: true, force: true });
  const emulator = await startEmulatorProcess();
  const service = await target.start(emulator.url, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  let perRequest: string;
  let loadStarted: number;
  let loadEnded: number;
  let completed: number;
  try {
    const ids = await emulator.admin.createCustomers(target.seed);
    const spec = { url: service.url, connections, requests: target.requests(ids), verifyBody: target.verifyBody };
    // Warm-up first: the profile is summarised over the measured run only (no start-up, no JIT warm-up).
    assertClean(`${target.name} (warm-up)`, await runLoad({ ...spec, duration: WARMUP_SECONDS }));
    const cpuBefore = service.cpuMs();
    loadStarted = Date.now();
    const result = await runLoad({ ...spec, duration });
    loadEnded = Date.now();
    completed = result.completed;
    assertClean(target.name, result);
    const cpuAfter = service.cpuMs();
    const cpuMicros = (after: number, before: number) => (((after - before) / result.completed) * 1000).toFixed(0);
    perRequest =
      `${Math.round(result.requestsPerSecond)} req/s under the profiler, CPU per request ${cpuMicros(cpuAfter.userMs, cpuBefore.userMs)} µs user + ` +
      `${cpuMicros(cpuAfter.systemMs, cpuBefore.systemMs)} µs kernel`;
    console.log(`${target.name}: ${perRequest}`);
  } finally {
    await service.stop();
    await emulator.stop();
  }
  const exited = Date.now();
  const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no .cpuprofile written in ${dir}`);
  const window = { fromEndMicros: (exited - loadStarted) * 1000, toEndMicros: (exited - loadEnded) * 1000 };
  const summary = summarise(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as CpuProfile, 25, window);
  return formatSummary(`${target.name}: ${perRequest} (dist-bench/profiles/${target.name}/${file})`, summary, completed);
}

const targets: Target[] = [
  {
    name: 'server-createCustomer',
    start: (url, nodeArgs) => startServerProcess(url, { name: 'server-profile', nodeArgs }),
    requests: () => [graphqlCreate()],
    seed: 0,
    verifyBody: isGraphQLSuccess,
  },
  {
    name: 'server-customer',
    start: (url, nodeArgs) => startServerProcess(url, { name: 'server-profile', nodeArgs }),
    requests: ([id]) => [graphqlRead(id!)],
    seed: 1,
    verifyBody: isGraphQLSuccess,
  },
  {
    name: 'proxy-read',
    start: (url, nodeArgs) => startProxyProcess(url, { name: 'proxy-profile', nodeArgs }),
    requests: ([id]) => [restGet(`/customers/${id}`)],
    seed: 1,
    verifyBody: isRestCustomer,
  },
];

try {
  const summaries: string[] = [];
  for (const target of targets) summaries.push(await profile(target));
  console.log(`\n${summaries.join('\n\n')}`);
} catch (error) {
  killAllServices();
  console.error(`profile failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
