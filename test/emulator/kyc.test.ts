import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmulatorClient, useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

const PENDING_BREAKDOWN = [
  { currency: 'usd', payment_rails: 'ach', status: 'pending' },
  { currency: 'usd', payment_rails: 'wire', status: 'pending' },
  { currency: 'eur', payment_rails: 'sepa', status: 'pending' },
];
const FLOW_LINK = /^https:\/\/kyc\.emulator\.invalid\/flow\/[A-Za-z0-9_-]{24}$/;

function approve(customerId: string, key = 'key-a') {
  return emu.call('POST', '/v0/customers/simulate', { key, json: { action: 'kyc.status.approve', customer_id: customerId } });
}

describe('KYC life cycle', () => {
  it('starts a pending session and stores it on the customer', async () => {
    const id = await emu.newCustomerId('kyc@example.com');
    const session = await emu.call('POST', `/v0/customers/${id}/kycs`);
    expect(session.status).toBe(201);
    expect(session.body).toEqual({
      kycs: {
        status: 'pending',
        sub_status: 'kyc_form_submission_started',
        kyc_flow_link: expect.stringMatching(FLOW_LINK),
        status_breakdown: PENDING_BREAKDOWN,
      },
    });
    const customer = await emu.call('GET', `/v0/customers/${id}`);
    expect(customer.body.kycs).toEqual(session.body.kycs);
    expect(customer.body.address).toBeNull();
  });

  it('gives a fresh link on each call while not approved', async () => {
    const id = await emu.newCustomerId('again@example.com');
    const first = await emu.call('POST', `/v0/customers/${id}/kycs`, { json: {} });
    const second = await emu.call('POST', `/v0/customers/${id}/kycs`, { json: {} });
    expect(second.status).toBe(201);
    expect(second.body.kycs.status).toBe('pending');
    expect(second.body.kycs.kyc_flow_link).not.toBe(first.body.kycs.kyc_flow_link);
    expect((await emu.call('GET', `/v0/customers/${id}`)).body.kycs.kyc_flow_link).toBe(second.body.kycs.kyc_flow_link);
  });

  it('carries redirect_uri in the flow link', async () => {
    const id = await emu.newCustomerId('redirect@example.com');
    const session = await emu.call('POST', `/v0/customers/${id}/kycs`, { json: { redirect_uri: 'https://app.example/done?x=1' } });
    expect(session.status).toBe(201);
    expect(session.body.kycs.kyc_flow_link).toMatch(/\?redirect_uri=https%3A%2F%2Fapp\.example%2Fdone%3Fx%3D1$/);
  });

  it.each([
    ['a non-string redirect_uri', { json: { redirect_uri: 42 } }, 'redirect_uri must be a string.'],
    ['a relative redirect_uri', { json: { redirect_uri: '/done' } }, 'redirect_uri must be an absolute http(s) URL.'],
    ['a non-http redirect_uri', { json: { redirect_uri: 'javascript:alert(1)' } }, 'redirect_uri must be an absolute http(s) URL.'],
    ['invalid JSON', { raw: '{' }, 'The request body is not valid JSON.'],
    ['an array body', { json: [] }, 'The request body must be a JSON object.'],
  ])('answers 400 for %s', async (_name, options, message) => {
    const id = await emu.newCustomerId('bad-kyc@example.com');
    const answer = await emu.call('POST', `/v0/customers/${id}/kycs`, options);
    expect(answer.body).toEqual({ message, code: 'validation_error' });
    expect(answer.status).toBe(400);
    expect((await emu.call('GET', `/v0/customers/${id}`)).body.kycs).toBeNull();
  });

  it("answers 404 for an unknown, non-UUID or other tenant's customer", async () => {
    const id = await emu.newCustomerId('owner@example.com', 'key-a');
    for (const [path, key] of [
      [`/v0/customers/${id}/kycs`, 'key-b'],
      ['/v0/customers/123e4567-e89b-42d3-a456-426614174000/kycs', 'key-a'],
      ['/v0/customers/nope/kycs', 'key-a'],
    ] as const) {
      const answer = await emu.call('POST', path, { key });
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'customer_not_found']);
    }
  });

  it('approves through simulate: status, sub_status, breakdown and address', async () => {
    const id = await emu.newCustomerId('approve@example.com');
    const session = await emu.call('POST', `/v0/customers/${id}/kycs`);
    const simulated = await approve(id);
    expect(simulated.status).toBe(200);
    expect(simulated.body).toEqual({});
    const customer = await emu.call('GET', `/v0/customers/${id}`);
    expect(customer.body.kycs).toEqual({
      status: 'approved',
      sub_status: 'kyc_form_submission_accepted',
      kyc_flow_link: session.body.kycs.kyc_flow_link,
      status_breakdown: PENDING_BREAKDOWN.map((entry) => ({ ...entry, status: 'approved' })),
    });
    expect(customer.body.address).toEqual({
      country: 'United States',
      city: 'San Francisco',
      street_line_1: '123 Main Street',
      postal_code: '94105',
      state: 'CA',
    });
  });

  it('returns the approved kycs unchanged when a session is requested after approval', async () => {
    const id = await emu.newCustomerId('done@example.com');
    await emu.call('POST', `/v0/customers/${id}/kycs`);
    await approve(id);
    const approved = (await emu.call('GET', `/v0/customers/${id}`)).body.kycs;
    const again = await emu.call('POST', `/v0/customers/${id}/kycs`);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ kycs: approved });
    expect(again.body.kycs.status).toBe('approved');
    // approving twice is harmless
    expect((await approve(id)).status).toBe(200);
  });

  it('refuses to approve before any KYC session', async () => {
    const id = await emu.newCustomerId('early@example.com');
    const answer = await approve(id);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('kyc_not_started');
    expect((await emu.call('GET', `/v0/customers/${id}`)).body.kycs).toBeNull();
  });

  it.each([
    ['an unknown action', { action: 'kyc.status.reject', customer_id: '123e4567-e89b-42d3-a456-426614174000' }, /^action must be/],
    ['a missing action', { customer_id: '123e4567-e89b-42d3-a456-426614174000' }, /^action must be/],
    ['a missing customer_id', { action: 'kyc.status.approve' }, /^customer_id is required/],
    ['a non-string customer_id', { action: 'kyc.status.approve', customer_id: 7 }, /^customer_id is required/],
  ])('simulate answers 400 for %s', async (_name, json, message) => {
    const answer = await emu.call('POST', '/v0/customers/simulate', { json });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_error');
    expect(answer.body.message).toMatch(message);
  });

  it("simulate answers 404 for an unknown or other tenant's customer", async () => {
    const id = await emu.newCustomerId('sim-owner@example.com', 'key-a');
    await emu.call('POST', `/v0/customers/${id}/kycs`, { key: 'key-a' });
    const other = await approve(id, 'key-b');
    expect([other.status, other.body.code]).toEqual([404, 'customer_not_found']);
    const unknown = await approve('123e4567-e89b-42d3-a456-426614174000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'customer_not_found']);
    expect((await emu.call('GET', `/v0/customers/${id}`, { key: 'key-a' })).body.kycs.status).toBe('pending');
  });
});

describe('production mode', () => {
  let prod: EmulatorClient;
  beforeAll(async () => {
    prod = await EmulatorClient.start({ production: true });
  });
  afterAll(() => prod.close());

  it('answers 403 forbidden on simulate and leaves the customer pending', async () => {
    const id = await prod.newCustomerId('prod@example.com');
    expect((await prod.call('POST', `/v0/customers/${id}/kycs`)).status).toBe(201);
    const answer = await prod.call('POST', '/v0/customers/simulate', { json: { action: 'kyc.status.approve', customer_id: id } });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ message: 'Simulation is not available in production.', code: 'forbidden' });
    expect((await prod.call('GET', `/v0/customers/${id}`)).body.kycs.status).toBe('pending');
  });

  it('still authenticates first', async () => {
    const answer = await prod.call('POST', '/v0/customers/simulate', { key: null, json: {} });
    expect(answer.status).toBe(401);
  });
});
