import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { EndUser } from '../align/customer-scope.js';
import type { CallerAuthConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { endUserFromClaims } from './entitlement.js';

/**
 * Server-key mode (ALIGN_API_KEY set): the server acts upstream with its own key, so a caller must
 * first prove who it is, or anyone who can reach the server could move money with that key. A caller
 * presents either a JWT (`Authorization: Bearer <jwt>`, verified against a JWKS URL or an HS256
 * shared secret) or, from a trusted gateway, a shared secret in a header of its own.
 *
 * A JWT names an end user, who may act only on its own customers (entitlement.ts); a trusted
 * gateway acts for the whole account and has full access.
 */
export type CallerAuthResult =
  | { readonly ok: true; readonly via: 'jwt'; readonly endUser: EndUser }
  | { readonly ok: true; readonly via: 'gateway' }
  | { readonly ok: false; readonly reason: 'missing' | 'refused' | 'expired' | 'unavailable'; readonly message: string };

/** Keys published by an identity provider use asymmetric algorithms; `none` and HMAC are never accepted from a JWKS. */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const SHARED_SECRET_ALGORITHMS = ['HS256'];
/** Tolerated clock skew between this server and the token issuer. */
const CLOCK_TOLERANCE_SECONDS = 5;
const JWKS_TIMEOUT_MS = 5_000;
const BEARER = /^Bearer[ ]+([A-Za-z0-9_.-]+)\s*$/i;

export class CallerAuthenticator {
  private readonly jwtKey: JWTVerifyGetKey | Uint8Array | undefined;
  private readonly algorithms: string[];
  private readonly gatewayDigest: Buffer | undefined;

  constructor(
    private readonly config: CallerAuthConfig,
    private readonly logger: Logger,
  ) {
    const { jwt, gateway } = config;
    if (jwt?.jwksUrl) {
      // Cached, refreshed on an unknown `kid` at most once per cooldown: a flood of forged kids cannot make
      // the server hammer the identity provider.
      this.jwtKey = createRemoteJWKSet(jwt.jwksUrl, { timeoutDuration: JWKS_TIMEOUT_MS });
      this.algorithms = ASYMMETRIC_ALGORITHMS;
    } else {
      this.jwtKey = jwt?.secret === undefined ? undefined : new TextEncoder().encode(jwt.secret);
      this.algorithms = SHARED_SECRET_ALGORITHMS;
    }
    this.gatewayDigest = gateway ? digest(gateway.secret) : undefined;
  }

  /** When an accepted `Authorization: Bearer <jwt>` expires (epoch ms), if the token says. */
  expiryOf(authorization: string): number | undefined {
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    const exp = decodeJwt(token).exp;
    return exp === undefined ? undefined : exp * 1000;
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<CallerAuthResult> {
    const { gateway } = this.config;
    const gatewayValue = gateway ? headers[gateway.header] : undefined;
    if (gateway && gatewayValue !== undefined) {
      // Compared as digests so that neither the content nor the length of the secret leaks through timing.
      const presented = digest(Array.isArray(gatewayValue) ? gatewayValue.join(',') : gatewayValue);
      return timingSafeEqual(presented, this.gatewayDigest!)
        ? { ok: true, via: 'gateway' }
        : refused('refused', 'The gateway credential is not valid.');
    }
    const authorization = headers.authorization;
    if (authorization === undefined || this.jwtKey === undefined) {
      return refused('missing', this.missingMessage());
    }
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) return refused('refused', 'The Authorization header must be "Bearer <token>".');
    return this.verifyJwt(token);
  }

  private async verifyJwt(token: string): Promise<CallerAuthResult> {
    const { issuer, audience } = this.config.jwt!;
    const options = {
      issuer,
      audience,
      algorithms: this.algorithms,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // `sub` names the end user whose customers the request may use.
      requiredClaims: ['exp', 'sub'],
    };
    try {
      const { payload } =
        this.jwtKey instanceof Uint8Array ? await jwtVerify(token, this.jwtKey, options) : await jwtVerify(token, this.jwtKey!, options);
      return { ok: true, via: 'jwt', endUser: endUserFromClaims(payload, this.config.jwt!) };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return refused('expired', 'The token has expired.');
      if (isKeySourceFailure(error)) {
        this.logger.warn({ error: { name: (error as Error).name, message: (error as Error).message } }, 'JWKS unavailable: cannot verify caller tokens');
        return refused('unavailable', 'Tokens cannot be verified right now; try again later.');
      }
      // The reason stays in the log (at debug level: refusals are routine), never in the answer.
      this.logger.debug({ reason: error instanceof joseErrors.JOSEError ? error.code : 'unknown' }, 'caller token refused');
      return refused('refused', 'The token is not valid.');
    }
  }

  private missingMessage(): string {
    const ways = [
      this.jwtKey !== undefined ? '"Authorization: Bearer <token>"' : undefined,
      this.config.gateway ? `the "${this.config.gateway.header}" header` : undefined,
    ].filter(Boolean);
    return `Authentication is required: send ${ways.join(' or ')}.`;
  }
}

function refused(reason: 'missing' | 'refused' | 'expired' | 'unavailable', message: string): CallerAuthResult {
  return { ok: false, reason, message };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The JWKS could not be fetched or read: the identity provider's fault, not the caller's. */
function isKeySourceFailure(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return true;
  // A refused connection or a non-200 answer surfaces as a fetch error, not a JOSE one.
  return !(error instanceof joseErrors.JOSEError) || error.code === 'ERR_JOSE_GENERIC';
}
