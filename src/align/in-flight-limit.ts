import { AlignFailFastError } from './errors.js';

/**
 * At most `limit` upstream calls in flight at once; the rest wait in arrival order, each for no
 * longer than its request's deadline. The queue itself is bounded (`maxWaiting`), so a burst far
 * beyond what the upstream can take is refused at once instead of holding memory and sockets.
 */
export class InFlightLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  /** Resolves with a release function once a slot is free; rejects when `signal` aborts first. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.active < this.limit) {
      this.active += 1;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxWaiting) {
      throw new AlignFailFastError('The Align API is unavailable (too many calls waiting for it).');
    }
    await new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(signal.reason as Error);
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next();
      else this.active -= 1;
    };
  }
}
