import { AlignClient } from '../align/client.js';
import { createAlignSession, type AlignSession, type AlignTransport, type UpstreamUsage } from '../align/http.js';
import type { Credential } from '../credentials.js';
import type { Idempotency } from '../idempotency/idempotency.js';
import type { Logger } from '../logger.js';
import type { TraceContext } from '../telemetry/trace-context.js';
import { AuthenticationRequiredError } from './errors.js';
import { CustomerLoader } from './customers/customer.loader.js';
import { CustomerService } from './customers/customer.service.js';
import type { UpstreamEnums } from './upstream-enums.js';

/** What every resolver of one GraphQL request sees. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly enums: UpstreamEnums;
  /** The Align API with this request's credential; throws UNAUTHENTICATED before any call when there is none. */
  align(): AlignClient;
  /** Customer reads of this request, deduplicated (same scope as align()). */
  customerLoader(): CustomerLoader;
  /** Customer writes of this request (idempotency, reconciliation). */
  customerService(): CustomerService;
  /** The upstream calls this request made; undefined when it made none. */
  upstreamUsage(): UpstreamUsage | undefined;
}

export interface ContextDependencies {
  readonly transport: AlignTransport;
  readonly enums: UpstreamEnums;
  readonly logger: Logger;
  readonly upstreamDeadlineMs: number;
  readonly idempotency: Idempotency;
}

export function createContext(
  deps: ContextDependencies,
  request: { readonly requestId: string; readonly credential: Credential; readonly trace?: TraceContext },
): GraphQLContext {
  let client: AlignClient | undefined;
  let session: AlignSession | undefined;
  let customerLoader: CustomerLoader | undefined;
  const { credential, requestId } = request;
  return {
    requestId,
    logger: deps.logger,
    enums: deps.enums,
    align() {
      if (client) return client;
      if (credential.kind !== 'key') throw new AuthenticationRequiredError();
      // The clock starts at the first upstream call, so introspection-only requests cost nothing.
      session = createAlignSession(credential.apiKey, requestId, deps.upstreamDeadlineMs, request.trace);
      client = new AlignClient(deps.transport, session);
      return client;
    },
    customerLoader() {
      return (customerLoader ??= new CustomerLoader(this.align().customers));
    },
    customerService() {
      return new CustomerService(this.align().customers, deps.idempotency);
    },
    upstreamUsage() {
      return session?.usage.calls ? session.usage : undefined;
    },
  };
}
