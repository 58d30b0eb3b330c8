import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { EMULATOR_DEMO_KEY } from '../../src/emulator/index.js';
import { NOT_TRUSTED_MESSAGE } from '../../src/graphql/plugins/trusted-documents.js';
import { sha256, TrustedDocuments, TrustedDocumentsError } from '../../src/graphql/trusted-documents.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { CreateCustomerDocument, GetCustomerDocument } from '../generated/client/graphql.js';
import { uniqueEmail, useSharedStack, type GraphQLResponse } from '../helpers/stack.js';

/** The manifest `npm run codegen` writes for test/operations (graphql-codegen's client preset). */
const MANIFEST_PATH = fileURLToPath(new URL('../generated/client/persisted-documents.json', import.meta.url));
const stack = useSharedStack({ env: { TRUSTED_DOCUMENTS: MANIFEST_PATH } });

const GET_CUSTOMER_ID = (GetCustomerDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const CREATE_CUSTOMER_ID = (CreateCustomerDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;

async function manifest(): Promise<Record<string, string>> {
  return JSON.parse(await readFile(MANIFEST_PATH, 'utf8')) as Record<string, string>;
}

async function post<TData = Record<string, unknown>>(body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<TData>> {
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<TData>['body'] };
}

async function seededId(): Promise<string> {
  const seeded = await stack.admin.seedCustomer(EMULATOR_DEMO_KEY, { email: uniqueEmail('trusted'), type: 'individual', first_name: 'T', last_name: 'D' });
  return seeded.customer_id as string;
}

describe('TRUSTED_DOCUMENTS: only listed documents run', () => {
  it('runs a listed document sent as {"documentId": "sha256:<hex>"}', async () => {
    const id = await seededId();
    expect(GET_CUSTOMER_ID).toMatch(/^sha256:[0-9a-f]{64}$/);
    const answer = await post<{ customer: { id: string } }>({ documentId: GET_CUSTOMER_ID, variables: { id } });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.customer.id).toBe(id);
    expect(await stack.admin.requestCount('GET /v0/customers/:customer_id')).toBe(1);
  });

  it('runs a listed mutation by id', async () => {
    const email = uniqueEmail('trusted-create');
    const answer = await post<{ createCustomer: { email: string } }>({
      documentId: CREATE_CUSTOMER_ID,
      variables: { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
    });
    expect(answer.body.data?.createCustomer.email).toBe(email);
  });

  it("runs a listed document named by Apollo's extensions.persistedQuery.sha256Hash", async () => {
    const id = await seededId();
    const answer = await post<{ customer: { id: string } }>({
      variables: { id },
      extensions: { persistedQuery: { version: 1, sha256Hash: GET_CUSTOMER_ID.slice('sha256:'.length) } },
    });
    expect(answer.body.data?.customer.id).toBe(id);
  });

  it('runs a listed document by id on a GET', async () => {
    const id = await seededId();
    const search = new URLSearchParams({ documentId: GET_CUSTOMER_ID, variables: JSON.stringify({ id }) });
    const response = await fetch(`${stack.server.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true' } });
    const body = (await response.json()) as { data?: { customer: { id: string } } };
    expect(body.data?.customer.id).toBe(id);
  });

  it('runs a listed document sent in full, byte for byte', async () => {
    const id = await seededId();
    const document = (await manifest())[GET_CUSTOMER_ID];
    const answer = await post<{ customer: { id: string } }>({ query: document, variables: { id } });
    expect(answer.body.data?.customer.id).toBe(id);
  });

  it('refuses a document that is not listed (even a listed one reformatted), with no upstream call', async () => {
    const id = await seededId();
    const listed = (await manifest())[GET_CUSTOMER_ID]!;
    for (const query of ['query { customer(id: "' + id + '") { id email } }', `${listed} `]) {
      const answer = await post({ query, variables: { id } });
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([{ message: NOT_TRUSTED_MESSAGE, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    }
    // A hash sent with the document registers nothing: asking by that hash afterwards is refused too.
    const free = '{ customers { id } }';
    const withHash = await post({ query: free, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(free) } } });
    expect(withHash.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(free) } } });
    expect(byHash.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('refuses an unknown id or hash with PERSISTED_QUERY_NOT_FOUND and no upstream call', async () => {
    const unknown = sha256('query Unknown { customers { id } }');
    for (const body of [
      { documentId: `sha256:${unknown}` },
      { documentId: 'not-a-hash' },
      { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
    ]) {
      const answer = await post(body);
      expect(answer.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    }
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('says so in the explorer, whose tabs hold the listed documents as they run', async () => {
    const response = await fetch(`${stack.server.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).toContain('<p id="explorer-notice" role="note">Trusted documents only (TRUSTED_DOCUMENTS is set)');
    expect(html).toContain('{"documentId": "sha256:&lt;hash&gt;"}');
    const settings = JSON.parse(/<script id="explorer-settings" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as {
      tabs: Array<{ query: string }>;
    };
    expect(settings.tabs.map((tab) => tab.query).sort()).toEqual(Object.values(await manifest()).sort());
    // What the explorer sends for a tab is the tab's text: it runs.
    const id = await seededId();
    const getCustomerTab = settings.tabs.find((tab) => tab.query.includes('query GetCustomer'))!;
    const answer = await post<{ customer: { id: string } }>({ query: getCustomerTab.query, variables: { id } });
    expect(answer.body.data?.customer.id).toBe(id);
  });
});

describe('the trusted-documents manifest', () => {
  const query = 'query A { customers { id } }';

  it('accepts keys with or without the sha256: prefix', () => {
    const trusted = TrustedDocuments.parse('m.json', JSON.stringify({ [sha256(query)]: query, [`sha256:${sha256('{ x }')}`]: '{ x }' }));
    expect(trusted.size).toBe(2);
    expect(trusted.get(`sha256:${sha256(query)}`)).toBe(query);
    expect(trusted.get(sha256('{ x }'))).toBe('{ x }');
  });

  it.each([
    ['not JSON', '{', 'is not valid JSON'],
    ['an array', '[]', 'must be a JSON object mapping sha256 hashes to documents'],
    ['empty', '{}', 'lists no documents'],
    ['a key that is no hash', JSON.stringify({ abc: query }), 'has a key that is not a sha256 hash: "abc"'],
    ['a document that is not a string', JSON.stringify({ [sha256(query)]: 1 }), `maps ${sha256(query)} to something that is not a document`],
    ['a document under the wrong hash', JSON.stringify({ [sha256(query)]: `${query} ` }), `maps ${sha256(query)} to a document whose sha256 is another`],
  ])('is refused when %s', (_case, text, problem) => {
    expect(() => TrustedDocuments.parse('m.json', text)).toThrow(new TrustedDocumentsError('m.json', problem));
    expect(() => TrustedDocuments.parse('m.json', text)).toThrow(`TRUSTED_DOCUMENTS: the manifest m.json ${problem}`);
  });

  it('stops the server from starting when the file cannot be read', async () => {
    const config = loadConfig({ TRUSTED_DOCUMENTS: '/nonexistent/trusted.json', PORT: '0', HOST: '127.0.0.1' });
    await expect(
      startServer({ config, alignApiUrl: new URL('http://127.0.0.1:9'), logger: createLogger('silent') }),
    ).rejects.toThrow('TRUSTED_DOCUMENTS: the manifest /nonexistent/trusted.json cannot be read (ENOENT)');
  });
});
