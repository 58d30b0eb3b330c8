import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Caps the mutation root fields of one operation. Each of them moves data upstream (a customer, a KYC
 * session, later money), and aliases let one document repeat a mutation many times; fragments on
 * `Mutation` are followed so they cannot hide any. Fields are counted by response key, as graphql-js
 * merges fields of the same key into one execution.
 */
export function maxMutationsRule(limit: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return;
      const responseKeys = new Set<string>();
      collectRootFields(context, operation.selectionSet, responseKeys, new Set());
      const count = responseKeys.size;
      if (count > limit) {
        context.reportError(
          new GraphQLError(`An operation may run at most ${limit} mutations; this one runs ${count}.`, {
            nodes: [operation],
          }),
        );
      }
    },
  });
}

function collectRootFields(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  responseKeys: Set<string>,
  seenFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) responseKeys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectRootFields(context, selection.selectionSet, responseKeys, seenFragments);
    } else if (!seenFragments.has(selection.name.value)) {
      // Fragment cycles are reported by graphql-js's own rules; visiting each fragment once keeps this finite.
      seenFragments.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) collectRootFields(context, fragment.selectionSet, responseKeys, seenFragments);
    }
  }
}
