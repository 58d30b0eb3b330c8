import { describe, expect, it } from '@jest/globals';
import { CreateCustomerDocument, CreateKycSessionDocument, GetCustomerDocument, ListCustomersDocument } from '../../../generated/graphql.js';
import { useSharedStack, uniqueEmail } from '../../../helpers/stack.js';

const KEY_A = 'read-key-alpha-29c1';
const KEY_B = 'read-key-bravo-83aa';
const asA = { headers: { authorization: `Bearer ${KEY_A}` } };
const asB = { headers: { authorization: `Bearer ${KEY_B}` } };
const GET_ROUTE = 'GET /v0/customers/:customer_id';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const stack = useSharedStack();

async function createIndividual(headers = asA, email = uniqueEmail('read')): Promise<string> {
  const { body } = await stack.graphql(
    CreateCustomerDocument,
    { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
    headers,
  );
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.createCustomer.id;
}

describe('customer(id)', () => {
  it('reads a customer through its KYC life cycle', async () => {
    const id = await createIndividual();
    const before = await stack.graphql(GetCustomerDocument, { id }, asA);
    expect(before.body.data?.customer).toMatchObject({ id, type: 'INDIVIDUAL', kyc: null, address: null });

    const session = await stack.graphql(CreateKycSessionDocument, { customerId: id, redirectUri: 'https://app.example.com/done' }, asA);
    expect(session.body.errors).toBeUndefined();
    const kyc = session.body.data!.createKycSession;
    expect(kyc.status).toBe('PENDING');
    expect(kyc.subStatus).toBe('KYC_FORM_SUBMISSION_STARTED');
    expect(kyc.flowLink).toMatch(/^https?:\/\//);
    expect(kyc.statusBreakdown.length).toBeGreaterThan(0);
    for (const entry of kyc.statusBreakdown) {
      expect(entry.status).toBe('PENDING');
      expect(entry.currency).not.toBe('UNKNOWN');
      expect(entry.paymentRails).not.toBe('UNKNOWN');
    }

    await stack.admin.approveKyc(KEY_A, id);
    const after = await stack.graphql(GetCustomerDocument, { id }, asA);
    const customer = after.body.data!.customer!;
    expect(customer.kyc).toMatchObject({ status: 'APPROVED', subStatus: 'KYC_FORM_SUBMISSION_ACCEPTED' });
    expect(customer.kyc!.statusBreakdown.every((entry) => entry.status === 'APPROVED')).toBe(true);
    expect(customer.address).toEqual({
      country: expect.any(String),
      city: expect.any(String),
      streetLine1: expect.any(String),
      postalCode: expect.any(String),
      state: expect.anything(),
    });
  });

  it('answers null for an unknown id and for another tenant\'s customer', async () => {
    const id = await createIndividual(asA);
    expect((await stack.graphql(GetCustomerDocument, { id: MISSING_ID }, asA)).body).toEqual({ data: { customer: null } });
    expect((await stack.graphql(GetCustomerDocument, { id }, asB)).body).toEqual({ data: { customer: null } });
  });

  it('rejects a malformed id with BAD_USER_INPUT and no upstream call', async () => {
    const { body } = await stack.graphql(GetCustomerDocument, { id: 'not-a-uuid' }, asA);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'id', message: 'id must be a UUID' }],
    });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('costs one upstream GET per distinct id within an operation, however it is reached', async () => {
    const first = await createIndividual();
    const second = await createIndividual();
    await stack.admin.reset();
    await stack.admin.seedCustomer(KEY_A, { customer_id: first, email: 'a@example.com', type: 'individual' });
    await stack.admin.seedCustomer(KEY_A, { customer_id: second, email: 'b@example.com', type: 'individual' });
    const { body } = await stack.graphql(
      `query($a: ID!, $b: ID!) {
        one: customer(id: $a) { id email }
        two: customer(id: $a) { id type }
        three: customer(id: $b) { id }
        four: customer(id: $b) { email }
      }`,
      { a: first, b: second },
      asA,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      one: { id: first, email: 'a@example.com' },
      two: { id: first, type: 'INDIVIDUAL' },
      three: { id: second },
      four: { email: 'b@example.com' },
    });
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(2);
  });

  it('maps upstream enum values it does not know to UNKNOWN without failing the customer', async () => {
    const seeded = await stack.admin.seedCustomer(KEY_A, {
      email: 'odd@example.com',
      type: 'individual',
      first_name: 'Odd',
      last_name: 'Values',
      kycs: {
        status: 'under_review',
        sub_status: 'kyc_video_call_scheduled',
        kyc_flow_link: 'https://kyc.example.com/x',
        status_breakdown: [
          { currency: 'gbp', payment_rails: 'faster_payments', status: 'pending' },
          { currency: 'usd', payment_rails: 'ach', status: 'on_hold' },
        ],
      },
    });
    const { body } = await stack.graphql(GetCustomerDocument, { id: seeded.customer_id as string }, asA);
    expect(body.errors).toBeUndefined();
    expect(body.data!.customer).toMatchObject({
      email: 'odd@example.com',
      firstName: 'Odd',
      kyc: {
        status: 'UNKNOWN',
        subStatus: 'UNKNOWN',
        flowLink: 'https://kyc.example.com/x',
        statusBreakdown: [
          { currency: 'UNKNOWN', paymentRails: 'UNKNOWN', status: 'PENDING' },
          { currency: 'USD', paymentRails: 'ACH', status: 'UNKNOWN' },
        ],
      },
    });
    // Logged once per enum and value, however often it is seen.
    await stack.graphql(GetCustomerDocument, { id: seeded.customer_id as string }, asA);
    const warnings = stack.logs().split('\n').filter((line) => line.includes('"upstreamValue":"under_review"'));
    expect(warnings).toHaveLength(1);
  });

  it('hands frontends only https (or loopback http) flow links, and logs unknown values without echoing them', async () => {
    const links = {
      'javascript:alert(document.cookie)': null,
      'data:text/html,<script>alert(1)</script>': null,
      'http://kyc.example.com/flow': null,
      'not a url': null,
      'https://kyc.example.com/flow?t=1': 'https://kyc.example.com/flow?t=1',
      'http://127.0.0.1:4010/kyc/flow': 'http://127.0.0.1:4010/kyc/flow',
    };
    for (const [link, expected] of Object.entries(links)) {
      const seeded = await stack.admin.seedCustomer(KEY_A, {
        email: uniqueEmail('link'),
        type: 'individual',
        kycs: { status: 'sk_live_Echoed1Key', kyc_flow_link: link, status_breakdown: [] },
      });
      const { body } = await stack.graphql(GetCustomerDocument, { id: seeded.customer_id as string }, asA);
      expect(body.data!.customer!.kyc).toMatchObject({ flowLink: expected, status: 'UNKNOWN' });
    }
    const logs = stack.logs();
    expect(logs.split('\n').filter((line) => line.includes('unsafe upstream link replaced by null'))).toHaveLength(4);
    expect(logs).not.toContain('javascript:alert');
    expect(logs).not.toContain('sk_live_Echoed1Key');
    expect(logs).toMatch(/"enum":"KycStatus","upstreamValueSha256":"[0-9a-f]{12}","upstreamValueLength":18/);
  });

  it('reads an older answer: beneficiary_type and "business"', async () => {
    const seeded = await stack.admin.seedCustomer(KEY_A, {
      email: 'old@example.com',
      beneficiary_type: 'business',
      company_name: 'Old Style Ltd',
    });
    const { body } = await stack.graphql(GetCustomerDocument, { id: seeded.customer_id as string }, asA);
    expect(body.data!.customer).toMatchObject({ type: 'CORPORATE', companyName: 'Old Style Ltd' });
  });

  it('answers UPSTREAM_BAD_RESPONSE when the upstream customer lacks a required field', async () => {
    const seeded = await stack.admin.seedCustomer(KEY_A, { type: 'individual' });
    const { body } = await stack.graphql(GetCustomerDocument, { id: seeded.customer_id as string }, asA);
    expect(body.data).toEqual({ customer: null });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_BAD_RESPONSE', upstreamStatus: 200 });
  });
});

