import { AlignClient } from '../align/client.js';
import { createAlignSession, type AlignSession, type AlignTransport, type UpstreamUsage } from '../align/transport.js';
import type { Credential } from '../credentials.js';
import type { Idempotency } from '../idempotency/idempotency.js';
import type { Logger } from '../logger.js';
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
  /** Makes the observer of one credential's reads (the webhook attribution index), if any. */
  readonly observeReads?: (apiKey: string) => ReadObserver;
}

export function createContext(
  deps: ContextDependencies,
  request: { readonly requestId: string; readonly credential: Credential },
): GraphQLContext {
  let client: AlignClient | undefined;
  let session: AlignSession | undefined;
  const { credential, requestId } = request;
  const align = (): AlignClient => {
    if (client) return client;
    if (credential.kind !== 'key') throw new AuthenticationRequiredError();
    // The clock starts at the first upstream call, so introspection-only requests cost nothing.
    session = createAlignSession(credential.apiKey, requestId, deps.upstreamDeadlineMs);
    client = new AlignClient(deps.transport, session);
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
