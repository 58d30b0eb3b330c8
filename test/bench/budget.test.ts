import { describe, expect, it } from '@jest/globals';
import { formatBudget, readRows } from '../../bench/budget.js';
import type { LoadResult } from '../../bench/load.js';
import { cpuMicros, type Row } from '../../bench/report.js';

const result: LoadResult = {
  completed: 1_000,
  durationSeconds: 1,
  requestsPerSecond: 1_000,
  p50Ms: 1,
  p99Ms: 2,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  mismatches: 0,
  statusCodes: { '200': 1_000 },
};
const row = (path: string, operation: string, userMs: number, systemMs: number): Row => ({
  path,
  operation,
  target: path,
  result,
  rssBytes: 0,
  cpuMsPerRequest: { user: userMs, system: systemMs },
});

describe('the budget of the GraphQL hop', () => {
  it('reads CPU per request as user + kernel, in µs', () => {
    expect(cpuMicros(row('minimal proxy', 'read customer', 0.33, 0.06))).toBeCloseTo(390);
  });

  it('finds the saturated read rows of the proxy and the server, or nothing', () => {
    const rows = [row('minimal proxy', 'create customer', 0.4, 0), row('minimal proxy', 'read customer', 0.39, 0), row('GraphQL server', 'read customer', 0.6, 0)];
    expect(readRows(rows)).toEqual({ proxy: rows[1], server: rows[2] });
    expect(readRows(rows.slice(0, 2))).toBeUndefined();
  });

  it('allows proxy × (1/target − 1) and splits what is spent into the floor and the rest', () => {
    const text = formatBudget({ rate: 1800, readyMicros: 30, typenameMicros: 160, proxyMicros: 390, serverMicros: 610, target: 0.75 });
    expect(text).toContain('on the server at 1800 req/s');
    expect(text).toContain('| 130 µs |'); // 390 × (1/0.75 − 1)
    expect(text).toContain('(server 610 µs) | 220 µs |');
    expect(text).toContain('| 130 µs (100% of the allowance) |'); // 160 − 30
    expect(text).toContain('six fields) | 90 µs |'); // 220 − 130
  });

  it('scales the allowance with the target', () => {
    const text = formatBudget({ rate: 1000, readyMicros: 20, typenameMicros: 70, proxyMicros: 400, serverMicros: 500, target: 0.5 });
    expect(text).toContain('× (1/0.5 − 1) | 400 µs |');
    expect(text).toContain('| 50 µs (13% of the allowance) |');
  });
});
