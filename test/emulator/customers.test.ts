import { describe, expect, it } from '@jest/globals';
import { UUID_V4, useSharedEmulator } from './helpers.js';

const emu = useSharedEmulator();

describe('POST /v0/customers', () => {
  it('creates an individual with exactly the documented create shape', async () => {
    const answer = await emu.call('POST', '/v0/customers', {
      json: { email: 'ada@example.com', type: 'individual', first_name: 'Ada', last_name: 'Lovelace' },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(answer.body).sort()).toEqual(['company_name', 'customer_id', 'email', 'first_name', 'last_name', 'type']);
    expect(answer.body.customer_id).toMatch(UUID_V4);
    expect(answer.body).toEqual({
      customer_id: answer.body.customer_id,
      email: 'ada@example.com',
      type: 'individual',
      first_name: 'Ada',
      last_name: 'Lovelace',
      company_name: null,
    });
  });

  it('creates a corporate customer with null names', async () => {
    const answer = await emu.call('POST', '/v0/customers', {
      json: { email: 'ops@acme.example', type: 'corporate', company_name: 'Acme Corporation' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      customer_id: expect.stringMatching(UUID_V4),
      email: 'ops@acme.example',
      type: 'corporate',
      first_name: null,
      last_name: null,
      company_name: 'Acme Corporation',
    });
  });

  it('accepts beneficiary_type as an alias of type', async () => {
    const answer = await emu.call('POST', '/v0/customers', {
      json: { email: 'old@acme.example', beneficiary_type: 'corporate', company_name: 'Old Docs Inc' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.type).toBe('corporate');
  });

  it('ignores names that do not apply to the type', async () => {
    const answer = await emu.call('POST', '/v0/customers', {
      json: { email: 'x@example.com', type: 'individual', first_name: 'X', last_name: 'Y', company_name: 'Z Ltd' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.company_name).toBeNull();
  });

  it('gives every customer a distinct id', async () => {
    const first = await emu.newCustomerId('one@example.com');
    const second = await emu.newCustomerId('two@example.com');
    expect(first).not.toBe(second);
  });

  const individual = { email: 'ok@example.com', type: 'individual', first_name: 'A', last_name: 'B' };
  const invalid: Array<[string, { raw?: string; json?: unknown }, RegExp]> = [
    ['invalid JSON', { raw: '{"email": ' }, /not valid JSON/],
    ['an empty body', { raw: '' }, /JSON object/],
    ['an array body', { json: [individual] }, /JSON object/],
    ['a string body', { json: 'ok@example.com' }, /JSON object/],
    ['a null body', { raw: 'null' }, /JSON object/],
    ['a missing email', { json: { ...individual, email: undefined } }, /^email is required/],
    ['a non-string email', { json: { ...individual, email: 42 } }, /^email must be a string/],
    ['an email without @', { json: { ...individual, email: 'not-an-email' } }, /^email must be a valid email/],
    ['an email without a domain dot', { json: { ...individual, email: 'a@localhost' } }, /^email must be a valid email/],
    ['an email with a space', { json: { ...individual, email: 'a b@example.com' } }, /^email must be a valid email/],
    ['a missing type', { json: { ...individual, type: undefined } }, /^type is required/],
    ['an unknown type', { json: { ...individual, type: 'business' } }, /^type must be "individual" or "corporate"/],
    ['a non-string type', { json: { ...individual, type: 1 } }, /^type must be/],
    ['an unknown beneficiary_type', { json: { ...individual, type: undefined, beneficiary_type: 'x' } }, /^beneficiary_type must be/],
    ['type and beneficiary_type disagreeing', { json: { ...individual, beneficiary_type: 'corporate' } }, /disagree/],
    ['an individual without first_name', { json: { ...individual, first_name: undefined } }, /^first_name is required for individual/],
    ['an individual with a blank last_name', { json: { ...individual, last_name: '   ' } }, /^last_name is required for individual/],
    ['a non-string first_name', { json: { ...individual, first_name: 42 } }, /^first_name must be a string/],
    ['a corporate without company_name', { json: { email: 'c@example.com', type: 'corporate' } }, /^company_name is required for corporate/],
    ['a corporate with an empty company_name', { json: { email: 'c@example.com', type: 'corporate', company_name: '' } }, /^company_name is required/],
    ['a non-string company_name', { json: { email: 'c@example.com', type: 'corporate', company_name: ['Acme'] } }, /^company_name must be a string/],
  ];
  it.each(invalid)('answers 400 validation_error for %s', async (_name, body, message) => {
    const answer = await emu.call('POST', '/v0/customers', body);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_error');
    expect(answer.body.message).toMatch(message);
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'message']);
    expect(await emu.listCustomers()).toEqual([]);
  });

  it('answers 409 for an email already used in the tenant, compared case-insensitively', async () => {
    await emu.newCustomerId('dup@example.com');
    const again = await emu.call('POST', '/v0/customers', {
      json: { email: 'DUP@Example.COM', type: 'corporate', company_name: 'Dup Inc' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ message: expect.any(String), code: 'customer_already_exists' });
    expect(await emu.listCustomers()).toHaveLength(1);
  });

  it('lets two tenants use the same email', async () => {
    const a = await emu.createIndividual('shared@example.com', 'key-a');
    const b = await emu.createIndividual('shared@example.com', 'key-b');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.customer_id).not.toBe(b.body.customer_id);
  });
});

describe('GET /v0/customers/:customer_id', () => {
  it('answers the full customer, address and kycs null before KYC', async () => {
    const id = await emu.newCustomerId('full@example.com');
    const answer = await emu.call('GET', `/v0/customers/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      customer_id: id,
      email: 'full@example.com',
      type: 'individual',
      first_name: 'Ada',
      last_name: 'Lovelace',
      company_name: null,
      address: null,
      kycs: null,
    });
  });

  it('finds a customer whatever the case of its id', async () => {
    const id = await emu.newCustomerId('case@example.com');
    expect((await emu.call('GET', `/v0/customers/${id.toUpperCase()}`)).status).toBe(200);
  });

  it("answers 404 for another tenant's customer", async () => {
    const id = await emu.newCustomerId('mine@example.com', 'key-a');
    const answer = await emu.call('GET', `/v0/customers/${id}`, { key: 'key-b' });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: 'No customer with this customer_id.', code: 'customer_not_found' });
  });

  it('answers 404 for an unknown id and for a non-UUID id', async () => {
    const unknown = await emu.call('GET', '/v0/customers/123e4567-e89b-42d3-a456-426614174000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('customer_not_found');
    const notUuid = await emu.call('GET', '/v0/customers/not-a-uuid');
    expect(notUuid.status).toBe(404);
    expect(notUuid.body.code).toBe('customer_not_found');
  });
});

describe('GET /v0/customers', () => {
  it("lists the caller's customers only, in creation order", async () => {
    const first = await emu.newCustomerId('a1@example.com', 'key-a');
    const second = await emu.newCustomerId('a2@example.com', 'key-a');
    await emu.newCustomerId('b1@example.com', 'key-b');
    const items = (await emu.listCustomers('key-a')) as Array<{ customer_id: string; kycs: unknown }>;
    expect(items.map((c) => c.customer_id)).toEqual([first, second]);
    expect(items[0]).toHaveProperty('kycs', null);
    expect(await emu.listCustomers('key-c')).toEqual([]);
  });

  it('filters by exact email, case-insensitively', async () => {
    const id = await emu.newCustomerId('Find.Me+tag@Example.com');
    await emu.newCustomerId('other@example.com');
    const found = (await emu.listCustomers('key-a', 'find.me+TAG@example.com')) as Array<{ customer_id: string; email: string }>;
    expect(found.map((c) => [c.customer_id, c.email])).toEqual([[id, 'Find.Me+tag@Example.com']]);
    expect(await emu.listCustomers('key-a', 'find.me@example.com')).toEqual([]);
    expect(await emu.listCustomers('key-b', 'find.me+tag@example.com')).toEqual([]);
  });
});
