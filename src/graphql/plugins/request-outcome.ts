import type { GraphQLRequestContext } from '@apollo/server';
import { getOperationAST, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** What the observability plugins report about one finished GraphQL request. */
export interface RequestOutcome {
  /** The operation's name when it is a well-formed GraphQL name, else undefined (anonymous or unparsable). */
  readonly operationName: string | undefined;
  /** `query`, `mutation` or `subscription`; undefined when the request never resolved an operation. */
  readonly operationType: string | undefined;
  /**
   * The root fields the operation selects, in order and without repeats, only those the schema's root
   * type declares (so callers cannot invent new values), at most `MAX_ROOT_FIELDS`.
   */
  readonly rootFields: readonly string[];
  /** "ok", or the `extensions.code` of the first error the caller sees. */
  readonly outcome: string;
  /** Every distinct error code of the response, in order. */
  readonly errorCodes: readonly string[];
}

const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function outcomeOf(requestContext: GraphQLRequestContext<object>): RequestOutcome {
  // Apollo resolves the operation after validation; a request refused by validation still has a
  // parsed document to name it from, and one that did not parse only the name the caller sent.
  const operation =
    requestContext.operation ??
    (requestContext.document ? getOperationAST(requestContext.document, requestContext.request.operationName) : null) ??
    undefined;
  const name = operation ? operation.name?.value : (requestContext.request.operationName ?? undefined);
  const errorCodes = errorCodesOf(requestContext.response);
  return {
    operationName: name !== undefined && GRAPHQL_NAME.test(name) ? name : undefined,
    operationType: operation?.operation,
    rootFields: operation ? rootFieldsOf(operation, requestContext.schema) : [],
    outcome: errorCodes[0] ?? 'ok',
    errorCodes,
  };
}

/** Enough root fields to tell operations apart on a dashboard; a label never grows past this. */
export const MAX_ROOT_FIELDS = 3;

function rootFieldsOf(operation: OperationDefinitionNode, schema: GraphQLSchema): string[] {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return [];
  const declared = rootType.getFields();
  const fields: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') continue;
    const name = selection.name.value;
    // __typename is valid on every root type without being one of its declared fields.
    if (!(name in declared) && name !== '__typename') continue;
    if (fields.includes(name)) continue;
    fields.push(name);
    if (fields.length === MAX_ROOT_FIELDS) break;
  }
  return fields;
}

/** Codes of the formatted errors, exactly as the caller receives them. */
function errorCodesOf(response: GraphQLRequestContext<object>["response"] | undefined): string[] {
  if (response?.body?.kind !== 'single') return [];
  const codes = new Set<string>();
  for (const error of response.body.singleResult.errors ?? []) {
    const code = error.extensions?.code;
    codes.add(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
  }
  return [...codes];
}
