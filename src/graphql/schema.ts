import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { mapSchema, MapperKind, printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLInputObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CustomerResolver } from './customers/customer.resolver.js';
import { resolveCustomerReference } from './customers/customer.type.js';
import { guardEntityRepresentations } from './validation/entity-representations.js';

const FEDERATION_HEADER = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
directive @oneOf on INPUT_OBJECT
`;

/**
 * type-graphql describes the types; @apollo/subgraph turns them into a federation subgraph. type-graphql
 * cannot mark an input as oneOf, so the `@oneOf` it prints as a directive is turned into graphql-js's
 * own `isOneOf`, which makes graphql-js enforce it for literals and variables alike.
 */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const typed = await buildSchema({
    resolvers: [CustomerResolver],
    validate: false,
    emitSchemaFile: false,
  });
  const sdl = printSchemaWithDirectives(orderArgumentsAsDeclared(typed));
  const resolvers = resolverMapOf(typed);
  resolvers.Customer = { __resolveReference: resolveCustomerReference };
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

/** The field resolvers type-graphql generated, in the map form @apollo/subgraph takes. */
function resolverMapOf(schema: GraphQLSchema): ResolverMap {
  const map: ResolverMap = {};
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    const fields: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(type.getFields())) if (field.resolve) fields[name] = field.resolve;
    map[type.name] = fields;
  }
  return map;
}
