import { Pool } from 'undici';

/**
 * Latency at light load: one request every 1/rate seconds (open loop: the next one leaves on time
 * whether or not the last has answered), timed on the client with a sub-millisecond clock. autocannon
 * rounds latencies to whole milliseconds, too coarse for a hop that should add less than one.
 */
export interface FixedRateTarget {
  readonly label: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly verify: (status: number, body: string) => boolean;
}

export interface LatencyResult {
  readonly label: string;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Each target for `seconds` at `rate` requests per second, in `rounds` interleaved rounds. */
export async function measureLatency(targets: readonly FixedRateTarget[], rate: number, seconds: number, rounds: number): Promise<LatencyResult[]> {
  const pools = targets.map((target) => new Pool(target.url, { connections: 8 }));
  const samples = targets.map(() => [] as number[]);
  try {
    // Warm-up: connections open, code paths compiled.
    for (const [index, target] of targets.entries()) await runAtRate(pools[index]!, target, rate, 1);
    for (let round = 0; round < rounds; round += 1) {
      const order = targets.map((_, index) => index);
      if (round % 2 === 1) order.reverse();
      for (const index of order) samples[index]!.push(...(await runAtRate(pools[index]!, targets[index]!, rate, seconds / rounds)));
    }
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
  return targets.map((target, index) => {
    const sorted = samples[index]!.sort((a, b) => a - b);
    return { label: target.label, requests: sorted.length, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99) };
  });
}

async function runAtRate(pool: Pool, target: FixedRateTarget, rate: number, seconds: number): Promise<number[]> {
  const count = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const start = performance.now();
  const pending: Array<Promise<number>> = [];
  for (let sent = 0; sent < count; sent += 1) {
    const wait = start + sent * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(timeOne(pool, target));
  }
  return Promise.all(pending);
}

async function timeOne(pool: Pool, target: FixedRateTarget): Promise<number> {
  const started = performance.now();
  const answer = await pool.request({ method: target.method, path: target.path, headers: target.headers, body: target.body });
  const body = await answer.body.text();
  const elapsed = performance.now() - started;
  if (!target.verify(answer.statusCode, body)) throw new Error(`${target.label}: unexpected answer ${answer.statusCode} ${body.slice(0, 200)}`);
  return elapsed;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
