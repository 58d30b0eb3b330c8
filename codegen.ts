import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the tests' operations, checked against the committed schema: an operation that
 * no longer matches schema.graphql fails `npm run codegen` (and so `npm test`).
 *
 * The client preset's persisted-documents output is the trusted-documents manifest (`{ "<sha256>":
 * "<document>" }`) that `TRUSTED_DOCUMENTS` takes: the same file any client built with the preset
 * ships, generated here for the operations the tests run as a client would.
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
    'test/generated/client/': {
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      // ESM imports with .js extensions, as this package's NodeNext module resolution requires.
      config: { enumsAsTypes: true, useTypeImports: true, emitLegacyCommonJSImports: false, scalars: { ID: 'string' } },
    },
  },
  hooks: {},
};

export default config;
