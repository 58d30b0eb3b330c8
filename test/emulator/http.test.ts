import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { startEmulator } from '../../src/emulator/index.js';
import { EmulatorClient, useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

const MiB = 1024 * 1024;

/** A create body of exactly `size` bytes (an ignored padding field fills it up). */
function paddedBody(size: number): string {
  const base = { email: 'big@example.com', type: 'individual', first_name: 'A', last_name: 'B', padding: '' };
  const overhead = JSON.stringify(base).length;
  return JSON.stringify({ ...base, padding: 'x'.repeat(size - overhead) });
}

describe('HTTP behaviour', () => {
  it('starts on a loopback ephemeral port and reports its URL', () => {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.emulator.port}`);
    expect(emu.emulator.port).toBeGreaterThan(0);
  });

  it('answers 404 route_not_found for an unknown route, without counting it', async () => {
    for (const path of ['/', '/v1/customers', '/v0/customers/a/b/c', '/v0//customers', '/__emulator/nope']) {
      const answer = await emu.call('GET', path);
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'route_not_found']);
    }
    expect((await emu.admin('GET', 'stats')).body).toEqual({ requests: {} });
  });

  it('answers 405 with Allow for a wrong method on a known path', async () => {
    const answer = await emu.call('DELETE', '/v0/customers');
    expect(answer.status).toBe(405);
    expect(answer.body.code).toBe('method_not_allowed');
    expect(answer.headers.get('allow')).toBe('POST, GET');
    const onParam = await emu.call('POST', '/v0/customers/123e4567-e89b-42d3-a456-426614174000');
    expect([onParam.status, onParam.headers.get('allow')]).toEqual([405, 'GET, PUT']);
    const admin = await emu.call('PUT', '/__emulator/stats', { key: null });
    expect([admin.status, admin.headers.get('allow')]).toEqual([405, 'GET']);
  });

  it('prefers the literal segment and falls back to the parameter for another method', async () => {
    // POST /v0/customers/simulate is the simulate route, not "a POST on customer 'simulate'".
    const simulate = await emu.call('POST', '/v0/customers/simulate', { json: { action: 'nope' } });
    expect([simulate.status, simulate.body.message]).toEqual([400, 'action must be one of "kyc.status.approve".']);
    // GET has no literal route, so it is a customer lookup (and "simulate" is no customer id).
    const get = await emu.call('GET', '/v0/customers/simulate');
    expect([get.status, get.body.code]).toEqual([404, 'customer_not_found']);
    const stats = await emu.admin('GET', 'stats');
    expect(stats.body.requests).toEqual({ 'POST /v0/customers/simulate': 1, 'GET /v0/customers/:customer_id': 1 });
  });

  it('ignores the query string when routing and tolerates a trailing slash', async () => {
    await emu.newCustomerId('slash@example.com');
    const answer = await emu.call('GET', '/v0/customers/?unknown=1');
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(1);
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const raw = paddedBody(MiB);
    expect(Buffer.byteLength(raw)).toBe(MiB);
    const answer = await emu.call('POST', '/v0/customers', { raw });
    expect(answer.status).toBe(201);
  });

  it('answers 413 for a body over 1 MiB, and creates nothing', async () => {
    const answer = await emu.call('POST', '/v0/customers', { raw: paddedBody(MiB + 1) });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ message: 'The request body is larger than this route takes (1 MiB; 12 MiB for files).', code: 'payload_too_large' });
    expect(await emu.listCustomers()).toEqual([]);
  });

  it('answers 413 for a chunked body that grows over 1 MiB', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/v0/customers`, { method: 'POST', headers: { 'api-key': 'key-a' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      for (let i = 0; i < 5; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    expect(await emu.listCustomers()).toEqual([]);
  });

  it('survives a client that goes away in the middle of a body, creating nothing', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(emu.emulator.port, '127.0.0.1', () => {
        socket.write('POST /v0/customers HTTP/1.1\r\nHost: e\r\nApi-Key: key-a\r\nContent-Length: 500\r\n\r\n{"email":');
        setTimeout(() => socket.destroy(), 30);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect(await emu.listCustomers()).toEqual([]);
    expect((await emu.admin('GET', 'stats')).body.requests).toEqual({ 'POST /v0/customers': 1, 'GET /v0/customers': 1 });
  });

  it('keeps connections alive', async () => {
    const answer = await emu.call('GET', '/v0/customers');
    expect(answer.headers.get('connection')).toBe('keep-alive');
    expect(answer.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('closes promptly with an idle keep-alive connection open, and stops listening', async () => {
    const other = await startEmulator();
    const first = await fetch(`${other.url}/v0/customers`, { headers: { 'api-key': 'k' } });
    expect(first.status).toBe(200);
    await first.text();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${other.url}/v0/customers`, { headers: { 'api-key': 'k' } })).rejects.toThrow();
    await other.close(); // a second close is harmless
  });

  it('serves two emulators with independent state', async () => {
    const other = await EmulatorClient.start();
    try {
      await emu.newCustomerId('here@example.com');
      expect(await other.listCustomers()).toEqual([]);
      expect(other.emulator.port).not.toBe(emu.emulator.port);
    } finally {
      await other.close();
    }
  });
});
