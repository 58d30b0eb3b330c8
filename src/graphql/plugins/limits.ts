import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { knownOperationTypesRule, noSubscriptionsOverHttpRule } from '../validation/known-operation-types.js';
import { maxMutationsRule } from '../validation/max-mutations.js';

export interface RequestLimitOptions {
  readonly limits: QueryLimits;
  readonly introspection: boolean;
}

/** The parts of Apollo Server's options that bound what one request may ask for. */
export type RequestLimits = Required<
  Pick<
    ApolloServerOptions<object>,
    'allowBatchedHttpRequests' | 'csrfPrevention' | 'introspection' | 'includeStacktraceInErrorResponses'
  >
> & {
  readonly plugins: ApolloServerPlugin<object>[];
  readonly validationRules: ValidationRule[];
  /** The rules on the document alone, which subscriptions over WebSocket get too. */
  readonly documentRules: ValidationRule[];
  readonly parseOptions: { readonly maxTokens: number };
};

/**
 * Limits on one document, applied before anything runs: graphql-armor's depth, alias, directive and
 * cost rules (refusals carry GRAPHQL_VALIDATION_FAILED, as Apollo wraps every validation error), our
 * own cap on mutations per operation, and graphql-js's token limit, which stops the parser itself
 * (GRAPHQL_PARSE_FAILED) so an oversized document is never turned into a tree. Armor's own token
 * plugin is not used: it reports through Apollo's unexpected-error hook, which answers HTTP 500.
 *
 * Variables are not part of the document, so a gateway's `_entities` call with hundreds of
 * representations costs the same as one with a single representation.
 */
export function requestLimits({ limits, introspection }: RequestLimitOptions): RequestLimits {
  const reporting = { exposeLimits: true, propagateOnRejection: false, onReject: [reportRefusal] };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: false, ...reporting },
    maxAliases: { n: limits.maxAliases, ...reporting },
    maxDirectives: { n: limits.maxDirectives, ...reporting },
    // Introspection is bounded by depth and tokens and switched by INTROSPECTION; its nesting would
    // otherwise dwarf every real operation's cost.
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...reporting },
    maxTokens: { enabled: false },
    // "Did you mean ..." would give away field names that introspection is switched off to hide.
    blockFieldSuggestion: { enabled: !introspection },
  }).protect();
  // knownOperationTypesRule is no limit, but belongs with the rules that refuse a document up front.
  const documentRules = [...armor.validationRules, maxMutationsRule(limits.maxMutations), knownOperationTypesRule];
  return {
    plugins: armor.plugins as ApolloServerPlugin<object>[],
    validationRules: [...documentRules, noSubscriptionsOverHttpRule],
    documentRules,
    parseOptions: { maxTokens: limits.maxTokens },
    // One HTTP request, one operation: a batch would multiply every limit above by its length.
    allowBatchedHttpRequests: false,
    // Refuses GET and form-like POSTs that a browser would send cross-site without a preflight.
    csrfPrevention: true,
    introspection,
    includeStacktraceInErrorResponses: false,
  };
}

/**
 * Armor words every refusal as a "Syntax Error", which the document is not; the refusal is reported
 * as a validation error (Apollo gives it GRAPHQL_VALIDATION_FAILED) with that prefix dropped.
 */
function reportRefusal(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes }));
}
