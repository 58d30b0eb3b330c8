import { describe, expect, it } from '@jest/globals';
import { EmulatorClient, rawPost, useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

const customer = { email: 'fault@example.com', type: 'individual', first_name: 'F', last_name: 'T' };

describe('POST /__emulator/faults validation', () => {
  it('stores a fault and answers it with an id; GET lists it; DELETE clears', async () => {
    const added = await emu.admin('POST', 'faults', { route: 'POST /v0/customers', kind: 'status', status: 429, retryAfterSeconds: 3, times: 2 });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: 'fault_1',
      route: 'POST /v0/customers',
      kind: 'status',
      status: 429,
      delayMs: null,
      retryAfterSeconds: 3,
      times: 2,
      applied: 0,
    });
    const everywhere = await emu.admin('POST', 'faults', { kind: 'delay', delayMs: 0, status: 503 });
    expect(everywhere.body).toEqual({ id: 'fault_2', route: null, kind: 'delay', status: null, delayMs: 0, retryAfterSeconds: null, times: null, applied: 0 });
    expect((await emu.admin('GET', 'faults')).body.faults.map((f: { id: string }) => f.id)).toEqual(['fault_1', 'fault_2']);
    expect((await emu.admin('DELETE', 'faults/fault_1')).status).toBe(200);
    expect((await emu.admin('DELETE', 'faults/fault_1')).body.code).toBe('fault_not_found');
    expect((await emu.admin('GET', 'faults')).body.faults.map((f: { id: string }) => f.id)).toEqual(['fault_2']);
    const cleared = await emu.admin('DELETE', 'faults');
    expect([cleared.status, cleared.body]).toEqual([200, {}]);
    expect((await emu.admin('GET', 'faults')).body).toEqual({ faults: [] });
    expect((await emu.call('GET', '/v0/customers')).status).toBe(200);
  });

  it('defaults a status fault to 503 and accepts a lower-case method in route', async () => {
    const added = await emu.admin('POST', 'faults', { route: 'get /v0/customers/:customer_id', kind: 'status' });
    expect([added.body.route, added.body.status]).toEqual(['GET /v0/customers/:customer_id', 503]);
  });

  it.each([
    ['invalid JSON', '{"kind":', /not valid JSON/],
    ['a missing kind', { status: 503 }, /^kind must be one of "status", "delay", "reset-before", "reset-after-commit", "malformed"/],
    ['an unknown kind', { kind: 'explode' }, /^kind must be one of/],
    ['an unknown route', { kind: 'status', route: 'GET /v0/nothing' }, /^route must be an upstream route template .*known: POST \/v0\/customers, GET \/v0\/customers/],
    ['a route without method', { kind: 'status', route: '/v0/customers' }, /^route must be/],
    ['a non-string route', { kind: 'status', route: 5 }, /^route must be/],
    ['an admin route', { kind: 'status', route: 'GET /__emulator/stats' }, /^route must be/],
    ['a 2xx status', { kind: 'status', status: 200 }, /^status must be an integer from 400 to 599/],
    ['a fractional status', { kind: 'status', status: 500.5 }, /^status must be an integer/],
    ['a string status', { kind: 'status', status: '503' }, /^status must be an integer/],
    ['a negative delayMs', { kind: 'delay', delayMs: -1 }, /^delayMs must be an integer from 0 to 600000/],
    ['a huge delayMs', { kind: 'delay', delayMs: 600_001 }, /^delayMs must be/],
    ['a negative retryAfterSeconds', { kind: 'status', retryAfterSeconds: -5 }, /^retryAfterSeconds must be/],
    ['times 0', { kind: 'status', times: 0 }, /^times must be an integer from 1/],
    ['fractional times', { kind: 'status', times: 1.5 }, /^times must be an integer/],
  ])('answers 400 for %s', async (_name, fault, message) => {
    const answer =
      typeof fault === 'string'
        ? await emu.call('POST', '/__emulator/faults', { key: null, raw: fault })
        : await emu.admin('POST', 'faults', fault);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_error');
    expect(answer.body.message).toMatch(message);
    expect((await emu.admin('GET', 'faults')).body.faults).toEqual([]);
  });
});

