import fc from 'fast-check';
import { fuzzRequest, type FuzzRequest } from './requests.js';

/** Every code an error may carry (CONTRACT §4). */
export const CONTRACT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
]);

export interface FuzzCounts {
  cases: number;
  /** Requests the server did not answer at all (connection refused or reset: the process died or hung up). */
  crashes: number;
  /** 5xx answers; none is expected (503 only while draining, which a fuzz run never does). */
  serverErrors: number;
  /** Errors with no code, or a code outside CONTRACT §4, or a body that is not a GraphQL response. */
  errorsWithoutCode: number;
  /** Responses that contain a credential the request sent, or a stack trace. */
  credentialEchoes: number;
  stackTraces: number;
  /** INTERNAL_SERVER_ERROR answers: masked correctly, but each one is a bug. */
  internalErrors: number;
  /** Browser GETs (Accept: text/html, no `query`) answered with the explorer's page, as CONTRACT §1 says. */
  explorerPages: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
}

export function emptyCounts(): FuzzCounts {
  return { cases: 0, crashes: 0, serverErrors: 0, errorsWithoutCode: 0, credentialEchoes: 0, stackTraces: 0, internalErrors: 0, explorerPages: 0, byStatus: {}, byCode: {} };
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Sends one request and records what broke; returns the violations (empty when none). */
export async function probe(baseUrl: string, request: FuzzRequest, counts: FuzzCounts): Promise<string[]> {
  counts.cases += 1;
  let status: number;
  let text: string;
  let explorerPage = false;
  try {
    const response = await fetch(`${baseUrl}/graphql${request.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
    explorerPage =
      request.method === 'GET' &&
      (request.headers.accept ?? '').includes('text/html') &&
      !new URLSearchParams(request.search).has('query') &&
      status === 200 &&
      (response.headers.get('content-type') ?? '').startsWith('text/html') &&
      (response.headers.get('content-security-policy') ?? '').includes("script-src 'self'");
  } catch (error) {
    counts.crashes += 1;
    return [`no answer: ${String(error)}`];
  }
  counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
  const violations: string[] = [];
  if (status >= 500) {
    counts.serverErrors += 1;
    violations.push(`HTTP ${status}`);
  }
  for (const secret of request.credentials) {
    if (text.includes(secret)) {
      counts.credentialEchoes += 1;
      violations.push('a credential came back in the response');
      break;
    }
  }
  if (/\bat .+\.(?:js|ts):\d+:\d+/.test(text) || text.includes('"stacktrace"')) {
    counts.stackTraces += 1;
    violations.push('a stack trace came back in the response');
  }
  if (explorerPage) counts.explorerPages += 1;
  const codeProblem = explorerPage ? undefined : checkCodes(text, counts);
  if (codeProblem) {
    counts.errorsWithoutCode += 1;
    violations.push(`HTTP ${status}, ${codeProblem}`);
  }
  if (text.includes('"INTERNAL_SERVER_ERROR"')) {
    counts.internalErrors += 1;
    violations.push(`an unexpected error: ${text.slice(0, 200)}`);
  }
  return violations;
}

function checkCodes(text: string, counts: FuzzCounts): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 120)}`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `not a GraphQL response: ${text.slice(0, 120)}`;
  const { errors, data } = body as { errors?: unknown; data?: unknown };
  if (errors === undefined) return data === undefined ? `neither data nor errors: ${text.slice(0, 120)}` : undefined;
  if (!Array.isArray(errors) || errors.length === 0) return `errors is not a non-empty list: ${text.slice(0, 120)}`;
  for (const error of errors as Array<{ extensions?: { code?: unknown } }>) {
    const code = error?.extensions?.code;
    if (typeof code !== 'string' || !CONTRACT_CODES.has(code)) return `error without a contract code: ${JSON.stringify(error).slice(0, 200)}`;
    counts.byCode[code] = (counts.byCode[code] ?? 0) + 1;
  }
  return undefined;
}

/**
 * Runs `numRuns` generated requests against a running server. Failures are collected (not thrown)
 * so that one run reports every kind of violation with its counts; the first few counterexamples
 * are kept for the report.
 */
export async function fuzzServer(
  baseUrl: string,
  options: { seed: number; numRuns: number },
): Promise<{ counts: FuzzCounts; examples: Array<{ request: FuzzRequest; violations: string[] }>; credentialsSent: Set<string> }> {
  const counts = emptyCounts();
  const credentialsSent = new Set<string>();
  const examples: Array<{ request: FuzzRequest; violations: string[] }> = [];
  await fc.assert(
    fc.asyncProperty(fuzzRequest, async (request) => {
      for (const secret of request.credentials) credentialsSent.add(secret);
      const violations = await probe(baseUrl, request, counts);
      if (violations.length > 0 && examples.length < 5) {
        examples.push({ request: { ...request, search: request.search.slice(0, 300), body: request.body?.slice(0, 300) }, violations });
      }
    }),
    { seed: options.seed, numRuns: options.numRuns },
  );
  return { counts, examples, credentialsSent };
}

export function describeCounts(counts: FuzzCounts): string {
  return [
    `cases: ${counts.cases}`,
    `crashes (no answer): ${counts.crashes}`,
    `5xx: ${counts.serverErrors}`,
    `errors without a contract code: ${counts.errorsWithoutCode}`,
    `credential echoes: ${counts.credentialEchoes}`,
    `stack traces: ${counts.stackTraces}`,
    `unexpected (INTERNAL_SERVER_ERROR) errors: ${counts.internalErrors}`,
    `explorer pages: ${counts.explorerPages}`,
    `by HTTP status: ${JSON.stringify(counts.byStatus)}`,
    `by error code: ${JSON.stringify(counts.byCode)}`,
  ].join('\n');
}
