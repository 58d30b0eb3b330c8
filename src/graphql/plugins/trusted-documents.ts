import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import type { TrustedDocuments } from '../trusted-documents.js';

/**
 * Trusted documents: only the manifest's documents run. A request names one by
 *
 * - `{"documentId": "sha256:<hex>"}` (GraphQL over HTTP's persisted documents; `?documentId=` on a GET), or
 * - Apollo's `extensions.persistedQuery.sha256Hash` (automatic persisted queries' request form);
 *
 * a document sent in full runs only when it is, byte for byte, a listed one. Anything else is refused
 * with `PERSISTED_QUERY_NOT_FOUND` before it is parsed, so no upstream call is made.
 *
 * Apollo Server's own persisted-query handling does the lookups and answers the refusals (with the
 * code and message Apollo clients recognise): its cache is the read-only manifest (`persistedQueryCache`),
 * and this plugin turns every other form into a lookup before the request is resolved.
 */
export function trustedDocumentsPlugin<TContext extends object>(trusted: TrustedDocuments): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const refusedDocument = resolveTrustedDocument(trusted, request);
      if (!refusedDocument) return;
      return {
        async willSendResponse({ response }) {
          // Apollo answers "PersistedQueryNotFound"; a client that sent a whole document learns why.
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' ? { ...error, message: NOT_TRUSTED_MESSAGE } : error,
          );
        },
      };
    },
  };
}

export const NOT_TRUSTED_MESSAGE =
  'This server runs only trusted documents, and this document is not one of them. Send the id of a listed document instead: {"documentId": "sha256:<hash>"}.';

/** Apollo's persisted-query cache, answered from the manifest; registering a new document is a no-op. */
export function persistedQueryCache(trusted: TrustedDocuments) {
  return {
    // Apollo prefixes its keys ("apq:<hash>").
    get: async (key: string) => trusted.get(key.slice(key.indexOf(':') + 1)),
    set: async () => {},
    delete: async () => {},
  };
}

/**
 * Rewrites the request so that Apollo's pipeline runs a listed document or refuses: a `documentId`
 * becomes its document (or, when not listed, a lookup that misses). Returns true when a document sent
 * in full was refused.
 */
function resolveTrustedDocument(trusted: TrustedDocuments, request: GraphQLRequest): boolean {
  const documentId = documentIdOf(request);
  if (documentId !== undefined) {
    const document = trusted.get(documentId);
    if (document !== undefined) {
      request.query = document;
      request.extensions = withoutPersistedQuery(request.extensions);
    } else {
      request.query = undefined;
      request.extensions = { ...request.extensions, persistedQuery: { version: 1, sha256Hash: documentId } };
    }
    return false;
  }
  // A hash alone is looked up by Apollo (persistedQueryCache); a whole document must be a listed one.
  if (request.query === undefined || trusted.includesDocument(request.query)) return false;
  request.query = undefined;
  request.extensions = { ...request.extensions, persistedQuery: { version: 1, sha256Hash: 'not-trusted' } };
  return true;
}

function documentIdOf(request: GraphQLRequest): string | undefined {
  const http = request.http;
  if (http === undefined) return undefined;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('documentId') ?? undefined;
  const body = http.body as { documentId?: unknown } | undefined;
  return typeof body?.documentId === 'string' ? body.documentId : undefined;
}

function withoutPersistedQuery(extensions: GraphQLRequest['extensions']): GraphQLRequest['extensions'] {
  if (!extensions?.persistedQuery) return extensions;
  const { persistedQuery: _ignored, ...rest } = extensions;
  return rest;
}
