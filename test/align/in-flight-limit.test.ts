import { describe, expect, it } from '@jest/globals';
import { AlignFailFastError } from '../../src/align/errors.js';
import { InFlightLimit } from '../../src/align/in-flight-limit.js';

const never = new AbortController().signal;

describe('InFlightLimit', () => {
  it('grants at most `limit` slots and hands a released slot to the first waiter', async () => {
    const limit = new InFlightLimit(2, 10);
    const first = await limit.acquire(never);
    await limit.acquire(never);
    const order: string[] = [];
    const third = limit.acquire(never).then((release) => (order.push('third'), release));
    const fourth = limit.acquire(never).then((release) => (order.push('fourth'), release));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    expect(limit.inFlight).toBe(2);
    first();
    first(); // a second release of the same slot changes nothing
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(limit.inFlight).toBe(2);
  });

  it('refuses at once when the queue is full, and drops a waiter whose deadline passes', async () => {
    const limit = new InFlightLimit(1, 1);
    const held = await limit.acquire(never);
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    await expect(limit.acquire(never)).rejects.toBeInstanceOf(AlignFailFastError);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    held();
    expect(limit.inFlight).toBe(0);
    (await limit.acquire(never))();
  });
});
