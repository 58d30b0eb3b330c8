import { describe, expect, it } from '@jest/globals';
import { summarise, type CpuProfile } from '../../bench/cpu-profile.js';

/** root -> handler (ours) -> got call; samples every 100 µs. */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 1_000,
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
    { id: 2, callFrame: { functionName: 'handleGraphQL', url: 'file:///app/dist/server.js', lineNumber: 9 } },
    { id: 3, callFrame: { functionName: 'request', url: 'file:///app/node_modules/got/dist/source/core/index.js', lineNumber: 0 } },
    { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
  ],
  // t = 100 .. 1000: four samples in the handler, four in got, two in GC.
  samples: [2, 2, 3, 3, 4, 2, 3, 3, 2, 4],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
};

describe('summarise', () => {
  it('adds self time per function and per area, largest first', () => {
    const summary = summarise(profile);
    expect(summary.totalMs).toBeCloseTo(1);
    expect(summary.functions.map((f) => [f.name, f.selfMs])).toEqual([
      ['handleGraphQL dist/server.js:10', 0.4],
      ['request got/dist/source/core/index.js:1', 0.4],
      ['(garbage collector) ', 0.2],
    ]);
    expect(Object.fromEntries(summary.areas.map((a) => [a.name, a.share]))).toEqual({
      'ours: .': 0.4,
      got: 0.4,
      '(garbage collector)': 0.2,
    });
  });

  it('counts only the samples inside the window (microseconds before the end)', () => {
    // From t = 400 to t = 800: samples at 400 (got), 500 (GC), 600 (handler), 700 and 800 (got).
    const summary = summarise(profile, 25, { fromEndMicros: 600, toEndMicros: 200 });
    expect(summary.totalMs).toBeCloseTo(0.5);
    expect(summary.functions[0]).toEqual({ name: 'request got/dist/source/core/index.js:1', selfMs: 0.3, share: 0.6 });
  });
});
