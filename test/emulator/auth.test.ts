import { describe, expect, it } from '@jest/globals';
import { EMULATOR_DEMO_KEY } from '../../src/emulator/index.js';
import { useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

describe('API key authentication', () => {
  it('accepts Api-Key, raw Authorization and Authorization: Bearer as the same tenant', async () => {
    const created = await emu.call('POST', '/v0/customers', {
      key: 'tenant-key-1',
      auth: 'api-key',
      json: { email: 'auth@example.com', type: 'individual', first_name: 'A', last_name: 'B' },
    });
    expect(created.status).toBe(201);
    const id = created.body.customer_id as string;
    for (const auth of ['api-key', 'raw', 'bearer'] as const) {
      const answer = await emu.call('GET', `/v0/customers/${id}`, { key: 'tenant-key-1', auth });
      expect([auth, answer.status, answer.body.customer_id]).toEqual([auth, 200, id]);
    }
  });

  it('treats the Bearer scheme case-insensitively', async () => {
    const id = await emu.newCustomerId('scheme@example.com', 'k-scheme');
    const answer = await emu.call('GET', `/v0/customers/${id}`, { key: null, headers: { authorization: 'bearer k-scheme' } });
    expect(answer.status).toBe(200);
  });

  it('serves the demo key as an ordinary tenant', async () => {
    expect(EMULATOR_DEMO_KEY).toBe('emulator-demo-key');
    const id = await emu.newCustomerId('demo@example.com', EMULATOR_DEMO_KEY);
    expect((await emu.call('GET', `/v0/customers/${id}`, { key: EMULATOR_DEMO_KEY })).status).toBe(200);
    expect((await emu.call('GET', `/v0/customers/${id}`, { key: 'another' })).status).toBe(404);
  });

  it('answers 401 unauthorized without a key, before looking at the body', async () => {
    const answer = await emu.call('POST', '/v0/customers', { key: null, raw: '{not json' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: expect.stringMatching(/^Missing API key/), code: 'unauthorized' });
    expect((await emu.call('GET', '/v0/customers', { key: null })).status).toBe(401);
  });

  const malformed: Array<[string, Record<string, string>]> = [
    ['an empty Api-Key', { 'api-key': '' }],
    ['a key with a space', { 'api-key': 'two words' }],
    ['Bearer with no key', { authorization: 'Bearer' }],
    ['Bearer with a spaced key', { authorization: 'Bearer a b' }],
    ['a key longer than 256 characters', { 'api-key': 'k'.repeat(257) }],
  ];
  it.each(malformed)('answers 401 for %s and never echoes the key', async (_name, headers) => {
    const answer = await emu.call('GET', '/v0/customers', { key: null, headers });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'Malformed API key.', code: 'unauthorized' });
  });

  it('accepts a key of exactly 256 visible characters', async () => {
    const key = '~'.repeat(128) + '!'.repeat(128);
    expect((await emu.call('GET', '/v0/customers', { key })).status).toBe(200);
  });

  it('never echoes the key in an answer', async () => {
    const key = 'secret-key-which-must-not-leak';
    const answers = await Promise.all([
      emu.call('GET', '/v0/customers/123e4567-e89b-42d3-a456-426614174000', { key }),
      emu.call('POST', '/v0/customers', { key, json: { email: 'bad' } }),
      emu.call('GET', '/v0/customers', { key: null, headers: { authorization: `Bearer ${key} x` } }),
      emu.call('DELETE', '/v0/customers', { key }),
      emu.call('GET', '/v0/nothing', { key }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 400, 401, 405, 404]);
    for (const answer of answers) expect(answer.text).not.toContain(key);
  });
});
