import type autocannon from 'autocannon';
import { assertClean, runLoad } from './load.js';
import type { Service } from './processes.js';
import type { Row } from './report.js';
import { BENCH_API_KEY } from './workload.js';

/**
 * What the throughput target leaves the GraphQL server, and how much of it the GraphQL machinery
 * takes before any resolver runs.
 *
 * Budget: at ratio r to the proxy, a saturated server may spend at most proxyCpu × (1/r − 1) more
 * CPU per read than the saturated proxy (both are CPU-bound on one core at 32 connections, so
 * throughput follows CPU per request). Floor: the CPU of `{ __typename }` (Apollo Server's HTTP
 * handling and request pipeline, graphql-js, the request's log line and metrics; no resolver, no
 * upstream call) minus that of `GET /readyz` (a bare HTTP answer), both on the server and both at
 * the rate the server reaches for reads, so that the two see the same event-loop batching as the read.
 */
export interface FloorMeasurement {
  readonly rate: number;
  readonly readyMicros: number;
  readonly typenameMicros: number;
}

export interface Budget extends FloorMeasurement {
  /** Saturated proxy read CPU per request. */
  readonly proxyMicros: number;
  /** Saturated server read CPU per request. */
  readonly serverMicros: number;
  readonly target: number;
  /** Which proxy the allowance is measured from; the got proxy ("minimal proxy") unless said. */
  readonly proxyName?: string;
}

const TYPENAME_BODY = JSON.stringify({ query: 'query Floor { __typename }' });
const isTypename = (body: string) => body.startsWith('{"data":{"__typename":"Query"}}');
const isReady = (body: string) => body.includes('"ready"');

/** `GET /readyz` and `{ __typename }` on the server at a fixed rate, in interleaved rounds. */
export async function measureFloor(options: {
  readonly server: Service;
  readonly rate: number;
  readonly connections: number;
  readonly seconds: number;
  readonly rounds: number;
}): Promise<FloorMeasurement> {
  const { server, rate, connections } = options;
  const paths: Array<{ label: string; requests: autocannon.Request[]; verifyBody: (body: string) => boolean }> = [
    { label: 'GET /readyz', requests: [{ method: 'GET', path: '/readyz' }], verifyBody: isReady },
    {
      label: '{ __typename }',
      requests: [{ method: 'POST', path: '/graphql', headers: { 'api-key': BENCH_API_KEY, 'content-type': 'application/json' }, body: TYPENAME_BODY }],
      verifyBody: isTypename,
    },
  ];
  const specOf = (path: (typeof paths)[number]) => ({ url: server.url, connections, overallRate: rate, requests: path.requests, verifyBody: path.verifyBody });
  for (const path of paths) assertClean(`${path.label} at ${rate} req/s (warm-up)`, await runLoad({ ...specOf(path), duration: 1 }));
  const tallies = paths.map(() => ({ cpuMs: 0, completed: 0 }));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const before = server.cpuMs();
      const result = await runLoad({ ...specOf(paths[index]!), duration: options.seconds / options.rounds });
      const after = server.cpuMs();
      assertClean(`${paths[index]!.label} at ${rate} req/s`, result);
      tallies[index]!.cpuMs += after.userMs + after.systemMs - before.userMs - before.systemMs;
      tallies[index]!.completed += result.completed;
    }
  }
  const micros = (index: number) => (tallies[index]!.cpuMs / tallies[index]!.completed) * 1000;
  return { rate, readyMicros: micros(0), typenameMicros: micros(1) };
}

/** The saturated read rows of the proxy and the server, when the run measured reads. */
export function readRows(rows: readonly Row[], proxyPath = 'minimal proxy'): { proxy: Row; server: Row } | undefined {
  const proxy = rows.find((row) => row.path === proxyPath && row.operation === 'read customer');
  const server = rows.find((row) => row.path === 'GraphQL server' && row.operation === 'read customer');
  return proxy && server ? { proxy, server } : undefined;
}

export function formatBudget(budget: Budget): string {
  const µs = (value: number) => `${value.toFixed(0)} µs`;
  const allowed = budget.proxyMicros * (1 / budget.target - 1);
  const hop = budget.serverMicros - budget.proxyMicros;
  const floor = budget.typenameMicros - budget.readyMicros;
  return [
    `Budget of the GraphQL hop (CPU per read; the floor measured on the server at ${budget.rate} req/s, its own read rate):`,
    '',
    '| | CPU / request |',
    '|---|---:|',
    `| allowed beyond the ${budget.proxyName ?? 'minimal proxy'}'s read at ${(budget.target * 100).toFixed(0)}% of its throughput: proxy ${µs(budget.proxyMicros)} × (1/${budget.target} − 1) | ${µs(allowed)} |`,
    `| spent now beyond the proxy's read (server ${µs(budget.serverMicros)}) | ${µs(hop)} |`,
    `| of which the floor: \`{ __typename }\` (${µs(budget.typenameMicros)}) minus \`GET /readyz\` (${µs(budget.readyMicros)}) | ${µs(floor)} (${((floor / allowed) * 100).toFixed(0)}% of the allowance) |`,
    `| the rest: the read's own work (resolver, DataLoader, upstream answer checked and mapped, six fields) | ${µs(hop - floor)} |`,
  ].join('\n');
}
