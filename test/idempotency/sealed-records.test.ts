import { describe, expect, it } from '@jest/globals';
import { IdempotencyStoreUnavailableError } from '../../src/idempotency/errors.js';
import { RecordSealing } from '../../src/idempotency/sealed-records.js';

describe('RecordSealing', () => {
  const plaintext = JSON.stringify({ email: 'ada@example.com', first_name: 'Ada' });

  it('seals with AES-256-GCM: nothing readable, a fresh IV each time, opened by the same credential and key', () => {
    const seal = new RecordSealing('server-secret-0123456789abcdef0123').forCall('align-key', 'idem-1');
    const sealed = seal.seal('record-1', plaintext);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('ada');
    expect(seal.seal('record-1', plaintext)).not.toBe(sealed);
    expect(seal.open('record-1', sealed)).toBe(plaintext);
  });

  it('cannot be opened with another credential, key, server secret or record id', () => {
    const sealing = new RecordSealing('server-secret-0123456789abcdef0123');
    const sealed = sealing.forCall('align-key', 'idem-1').seal('record-1', plaintext);
    for (const [seal, id] of [
      [sealing.forCall('other-key', 'idem-1'), 'record-1'],
      [sealing.forCall('align-key', 'idem-2'), 'record-1'],
      [new RecordSealing(undefined).forCall('align-key', 'idem-1'), 'record-1'],
      [sealing.forCall('align-key', 'idem-1'), 'record-2'],
    ] as const) {
      expect(() => seal.open(id, sealed)).toThrow(IdempotencyStoreUnavailableError);
    }
  });

  it('fingerprints input with a keyed hash, so a guess cannot be checked without the credential', () => {
    const sealing = new RecordSealing(undefined);
    const mine = sealing.forCall('align-key', 'idem-1').fingerprint('{"email":"ada@example.com"}');
    expect(mine).toMatch(/^[0-9a-f]{64}$/);
    expect(sealing.forCall('align-key', 'idem-1').fingerprint('{"email":"ada@example.com"}')).toBe(mine);
    expect(sealing.forCall('other-key', 'idem-1').fingerprint('{"email":"ada@example.com"}')).not.toBe(mine);
  });
});
