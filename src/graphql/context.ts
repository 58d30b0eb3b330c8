import { AlignClient } from '../align/client.js';
import { CustomerScope, type CustomerOwnership, type EndUser } from '../align/customer-scope.js';
import { type AlignTransport } from '../align/transport.js';
import { createAlignSession, type AlignSession, type UpstreamUsage } from '../align/session.js';
import type { Credential } from '../credentials.js';
import type { Idempotency } from '../idempotency/idempotency.js';
import type { Logger } from '../logger.js';
import type { TraceContext } from '../telemetry/trace-context.js';
import { AuthenticationRequiredError } from './errors.js';
import { Loaders, type ReadObserver } from './loaders.js';
import type { UpstreamEnums } from './upstream-enums.js';
import { WritePath } from './write-path.js';

/** What every resolver of one GraphQL request sees. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly enums: UpstreamEnums;
  /** This request's reads, deduplicated and batched; the first one without a credential is UNAUTHENTICATED. */
  readonly loaders: Loaders;
  /** This request's writes (idempotency, retry class, reconciliation); same credential rule. */
  readonly writes: WritePath;
  /** The upstream calls this request made; undefined when it made none. */
  upstreamUsage(): UpstreamUsage | undefined;
}

export interface ContextDependencies {
  readonly transport: AlignTransport;
  readonly enums: UpstreamEnums;
  readonly logger: Logger;
  readonly upstreamDeadlineMs: number;
  readonly idempotency: Idempotency;
  /** Which customers end users created (server-key mode with JWTs). */
  readonly ownership: CustomerOwnership;
  /** Makes the observer of one credential's reads (the webhook attribution index), if any. */
  readonly observeReads?: (apiKey: string) => ReadObserver;
}

export function createContext(
  deps: ContextDependencies,
  request: { readonly requestId: string; readonly credential: Credential; readonly endUser?: EndUser; readonly trace?: TraceContext },
): GraphQLContext {
  let client: AlignClient | undefined;
  let session: AlignSession | undefined;
  const { credential, requestId } = request;
  const align = (): AlignClient => {
    if (client) return client;
    if (credential.kind !== 'key') throw new AuthenticationRequiredError();
    // The clock starts at the first upstream call, so introspection-only requests cost nothing.
    session = createAlignSession(credential.apiKey, requestId, deps.upstreamDeadlineMs, request.trace);
    // An end user acts only on the customers it is entitled to (align/customer-scope.ts).
    const scope = request.endUser && new CustomerScope(request.endUser, deps.ownership);
    client = new AlignClient(deps.transport, session, scope);
    return client;
  };
  const loaders = new Loaders(align, credential.kind === 'key' ? deps.observeReads?.(credential.apiKey) : undefined);
  return {
    requestId,
    logger: deps.logger,
    enums: deps.enums,
    loaders,
    writes: new WritePath(align, loaders, deps.idempotency),
    upstreamUsage() {
      return session?.usage.calls ? session.usage : undefined;
    },
  };
}
