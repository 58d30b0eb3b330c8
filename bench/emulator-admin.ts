import { BENCH_API_KEY } from './workload.js';

/** No admin call may hang the bench. */
const ADMIN_TIMEOUT_MS = 10_000;

/** The emulator's admin API (CONTRACT §5) and a direct create, as the bench needs them. */
export class BenchEmulator {
  constructor(readonly url: string) {}

  async reset(): Promise<void> {
    await this.expect(200, await fetch(`${this.url}/__emulator/reset`, { method: 'POST', signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS) }));
  }

  /** Requests served per route template since the last reset. */
  async stats(): Promise<Record<string, number>> {
    const response = await this.expect(200, await fetch(`${this.url}/__emulator/stats`, { signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS) }));
    return ((await response.json()) as { requests: Record<string, number> }).requests;
  }

  /**
   * Waits until the emulator's request counters stop moving: a timed load run ends with requests
   * still in flight, and the upstream calls they cause must not be counted in the next run.
   */
  async settle(): Promise<void> {
    let previous = -1;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const total = Object.values(await this.stats()).reduce((sum, count) => sum + count, 0);
      if (total === previous) return;
      previous = total;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error('the emulator kept receiving requests after the load stopped');
  }

  /** Creates `count` customers straight through the REST API; returns their ids. */
  async createCustomers(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await fetch(`${this.url}/v0/customers`, {
        method: 'POST',
        signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
        headers: { 'api-key': BENCH_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ email: `seed.${Date.now()}.${i}@example.com`, type: 'individual', first_name: 'Grace', last_name: 'Hopper' }),
      });
      ids.push(((await (await this.expect(201, response)).json()) as { customer_id: string }).customer_id);
    }
    return ids;
  }

  private async expect(status: number, response: Response): Promise<Response> {
    if (response.status !== status) {
      throw new Error(`emulator answered ${response.status} (expected ${status}): ${await response.text()}`);
    }
    return response;
  }
}
