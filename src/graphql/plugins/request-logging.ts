import type { ApolloServerPlugin } from '@apollo/server';
import { roundMs, type UpstreamUsage } from '../../align/session.js';
import type { Logger } from '../../logger.js';
import { traceOf } from '../../telemetry/tracing.js';
import { outcomeOf } from './request-outcome.js';

/**
 * One `info` line per GraphQL request: request id, trace id, operation, outcome, error codes, duration, and
 * what its upstream calls cost (count, retries, summed duration). One line per request, not one per
 * upstream call as well: a line costs about as much as a graphql-js execution (see BENCHMARKS.md).
 * Never the document's variables or the response data (they hold personal data), never headers.
 */
export function requestLoggingPlugin<TContext extends { requestId: string; upstreamUsage(): UpstreamUsage | undefined }>(
  logger: Logger,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      // Nothing to do at all when info is off (LOG_LEVEL=warn and above): the hot path stays bare.
      if (!logger.isLevelEnabled('info')) return;
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const { operationName, operationType, outcome, errorCodes } = outcomeOf(requestContext);
          const upstream = requestContext.contextValue.upstreamUsage();
          logger.info(
            {
              requestId: requestContext.contextValue.requestId,
              traceId: traceOf(requestContext.request.http)?.context.traceId,
              operationName,
              operationType,
              outcome,
              errorCodes: errorCodes.length > 0 ? errorCodes : undefined,
              durationMs: roundMs(performance.now() - started),
              upstreamCalls: upstream?.calls,
              upstreamRetries: upstream?.retries || undefined,
              upstreamMs: upstream && roundMs(upstream.durationMs),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
