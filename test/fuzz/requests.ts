import fc from 'fast-check';
import { hostileString, json, jsonText, key, object, type Json } from './arbitraries.js';
import { groupOperations } from './operations/index.js';

/**
 * Random and adversarial HTTP requests to `/graphql`: real operations with hostile variables, random
 * and pathological documents, broken JSON, wrong content types and odd credentials.
 */
export interface FuzzRequest {
  readonly method: 'GET' | 'POST';
  /** Query string for GET, e.g. `?query=...`. */
  readonly search: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Credentials this request sent: none of them may come back in a response or a log line. */
  readonly credentials: readonly string[];
}

/** The real operations of every group, with variables of the right or the wrong type. */
const realOperation = fc.oneof(...groupOperations);

const GRAPHQL_TOKENS = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '...', '=', '|', '&', '"', '"""', '#', ',', 'query', 'mutation', 'subscription', 'fragment', 'on', 'customer', 'customers', 'createCustomer', '__schema', '__type', '__typename', '_entities', '_service', 'id', 'email', 'input', 'individual', 'true', 'null', '1', '-0.5e9', '\u0000', '\ufeff', '\n'];

/** Documents a parser and validator must survive. */
const hostileDocument = fc.oneof(
  fc.array(fc.constantFrom(...GRAPHQL_TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(' ')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.nat({ max: 400 }).map((depth) => `{ ${'customer(id: "x") { kyc { '.repeat(depth)}status${' } }'.repeat(depth)} }`),
  fc.nat({ max: 400 }).map((depth) => `{ __schema { types { fields { type { ${'ofType { '.repeat(depth)}name${' }'.repeat(depth)} } } } } }`),
  fc.nat({ max: 2_000 }).map((count) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: customers { id }`).join(' ')} }`),
  fc.nat({ max: 200 }).map((count) => `{ __typename ${'@include(if: true) '.repeat(count)} }`),
  fc.nat({ max: 20 }).map((count) => `mutation { ${Array.from({ length: count }, (_, i) => `m${i}: createKycSession(customerId: "00000000-0000-4000-8000-00000000000${i % 10}") { status }`).join(' ')} }`),
  fc.constant('query A { ...F } fragment F on Query { ...G } fragment G on Query { ...F }'),
  hostileString.map((value) => `{ customer(id: ${JSON.stringify(value)}) { id } }`),
  fc.constant('subscription { customers { id } }'),
  fc.constant('{ customers { id } } { customers { email } }'),
);

/** Mostly `null` (absent): otherwise Apollo refuses nearly every request on the shape of one member. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const variablesObject = fc.array(fc.tuple(key, json), { maxLength: 4 }).map(object);

const anyDocument = fc.oneof(
  { weight: 3, arbitrary: realOperation.map((operation) => ({ ...operation, operationName: null as Json })) },
  { weight: 2, arbitrary: fc.tuple(hostileDocument, fc.oneof(variablesObject, rarely(json)), rarely(json)).map(([query, variables, operationName]) => ({
    query,
    variables: variables as Json,
    operationName: operationName as Json,
  })) },
);

const extensions = rarely(
  fc.oneof(
    json,
    fc.tuple(fc.constantFrom(1, 2, '1'), fc.stringMatching(/^[0-9a-f]{64}$/)).map(([version, sha256Hash]) =>
      object([['persistedQuery', object([['version', version], ['sha256Hash', sha256Hash]])]]),
    ),
  ),
);

/** Body text: a GraphQL request (sometimes with stray members), or JSON of the wrong shape, or not JSON at all. */
const body = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(anyDocument, extensions).map(([doc, extensions]) => jsonText(object([['query', doc.query], ['variables', doc.variables], ['operationName', doc.operationName], ...(extensions === null ? [] : [['extensions', extensions] as const])]))) },
  { weight: 1, arbitrary: json.map(jsonText) },
  { weight: 1, arbitrary: fc.array(anyDocument, { minLength: 1, maxLength: 3 }).map((docs) => jsonText(docs.map((d) => object([['query', d.query]])))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"query":', '{"query": "{ customers { id } }",}', 'null', '"query"', '{"query": 42}', '{"query": "{ customers { id } }", "variables": "{}"}', '{"__proto__": {"query": "{ customers { id } }"}}', '{"query": "{ customers { id } }", "constructor": {"prototype": {"polluted": true}}}') },
  { weight: 1, arbitrary: fc.nat({ max: 200_000 }).map((length) => JSON.stringify({ query: '{ customers { id } }', variables: { pad: 'x'.repeat(length) } })) },
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constant('application/graphql-response+json') },
  { weight: 3, arbitrary: fc.constantFrom(
  'application/json; charset=utf-8',
  'application/graphql-response+json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/graphql',
  'application/xml',
  '',
  'application/json\u00e9',
  ) },
);

const accept = fc.constantFrom(undefined, 'application/json', 'application/graphql-response+json', 'text/html', 'multipart/mixed', '*/*', 'image/png', 'application/graphql-response+json;q=0.9, application/json;q=0.8');

/** A credential that cannot appear in a response by chance, so an echo is always a leak. */
const credential = fc
  .tuple(fc.constantFrom('', 'sk_live_', 'eyJ'), fc.stringMatching(/^[A-Za-z0-9]{16,40}$/))
  .map(([prefix, random]) => `${prefix}cred${random}`);

const mostly = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const credentials = fc.record(
  {
    authorization: fc.oneof({ weight: 4, arbitrary: credential.map((c) => `Bearer ${c}`) }, credential, credential.map((c) => `Basic ${c}`), credential.map((c) => `Bearer ${c} ${c}`)),
    apiKey: credential,
  },
  { requiredKeys: [] },
);

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ body, contentType, accept, credentials, preflight: mostly })
      .map(({ body, contentType, accept, credentials, preflight }) => {
        const headers: Record<string, string> = {};
        if (contentType !== '') headers['content-type'] = contentType;
        if (accept) headers.accept = accept;
        if (preflight) headers['apollo-require-preflight'] = 'true';
        if (credentials.authorization) headers.authorization = credentials.authorization;
        if (credentials.apiKey) headers['api-key'] = credentials.apiKey;
        return { method: 'POST' as const, search: '', headers, body, credentials: secretsOf(credentials) };
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ doc: anyDocument, accept, credentials, preflight: mostly, raw: rarely(fc.string({ unit: "binary", maxLength: 80 })) })
      .map(({ doc, accept, credentials, preflight, raw }) => {
        const params = new URLSearchParams();
        params.set('query', String(doc.query));
        if (doc.variables !== null) params.set('variables', jsonText(doc.variables));
        const headers: Record<string, string> = {};
        if (accept) headers.accept = accept;
        if (preflight) headers['apollo-require-preflight'] = 'true';
        if (credentials.authorization) headers.authorization = credentials.authorization;
        if (credentials.apiKey) headers['api-key'] = credentials.apiKey;
        const search = raw === null ? `?${params}` : `?${raw}`;
        return { method: 'GET' as const, search, headers, credentials: secretsOf(credentials) };
      }),
  },
);

function secretsOf(credentials: { authorization?: string; apiKey?: string }): string[] {
  const secrets = [credentials.apiKey, ...(credentials.authorization?.match(/\S*cred[A-Za-z0-9]+/g) ?? [])];
  return secrets.filter((secret): secret is string => secret !== undefined);
}
