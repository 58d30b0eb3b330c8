import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { freePort, runMain, waitUntilReady, type RunningProcess } from '../helpers/processes.js';
import { postGraphQL } from '../helpers/stack.js';
import { startUpstreamDouble, type UpstreamDouble } from '../helpers/upstream-double.js';

/**
 * A hostile upstream against a real server process (default settings): a compression bomb and a
 * 50 MB answer are refused as UPSTREAM_BAD_RESPONSE after one attempt, and the process's peak
 * memory grows by less than 50 MB.
 */

const KEY = 'test-key-bounded-answers';
const READ = 'query Read($id: ID!) { customer(id: $id) { id email } }';
const MB = 1024 * 1024;

type Mode = 'small' | 'bomb' | 'huge';
let mode: Mode = 'small';
let bomb: Buffer;
let upstream: UpstreamDouble;
let server: RunningProcess;
let url: string;

/** About 400 KB of gzip that inflates to about 400 MB of zeros. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MB, 0x20);
  for (let i = 0; i < 400; i += 1) if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

/** Peak resident memory of a process so far (Linux `VmHWM`), in bytes. */
function peakRss(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}

beforeAll(async () => {
  bomb = await gzipBomb();
  upstream = await startUpstreamDouble((_req, res) => {
    const id = randomUUID();
    if (mode === 'small') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ customer_id: id, email: 'small@example.com' }));
    }
    if (mode === 'bomb') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      return void res.end(bomb);
    }
    // 50 MB of JSON, chunked (no content-length), written as fast as the server reads it.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.from(`{"customer_id":"${id}","email":"huge@example.com","first_name":"${'x'.repeat(64 * 1024)}"`);
    let sent = 0;
    const pump = () => {
      while (sent < 50 * MB && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('}');
    };
    pump();
  });
  const port = await freePort();
  server = runMain({ PORT: String(port), HOST: '127.0.0.1', ALIGN_API_URL: upstream.url, LOG_LEVEL: 'warn' });
  url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, Date.now() + 20_000);
});
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await upstream?.close();
});
beforeEach(() => {
  mode = 'small';
});

async function read() {
  return postGraphQL<{ customer: { id: string } | null }>(url, READ, { id: randomUUID() }, { 'api-key': KEY });
}

describe('bounded upstream answers (a real server process, default ALIGN_MAX_RESPONSE_BYTES)', () => {
  it.each([
    ['a 400 KB gzip bomb', 'bomb' as const],
    ['a 50 MB answer', 'huge' as const],
  ])('%s is UPSTREAM_BAD_RESPONSE after one attempt, and peak RSS grows by less than 50 MB', async (_name, hostile) => {
    expect(bomb.length).toBeLessThan(450 * 1024);
    for (let i = 0; i < 3; i += 1) expect((await read()).body.errors).toBeUndefined(); // warmed up
    const before = peakRss(server.child.pid!);
    const attempts = upstream.requests();
    mode = hostile;
    const answer = await read();
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_BAD_RESPONSE', upstreamStatus: 200 });
    expect(upstream.requests() - attempts).toBe(1);
    expect(peakRss(server.child.pid!) - before).toBeLessThan(50 * MB);
    // Not a breaker failure: the next read goes through at once.
    mode = 'small';
    expect((await read()).body.errors).toBeUndefined();
    expect(server.output()).not.toContain('"level":50');
  });
});
