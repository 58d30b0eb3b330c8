import { spawn } from 'node:child_process';
import { readRss } from './processes.js';
import { freePort } from './processes.js';

/**
 * Cold start and idle memory of `node dist/main.js` in production mode (NODE_ENV=production,
 * ALIGN_API_URL set): from spawning the process to `/healthz` answering 200, then the resident set
 * once it has been idle for a moment. Each start is a fresh process; the medians are reported.
 */
export interface StartUpResult {
  readonly startMs: readonly number[];
  readonly idleRssBytes: readonly number[];
  readonly medianStartMs: number;
  readonly medianIdleRssBytes: number;
}

const IDLE_WAIT_MS = 2_000;
const POLL_MS = 5;
const START_TIMEOUT_MS = 20_000;

export async function measureStartUp(script: string, emulatorUrl: string, runs: number): Promise<StartUpResult> {
  const startMs: number[] = [];
  const idleRssBytes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', ALIGN_API_URL: emulatorUrl },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`node ${script} exited during start (code ${child.exitCode})`);
        if (await healthy(`http://127.0.0.1:${port}/healthz`)) break;
        if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`node ${script} did not answer /healthz within ${START_TIMEOUT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      startMs.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
      idleRssBytes.push(readRss(child.pid!));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }
  return { startMs, idleRssBytes, medianStartMs: median(startMs), medianIdleRssBytes: median(idleRssBytes) };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
