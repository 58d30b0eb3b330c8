import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { mapSchema, MapperKind, printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLInputObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import { graphqlModules } from './modules/index.js';
import type { GraphQLModule, ResolverClass } from './modules/module.js';
import { guardEntityRepresentations } from './validation/entity-representations.js';

const FEDERATION_HEADER = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])
directive @oneOf on INPUT_OBJECT
`;

const NO_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('subscriptions publish through src/events/, not type-graphql');
  },
  subscribe: () => {
    throw new Error('subscriptions subscribe through src/events/, not type-graphql');
  },
};

/**
 * type-graphql describes the types; @apollo/subgraph turns them into a federation subgraph. type-graphql
 * cannot mark an input as oneOf, so the `@oneOf` it prints as a directive is turned into graphql-js's
 * own `isOneOf`, which makes graphql-js enforce it for literals and variables alike.
 */
export async function buildGraphQLSchema(modules: readonly GraphQLModule[] = graphqlModules): Promise<GraphQLSchema> {
  const typed = await buildSchema({
    resolvers: modules.flatMap((module) => module.resolvers) as NonEmptyArray<ResolverClass>,
    validate: false,
    emitSchemaFile: false,
    // Every subscription brings its own `subscribe` (graphql/subscriptions/); type-graphql still asks for a PubSub.
    pubSub: NO_PUBSUB,
  });
  const sdl = printSchemaWithDirectives(orderArgumentsAsDeclared(typed));
  // type-graphql's own map: root fields, field resolvers, enums and scalars. Object types are
  // declared with simpleResolvers, so plain fields keep graphql-js's default resolver.
  const resolvers = createResolversMap(typed) as ResolverMap;
  for (const module of modules) {
    for (const [typeName, resolveReference] of Object.entries(module.references ?? {})) {
      resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
    }
  }
  const subgraph = buildSubgraphSchema({ typeDefs: parse(FEDERATION_HEADER + sdl), resolvers: resolvers as GraphQLResolverMap<unknown> });
  return guardEntityRepresentations(enforceOneOf(subgraph));
}

function enforceOneOf(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_TYPE]: (type) => {
      const marked = type.astNode?.directives?.some((d) => d.name.value === 'oneOf') ?? false;
      if (!marked || type.isOneOf) return type;
      return new GraphQLInputObjectType({ ...type.toConfig(), isOneOf: true });
    },
  });
}

interface ParamMetadata {
  readonly kind: string;
  readonly methodName: string;
  readonly index: number;
  readonly name?: string;
  readonly options?: { readonly arg?: { readonly name: string } };
}

/**
 * TypeScript applies parameter decorators last to first, so type-graphql lists arguments in reverse.
 * The printed schema keeps the order of the resolver's parameters (`createCustomer(input, idempotencyKey)`).
 */
function orderArgumentsAsDeclared(schema: GraphQLSchema): GraphQLSchema {
  const storage = (globalThis as { TypeGraphQLMetadataStorage?: { params: ParamMetadata[] } }).TypeGraphQLMetadataStorage;
  const position = new Map<string, number>();
  for (const param of storage?.params ?? []) {
    const name = param.kind === 'arg' ? param.name : param.options?.arg?.name;
    if (name !== undefined) position.set(`${param.methodName}.${name}`, param.index);
  }
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName) => {
      if (!field.args) return field;
      const ordered = Object.entries(field.args).sort(
        ([a], [b]) => (position.get(`${fieldName}.${a}`) ?? 0) - (position.get(`${fieldName}.${b}`) ?? 0),
      );
      return { ...field, args: Object.fromEntries(ordered) };
    },
  });
}

type ResolverMap = Record<string, Record<string, unknown>>;
