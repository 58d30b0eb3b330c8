import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallerAuthResult } from '../auth/caller-auth.js';

/** The HTTP answers the server writes itself, outside Apollo: health, refusals, parser errors. */

const REQUEST_ID_PATTERN = /^[\w.:-]{1,64}$/;

export function incomingRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers['x-request-id'];
  return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : undefined;
}

export function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(?:graphql-response\+)?json\b/i.test(contentType);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

export function sendGraphQLError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** 401 for a caller that did not prove who it is; 503 when its token cannot be checked (the JWKS is down). */
export function sendAuthenticationFailure(res: ServerResponse, failure: Extract<CallerAuthResult, { ok: false }>): void {
  if (failure.reason === 'unavailable') {
    res.setHeader('retry-after', '5');
    return sendGraphQLError(res, 503, failure.message, 'UPSTREAM_UNAVAILABLE');
  }
  res.setHeader('www-authenticate', failure.reason === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"');
  sendGraphQLError(res, 401, failure.message, 'UNAUTHENTICATED');
}

/** What Node's HTTP parser refused (e.g. a URL or headers beyond 16 KiB), still as a GraphQL error with a code. */
export function clientErrorResponse(error: NodeJS.ErrnoException): string {
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    errors: [
      {
        message: tooLarge ? 'The request line or headers are too large.' : 'The HTTP request is malformed.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  return `HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

export function describe(error: unknown): { name: string; message: string; stack?: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: 'Error', message: String(error) };
}
