import { spawn, type ChildProcess } from 'node:child_process';

export { freePort, waitUntilReady } from '../../src/scripts/processes.js';

/** The built entry point, as `npm start` runs it (the test command builds first). */
export const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

export interface RunningProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

/** Runs `node dist/main.js` with `env` on top of this process's environment (minus upstream settings). */
export function runMain(env: Record<string, string>): RunningProcess {
  const { ALIGN_API_URL: _u, ALIGN_API_KEY: _k, NODE_ENV: _n, REDIS_URL: _r, ...inherited } = process.env;
  return runProcess(process.execPath, [MAIN], { ...inherited, ...env });
}

export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): RunningProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
