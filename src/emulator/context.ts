import type { Emit } from './events.js';
import type { HandlerResult } from './http.js';
import type { EmulatorSettings } from './state.js';
import type { Tenant } from './store.js';

/** What an upstream route handler gets; the pipeline has already authenticated the caller. */
export interface RequestContext {
  /** The caller's tenant (one per API key). */
  readonly tenant: Tenant;
  /** Decoded path parameters, by the template's names. */
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body: undefined when empty, INVALID_JSON when unparsable. */
  readonly body: unknown;
  /** The raw query string, without `?` ('' when none). */
  readonly query: string;
  /** Started with `production: true`: sandbox-only (simulate) routes answer 403. */
  readonly production: boolean;
  /** Emits an event of the caller's tenant (kept, and delivered to its webhooks). */
  readonly emit: Emit;
  /** The admin-adjustable settings (quote lifetime, ...). */
  readonly settings: Readonly<EmulatorSettings>;
  /** The raw request body, for routes that take more than JSON (multipart uploads). */
  readonly rawBody?: Buffer;
  /** The request's content type, for the same routes. */
  readonly contentType?: string;
}

/** Answers a request, or throws an ApiError. Synchronous handlers keep idempotency trivially atomic. */
export type UpstreamHandler = (context: RequestContext) => HandlerResult | Promise<HandlerResult>;