describe('customers(email)', () => {
  it('lists the caller\'s customers, filtered by email', async () => {
    const email = uniqueEmail('list');
    const id = await createIndividual(asA, email);
    await createIndividual(asA);
    await createIndividual(asB, email);
    const filtered = await stack.graphql(ListCustomersDocument, { email }, asA);
    expect(filtered.body.data!.customers.map((c) => c.id)).toEqual([id]);
    const all = await stack.graphql(ListCustomersDocument, {}, asA);
    expect(all.body.data!.customers).toHaveLength(2);
    const none = await stack.graphql(ListCustomersDocument, { email: 'nobody@example.com' }, asA);
    expect(none.body.data!.customers).toEqual([]);
  });
});

describe('argument checks', () => {
  it.each([
    ['customers(email:) with a malformed email', ListCustomersDocument, { email: 'not-an-email' }, 'email', 'email must be a valid email address'],
    ['createKycSession(redirectUri:) with a relative URL', CreateKycSessionDocument, { customerId: MISSING_ID, redirectUri: '/done' }, 'redirectUri', 'redirectUri must be an absolute http(s) URL of at most 2048 characters'],
    ['createKycSession(redirectUri:) with a javascript: URL', CreateKycSessionDocument, { customerId: MISSING_ID, redirectUri: 'javascript:alert(1)' }, 'redirectUri', 'redirectUri must be an absolute http(s) URL of at most 2048 characters'],
  ] as const)('rejects %s before any upstream call', async (_name, document, variables, path, message) => {
    const { body } = await stack.graphql(document as typeof ListCustomersDocument, variables as never, asA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ path, message }] });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses an over-long or control-character email filter, with no upstream call', async () => {
    for (const email of [`${'x'.repeat(250)}@example.com`, 'a\u0000@example.com', '\ud800']) {
      const { body } = await stack.graphql(ListCustomersDocument, { email }, asA);
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: 'email', message: 'email must be a valid email address' }],
      });
    }
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});

describe('createKycSession', () => {
  it('answers NOT_FOUND for an unknown customer and for another tenant\'s', async () => {
    const id = await createIndividual(asA);
    for (const [customerId, headers] of [[MISSING_ID, asA], [id, asB]] as const) {
      const { body } = await stack.graphql(CreateKycSessionDocument, { customerId }, headers);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
    }
  });

  it('rejects a malformed id with no upstream call', async () => {
    const { body } = await stack.graphql(CreateKycSessionDocument, { customerId: '12345' }, asA);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.admin.totalRequests()).toBe(0);
  });
});
