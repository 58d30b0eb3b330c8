import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { useSharedStack } from '../helpers/stack.js';

const KEY_A = 'fed-key-alpha-4411';
const KEY_B = 'fed-key-bravo-9e07';
const asA = { headers: { authorization: `Bearer ${KEY_A}` } };
const asB = { headers: { authorization: `Bearer ${KEY_B}` } };
const GET_ROUTE = 'GET /v0/customers/:customer_id';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Customer { id email type kyc { status } } }
}`;

const stack = useSharedStack();

async function seedCustomers(apiKey: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const seeded = await stack.admin.seedCustomer(apiKey, {
      email: `entity${i}@example.com`,
      type: i % 2 === 0 ? 'individual' : 'corporate',
      ...(i % 2 === 0 ? { first_name: 'E', last_name: String(i) } : { company_name: `Company ${i}` }),
    });
    ids.push(seeded.customer_id as string);
  }
  return ids;
}

/** 100 representations cycling through the ids. */
function representations(ids: string[], count = 100) {
  return Array.from({ length: count }, (_, i) => ({ __typename: 'Customer', id: ids[i % ids.length] }));
}

describe('the subgraph', () => {
  it('serves its SDL through _service', async () => {
    const { body } = await stack.graphql<{ _service: { sdl: string } }, never>('{ _service { sdl } }');
    expect(body.data!._service.sdl).toMatch(/type Customer\s+@key\(fields: "id"\)/);
  });

  it('resolves 100 representations of 10 ids with exactly 10 upstream GETs, in order', async () => {
    const ids = await seedCustomers(KEY_A, 10);
    const { body } = await stack.graphql<{ _entities: Array<{ id: string; email: string; type: string }> }, unknown>(
      ENTITIES,
      { representations: representations(ids) },
      asA,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(100);
    body.data!._entities.forEach((entity, i) => {
      expect(entity.id).toBe(ids[i % 10]);
      expect(entity.email).toBe(`entity${i % 10}@example.com`);
      expect(entity.type).toBe(i % 2 === 0 ? 'INDIVIDUAL' : 'CORPORATE');
    });
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(10);
  });

  it('shares one upstream GET between customer(id) and _entities in the same operation', async () => {
    const [id] = await seedCustomers(KEY_A, 1);
    const { body } = await stack.graphql<{ customer: { email: string }; _entities: Array<{ id: string }> }, unknown>(
      `query($id: ID!, $representations: [_Any!]!) {
        customer(id: $id) { email }
        _entities(representations: $representations) { ... on Customer { id } }
      }`,
      { id, representations: [{ __typename: 'Customer', id }, { __typename: 'Customer', id }] },
      asA,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ customer: { email: 'entity0@example.com' }, _entities: [{ id }, { id }] });
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(1);
  });

  it('fetches at most 8 customers at a time for one request', async () => {
    const ids = await seedCustomers(KEY_A, 20);
    await stack.admin.addFault({ route: GET_ROUTE, kind: 'delay', delayMs: 150 });
    const started = Date.now();
    const { body } = await stack.graphql<{ _entities: Array<{ id: string }> }, unknown>(
      ENTITIES,
      { representations: representations(ids, 20) },
      asA,
    );
    const elapsed = Date.now() - started;
    expect(body.data!._entities.map((entity) => entity.id)).toEqual(ids);
    // 20 GETs of 150 ms, 8 at a time, take three rounds; unbounded they would take one.
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(20);
  });

  it('refuses representations that name no entity type as BAD_USER_INPUT, before any upstream call', async () => {
    const [id] = await seedCustomers(KEY_A, 1);
    await stack.admin.reset();
    const { body } = await stack.graphql<{ _entities: unknown[] }, unknown>(
      ENTITIES,
      { representations: [{ __typename: 'Customer', id }, false, { id }, { __typename: 'Query' }] },
      asA,
    );
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Some representations do not name an entity type.',
        extensions: {
          code: 'BAD_USER_INPUT',
          // Every entity type of the schema is named; each group adds its own.
          fieldErrors: [1, 2, 3].map((index) => ({ path: `representations.${index}.__typename`, message: expect.stringMatching(/^must be one of (\w+, )*Customer(, \w+)*$/) })),
        },
      }),
    ]);
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('resolves unknown and malformed ids to null; malformed ones cost no upstream call', async () => {
    const [id] = await seedCustomers(KEY_A, 1);
    const { body } = await stack.graphql<{ _entities: unknown[] }, unknown>(
      ENTITIES,
      {
        representations: [
          { __typename: 'Customer', id },
          { __typename: 'Customer', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'Customer', id: 'not-a-uuid' },
        ],
      },
      asA,
    );
    expect(body.data!._entities).toEqual([{ id, email: 'entity0@example.com', type: 'INDIVIDUAL', kyc: null }, null, null]);
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(2);
  });

  it('keeps tenants apart in one process: key B never sees key A\'s customer', async () => {
    const { body: created } = await stack.graphql<{ createCustomer: { id: string } }, never>(
      'mutation { createCustomer(input: { individual: { email: "iso@example.com", firstName: "I", lastName: "So" } }) { id } }',
      undefined,
      asA,
    );
    const id = created.data!.createCustomer.id;
    // Interleave A's and B's reads so that any cache shared across requests would leak.
    const [a1, b1, a2, b2] = await Promise.all([
      stack.graphql<{ customer: { id: string } | null }, unknown>('query($id: ID!) { customer(id: $id) { id } }', { id }, asA),
      stack.graphql<{ customer: { id: string } | null }, unknown>('query($id: ID!) { customer(id: $id) { id } }', { id }, asB),
      stack.graphql<{ _entities: unknown[] }, unknown>(ENTITIES, { representations: [{ __typename: 'Customer', id }] }, asA),
      stack.graphql<{ _entities: unknown[] }, unknown>(ENTITIES, { representations: [{ __typename: 'Customer', id }] }, asB),
    ]);
    expect(a1.body.data!.customer).toEqual({ id });
    expect(b1.body.data!.customer).toBeNull();
    expect(a2.body.data!._entities).toEqual([expect.objectContaining({ id })]);
    expect(b2.body.data!._entities).toEqual([null]);
  });
});

describe('through @apollo/gateway', () => {
  let orders: { url: string; stop: () => Promise<void> };
  let gateway: { url: string; stop: () => Promise<void> };

  beforeAll(async () => {
    // A second subgraph that references Customer by id, as another team's service would.
    const ordersServer = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: parse(`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
          type Order @key(fields: "id") { id: ID! customer: Customer! }
          type Customer @key(fields: "id", resolvable: false) { id: ID! }
          type Query { orders(customerIds: [ID!]!): [Order!]! }
        `),
        resolvers: {
          Query: {
            orders: (_: unknown, args: { customerIds: string[] }) =>
              args.customerIds.map((id, i) => ({ id: `order-${i}`, customer: { id } })),
          },
        },
      }),
    });
    const ordersUrl = (await startStandaloneServer(ordersServer, { listen: { port: 0, host: '127.0.0.1' } })).url;
    orders = { url: ordersUrl, stop: () => ordersServer.stop() };

    const gatewayServer = new ApolloServer<{ authorization?: string }>({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: [
            { name: 'align', url: `${stack.server.url}/graphql` },
            { name: 'orders', url: ordersUrl },
          ],
        }),
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      }),
    });
    const gatewayUrl = (
      await startStandaloneServer(gatewayServer, {
        listen: { port: 0, host: '127.0.0.1' },
        context: async ({ req }) => ({ authorization: req.headers.authorization }),
      })
    ).url;
    gateway = { url: gatewayUrl.replace(/\/$/, ''), stop: () => gatewayServer.stop() };
  });

  afterAll(async () => {
    await gateway?.stop();
    await orders?.stop();
  });

  function viaGateway<T>(query: string, variables?: unknown, headers = asA.headers) {
    return fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }));
  }

  it('composes with the Subscription type in the subgraph and serves the webhook fields (the gateway runs no subscriptions)', async () => {
    const { body } = await viaGateway<{ webhooks: unknown[] }>('{ webhooks { id url status } }');
    expect(body).toEqual({ data: { webhooks: [] } });
    const { body: refused } = await viaGateway<unknown>('subscription { customerKycUpdated { eventId } }');
    expect(refused.errors?.length).toBeGreaterThan(0);
  });

  it('answers a query spanning both subgraphs with one upstream GET per distinct customer', async () => {
    const ids = await seedCustomers(KEY_A, 10);
    const customerIds = representations(ids).map((r) => r.id);
    const { body } = await viaGateway<{ orders: Array<{ id: string; customer: { id: string; email: string } }> }>(
      'query($customerIds: [ID!]!) { orders(customerIds: $customerIds) { id customer { id email type } } }',
      { customerIds },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.orders).toHaveLength(100);
    body.data!.orders.forEach((order, i) => {
      expect(order.id).toBe(`order-${i}`);
      expect(order.customer).toMatchObject({ id: ids[i % 10], email: `entity${i % 10}@example.com` });
    });
    expect(await stack.admin.requestCount(GET_ROUTE)).toBe(10);
  });

  it('forwards each caller\'s key: another tenant\'s customers resolve to null', async () => {
    const ids = await seedCustomers(KEY_A, 2);
    const { body } = await viaGateway<{ orders: Array<{ customer: { email: string | null } | null }> }>(
      'query($customerIds: [ID!]!) { orders(customerIds: $customerIds) { id customer { email } } }',
      { customerIds: ids },
      asB.headers,
    );
    // Customer is non-null in Order, so a null entity nulls the order list field (GraphQL's rule).
    expect(body.data?.orders ?? null).toBeNull();
    expect(await stack.admin.customersOf(KEY_B)).toHaveLength(0);
  });

  it('still rejects bad @oneOf input the gateway lets through, before any upstream call', async () => {
    const { body } = await viaGateway<unknown>(
      `mutation { createCustomer(input: {
        individual: { email: "a@example.com", firstName: "A", lastName: "B" },
        corporate: { email: "c@example.com", companyName: "C" }
      }) { id } }`,
    );
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors![0]!.message).toBe('OneOf Input Object "CreateCustomerInput" must specify exactly one key.');
    // The gateway's own schema has lost @oneOf: the refusal comes from this subgraph.
    expect(body.errors![0]!.extensions?.serviceName).toBe('align');
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(0);
  });

  it('rejects bad @oneOf variables through the gateway as BAD_USER_INPUT, before any upstream call', async () => {
    const { body } = await viaGateway<unknown>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { individual: null } },
    );
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(/"\$input".*must be non-null/);
    expect(await stack.admin.requestCount('POST /v0/customers')).toBe(0);
  });

});
