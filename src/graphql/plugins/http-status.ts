import type { ApolloServerPlugin } from '@apollo/server';
import { GRAPHQL_RESPONSE_JSON, preferredResponseType } from './media-type.js';

/** Errors of a well-formed request that graphql-js refused before execution. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * HTTP status of request errors, per the GraphQL-over-HTTP spec: a client whose `Accept` header
 * prefers `application/graphql-response+json` (by q-value, media-type.ts) gets 400 for a document or variables graphql-js refused; a
 * client that only speaks `application/json` (a federation gateway among them) gets 200 with the
 * errors in the body. Otherwise a gateway would see only "400: Bad Request" and drop the subgraph's
 * message and code, e.g. for input that breaks `@oneOf`, which a gateway's schema no longer knows.
 */
export function requestErrorStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.http.status !== 400 || !errors?.length) return;
          if (preferredResponseType(request.http?.headers.get('accept')) === GRAPHQL_RESPONSE_JSON) return;
          const allRequestErrors = errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)));
          if (allRequestErrors) response.http.status = 200;
        },
      };
    },
  };
}
