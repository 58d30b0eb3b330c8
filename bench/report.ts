import type { LoadResult } from './load.js';

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
  readonly throughputTarget: number;
  readonly memoryGrowthLimit: number;
  readonly elapsedSeconds: number;
}

const PROXY = 'minimal proxy';
const SERVER = 'GraphQL server';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;

/** CPU of the serving process per answered request, user + kernel, in µs. */
export const cpuMicros = (row: Row) => (row.cpuMsPerRequest.user + row.cpuMsPerRequest.system) * 1000;

/** Throughput of a row as a share of the minimal proxy's for the same operation, when there is one. */
export function ratioToProxy(rows: readonly Row[], row: Row): number | undefined {
  const proxy = rows.find((other) => other.path === PROXY && other.operation === row.operation);
  return proxy ? row.result.requestsPerSecond / proxy.result.requestsPerSecond : undefined;
}

/** The table as Markdown (readable in a terminal too), the verdicts, and whether every target was met. */
export function formatReport(input: ReportInput): { text: string; targetsMet: boolean } {
  const { rows } = input;
  const lines = [
    `Machine: ${input.machine}; load average (1 min) ${input.loadAverage}`,
    `${input.connections} connections; per path ${input.warmup} s warm-up, then ${input.duration} s measured in ${input.rounds} interleaved rounds ` +
      `(p50/p99: median of the rounds'); total run ${input.elapsedSeconds.toFixed(0)} s`,
    '',
    '| path | operation | req/s | p50 | p99 | ratio to proxy | CPU / request (user + kernel) | RSS | serving process | upstream calls / request |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    const ratio = ratioToProxy(rows, row);
    lines.push(
      `| ${row.path} | ${row.operation} | ${Math.round(row.result.requestsPerSecond)} | ${row.result.p50Ms} ms | ${row.result.p99Ms} ms | ` +
        `${ratio === undefined ? '—' : ratio.toFixed(2)} | ${((row.cpuMsPerRequest.user + row.cpuMsPerRequest.system) * 1000).toFixed(0)} µs (${(row.cpuMsPerRequest.user * 1000).toFixed(0)} + ${(row.cpuMsPerRequest.system * 1000).toFixed(0)}) | ${mb(row.rssBytes)} | ${row.target} | ${row.upstreamCallsPerRequest?.toFixed(2) ?? (row.path === 'direct REST' ? '—' : '1')} |`,
    );
  }
  lines.push('', `Errors: every scenario answered ${rows.reduce((sum, row) => sum + row.result.completed, 0)} requests with 0 non-2xx, 0 socket errors, 0 timeouts, 0 wrong bodies (GraphQL errors included).`);
  lines.push(`Emulator RSS at the end: ${mb(input.emulatorRssBytes)}.`, '');

  let targetsMet = true;
  for (const row of rows.filter((candidate) => candidate.path === SERVER)) {
    const ratio = ratioToProxy(rows, row);
    if (ratio === undefined) continue;
    const met = ratio >= input.throughputTarget;
    targetsMet &&= met;
    const proxy = rows.find((other) => other.path === PROXY && other.operation === row.operation)!;
    lines.push(
      `${met ? 'PASS' : 'FAIL'} ${row.operation}: GraphQL server at ${pct(ratio)} of the minimal proxy's throughput (target ≥ ${pct(input.throughputTarget)}); ` +
        `by CPU per request (less sensitive to other load on the machine) ${pct(cpuMicros(proxy) / cpuMicros(row))}`,
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
  }
  return { text: lines.join('\n'), targetsMet };
}
