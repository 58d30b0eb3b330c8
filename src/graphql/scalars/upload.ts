import { GraphQLScalarType, Kind, type ScalarTypeDefinitionNode } from 'graphql';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';

/**
 * graphql-upload's `Upload` scalar, marked `@inaccessible`: gateways do not forward multipart
 * requests, so the supergraph must not offer it.
 */
const astNode: ScalarTypeDefinitionNode = {
  kind: Kind.SCALAR_TYPE_DEFINITION,
  name: { kind: Kind.NAME, value: 'Upload' },
  description: { kind: Kind.STRING, value: 'A file sent as a GraphQL multipart request (uploadFile only).' },
  directives: [{ kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' }, arguments: [] }],
};

export const UploadScalar = new GraphQLScalarType({
  ...GraphQLUpload.toConfig(),
  description: 'A file sent as a GraphQL multipart request (uploadFile only).',
  astNode,
});
