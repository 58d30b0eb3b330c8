import type { IncomingHttpHeaders } from 'node:http';

/**
 * Which Align key a request acts with (README, "Credentials"): the server-held key when configured, else the
 * caller's own (`Authorization: Bearer <key>` or `Api-Key: <key>`), else on the embedded emulator a
 * fixed demo key. The key lives only in the request's context.
 */
export interface CredentialPolicy {
  readonly serverKey?: string;
  readonly demoKey?: string;
}

export type Credential =
  | { readonly kind: 'key'; readonly apiKey: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed' };

const KEY_PATTERN = /^[\x21-\x7e]{1,512}$/;

export function resolveCredential(headers: IncomingHttpHeaders, policy: CredentialPolicy): Credential {
  if (policy.serverKey !== undefined) return { kind: 'key', apiKey: policy.serverKey };
  const presented = callerKey(headers);
  if (presented.kind === 'missing' && policy.demoKey !== undefined) return { kind: 'key', apiKey: policy.demoKey };
  return presented;
}

function callerKey(headers: IncomingHttpHeaders): Credential {
  const authorization = headers.authorization;
  const apiKey = headers['api-key'];
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    return match && KEY_PATTERN.test(match[1]!) ? { kind: 'key', apiKey: match[1]! } : { kind: 'malformed' };
  }
  if (typeof apiKey === 'string') {
    const key = apiKey.trim();
    return KEY_PATTERN.test(key) ? { kind: 'key', apiKey: key } : { kind: 'malformed' };
  }
  return { kind: 'missing' };
}
