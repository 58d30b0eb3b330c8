import type autocannon from 'autocannon';

/**
 * The requests of each benchmarked path. Every create carries a fresh email (the upstream answers
 * 409 to a duplicate), so no run measures an error path.
 */

export const BENCH_API_KEY = 'bench-api-key';
const KEY_HEADERS = { 'api-key': BENCH_API_KEY };
const JSON_HEADERS = { ...KEY_HEADERS, 'content-type': 'application/json' };

let sequence = 0;
const runId = Date.now().toString(36);
function uniqueEmail(): string {
  sequence += 1;
  return `bench.${runId}.${sequence}@example.com`;
}

/** A request whose body is rebuilt before every send. */
function withFreshBody(path: string, headers: Record<string, string>, body: () => string): autocannon.Request {
  return {
    method: 'POST',
    path,
    headers,
    setupRequest: (request) => ({ ...request, body: body() }),
  };
}

export const restCreate = (path: string): autocannon.Request =>
  withFreshBody(path, JSON_HEADERS, () =>
    JSON.stringify({ email: uniqueEmail(), type: 'individual', first_name: 'Ada', last_name: 'Lovelace' }),
  );

export const restGet = (path: string): autocannon.Request => ({ method: 'GET', path, headers: KEY_HEADERS });

const CUSTOMER_FIELDS = 'id email type firstName lastName companyName';

export const CREATE_CUSTOMER = `mutation BenchCreate($input: CreateCustomerInput!) { createCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
export const READ_CUSTOMER = `query BenchRead($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`;
export const ENTITIES = `query BenchEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { ${CUSTOMER_FIELDS} } } }`;

export const graphqlCreate = (): autocannon.Request =>
  withFreshBody('/graphql', JSON_HEADERS, () =>
    JSON.stringify({
      query: CREATE_CUSTOMER,
      variables: { input: { individual: { email: uniqueEmail(), firstName: 'Ada', lastName: 'Lovelace' } } },
    }),
  );

export const graphqlRead = (id: string): autocannon.Request => ({
  method: 'POST',
  path: '/graphql',
  headers: JSON_HEADERS,
  body: JSON.stringify({ query: READ_CUSTOMER, variables: { id } }),
});

/** `_entities` with `count` representations cycling through `ids`. */
export const graphqlEntities = (ids: readonly string[], count: number): autocannon.Request => ({
  method: 'POST',
  path: '/graphql',
  headers: JSON_HEADERS,
  body: JSON.stringify({
    query: ENTITIES,
    variables: { representations: Array.from({ length: count }, (_, i) => ({ __typename: 'Customer', id: ids[i % ids.length] })) },
  }),
});

/** A GraphQL answer with data and without errors (a cheap check on every answer). */
export function isGraphQLSuccess(body: string): boolean {
  return body.startsWith('{"data":{') && !body.includes('"errors"');
}

/** `_entities` answer with exactly `count` customers, none null (parsed: run it on samples). */
export function hasEntities(body: string, count: number): boolean {
  const parsed = JSON.parse(body) as { data?: { _entities?: Array<{ id?: string } | null> }; errors?: unknown };
  const entities = parsed.data?._entities;
  return parsed.errors === undefined && entities?.length === count && entities.every((entity) => typeof entity?.id === 'string');
}

/** A REST customer answer (the upstream's own shape). */
export function isRestCustomer(body: string): boolean {
  return body.startsWith('{') && body.includes('"customer_id"');
}
