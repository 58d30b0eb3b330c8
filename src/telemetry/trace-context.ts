import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` and `tracestate` headers
 * that tie a caller's trace to this server's work and to the Align calls it makes. Parsed here by hand
 * (a few string checks) so that propagation costs next to nothing when no tracing SDK is loaded.
 */
export interface TraceContext {
  /** 32 lower-case hex digits, never all zeros. */
  readonly traceId: string;
  /** 16 lower-case hex digits: the span the next hop's spans are children of. */
  readonly parentId: string;
  /** Two hex digits; `01` = sampled. */
  readonly flags: string;
  /** The caller's `tracestate`, passed on unchanged (vendor data this server does not interpret). */
  readonly traceState: string | undefined;
}

/** version-traceId-parentId-flags, and for a version after 00 possibly more fields after a dash. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZEROS = /^0+$/;
/** The specification asks vendors to keep tracestate within 512 characters; longer ones are dropped. */
const MAX_TRACE_STATE_LENGTH = 512;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The caller's trace context, or undefined when `traceparent` is absent or not valid. */
export function parseTraceContext(traceparent: string | undefined, tracestate: string | undefined): TraceContext | undefined {
  if (traceparent === undefined) return undefined;
  const match = TRACEPARENT.exec(traceparent);
  if (match === null) return undefined;
  const [, version, traceId, parentId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  // Version ff is invalid; version 00 has exactly four fields; a later version may append more.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return undefined;
  return { traceId, parentId, flags: version === '00' ? flags : sampledOnly(flags), traceState: cleanTraceState(tracestate) };
}

/** The request's trace: the caller's when it sent a valid `traceparent`, else a new sampled trace. */
export function incomingTraceContext(headers: IncomingHttpHeaders): TraceContext {
  const traceparent = headers.traceparent;
  const tracestate = headers.tracestate;
  return (
    parseTraceContext(
      typeof traceparent === 'string' ? traceparent : undefined,
      Array.isArray(tracestate) ? tracestate.join(',') : tracestate,
    ) ?? { traceId: newTraceId(), parentId: newSpanId(), flags: '01', traceState: undefined }
  );
}

/** `traceparent` naming `spanId` as the parent of whatever the receiver does next. */
export function formatTraceparent(context: TraceContext, spanId: string): string {
  return `00-${context.traceId}-${spanId}-${context.flags}`;
}

/** What an Align call carries: the request's trace with the attempt's own span id as the parent. */
export function propagationHeaders(context: TraceContext, spanId: string): Record<string, string> {
  const headers: Record<string, string> = { traceparent: formatTraceparent(context, spanId) };
  if (context.traceState !== undefined) headers.tracestate = context.traceState;
  return headers;
}

/**
 * Random ids from randomUUID, which Node serves from a pre-filled entropy cache (far cheaper per call
 * than randomBytes). A span id takes the UUID's last 16 hex digits, whose first is the variant (8-b),
 * so it is never all zeros; a trace id takes all 32 (122 random bits, enough to stay unique).
 */
export function newSpanId(): string {
  const uuid = randomUUID();
  return uuid.slice(19, 23) + uuid.slice(24);
}

export function newTraceId(): string {
  const uuid = randomUUID();
  return uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(14, 18) + uuid.slice(19, 23) + uuid.slice(24);
}

export function isSampled(flags: string): boolean {
  return (parseInt(flags, 16) & 1) === 1;
}

/** Version 00 defines only the `sampled` bit; for a later version the other bits are not ours to pass on. */
function sampledOnly(flags: string): string {
  return isSampled(flags) ? '01' : '00';
}

function cleanTraceState(tracestate: string | undefined): string | undefined {
  if (tracestate === undefined) return undefined;
  const trimmed = tracestate.trim();
  if (trimmed === '' || trimmed.length > MAX_TRACE_STATE_LENGTH || !PRINTABLE_ASCII.test(trimmed)) return undefined;
  return trimmed;
}
