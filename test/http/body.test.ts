import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BodyTooLargeError, readBody } from '../../src/http/body.js';

/** A bare node:http server whose handler reports what readBody gave it. */
let server: Server;
let port: number;
const outcomes: Array<{ ok: true; body: string } | { ok: false; error: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    readBody(req, 1_000).then(
      (body) => {
        outcomes.push({ ok: true, body });
        res.end(`read ${Buffer.byteLength(body)}`);
      },
      (error: Error) => {
        outcomes.push({ ok: false, error: error instanceof BodyTooLargeError ? 'too large' : error.message });
        res.statusCode = error instanceof BodyTooLargeError ? 413 : 400;
        res.setHeader('connection', 'close');
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function post(chunks: Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('readBody', () => {
  it('joins a body sent in several chunks, multi-byte characters split across them included', async () => {
    const text = JSON.stringify({ name: 'Zoë Ångström', pad: 'x'.repeat(300) });
    const bytes = Buffer.from(text, 'utf8');
    const split = bytes.indexOf(Buffer.from('ë')) + 1; // inside the two bytes of "ë"
    expect(await post([bytes.subarray(0, split), bytes.subarray(split)])).toEqual({ status: 200, body: `read ${bytes.length}` });
    expect(outcomes.at(-1)).toEqual({ ok: true, body: text });
  });

  it('reads an empty body as an empty string', async () => {
    expect(await post([])).toEqual({ status: 200, body: 'read 0' });
    expect(outcomes.at(-1)).toEqual({ ok: true, body: '' });
  });

  it('refuses a declared length over the limit before reading', async () => {
    expect((await post([Buffer.alloc(10)], { 'content-length': '5000' }).catch(() => ({ status: 413 }))).status).toBe(413);
  });

  it('refuses a chunked body once it grows over the limit', async () => {
    const chunk = Buffer.alloc(400, 0x20);
    expect((await post([chunk, chunk, chunk, chunk])).status).toBe(413);
    expect(outcomes.at(-1)).toEqual({ ok: false, error: 'too large' });
  });

  it('rejects (and does not hang) when the client goes away in the middle of the body', async () => {
    const before = outcomes.length;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"partial":');
        setTimeout(() => socket.destroy(), 30);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    for (let i = 0; i < 50 && outcomes.length === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(outcomes.slice(before)).toEqual([{ ok: false, error: expect.stringMatching(/aborted/) }]);
  });
});
