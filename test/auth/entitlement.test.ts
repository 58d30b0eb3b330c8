import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { CreateCustomerDocument, CreateKycSessionDocument, GetCustomerDocument, ListCustomersDocument } from '../generated/graphql.js';
import { startStack, uniqueEmail, type TestStack } from '../helpers/stack.js';

const SERVER_KEY = 'server-held-align-key-entitlement';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'align-graphql';
const HS_SECRET = 'hs256-shared-secret-for-entitlement-tests-0123';
const GATEWAY_SECRET = 'gateway-shared-secret-for-entitlement-0123';
const ADMIN_SCOPE = 'align:admin';
const ENTITIES = 'query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }';

async function tokenFor(subject: string, claims: Record<string, unknown> = {}): Promise<Record<string, string>> {
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(HS_SECRET));
  return { authorization: `Bearer ${token}` };
}

function individual(email: string) {
  return { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } };
}

describe('end-user entitlement in server-key mode (two JWT subjects on one Align key)', () => {
  let stack: TestStack;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({
      demoKey: false,
      env: {
        ALIGN_API_KEY: SERVER_KEY,
        AUTH_JWT_SECRET: HS_SECRET,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_GATEWAY_SECRET: GATEWAY_SECRET,
        AUTH_ADMIN_SCOPE: ADMIN_SCOPE,
      },
    });
    alice = await tokenFor('alice');
    bob = await tokenFor('bob');
  });
  afterAll(async () => {
    await stack.close();
  });
  beforeEach(async () => {
    await stack.admin.reset();
  });

  async function create(headers: Record<string, string>, email = uniqueEmail('owned'), idempotencyKey?: string) {
    const created = await stack.graphql(CreateCustomerDocument, { ...individual(email), idempotencyKey }, { headers });
    expect(created.body.errors).toBeUndefined();
    return created.body.data!.createCustomer;
  }

  it('the same idempotencyKey from two subjects makes two customers, with two upstream creates', async () => {
    const key = `shared-key-${randomUUID()}`;
    const mine = await create(alice, uniqueEmail('alice'), key);
    const theirs = await create(bob, uniqueEmail('bob'), key);
    expect(theirs.id).not.toBe(mine.id);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(2);
    expect(await stack.admin.customersOf(SERVER_KEY)).toHaveLength(2);
    // A repeat by the same subject still replays its own result without a call.
    expect((await create(alice, mine.email, key)).id).toBe(mine.id);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(2);
  });

  it("another subject's customer reads exactly like an unknown id: by id, by _entities and by email, with no upstream call", async () => {
    const mine = await create(alice);
    const unknownId = randomUUID();
    const readsBefore = await stack.admin.requestCount('GET /v0/customers/:customer_id');

    const byId = await stack.graphql(GetCustomerDocument, { id: mine.id }, { headers: bob });
    const unknownById = await stack.graphql(GetCustomerDocument, { id: unknownId }, { headers: bob });
    expect(byId).toEqual({ status: 200, body: { data: { customer: null } } });
    expect(byId).toEqual(unknownById);

    const entities = await stack.graphql(ENTITIES, { r: [{ __typename: 'Customer', id: mine.id }] }, { headers: bob });
    const unknownEntities = await stack.graphql(ENTITIES, { r: [{ __typename: 'Customer', id: unknownId }] }, { headers: bob });
    expect(entities).toEqual({ status: 200, body: { data: { _entities: [null] } } });
    expect(entities).toEqual(unknownEntities);
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(readsBefore);

    const byEmail = await stack.graphql(ListCustomersDocument, { email: mine.email }, { headers: bob });
    const unknownEmail = await stack.graphql(ListCustomersDocument, { email: uniqueEmail('nobody') }, { headers: bob });
    expect(byEmail).toEqual({ status: 200, body: { data: { customers: [] } } });
    expect(byEmail).toEqual(unknownEmail);
    const all = await stack.graphql(ListCustomersDocument, {}, { headers: bob });
    expect(all.body.data!.customers).toEqual([]);

    // The owner still sees it, by id and in the list.
    const own = await stack.graphql(GetCustomerDocument, { id: mine.id.toUpperCase() }, { headers: alice });
    expect(own.body.data!.customer?.email).toBe(mine.email);
    const ownList = await stack.graphql(ListCustomersDocument, {}, { headers: alice });
    expect(ownList.body.data!.customers.map((c) => c.id)).toEqual([mine.id]);
  });

  it("a mutation on another subject's customer is NOT_FOUND exactly as the upstream's own 404, with no upstream call", async () => {
    const mine = await create(alice);
    const refused = await stack.graphql(CreateKycSessionDocument, { customerId: mine.id }, { headers: bob });
    expect(await stack.admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(0);
    // What the upstream itself answers for an id it does not know (asked with the admin scope).
    const admin = await tokenFor('operator', { scope: `openid ${ADMIN_SCOPE}` });
    const upstream404 = await stack.graphql(CreateKycSessionDocument, { customerId: randomUUID() }, { headers: admin });
    expect(await stack.admin.requestCount('POST /v0/customers/:customer_id/kycs')).toBe(1);
    expect(upstream404.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', upstreamStatus: 404 });
    expect(refused).toEqual(upstream404);
    const unknown = await stack.graphql(CreateKycSessionDocument, { customerId: randomUUID() }, { headers: bob });
    expect(unknown).toEqual(upstream404);
  });

  it('the admin scope reads every customer; a token claim lists customers; the gateway has full access', async () => {
    const a = await create(alice);
    const b = await create(bob);
    const admin = await tokenFor('operator', { scp: [ADMIN_SCOPE] });
    for (const customer of [a, b]) {
      const read = await stack.graphql(GetCustomerDocument, { id: customer.id }, { headers: admin });
      expect(read.body.data!.customer?.email).toBe(customer.email);
    }
    const listed = await stack.graphql(ListCustomersDocument, {}, { headers: admin });
    expect(listed.body.data!.customers).toHaveLength(2);

    const support = await tokenFor('support', { align_customer_ids: [b.id] });
    expect((await stack.graphql(GetCustomerDocument, { id: b.id }, { headers: support })).body.data!.customer?.id).toBe(b.id);
    expect((await stack.graphql(GetCustomerDocument, { id: a.id }, { headers: support })).body.data!.customer).toBeNull();
    expect((await stack.graphql(ListCustomersDocument, {}, { headers: support })).body.data!.customers.map((c) => c.id)).toEqual([b.id]);

    const gateway = { 'x-gateway-secret': GATEWAY_SECRET };
    expect((await stack.graphql(ListCustomersDocument, {}, { headers: gateway })).body.data!.customers).toHaveLength(2);
  });

  it('a KYC session on an own customer goes through', async () => {
    const mine = await create(alice);
    const kyc = await stack.graphql(CreateKycSessionDocument, { customerId: mine.id }, { headers: alice });
    expect(kyc.body.errors).toBeUndefined();
    expect(kyc.body.data!.createKycSession.status).toBeDefined();
  });

  it('a token without a subject is refused', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(HS_SECRET));
    const answer = await stack.graphql(ListCustomersDocument, {}, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(401);
  });
});
