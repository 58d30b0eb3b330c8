import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readEmulatorEnv } from '../../src/emulator/env.js';
import { startEmulator } from '../../src/emulator/index.js';

describe('readEmulatorEnv', () => {
  it('defaults to 127.0.0.1:4010', () => {
    expect(readEmulatorEnv({})).toEqual({ port: 4010, host: '127.0.0.1' });
    expect(readEmulatorEnv({ EMULATOR_PORT: '', EMULATOR_HOST: '' })).toEqual({ port: 4010, host: '127.0.0.1' });
  });

  it('reads EMULATOR_PORT and EMULATOR_HOST', () => {
    expect(readEmulatorEnv({ EMULATOR_PORT: '5123', EMULATOR_HOST: '0.0.0.0' })).toEqual({ port: 5123, host: '0.0.0.0' });
    expect(readEmulatorEnv({ EMULATOR_PORT: '0' }).port).toBe(0);
    expect(readEmulatorEnv({ EMULATOR_PORT: '65535' }).port).toBe(65535);
  });

  it.each(['abc', '12.5', '-1', '65536', '1e3', '0x10', '80 80'])('rejects EMULATOR_PORT=%s', (value) => {
    expect(() => readEmulatorEnv({ EMULATOR_PORT: value })).toThrow(
      `EMULATOR_PORT must be an integer from 0 to 65535, got "${value}".`,
    );
  });
});

/** Runs src/emulator/main.ts as `npm run emulator` would, after transpiling src/emulator with swc. */
describe('main (standalone emulator)', () => {
  let dir: string;
  let mainJs: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'align-emulator-'));
    const source = fileURLToPath(new URL('../../src/emulator/', import.meta.url));
    for (const file of await readdir(source)) {
      if (!file.endsWith('.ts')) continue;
      const { code } = await transformFile(join(source, file), {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      });
      await writeFile(join(dir, file.replace(/\.ts$/, '.js')), code);
    }
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    mainJs = join(dir, 'main.js');
  });
  const children: ChildProcess[] = [];
  afterEach(() => {
    // A failed assertion must not leave an emulator process behind.
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, [mainJs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  /** The URL from the one line the emulator prints (waits at most 5 s). */
  async function urlOf(proc: ReturnType<typeof run>): Promise<string> {
    const deadline = Date.now() + 5000;
    while (!proc.out().includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const line = proc.out().trim();
    expect(line).toMatch(/^Align emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    return line.slice(line.indexOf('http'));
  }

  it('prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const proc = run({ EMULATOR_PORT: '0' });
    const url = await urlOf(proc);
    const answer = await fetch(`${url}/v0/customers`, { headers: { 'api-key': 'k' } });
    expect([answer.status, await answer.json()]).toEqual([200, { items: [] }]);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.out().trim().split('\n')).toHaveLength(1);
  });

  it('exits 0 on SIGINT', async () => {
    const proc = run({ EMULATOR_PORT: '0' });
    await urlOf(proc);
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
  });

  it('refuses a bad EMULATOR_PORT with a clear message and exit code 1', async () => {
    const proc = run({ EMULATOR_PORT: 'eighty' });
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toContain('EMULATOR_PORT must be an integer from 0 to 65535, got "eighty".');
    expect(proc.out()).toBe('');
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const taken = await startEmulator();
    try {
      const proc = run({ EMULATOR_PORT: String(taken.port) });
      expect(await proc.exited).toBe(1);
      expect(proc.err()).toContain(`cannot listen on 127.0.0.1:${taken.port}: listen EADDRINUSE`);
    } finally {
      await taken.close();
    }
  });
});
