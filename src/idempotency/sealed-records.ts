import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { IdempotencyStoreUnavailableError } from './errors.js';

/**
 * Idempotency records keep a write's result for 24 hours, and a result holds personal data (a
 * customer's email and names). At rest it is sealed with AES-256-GCM under a key derived (HKDF-SHA256)
 * from what only a caller repeating the write can present: its credential scope (the Align key, plus
 * the end user in server-key mode) and its idempotency key, salted with IDEMPOTENCY_SECRET when set.
 * The record id (only hashes of both) is the additional authenticated data, so a sealed result cannot
 * be moved to another record. The input fingerprint is an HMAC under the same key, so a guessed
 * email cannot be confirmed against it either.
 *
 * Without IDEMPOTENCY_SECRET a Redis dump alone still reveals nothing; with it, a dump plus the Align
 * key is not enough either. Every replica sharing a Redis needs the same secret; changing it makes the
 * records of the last 24 hours unreadable (their keys then answer CONFLICT, like reused keys).
 */
export class RecordSealing {
  private readonly salt: Buffer;

  constructor(serverSecret: string | undefined) {
    this.salt = Buffer.from(serverSecret ?? '', 'utf8');
  }

  /** The seal of one (credential scope, idempotency key). */
  forCall(credentialScope: string, idempotencyKey: string): CallSeal {
    const ikm = Buffer.from(`${credentialScope}\u0000${idempotencyKey}`, 'utf8');
    const key = Buffer.from(hkdfSync('sha256', ikm, this.salt, INFO, 32));
    return new CallSeal(key);
  }
}

const INFO = 'align-graphql idempotency record v1';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CallSeal {
  constructor(private readonly key: Buffer) {}

  /** A keyed fingerprint of the normalized input. */
  fingerprint(canonicalInput: string): string {
    return createHmac('sha256', this.key).update(canonicalInput).digest('hex');
  }

  seal(recordId: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(recordId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  /** Throws IdempotencyStoreUnavailableError when the record was not sealed with this key for this id. */
  open(recordId: string, sealedText: string): string {
    try {
      const [version, payload] = sealedText.split('.');
      if (version !== VERSION || payload === undefined) throw new Error('unknown format');
      const bytes = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(recordId, 'utf8')).setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new IdempotencyStoreUnavailableError();
    }
  }
}
