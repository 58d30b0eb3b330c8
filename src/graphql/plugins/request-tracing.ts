import type { ApolloServerPlugin } from '@apollo/server';
import { traceOf } from '../../telemetry/tracing.js';
import { outcomeOf } from './request-outcome.js';

/**
 * Names the request's span after its operation (type and name) and outcome code once the answer is
 * known. Installed only when spans are exported; the span itself is started and ended by the server,
 * around the whole GraphQL request (see src/telemetry/otel.ts).
 */
export function requestTracingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          traceOf(requestContext.request.http)?.describe(outcomeOf(requestContext));
        },
      };
    },
  };
}
