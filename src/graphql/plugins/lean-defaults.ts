import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';

/** Sent on every GraphQL answer: answers are per credential and must never be cached by a proxy. */
export const GRAPHQL_CACHE_CONTROL = 'no-store';

const TRACE_HEADER = 'apollo-federation-include-trace';

/**
 * Replaces the two plugins Apollo Server installs by itself, which cost on every request (measured
 * with `npm run bench:profile`, see BENCHMARKS.md):
 *
 * - Cache control wraps every field resolver of the schema and computes a cache hint per resolved
 *   field. This schema declares no hints, so the outcome was always `cache-control: no-store`; the
 *   server now sends that header itself (GRAPHQL_CACHE_CONTROL) and the per-field work is gone.
 * - Subgraph inline tracing (federated traces, `ftv1`) builds a trace object for every request before
 *   it looks at whether the gateway asked for a trace. It now starts only when the gateway sends
 *   `apollo-federation-include-trace: ftv1`, and then works exactly as before.
 */
export function leanDefaultPlugins<TContext extends object>(): ApolloServerPlugin<TContext>[] {
  return [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(), inlineTraceWhenAsked<TContext>()];
}

function inlineTraceWhenAsked<TContext extends object>(): ApolloServerPlugin<TContext> {
  const tracing = ApolloServerPluginInlineTrace() as ApolloServerPlugin<TContext>;
  return {
    async requestDidStart(requestContext) {
      if (requestContext.request.http?.headers.get(TRACE_HEADER) !== 'ftv1') return;
      return tracing.requestDidStart?.(requestContext);
    },
  };
}
