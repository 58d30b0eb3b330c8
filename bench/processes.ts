import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Each thing under test runs in its own Node process (emulator, minimal proxy, GraphQL server), so
 * the resident memory read for one of them is its own and the load generator's CPU is not counted
 * in it. Logs go to files, not to pipes the bench would have to drain.
 */
export interface Service {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Resident set size of the process now, in bytes (VmRSS of /proc/<pid>/status). */
  rssBytes(): number;
  /** CPU time the process has used so far, in milliseconds. */
  cpuMs(): CpuTime;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface ServiceSpec {
  readonly name: string;
  /** Path of the compiled script to run with `node`. */
  readonly script: string;
  readonly nodeArgs?: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Answers 2xx once the process is ready, e.g. `/readyz`. */
  readonly readyPath: string;
  readonly port: number;
  readonly logDir: string;
}

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 15_000;
const running = new Set<ChildProcess>();

/** A loopback port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startService(spec: ServiceSpec): Promise<Service> {
  mkdirSync(spec.logDir, { recursive: true });
  const logPath = join(spec.logDir, `${spec.name}.log`);
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.script], {
    env: { PATH: process.env.PATH ?? '', ...spec.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const url = `http://127.0.0.1:${spec.port}`;

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited before it was ready (code ${child.exitCode}); log:\n${tail(logPath)}`);
    }
    if (await answers(`${url}${spec.readyPath}`)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${spec.name} was not ready within ${READY_TIMEOUT_MS} ms; log:\n${tail(logPath)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    name: spec.name,
    url,
    pid: child.pid!,
    rssBytes: () => readRss(child.pid!),
    cpuMs: () => readCpuMs(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills every service still running: the bench is failing and must not leave processes behind. */
export function killAllServices(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function readRss(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    throw new Error(`cannot read /proc/${pid}/status: the memory figures need Linux's /proc`);
  }
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** Kernel clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

export interface CpuTime {
  readonly userMs: number;
  readonly systemMs: number;
}

export function readCpuMs(pid: number): CpuTime {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces, hence the last ')'): utime is the 14th
  // field of the line, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const toMs = (ticks: string | undefined) => (Number(ticks) * 1000) / CLOCK_TICKS_PER_SECOND;
  return { userMs: toMs(fields[11]), systemMs: toMs(fields[12]) };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
