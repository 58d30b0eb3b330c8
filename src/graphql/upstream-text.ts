import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';

/**
 * Upstream values that reach logs or frontends. The upstream is not trusted with either: a value
 * could be huge, hold control characters that forge log lines, echo a credential, or be a
 * `javascript:` link.
 */

/** An enum-like word: lower-case letters, `_`, `-`, `.`, spaces, at most 40. Credentials carry digits or capitals. */
const ENUM_LIKE = /^[a-z][a-z_. -]{0,39}$/;

/**
 * How an unknown upstream value is logged: its text only when it looks like an enum value, else
 * nothing of it but its length and a short SHA-256 prefix (enough to tell two values apart).
 */
export function loggableUpstreamValue(value: string): { upstreamValue?: string; upstreamValueSha256: string; upstreamValueLength: number } {
  return {
    ...(ENUM_LIKE.test(value) ? { upstreamValue: value } : {}),
    upstreamValueSha256: createHash('sha256').update(value).digest('hex').slice(0, 12),
    upstreamValueLength: value.length,
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A link the upstream hands to frontends (a KYC flow link): passed on only when it is `https:`, or
 * `http:` to a loopback host (the embedded emulator). Anything else (`javascript:`, `data:`, plain
 * `http:` to a remote host, not a URL at all) becomes null, with one warning naming the field.
 */
export function frontendLink(field: string, value: string | null, logger: Logger): string | null {
  if (value === null) return null;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url !== undefined && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) return value;
  logger.warn({ field, scheme: url?.protocol.slice(0, 16).replace(/[^a-z0-9+.-]/gi, '?'), ...loggableUpstreamValue(value) }, 'unsafe upstream link replaced by null');
  return null;
}

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
