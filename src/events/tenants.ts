import { createHash } from 'node:crypto';

/**
 * Each Align key is one tenant (docs/align-api.md §1). Events, channels and index entries name the
 * tenant by a prefix of the key's SHA-256, never by the key: 128 bits, enough to never collide.
 */
export function tenantOf(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex').slice(0, 32);
}
