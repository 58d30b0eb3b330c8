import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { EndUser } from '../align/customer-scope.js';

/**
 * Who the end user behind a verified JWT is, and which customers its token entitles it to
 * (src/align/customer-scope.ts enforces it). Only server-key mode with JWTs has end users: with a
 * caller's own Align key the upstream already scopes everything to that key, and a trusted gateway
 * (AUTH_GATEWAY_SECRET) acts for the whole account, so it has full access.
 */
export interface EntitlementClaims {
  /** The claim that lists customer ids (an array of strings, or one string separated by spaces or commas). */
  readonly customersClaim: string;
  /** The scope that entitles to every customer; undefined = none does. */
  readonly adminScope: string | undefined;
}

/** More listed ids than this in one token is a misconfiguration; the rest are ignored. */
const MAX_LISTED_CUSTOMERS = 1_000;

export function endUserFromClaims(payload: JWTPayload, claims: EntitlementClaims): EndUser {
  return {
    // The issuer is fixed by configuration, but naming it keeps subjects of two issuers apart.
    subject: createHash('sha256').update(`${payload.iss ?? ''}\u0000${payload.sub ?? ''}`).digest('hex'),
    listedCustomers: new Set(stringsOf(payload[claims.customersClaim]).slice(0, MAX_LISTED_CUSTOMERS).map((id) => id.toLowerCase())),
    admin: claims.adminScope !== undefined && scopesOf(payload).includes(claims.adminScope),
  };
}

/** OAuth scopes: `scope` (space-separated, RFC 8693) or `scp` (a list, or a string, as some providers send it). */
function scopesOf(payload: JWTPayload): string[] {
  return [...stringsOf(payload.scope), ...stringsOf(payload.scp)];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((part) => part.length > 0);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item.length > 0);
  return [];
}
