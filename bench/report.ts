import type { LatencyResult } from './latency.js';
import type { LoadResult } from './load.js';
import type { StartUpResult } from './start-up.js';

export interface Row {
  readonly path: string;
  readonly operation: string;
  /** Name of the process that served the load (emulator, proxy, server). */
  readonly target: string;
  readonly result: LoadResult;
  readonly rssBytes: number;
  /** CPU time of the serving process per answered request, in user space and in the kernel. */
  readonly cpuMsPerRequest: { readonly user: number; readonly system: number };
  readonly upstreamCallsPerRequest?: number;
}

export interface MemoryFigures {
  readonly requests: number;
  readonly rssAfterTenthBytes: number;
  readonly rssAfterAllBytes: number;
  readonly growth: number;
  readonly requestsPerSecond: number;
}

export interface ReportInput {
  readonly rows: readonly Row[];
  readonly connections: number;
  readonly duration: number;
  readonly rounds: number;
  readonly warmup: number;
  readonly machine: string;
  readonly loadAverage: string;
  readonly emulatorRssBytes: number;
  readonly memory?: MemoryFigures;
  /** Least share of the undici proxy's throughput, by operation. */
  readonly throughputTargets: Readonly<Record<string, number>>;
  readonly memoryGrowthLimit: number;
  readonly rssAfterAllLimitBytes: number;
  readonly latency?: { readonly rate: number; readonly results: readonly LatencyResult[]; readonly hopLimitMs: number };
  readonly startUp?: StartUpResult & { readonly startLimitMs: number; readonly idleRssLimitBytes: number };
  readonly elapsedSeconds: number;
}

/** The minimal proxy on the server's own transport (got). */
export const PROXY = 'minimal proxy';
/** The same proxy on undici's Pool.request: the reference that does not move with our transport. */
export const UNDICI_PROXY = 'undici proxy';
const SERVER = 'GraphQL server';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;

/** CPU of the serving process per answered request, user + kernel, in µs. */
export const cpuMicros = (row: Row) => (row.cpuMsPerRequest.user + row.cpuMsPerRequest.system) * 1000;

/** Throughput of a row as a share of a proxy's (got by default) for the same operation, when there is one. */
export function ratioToProxy(rows: readonly Row[], row: Row, proxyPath: string = PROXY): number | undefined {
  const proxy = rows.find((other) => other.path === proxyPath && other.operation === row.operation);
  return proxy ? row.result.requestsPerSecond / proxy.result.requestsPerSecond : undefined;
}

/** A proxy's CPU per request as a share of the row's (1 = as cheap as the proxy). */
function cpuRatio(rows: readonly Row[], row: Row, proxyPath: string): number | undefined {
  const proxy = rows.find((other) => other.path === proxyPath && other.operation === row.operation);
  return proxy ? cpuMicros(proxy) / cpuMicros(row) : undefined;
}

const ratioText = (ratio: number | undefined) => (ratio === undefined ? '—' : ratio.toFixed(2));

