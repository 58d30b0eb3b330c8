import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose root type the schema lacks (here: any `subscription`). graphql-js 16
 * validates such a document and only fails while executing, with an error that has no code; graphql-js
 * 17 adds this very rule (KnownOperationTypesRule).
 */
export const knownOperationTypesRule: ValidationRule = (context: ValidationContext) => ({
  OperationDefinition(operation) {
    const schema = context.getSchema();
    const root = schema.getRootType(operation.operation);
    if (!root) {
      context.reportError(
        new GraphQLError(`This schema does not support ${operation.operation} operations.`, { nodes: [operation] }),
      );
    }
  },
});
