import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger.js';
import { outcomeOf } from './request-outcome.js';

/**
 * One `info` line per GraphQL request: request id, operation, outcome, error codes and duration.
 * Never the document's variables or the response data (they hold personal data), never headers.
 */
export function requestLoggingPlugin<TContext extends { requestId: string }>(
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
          logger.info(
            {
              requestId: requestContext.contextValue.requestId,
              operationName,
              operationType,
              outcome,
              errorCodes: errorCodes.length > 0 ? errorCodes : undefined,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
