import { describe, expect, it } from '@jest/globals';
import { mapWithConcurrency } from '../src/concurrency.js';

describe('mapWithConcurrency', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (delay, index) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, delay * 3));
      running -= 1;
      return `${index}:${delay}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(peak).toBe(3);
  });

  it('handles fewer items than the limit, and none', async () => {
    expect(await mapWithConcurrency([1], 8, async (x) => x * 2)).toEqual([2]);
    expect(await mapWithConcurrency([], 8, async (x) => x)).toEqual([]);
  });
});
