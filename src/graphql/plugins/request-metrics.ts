import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../../metrics.js';
import { outcomeOf } from './request-outcome.js';

/** Counts GraphQL requests by operation and outcome, times them, and tracks how many are in flight. */
export function requestMetricsPlugin<TContext extends object>(metrics: Metrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      metrics.graphqlRequestStarted();
      let finished = false;
      return {
        async willSendResponse(requestContext) {
          // Apollo calls this once per response; the flag keeps the gauge right if that ever changes.
          if (finished) return;
          finished = true;
          const { operationName, operationType, rootFields, outcome } = outcomeOf(requestContext);
          metrics.graphqlRequestFinished({ operationName, operationType, rootFields, outcome, durationMs: performance.now() - started });
        },
      };
    },
  };
}
