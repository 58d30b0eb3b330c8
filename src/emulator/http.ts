import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

/** What a route handler answers; serialised once by {@link finalize}. */
export interface HandlerResult {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A serialised answer: what is written to the socket, and what an idempotency record replays. */
export interface FinalResponse {
  readonly status: number;
  readonly payload: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type JsonObject = Record<string, unknown>;

/** Largest request body accepted (1 MiB); larger bodies get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function json(status: number, body: unknown, headers?: Record<string, string>): HandlerResult {
  return { status, body, headers };
}

/** Every error body is `{message, code}`. */
export function apiError(status: number, code: string, message: string, headers?: Record<string, string>): HandlerResult {
  return json(status, { message, code }, headers);
}

export function finalize(result: HandlerResult): FinalResponse {
  // No body at all (a 204) is sent as nothing, not as JSON.
  return { status: result.status, payload: result.body === undefined ? '' : JSON.stringify(result.body), headers: result.headers };
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function send(res: ServerResponse, response: FinalResponse): void {
  if (res.destroyed || res.headersSent) return;
  res.statusCode = response.status;
  res.setHeader('content-type', JSON_CONTENT_TYPE);
  res.setHeader('content-length', Buffer.byteLength(response.payload));
  if (response.headers !== undefined) for (const name in response.headers) res.setHeader(name, response.headers[name]!);
  res.end(response.payload);
}

/** Error codes used when only a status is known (status faults, framework errors). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'unprocessable_entity',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function codeForStatus(status: number): string {
  const known = CODE_BY_STATUS[status];
  if (known !== undefined) return known;
  const phrase = STATUS_CODES[status];
  if (phrase === undefined) return status >= 500 ? 'internal_error' : 'error';
  return phrase.toLowerCase().replace(NON_WORD, '_').replace(EDGE_UNDERSCORES, '');
}

const NON_WORD = /[^a-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

/** Marks a body that was not valid JSON. */
export const INVALID_JSON: unique symbol = Symbol('invalid JSON');
/** Marks a body larger than {@link MAX_BODY_BYTES}. */
export const TOO_LARGE: unique symbol = Symbol('body too large');

export interface RawBody {
  /** The body's bytes (empty when there was none). */
  readonly bytes: Buffer;
  /** The body as text ('' when there was none). */
  readonly text: string;
  /** The parsed JSON value; undefined for an empty body. */
  readonly value: unknown;
}

/**
 * Reads the whole body (at most {@link MAX_BODY_BYTES}). A body that is too large is drained and
 * discarded rather than cutting the connection, so the client can read the 413 and keep the socket.
 */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<RawBody | typeof TOO_LARGE> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return; // draining an oversized body
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        chunks.length = 0;
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      const bytes = size === 0 ? Buffer.alloc(0) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      const text = size === 0 ? '' : bytes.toString('utf8');
      resolve({ bytes, text, value: text === '' ? undefined : parseJson(text) });
    });
    req.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    req.on('close', () => {
      if (settled) return; // 'close' normally follows 'end'
      settled = true;
      reject(new Error('The client closed the connection before the body ended.'));
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown by handlers to answer `{message, code}` with `status`; the pipeline turns it into a response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toResult(): HandlerResult {
    return apiError(this.status, this.code, this.message);
  }
}

export function validationError(message: string): ApiError {
  return new ApiError(400, 'validation_error', message);
}

/** The body as a JSON object, or throws the 400. `emptyAsObject` lets an empty body mean `{}`. */
export function objectBody(value: unknown, emptyAsObject = false): JsonObject {
  if (value === undefined && emptyAsObject) return {};
  if (value === INVALID_JSON) throw validationError('The request body is not valid JSON.');
  if (!isObject(value)) throw validationError('The request body must be a JSON object.');
  return value;
}
