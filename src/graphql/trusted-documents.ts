import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * The trusted-documents manifest (`TRUSTED_DOCUMENTS`): `{ "<sha256 hex>": "<document>" }`, the form
 * graphql-codegen's client preset writes as `persisted-documents.json` (its keys carry a `sha256:`
 * prefix, which is accepted too). Read and checked once at start: every key must be the SHA-256 of
 * its document, so a hand-edited or truncated file is refused before the server listens.
 */
export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static async load(path: string): Promise<TrustedDocuments> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new TrustedDocumentsError(path, `cannot be read (${code})`);
    }
    return TrustedDocuments.parse(path, text);
  }

  static parse(path: string, text: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      throw new TrustedDocumentsError(path, 'is not valid JSON');
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
      throw new TrustedDocumentsError(path, 'must be a JSON object mapping sha256 hashes to documents');
    }
    const byHash = new Map<string, string>();
    for (const [key, document] of Object.entries(manifest)) {
      const hash = documentHash(key);
      if (hash === undefined) throw new TrustedDocumentsError(path, `has a key that is not a sha256 hash: "${key.slice(0, 80)}"`);
      if (typeof document !== 'string' || document.trim() === '') {
        throw new TrustedDocumentsError(path, `maps ${key} to something that is not a document`);
      }
      if (sha256(document) !== hash) throw new TrustedDocumentsError(path, `maps ${key} to a document whose sha256 is another`);
      byHash.set(hash, document);
    }
    if (byHash.size === 0) throw new TrustedDocumentsError(path, 'lists no documents');
    return new TrustedDocuments(byHash);
  }

  /** The listed document with this hash (`<hex>` or `sha256:<hex>`), if any. */
  get(id: string): string | undefined {
    const hash = documentHash(id);
    return hash === undefined ? undefined : this.byHash.get(hash);
  }

  /** Whether a document sent in full is, byte for byte, one of the listed ones. */
  includesDocument(document: string): boolean {
    return this.byHash.has(sha256(document));
  }

  documents(): string[] {
    return [...this.byHash.values()];
  }

  get size(): number {
    return this.byHash.size;
  }
}

export class TrustedDocumentsError extends Error {
  constructor(path: string, problem: string) {
    super(`TRUSTED_DOCUMENTS: the manifest ${path} ${problem}`);
    this.name = 'TrustedDocumentsError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `sha256:<hex>` (the GraphQL-over-HTTP persisted-documents form) or a bare hex hash -> the hex; else undefined. */
export function documentHash(id: string): string | undefined {
  const hex = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
  return SHA256_HEX.test(hex) ? hex : undefined;
}

export function sha256(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}
