import { isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { UserInputError, type FieldError } from '../errors.js';

/**
 * `_entities(representations: [_Any!]!)` takes any JSON, and @apollo/subgraph's resolver assumes
 * objects naming an entity type: `null`, `false` or `{"__typename": "Query"}` made it throw plain
 * errors (answered as INTERNAL_SERVER_ERROR). Every representation is checked first and refused as
 * BAD_USER_INPUT, listing each bad one, before any of them is resolved.
 */
export function guardEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const entityUnion = schema.getType('_Entity');
  if (!field || !isUnionType(entityUnion)) return schema;
  const entityTypes = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = (source, args, context, info) => {
    const fieldErrors = representationErrors((args as { representations: unknown[] }).representations, entityTypes);
    if (fieldErrors.length > 0) throw new UserInputError('Some representations do not name an entity type.', fieldErrors);
    return resolve(source, args, context, info);
  };
  return schema;
}

const MAX_LISTED_ERRORS = 20;

function representationErrors(representations: readonly unknown[], entityTypes: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  representations.forEach((representation, index) => {
    if (errors.length >= MAX_LISTED_ERRORS) return;
    const typename =
      typeof representation === 'object' && representation !== null && !Array.isArray(representation)
        ? (representation as { __typename?: unknown }).__typename
        : undefined;
    if (typeof typename !== 'string' || !entityTypes.has(typename)) {
      errors.push({
        path: `representations.${index}.__typename`,
        message: `must be one of ${[...entityTypes].join(', ')}`,
      });
    }
  });
  return errors;
}
