import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_DEMO_KEY, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { freePort, runMain, waitUntilReady } from './helpers/processes.js';
import { postGraphQL } from './helpers/stack.js';

/**
 * A server loads only what its configuration uses: `node dist/main.js` runs with a module hook that
 * writes down every module resolved, and the embedded emulator and the Redis client are not among
 * them unless ALIGN_API_URL is unset or REDIS_URL set. (OpenTelemetry: test/telemetry/lazy-load.test.ts.)
 */
let dir: string;
let upstream: RunningEmulator;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lazy-load-'));
  await writeFile(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`,
  );
  upstream = await startEmulator();
});
afterAll(async () => {
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

async function modulesLoaded(env: Record<string, string>, name: string, headers: Record<string, string> = {}): Promise<string[]> {
  const log = join(dir, `${name}.log`);
  await writeFile(log, '');
  await writeFile(
    join(dir, `${name}.mjs`),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } });\n`,
  );
  const port = await freePort();
  const server = runMain({ ...env, PORT: String(port), HOST: '127.0.0.1', NODE_OPTIONS: `--import ${join(dir, `${name}.mjs`)}` });
  try {
    await waitUntilReady(`http://127.0.0.1:${port}`, Date.now() + 30_000);
    const answer = await postGraphQL(`http://127.0.0.1:${port}`, 'query { customers { id } }', undefined, headers);
    expect(answer.body.errors).toBeUndefined();
  } finally {
    server.child.kill('SIGTERM');
  }
  expect(await server.exited).toBe(0);
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

const EMULATOR_MODULE = /\/dist\/emulator\//;
const JWT_MODULE = /\/node_modules\/jose\//;
const REDIS_MODULE = /\/node_modules\/ioredis\/|\/dist\/redis\.js$|\/dist\/idempotency\/redis-store\.js$|\/dist\/events\/redis-bus\.js$/;

describe('what a server loads', () => {
  it('with ALIGN_API_URL, no REDIS_URL and no server key: neither the embedded emulator, nor the Redis client, nor JWT verification', async () => {
    const loaded = await modulesLoaded({ ALIGN_API_URL: upstream.url }, 'external', { authorization: `Bearer ${EMULATOR_DEMO_KEY}` });
    expect(loaded.some((url) => url.endsWith('/dist/server.js'))).toBe(true);
    expect(loaded.filter((url) => EMULATOR_MODULE.test(url))).toEqual([]);
    expect(loaded.filter((url) => REDIS_MODULE.test(url))).toEqual([]);
    expect(loaded.filter((url) => JWT_MODULE.test(url))).toEqual([]);
  });

  it('without ALIGN_API_URL (development): the embedded emulator, which the hook does see', async () => {
    const loaded = await modulesLoaded({}, 'embedded');
    expect(loaded.some((url) => url.endsWith('/dist/emulator/index.js'))).toBe(true);
    expect(loaded.filter((url) => REDIS_MODULE.test(url))).toEqual([]);
  });
});