describe('fault kinds', () => {
  it('status: answers the status with {message, code} and Retry-After, without running the handler', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'status', status: 429, retryAfterSeconds: 7, times: 1 });
    const limited = await emu.call('POST', '/v0/customers', { json: customer });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toEqual({ message: expect.stringContaining('429'), code: 'rate_limited' });
    expect(await emu.listCustomers()).toEqual([]);
  });

  it.each([
    [500, 'internal_error'],
    [503, 'service_unavailable'],
    [401, 'unauthorized'],
    [418, 'i_m_a_teapot'],
  ])('status %i answers code %s and no Retry-After by default', async (status, code) => {
    await emu.addFault({ kind: 'status', status });
    const answer = await emu.call('GET', '/v0/customers');
    expect([answer.status, answer.body.code, answer.headers.get('retry-after')]).toEqual([status, code, null]);
  });

  it('delay: waits, then handles normally', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'delay', delayMs: 250, times: 1 });
    const started = performance.now();
    const answer = await emu.call('POST', '/v0/customers', { json: customer });
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(201);
    expect(elapsed).toBeGreaterThanOrEqual(240);
    const quick = performance.now();
    expect((await emu.call('GET', '/v0/customers')).status).toBe(200);
    expect(performance.now() - quick).toBeLessThan(200);
  });

  it('reset-before: drops the connection without an answer and creates nothing', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'reset-before', times: 1 });
    const received = await emu.rawRequest(rawPost('/v0/customers', customer));
    expect(received).toBe('');
    expect(await emu.listCustomers()).toEqual([]);
    await expect(emu.call('GET', '/v0/customers')).resolves.toMatchObject({ status: 200 });
  });

  it('reset-before: a fetch client sees a network error', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'reset-before', times: 1 });
    await expect(emu.call('POST', '/v0/customers', { json: customer })).rejects.toThrow('fetch failed');
    expect(await emu.listCustomers()).toEqual([]);
  });

  it('reset-after-commit: creates the customer, then drops the connection without an answer', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'reset-after-commit', times: 1 });
    const received = await emu.rawRequest(rawPost('/v0/customers', customer));
    expect(received).toBe('');
    const items = (await emu.listCustomers()) as Array<{ email: string }>;
    expect(items.map((c) => c.email)).toEqual(['fault@example.com']);
  });

  it('reset-after-commit: a retry with the same Idempotency-Key gets the committed answer', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'reset-after-commit', times: 1 });
    expect(await emu.rawRequest(rawPost('/v0/customers', customer, 'key-a', 'Idempotency-Key: k-commit\r\n'))).toBe('');
    const retried = await emu.call('POST', '/v0/customers', { json: customer, headers: { 'idempotency-key': 'k-commit' } });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const items = (await emu.listCustomers()) as Array<{ customer_id: string }>;
    expect(items.map((c) => c.customer_id)).toEqual([retried.body.customer_id]);
  });

  it('malformed: commits, answers the real status with an unparsable JSON body', async () => {
    await emu.addFault({ route: 'POST /v0/customers', kind: 'malformed', times: 1 });
    const answer = await emu.call('POST', '/v0/customers', { json: customer });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
    expect(answer.text.startsWith('{"customer_id":"')).toBe(true);
    expect(await emu.listCustomers()).toHaveLength(1);
  });

  it('malformed: even a {} answer becomes invalid JSON', async () => {
    const id = await emu.newCustomerId('m@example.com');
    await emu.call('POST', `/v0/customers/${id}/kycs`);
    await emu.addFault({ route: 'POST /v0/customers/simulate', kind: 'malformed' });
    const answer = await emu.call('POST', '/v0/customers/simulate', { json: { action: 'kyc.status.approve', customer_id: id } });
    expect([answer.status, answer.text]).toEqual([200, '{']);
    expect((await emu.call('GET', `/v0/customers/${id}`)).body.kycs.status).toBe('approved');
  });
});

describe('fault selection', () => {
  it('applies `times` times, then no more', async () => {
    await emu.addFault({ route: 'GET /v0/customers', kind: 'status', status: 502, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await emu.call('GET', '/v0/customers')).status);
    expect(statuses).toEqual([502, 502, 200, 200]);
    const [fault] = (await emu.admin('GET', 'faults')).body.faults;
    expect([fault.times, fault.applied]).toEqual([0, 2]);
  });

  it('only applies to its route', async () => {
    await emu.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'status', status: 500 });
    const created = await emu.createIndividual('route@example.com');
    expect(created.status).toBe(201);
    expect((await emu.call('GET', '/v0/customers')).status).toBe(200);
    expect((await emu.call('GET', `/v0/customers/${created.body.customer_id}`)).status).toBe(500);
    expect((await emu.call('GET', `/v0/customers/${created.body.customer_id}`)).status).toBe(500);
  });

  it('without route, applies to every upstream route but never to the admin API', async () => {
    await emu.addFault({ kind: 'status', status: 503 });
    expect((await emu.call('GET', '/v0/customers')).status).toBe(503);
    expect((await emu.call('POST', '/v0/customers', { json: customer })).status).toBe(503);
    expect((await emu.admin('GET', 'stats')).status).toBe(200);
    expect((await emu.call('GET', '/v0/unknown')).status).toBe(404);
  });

  it('checks faults in the order added: the first with times left wins', async () => {
    await emu.addFault({ route: 'GET /v0/customers', kind: 'status', status: 500, times: 1 });
    await emu.addFault({ kind: 'status', status: 503, times: 1 });
    await emu.addFault({ route: 'GET /v0/customers', kind: 'status', status: 504, times: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await emu.call('GET', '/v0/customers')).status);
    expect(statuses).toEqual([500, 503, 504, 200]);
  });

  it('applies before authentication', async () => {
    await emu.addFault({ kind: 'status', status: 503, times: 1 });
    expect((await emu.call('GET', '/v0/customers', { key: null })).status).toBe(503);
    expect((await emu.call('GET', '/v0/customers', { key: null })).status).toBe(401);
  });

  it('close() does not wait for a delayed request', async () => {
    const other = await EmulatorClient.start();
    await other.addFault({ kind: 'delay', delayMs: 60_000 });
    const pending = other.call('GET', '/v0/customers');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow('fetch failed');
  });
});
