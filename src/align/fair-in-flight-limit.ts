import { AlignFailFastError } from './errors.js';

/**
 * At most `limit` upstream calls in flight at once, shared fairly between tenants (one tenant = one
 * upstream credential, named by tenant-isolation.ts). The numbers, for the default limit of 64:
 *
 * - **Share.** With k tenants that have a call in flight or waiting, a tenant may hold at most
 *   `max(1, floor(limit / k))` slots (64 alone, 32 each for two, 21 for three, ..., 1 from 64 on).
 * - **Headroom.** A tenant alone may still hold at most `limit - max(1, floor(limit / 8))` slots
 *   (56 of 64): the other 8 stay free for a tenant that arrives, so its first call never waits
 *   behind calls that hang for someone else. Slots are not taken back from a tenant that holds
 *   more than its new share; it gets no more until it is below it.
 * - **Waiting line.** Calls that cannot start wait, each within its own deadline; a freed slot goes
 *   to the next tenant in round-robin order that is below its share, and within a tenant in arrival
 *   order. The line holds at most `maxWaiting` calls (640). When it is full, a newcomer pushes out
 *   the newest waiting call of the tenant with the longest line, if that tenant holds more than its
 *   share of the line (`floor(maxWaiting / k)`); otherwise the newcomer is refused. Both get
 *   AlignFailFastError ("too many calls waiting").
 */
export class FairInFlightLimit {
  private active = 0;
  private waitingCount = 0;
  private readonly tenants = new Map<string, TenantLine>();
  /** Tenants with waiting calls, in the order they are next served. */
  private readonly turns: string[] = [];
  private readonly soloCap: number;

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {
    this.soloCap = Math.max(1, limit - Math.max(1, Math.floor(limit / 8)));
  }

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waitingCount;
  }

  /** The slots one tenant may hold now. */
  share(): number {
    return Math.max(1, Math.min(this.soloCap, Math.floor(this.limit / Math.max(1, this.tenants.size))));
  }

  /** Resolves with a release function once `tenant` may send; rejects when `signal` aborts first. */
  async acquire(tenant: string, signal: AbortSignal): Promise<() => void> {
    const line = this.lineOf(tenant);
    if (line.waiting.length === 0 && this.active < this.limit && line.active < this.share()) {
      this.start(line);
      return this.releaser(tenant, line);
    }
    if (this.waitingCount >= this.maxWaiting && !this.pushOut(tenant)) {
      this.forgetIfIdle(tenant, line);
      throw tooManyWaiting();
    }
    await new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        this.forgetIfIdle(tenant, line);
        return reject(signal.reason as Error);
      }
      const onAbort = () => {
        const index = line.waiting.indexOf(waiter);
        if (index !== -1) this.dropWaiter(tenant, line, index);
        this.forgetIfIdle(tenant, line);
        this.dispatch();
        reject(signal.reason as Error);
      };
      const waiter: Waiter = {
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        refuse: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      line.waiting.push(waiter);
      this.waitingCount += 1;
      if (line.waiting.length === 1) this.turns.push(tenant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser(tenant, line);
  }

  private lineOf(tenant: string): TenantLine {
    let line = this.tenants.get(tenant);
    if (line === undefined) {
      line = { active: 0, waiting: [] };
      this.tenants.set(tenant, line);
    }
    return line;
  }

  private start(line: TenantLine): void {
    line.active += 1;
    this.active += 1;
  }

  private releaser(tenant: string, line: TenantLine): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      line.active -= 1;
      this.active -= 1;
      this.forgetIfIdle(tenant, line);
      this.dispatch();
    };
  }

  /** Hands free slots to waiting calls: round-robin over tenants below their share. */
  private dispatch(): void {
    while (this.active < this.limit && this.turns.length > 0) {
      const share = this.share();
      let granted = false;
      for (let checked = this.turns.length; checked > 0; checked -= 1) {
        const tenant = this.turns.shift()!;
        const line = this.tenants.get(tenant);
        if (line === undefined || line.waiting.length === 0) continue;
        if (line.active >= share) {
          this.turns.push(tenant);
          continue;
        }
        const waiter = line.waiting.shift()!;
        this.waitingCount -= 1;
        this.start(line);
        if (line.waiting.length > 0) this.turns.push(tenant);
        waiter.grant();
        granted = true;
        break;
      }
      if (!granted) return;
    }
  }

  /** Makes room in a full line by refusing the newest call of a tenant holding more than its share of it. */
  private pushOut(newcomer: string): boolean {
    let longest: [string, TenantLine] | undefined;
    for (const [tenant, line] of this.tenants) {
      if (tenant !== newcomer && line.waiting.length > (longest?.[1].waiting.length ?? 0)) longest = [tenant, line];
    }
    const fairLine = Math.floor(this.maxWaiting / Math.max(1, this.tenants.size));
    if (longest === undefined || longest[1].waiting.length <= fairLine) return false;
    const [tenant, line] = longest;
    const victim = line.waiting[line.waiting.length - 1]!;
    this.dropWaiter(tenant, line, line.waiting.length - 1);
    this.forgetIfIdle(tenant, line);
    victim.refuse(tooManyWaiting());
    return true;
  }

  private dropWaiter(tenant: string, line: TenantLine, index: number): void {
    line.waiting.splice(index, 1);
    this.waitingCount -= 1;
    if (line.waiting.length === 0) {
      const turn = this.turns.indexOf(tenant);
      if (turn !== -1) this.turns.splice(turn, 1);
    }
  }

  private forgetIfIdle(tenant: string, line: TenantLine): void {
    if (line.active === 0 && line.waiting.length === 0 && this.tenants.get(tenant) === line) this.tenants.delete(tenant);
  }
}

interface Waiter {
  grant(): void;
  refuse(error: Error): void;
}

interface TenantLine {
  active: number;
  readonly waiting: Waiter[];
}

function tooManyWaiting(): AlignFailFastError {
  return new AlignFailFastError('The Align API is unavailable (too many calls waiting for it).');
}
