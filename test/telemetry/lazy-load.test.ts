import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, runMain, waitUntilReady } from '../helpers/processes.js';
import { postGraphQL } from '../helpers/stack.js';

/**
 * With no OTLP endpoint, OpenTelemetry is not even loaded: `node dist/main.js` runs with a module hook
 * that writes down every @opentelemetry module resolved, and the list stays empty.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otel-lazy-'));
  await writeFile(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.includes('/@opentelemetry/')) appendFileSync(log, result.url + '\\n');
  return result;
}
`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function openTelemetryModulesLoaded(env: Record<string, string>, name: string): Promise<{ loaded: string; output: string }> {
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
    const answer = await postGraphQL(`http://127.0.0.1:${port}`, 'query { customers { id } }', undefined, { traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` });
    expect(answer.body.errors).toBeUndefined();
  } finally {
    server.child.kill('SIGTERM');
  }
  expect(await server.exited).toBe(0);
  return { loaded: await readFile(log, 'utf8'), output: server.output() };
}

describe('OpenTelemetry loading', () => {
  it('loads nothing of OpenTelemetry when no OTLP endpoint is set', async () => {
    expect((await openTelemetryModulesLoaded({}, 'off')).loaded).toBe('');
  });

  it('loads the SDK when an endpoint is set (the hook does see it); an unreachable collector costs a warning, not the exit code', async () => {
    // Port 9 (discard): nothing listens, so the spans of the request cannot be sent at shutdown.
    const { loaded, output } = await openTelemetryModulesLoaded({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }, 'on');
    expect(output).toContain('opentelemetry: spans not sent before shutdown');
    expect(loaded).toContain('/@opentelemetry/sdk-trace-base/');
    expect(loaded).toContain('/@opentelemetry/exporter-trace-otlp-http/');
  });
});
