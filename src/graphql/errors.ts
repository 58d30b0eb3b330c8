import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  AlignAuthenticationError,
  AlignBadResponseError,
  AlignConflictError,
  AlignError,
  AlignInvalidRequestError,
  AlignNotFoundError,
  AlignPermissionError,
  AlignRateLimitError,
  AlignUnavailableError,
  AlignWriteOutcomeUnknownError,
} from '../align/errors.js';
import {
  IdempotencyError,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  IdempotencyStoreUnavailableError,
} from '../idempotency/errors.js';
import type { Logger } from '../logger.js';

/** The public error codes (README, "Errors"). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Request-level codes Apollo Server produces itself; clients already know them. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), ...APOLLO_REQUEST_CODES]);

export interface FieldError {
  /** Dotted path from the argument, e.g. `input.individual.email`. */
  readonly path: string;
  readonly message: string;
}

export class UserInputError extends GraphQLError {
  constructor(message: string, fieldErrors: readonly FieldError[] = []) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fieldErrors } });
  }
}

export class AuthenticationRequiredError extends GraphQLError {
  constructor() {
    super('An Align API key is required: send "Authorization: Bearer <key>" or "Api-Key: <key>".', {
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    });
  }
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The one table from what went wrong below GraphQL (upstream outcomes, idempotency) to public codes.
 * The first matching row wins, so subclasses (an unknown outcome, a fail-fast refusal) take their
 * parent's code unless a row of their own comes first.
 */
const ERROR_TABLE: ReadonlyArray<readonly [ErrorClass, ErrorCode]> = [
  [AlignInvalidRequestError, ErrorCode.BAD_USER_INPUT],
  [AlignAuthenticationError, ErrorCode.UNAUTHENTICATED],
  [AlignPermissionError, ErrorCode.FORBIDDEN],
  [AlignNotFoundError, ErrorCode.NOT_FOUND],
  [AlignConflictError, ErrorCode.CONFLICT],
  [AlignRateLimitError, ErrorCode.RATE_LIMITED],
  [AlignUnavailableError, ErrorCode.UPSTREAM_UNAVAILABLE],
  [AlignBadResponseError, ErrorCode.UPSTREAM_BAD_RESPONSE],
  [IdempotencyKeyReusedError, ErrorCode.CONFLICT],
  [IdempotencyKeyInUseError, ErrorCode.CONFLICT],
  [IdempotencyStoreUnavailableError, ErrorCode.UPSTREAM_UNAVAILABLE],
];

/** The public code of an error from below GraphQL; undefined for anything the table does not know (a bug). */
export function publicCodeOf(error: unknown): ErrorCode | undefined {
  for (const [type, code] of ERROR_TABLE) if (error instanceof type) return code;
  return undefined;
}

function extensionsOf(error: AlignError | IdempotencyError, code: ErrorCode): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code };
  if (!(error instanceof AlignError)) return extensions;
  if (error.upstreamStatus !== undefined) extensions.upstreamStatus = error.upstreamStatus;
  if (error instanceof AlignWriteOutcomeUnknownError) extensions.outcomeUnknown = true;
  if (error instanceof AlignRateLimitError && error.retryAfterSeconds !== undefined) {
    extensions.retryAfterSeconds = error.retryAfterSeconds;
  }
  return extensions;
}

/**
 * Apollo Server refuses a few malformed requests (e.g. an unsupported or mismatched persisted-query
 * hash) with a fixed message and an HTTP 4xx status but no code; they are the caller's mistake, not a bug.
 */
function isApolloRequestRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The last stop of every error before it leaves the server: upstream errors get their public code,
 * errors that already carry a public code pass (without stack traces), and anything else is a bug,
 * logged in full and masked for the caller.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { message, locations, path } = formatted;
    if (original instanceof AlignError || original instanceof IdempotencyError) {
      const publicCode = publicCodeOf(original);
      if (publicCode !== undefined) return { message: original.message, locations, path, extensions: extensionsOf(original, publicCode) };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { message, locations, path, extensions };
    }
    if (isApolloRequestRefusal(original)) {
      return { message, locations, path, extensions: { code: 'BAD_REQUEST' } };
    }
    // Only name, message and stack: other properties of a library's error can hold request headers.
    const bug = original instanceof Error ? original : new Error(String(original));
    logger.error({ error: { name: bug.name, message: bug.message, stack: bug.stack }, path }, 'unexpected error');
    return {
      message: 'Internal server error.',
      locations,
      path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
