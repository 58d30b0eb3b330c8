import type { Method } from 'got';

/**
 * How a call may be repeated when its outcome is not known (docs/align-api.md §18):
 * - `read`: a GET, repeated freely.
 * - `U`: the docs require an `Idempotency-Key`; one is always sent (the caller's, else a generated
 *   one) and the call is repeated with the same key.
 * - `R`: repeating it changes nothing (PUT, DELETE, get-or-create): repeated.
 * - `C`: not repeated; an unknown outcome is settled by looking for what the write would have made
 *   (the declaration's `reconcile`).
 * - `N`: not safe to repeat and cannot be reconciled: sent once.
 * - `once`: sandbox simulations and other one-shot actions: sent once.
 */
export type RetryClass = 'read' | 'U' | 'R' | 'C' | 'N' | 'once';

/** `'/v0/customers/:customer_id/kycs'` -> `[string]`: one id per `:param`, in template order. */
type IdsOf<Route extends string> = Route extends `${string}:${string}/${infer Rest}`
  ? readonly [string, ...IdsOf<`/${Rest}`>]
  : Route extends `${string}:${string}`
    ? readonly [string]
    : readonly [];

/** The values of a route's path parameters, in template order: `[customerId]`. */
export type PathIds<Route extends string> = string extends Route ? readonly string[] : IdsOf<Route>;

/** What a reconciliation found out about a write whose answer was lost. */
export type Reconciliation<Result> =
  | { readonly kind: 'found'; readonly value: Result }
  /** Something else already holds the write's unique value: the write cannot have succeeded. */
  | { readonly kind: 'conflict'; readonly message: string }
  /** Nothing yet: the write did not happen, or has not landed yet. `message` says so if it stays that way. */
  | { readonly kind: 'absent'; readonly message: string };

/** Sends another catalogue operation (a reconciliation's lookups go through the same transport). */
export type Send = <R extends string, I, T>(operation: Operation<R, I, T>, ids: NoInfer<PathIds<R>>, input: I) => Promise<T>;

export interface OperationSpec<Route extends string, Input, Result> {
  readonly method: Method;
  /** The route template, e.g. `/v0/customers/:customer_id`; ids are URL-encoded into it. */
  readonly route: Route;
  readonly retry: RetryClass;
  /**
   * Class `C` writes that also take the caller's `Idempotency-Key` upstream: with a key they are
   * repeated like class `U` (the upstream answers a repeat with the first result).
   */
  readonly retryWithCallerKey?: boolean;
  /** The query string, from the operation's input; undefined values are left out. */
  query?(input: Input): Readonly<Record<string, string | undefined>>;
  /** The JSON body, from the operation's input (snake_case, as the upstream takes it). */
  body?(input: Input): unknown;
  /** Checks the documented shape of a 2xx answer and returns it typed, or throws AlignBadResponseError. */
  parse(answer: unknown): Result;
  /** Fills what the answer leaves out from what was sent (some create answers omit fields). */
  complete?(result: Result, input: Input): Result;
  /** Class `C`: finds out whether a write whose answer was lost took effect. */
  reconcile?(input: Input, send: Send): Promise<Reconciliation<Result>>;
  /** A list whose items are what a GET by id answers: reading the list also answers those GETs. */
  readonly items?: ListItems;
  /** The read whose answer this write's answer brings up to date, so reading it back costs no call. */
  readonly refreshes?: Refresh<Result>;
  /**
   * The read this write changed without saying how (a short `{}` or `{message}` answer): a copy the
   * request holds is dropped, so the next read asks the upstream again.
   */
  readonly invalidates?: Invalidation;
}

export interface Invalidation {
  readonly read: AnyOperation;
  /** The read's ids, from the write's path ids and input. */
  ids(ids: readonly string[], input: never): readonly string[];
}

export interface ListItems {
  readonly read: AnyOperation;
  /** The item's ids for `read` (declared with the item's type), given the list's own path ids. */
  ids(item: never, listIds: readonly string[]): readonly string[];
}

export interface Refresh<Result> {
  readonly read: AnyOperation;
  /** The read's ids, from the write's answer and its own path ids. */
  ids(result: Result, ids: readonly string[]): readonly string[];
  /**
   * Absent: the answer is the read's whole answer. Present: the answer is part of it, merged into a
   * copy the request already holds (nothing is read to merge into).
   */
  merge?(held: never, result: Result): unknown;
}

export interface Operation<Route extends string = string, Input = unknown, Result = unknown>
  extends OperationSpec<Route, Input, Result> {
  /** `METHOD template`: the label of metrics and logs, and the emulator's route key. */
  readonly key: string;
  readonly paramNames: readonly string[];
}

/** Any operation, whatever its types (for catalogues and generic code). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any, any>;

export type InputOf<O> = O extends Operation<string, infer I, unknown> ? I : never;
export type ResultOf<O> = O extends Operation<string, never, infer T> ? T : never;

/** Declares one upstream operation; the client, loaders and write path derive everything from it. */
export function defineOperation<const Route extends string, Input = void, Result = unknown>(
  spec: OperationSpec<Route, Input, Result>,
): Operation<Route, Input, Result> {
  if (spec.retry === 'C' && spec.reconcile === undefined) throw new Error(`${spec.route}: class C needs reconcile`);
  if ((spec.method === 'GET') !== (spec.retry === 'read')) throw new Error(`${spec.route}: GET is exactly class read`);
  const paramNames = [...spec.route.matchAll(/:([a-z_]+)/g)].map((match) => match[1]!);
  return { ...spec, key: `${spec.method} ${spec.route}`, paramNames };
}

/**
 * A `complete` for answers that may leave out echoes of what was sent (docs/align-api.md §6): each
 * named field the answer lacks (null or absent) is taken from the body, else null.
 */
export function echoesOf<Body extends object>(...fields: ReadonlyArray<keyof Body & string>) {
  return <Result extends object>(result: Result, body: Body): Result => {
    const filled = { ...result } as Record<string, unknown>;
    for (const field of fields) filled[field] ??= (body as Record<string, unknown>)[field] ?? null;
    return filled as Result;
  };
}

/** `/v0/customers/:customer_id` + `['x y']` -> `v0/customers/x%20y` (relative to the base URL). */
export function expandRoute(operation: Pick<Operation, 'route' | 'paramNames'>, ids: readonly string[]): string {
  if (ids.length !== operation.paramNames.length) {
    throw new Error(`${operation.route} takes ${operation.paramNames.length} ids, got ${ids.length}`);
  }
  let index = 0;
  return operation.route.slice(1).replace(/:[a-z_]+/g, () => encodeURIComponent(ids[index++]!));
}
