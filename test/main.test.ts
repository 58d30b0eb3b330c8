import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { CreateCustomerDocument } from './generated/graphql.js';
import { freePort } from './helpers/ports.js';
import { postGraphQL, uniqueEmail } from './helpers/stack.js';

/** The built entry point, as `npm start` runs it (the test command builds first). */
const MAIN = new URL('../dist/main.js', import.meta.url).pathname;

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const { ALIGN_API_URL: _u, ALIGN_API_KEY: _k, NODE_ENV: _n, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready in time');
}

describe('main (npm start)', () => {
  it('starts on the embedded emulator with no configuration, serves createCustomer, and stops on SIGTERM', async () => {
    const port = await freePort();
    const started = Date.now();
    const server = run({ PORT: String(port), HOST: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitUntilReady(url, started + 30_000);
      const email = uniqueEmail('start');
      const { body } = await postGraphQL<{ createCustomer: { email: string; type: string } }>(
        url,
        CreateCustomerDocument,
        { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.createCustomer).toMatchObject({ email, type: 'INDIVIDUAL' });
      expect(Date.now() - started).toBeLessThan(30_000);
      const emulatorLines = server.output().split('\n').filter((line) => line.includes('embedded Align emulator'));
      expect(emulatorLines).toHaveLength(1);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('refuses to start in production without ALIGN_API_URL', async () => {
    const server = run({ NODE_ENV: 'production', PORT: String(await freePort()) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('ALIGN_API_URL is required when NODE_ENV=production');
  });
});
