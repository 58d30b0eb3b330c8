import autocannon from 'autocannon';

/** One load run at a fixed connection count, by duration or by number of requests. */
export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  /** Seconds; ignored when `amount` is set. */
  readonly duration?: number;
  /** Exactly this many requests. */
  readonly amount?: number;
  readonly requests: autocannon.Request[];
  /** Requests per second over all connections; unset: as fast as the server answers. */
  readonly overallRate?: number;
  /** Returns false for a 2xx answer that is nevertheless wrong (e.g. GraphQL `errors`). */
  readonly verifyBody?: (body: string) => boolean;
}

export interface LoadResult {
  readonly completed: number;
  readonly durationSeconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** 2xx answers `verifyBody` refused. */
  readonly mismatches: number;
  readonly statusCodes: Readonly<Record<string, number>>;
}

/** Slack on top of the planned duration before a run counts as stuck. */
const TIME_BOX_SLACK_MS = 30_000;
/** Floor for a run by amount: 100,000 requests at 500 req/s. */
const AMOUNT_TIME_BOX_MS = 200_000;

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const timeBoxMs = spec.amount === undefined ? (spec.duration ?? 10) * 1_000 + TIME_BOX_SLACK_MS : AMOUNT_TIME_BOX_MS;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      instance.stop();
      reject(new Error(`load run against ${spec.url} did not finish within ${timeBoxMs / 1000} s`));
    }, timeBoxMs);
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        ...(spec.amount === undefined ? { duration: spec.duration ?? 10 } : { amount: spec.amount }),
        timeout: 10,
        ...(spec.overallRate === undefined ? {} : { overallRate: spec.overallRate }),
        requests: spec.requests,
        verifyBody: spec.verifyBody,
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) return reject(error);
        const statusCodes = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, Number(stats.count)]),
        );
        resolve({
          completed: result.requests.total,
          durationSeconds: result.duration,
          requestsPerSecond: result.requests.total / result.duration,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches: result.mismatches,
          statusCodes,
        });
      },
    );
  });
}

/** Throws unless every request got a correct 2xx answer: a bench of error paths measures nothing. */
export function assertClean(name: string, result: LoadResult): void {
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (result.completed === 0 || failed > 0) {
    throw new Error(
      `${name}: ${result.completed} answers, ${result.non2xx} non-2xx, ${result.errors} errors, ` +
        `${result.timeouts} timeouts, ${result.mismatches} wrong bodies (status codes ${JSON.stringify(result.statusCodes)})`,
    );
  }
}

/**
 * Several rounds of the same load as one result: counts and time add up; p50 and p99 are the
 * median of the rounds' own percentiles (percentiles of separate runs cannot be merged exactly).
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  const sum = (pick: (result: LoadResult) => number) => rounds.reduce((total, result) => total + pick(result), 0);
  const median = (pick: (result: LoadResult) => number) => {
    const sorted = rounds.map(pick).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const statusCodes: Record<string, number> = {};
  for (const result of rounds) {
    for (const [code, count] of Object.entries(result.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const completed = sum((result) => result.completed);
  const durationSeconds = sum((result) => result.durationSeconds);
  return {
    completed,
    durationSeconds,
    requestsPerSecond: completed / durationSeconds,
    p50Ms: median((result) => result.p50Ms),
    p99Ms: median((result) => result.p99Ms),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    mismatches: sum((result) => result.mismatches),
    statusCodes,
  };
}
