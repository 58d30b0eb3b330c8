import type { GraphQLContext } from '../context.js';

/** A type-graphql resolver class (type-graphql types them as plain functions). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverClass = Function;

/** Federation reference resolvers, by entity type name. */
export type ReferenceResolvers = Readonly<Record<string, (reference: never, context: GraphQLContext) => unknown>>;

/** What one resource group adds to the schema; modules/index.ts lists every group. */
export interface GraphQLModule {
  readonly resolvers: readonly ResolverClass[];
  readonly references?: ReferenceResolvers;
}
