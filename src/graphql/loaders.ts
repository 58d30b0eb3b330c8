import DataLoader from 'dataloader';
import type { AlignClient } from '../align/client.js';
import { AlignNotFoundError } from '../align/errors.js';
import type { AnyOperation, Operation, PathIds } from '../align/operation.js';
import { canonicalJson } from '../canonical-json.js';
import { mapWithConcurrency } from '../concurrency.js';

/**
 * Align has no batch read, so a batch of reads becomes one GET per distinct key, at most
 * READ_CONCURRENCY at a time for one request.
 */
export const READ_CONCURRENCY = 8;

interface ReadKey {
  readonly ids: readonly string[];
  readonly input: unknown;
}

type Loader = DataLoader<ReadKey, unknown, string>;

/** Told of every object a request read or was answered (e.g. to attribute webhooks to customers). */
export type ReadObserver = (operation: AnyOperation, ids: readonly string[]) => void;

/**
 * The reads of one GraphQL request: one DataLoader per read operation, made when first used and
 * keyed by the operation's path ids (and its input, for filtered lists). It lives for one request
 * and one credential, so nothing fetched with one key is ever served to another. A 404 reads as
 * null. Lists that declare their items, and writes that declare what they refresh, fill the loaders
 * of the GET by id, so reading those objects back costs no upstream call.
 */
export class Loaders {
  private readonly loaders = new Map<AnyOperation, Loader>();
  /** Each loader's cache, kept so a write can update a held copy without triggering a load. */
  private readonly caches = new Map<AnyOperation, Map<string, Promise<unknown>>>();

  /** `client` throws UNAUTHENTICATED for a request without a credential: only called on first use. */
  constructor(
    private readonly client: () => AlignClient,
    private readonly observe?: ReadObserver,
  ) {}

  /** The operation's answer, or null when the upstream does not know the object (for this credential). */
  load<R extends string, I, T>(operation: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input?: I): Promise<T | null> {
    return this.loaderOf(operation).load({ ids, input }) as Promise<T | null>;
  }

  /** Records what a read would answer, replacing any copy held. */
  prime<R extends string, T>(operation: Operation<R, never, T>, ids: NoInfer<PathIds<R>> | readonly string[], value: T): void {
    const key = { ids, input: undefined };
    this.loaderOf(operation).clear(key).prime(key, value);
    this.observe?.(operation, ids);
  }

  /** Forgets a held copy, so the next read asks the upstream. */
  clear<R extends string, T>(operation: Operation<R, never, T>, ids: NoInfer<PathIds<R>>): void {
    this.loaderOf(operation).clear({ ids, input: undefined });
  }

  /** Brings the reads a write declares up to date (Operation.refreshes), or drops them (Operation.invalidates). */
  async refresh<R extends string, I, T>(write: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input: I, result: T): Promise<void> {
    const stale = write.invalidates;
    if (stale !== undefined) this.loaderOf(stale.read).clear({ ids: stale.ids(ids, input as never), input: undefined });
    const refresh = write.refreshes;
    if (refresh === undefined) return;
    const readIds = refresh.ids(result, ids);
    if (refresh.merge === undefined) return this.prime(refresh.read, readIds, result);
    const held = this.caches.get(refresh.read)?.get(cacheKey({ ids: readIds, input: undefined }));
    if (held === undefined) return;
    const value = await held.catch(() => null);
    if (value !== null) this.prime(refresh.read, readIds, (refresh.merge as (held: unknown, result: T) => unknown)(value, result));
  }

  private loaderOf(operation: AnyOperation): Loader {
    let loader = this.loaders.get(operation);
    if (loader !== undefined) return loader;
    const cache = new Map<string, Promise<unknown>>();
    const fetchOne = async (key: ReadKey): Promise<unknown> => {
      try {
        const value: unknown = await this.client().send(operation, key.ids, key.input);
        this.observe?.(operation, key.ids);
        this.keepItems(operation, value, key.ids);
        return value;
      } catch (error) {
        if (error instanceof AlignNotFoundError) return null;
        return error instanceof Error ? error : new Error(String(error));
      }
    };
    loader = new DataLoader<ReadKey, unknown, string>(
      // Most requests read one object: that batch skips the concurrency pool.
      async (keys) => (keys.length === 1 ? [await fetchOne(keys[0]!)] : mapWithConcurrency(keys, READ_CONCURRENCY, fetchOne)),
      { cacheKeyFn: cacheKey, cacheMap: cache, maxBatchSize: 1_000 },
    );
    this.loaders.set(operation, loader);
    this.caches.set(operation, cache);
    return loader;
  }

  private keepItems(list: AnyOperation, value: unknown, listIds: readonly string[]): void {
    const items = list.items;
    if (items === undefined || !Array.isArray(value)) return;
    for (const item of value) this.prime(items.read, items.ids(item as never, listIds), item);
  }
}

function cacheKey({ ids, input }: ReadKey): string {
  const path = ids.length === 1 ? ids[0]! : ids.join('\u0000');
  return input === undefined ? path : `${path}\u0001${canonicalJson(input)}`;
}
