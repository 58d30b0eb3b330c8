import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { CallerAuthenticator } from '../../auth/caller-auth.js';
import { resolveCredential, type Credential, type CredentialPolicy } from '../../credentials.js';

/** Who opened a subscription connection, and until when its proof holds (a JWT's expiry). */
export type ConnectionAuth =
  | { readonly ok: true; readonly credential: Extract<Credential, { kind: 'key' }>; readonly expiresAt?: number }
  | { readonly ok: false };

/**
 * A browser cannot set headers on a WebSocket, so graphql-ws clients send them in `connection_init`:
 * `{"Authorization": "Bearer <key>"}` or `{"Api-Key": "<key>"}` (and, in server-key mode, the JWT or
 * the gateway's header). The same rules as HTTP apply to them, with one more: the embedded emulator's
 * demo key serves only pages of this server (no Origin, or the same host), never another site's page
 * that a browser opens a socket from.
 */
export async function authenticateConnection(
  request: IncomingMessage,
  payload: unknown,
  policy: CredentialPolicy,
  callerAuth: CallerAuthenticator | undefined,
): Promise<ConnectionAuth> {
  const headers = headersOf(payload);
  let expiresAt: number | undefined;
  if (callerAuth !== undefined) {
    const result = await callerAuth.authenticate(headers);
    if (!result.ok) return { ok: false };
    if (result.via === 'jwt') expiresAt = callerAuth.expiryOf(headers.authorization!);
  }
  const demoKey = sameOrigin(request) ? policy.demoKey : undefined;
  const credential = resolveCredential(headers, { serverKey: policy.serverKey, demoKey });
  return credential.kind === 'key' ? { ok: true, credential, expiresAt } : { ok: false };
}

/** The payload's string members as lower-cased headers; anything else is ignored. */
function headersOf(payload: unknown): IncomingHttpHeaders {
  const headers: Record<string, string> = {};
  if (typeof payload !== 'object' || payload === null) return headers;
  for (const [name, value] of Object.entries(payload)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}

function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
