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

/**
 * Over HTTP a subscription cannot be served (Apollo Server has no transport for it): refused up front
 * with a message that says where subscriptions are served, instead of failing while executing.
 */
export const noSubscriptionsOverHttpRule: ValidationRule = (context: ValidationContext) => ({
  OperationDefinition(operation) {
    if (operation.operation !== 'subscription') return;
    context.reportError(
      new GraphQLError('Subscriptions are not served over HTTP: open a WebSocket to /graphql (graphql-ws protocol) and subscribe there.', {
        nodes: [operation],
      }),
    );
  },
});
