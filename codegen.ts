import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the tests' operations, checked against the committed schema: an operation that
 * no longer matches schema.graphql fails `npm run codegen` (and so `npm test`).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/*.graphql'],
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        useTypeImports: true,
        scalars: { ID: 'string', Decimal: 'string', DateTime: 'string', Date: 'string', Upload: 'unknown', _Any: 'unknown', link__Import: 'unknown', federation__FieldSet: 'string', federation__Scope: 'string', federation__Policy: 'string' },
      },
    },
  },
  hooks: {},
};

export default config;