/** The table as Markdown (readable in a terminal too), the verdicts, and whether every target was met. */
export function formatReport(input: ReportInput): { text: string; targetsMet: boolean } {
  const { rows } = input;
  const lines = [
    `Machine: ${input.machine}; load average (1 min) ${input.loadAverage}`,
    `${input.connections} connections; per path ${input.warmup} s warm-up, then ${input.duration} s measured in ${input.rounds} interleaved rounds ` +
      `(p50/p99: median of the rounds'); total run ${input.elapsedSeconds.toFixed(0)} s`,
    '',
    '| path | operation | req/s | p50 | p99 | ratio to got proxy | ratio to undici proxy | CPU ratio got / undici | CPU / request (user + kernel) | RSS | serving process | upstream calls / request |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.path} | ${row.operation} | ${Math.round(row.result.requestsPerSecond)} | ${row.result.p50Ms} ms | ${row.result.p99Ms} ms | ` +
        `${ratioText(ratioToProxy(rows, row))} | ${ratioText(ratioToProxy(rows, row, UNDICI_PROXY))} | ${ratioText(cpuRatio(rows, row, PROXY))} / ${ratioText(cpuRatio(rows, row, UNDICI_PROXY))} | ${((row.cpuMsPerRequest.user + row.cpuMsPerRequest.system) * 1000).toFixed(0)} µs (${(row.cpuMsPerRequest.user * 1000).toFixed(0)} + ${(row.cpuMsPerRequest.system * 1000).toFixed(0)}) | ${mb(row.rssBytes)} | ${row.target} | ${row.upstreamCallsPerRequest?.toFixed(2) ?? (row.path === 'direct REST' ? '—' : '1')} |`,
    );
  }
  lines.push('', `Errors: every scenario answered ${rows.reduce((sum, row) => sum + row.result.completed, 0)} requests with 0 non-2xx, 0 socket errors, 0 timeouts, 0 wrong bodies (GraphQL errors included).`);
  lines.push(`Emulator RSS at the end: ${mb(input.emulatorRssBytes)}.`, '');

  let targetsMet = true;
  for (const row of rows.filter((candidate) => candidate.path === SERVER)) {
    const ratio = ratioToProxy(rows, row, UNDICI_PROXY);
    const target = input.throughputTargets[row.operation];
    if (ratio === undefined || target === undefined) continue;
    const met = ratio >= target;
    targetsMet &&= met;
    lines.push(
      `${met ? 'PASS' : 'FAIL'} ${row.operation}: GraphQL server at ${pct(ratio)} of the undici proxy's throughput (target ≥ ${pct(target)}), ` +
        `${pct(ratioToProxy(rows, row) ?? Number.NaN)} of the got proxy's; by CPU per request (less sensitive to other load on the machine) ` +
        `${pct(cpuRatio(rows, row, UNDICI_PROXY) ?? Number.NaN)} of the undici proxy, ${pct(cpuRatio(rows, row, PROXY) ?? Number.NaN)} of the got proxy`,
    );
  }
  if (input.memory) {
    const { memory } = input;
    const met = memory.growth <= input.memoryGrowthLimit;
    targetsMet &&= met;
    lines.push(
      `${met ? 'PASS' : 'FAIL'} memory: server RSS ${mb(memory.rssAfterTenthBytes)} after ${(memory.requests / 10).toLocaleString('en')} requests, ` +
        `${mb(memory.rssAfterAllBytes)} after ${memory.requests.toLocaleString('en')} (${memory.growth >= 0 ? '+' : ''}${pct(memory.growth)}, limit +${pct(input.memoryGrowthLimit)}; ` +
        `${Math.round(memory.requestsPerSecond)} req/s)`,
    );
    const bounded = memory.rssAfterAllBytes <= input.rssAfterAllLimitBytes;
    targetsMet &&= bounded;
    lines.push(`${bounded ? 'PASS' : 'FAIL'} memory after ${memory.requests.toLocaleString('en')} reads: ${mb(memory.rssAfterAllBytes)} (target ≤ ${mb(input.rssAfterAllLimitBytes)})`);
  }
  if (input.startUp) {
    const { startUp } = input;
    const fast = startUp.medianStartMs <= startUp.startLimitMs;
    const lean = startUp.medianIdleRssBytes <= startUp.idleRssLimitBytes;
    targetsMet &&= fast && lean;
    lines.push(
      `${fast ? 'PASS' : 'FAIL'} cold start: \`node dist/main.js\` to /healthz, median of ${startUp.startMs.length}: ${startUp.medianStartMs.toFixed(0)} ms ` +
        `(runs ${startUp.startMs.map((ms) => ms.toFixed(0)).join(', ')}; target ≤ ${startUp.startLimitMs} ms)`,
      `${lean ? 'PASS' : 'FAIL'} idle RSS in production mode, median: ${mb(startUp.medianIdleRssBytes)} ` +
        `(runs ${startUp.idleRssBytes.map((bytes) => (bytes / 2 ** 20).toFixed(0)).join(', ')} MB; target ≤ ${mb(startUp.idleRssLimitBytes)})`,
    );
  }
  if (input.latency) {
    const { latency } = input;
    lines.push('', `Latency at ${latency.rate} req/s (read customer, open loop, client-side clock):`, '', '| path | requests | p50 | p99 |', '|---|---:|---:|---:|');
    for (const result of latency.results) {
      lines.push(`| ${result.label} | ${result.requests} | ${result.p50Ms.toFixed(2)} ms | ${result.p99Ms.toFixed(2)} ms |`);
    }
    const direct = latency.results.find((result) => result.label === 'direct REST');
    const server = latency.results.find((result) => result.label === SERVER);
    if (direct && server) {
      const hop = server.p50Ms - direct.p50Ms;
      const met = hop <= latency.hopLimitMs;
      targetsMet &&= met;
      lines.push('', `${met ? 'PASS' : 'FAIL'} GraphQL hop's added p50 at ${latency.rate} req/s: ${hop.toFixed(2)} ms (GraphQL ${server.p50Ms.toFixed(2)} − direct ${direct.p50Ms.toFixed(2)}; target ≤ ${latency.hopLimitMs} ms)`);
    }
  }
  return { text: lines.join('\n'), targetsMet };
}
