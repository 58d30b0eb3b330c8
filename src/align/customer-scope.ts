import { createHash } from 'node:crypto';
import { AlignNotFoundError } from './errors.js';
import type { AnyOperation } from './operation.js';

/**
 * End-user entitlement in server-key mode: every end user (a JWT subject) acts with the same Align
 * key, so the upstream cannot tell them apart, and this does. It is derived from the catalogue, so
 * every operation gets it without a line of its own:
 *
 * - an operation whose route has a `:customer_id` is customer-scoped: it is sent only for a
 *   customer the end user is entitled to; any other id is answered as the upstream answers an
 *   unknown one (a 404: null for reads, NOT_FOUND for writes), without an upstream call, so
 *   neither the answer nor its timing tells whether the customer exists;
 * - a list whose items are customers (its `items.read` is customer-scoped) keeps only the
 *   entitled ones;
 * - a write without a `:customer_id` whose answer refreshes a customer-scoped read (creating a
 *   customer) records the new customer as the end user's;
 * - the caller's idempotency key goes upstream as a key derived from the subject and the key, so two
 *   end users using the same key never share a result upstream either.
 *
 * Entitled: customers the end user created through this server (CustomerOwnership, kept with the
 * idempotency records: memory or Redis), those its token lists, or all with the admin scope.
 */
export interface EndUser {
  /** A stable name of the subject (a hash of issuer and `sub`), never the raw claim. */
  readonly subject: string;
  /** Customer ids the token lists (lower case). */
  readonly listedCustomers: ReadonlySet<string>;
  /** Entitled to every customer of the account. */
  readonly admin: boolean;
}

/** Which customers each subject created; kept in the idempotency store's backend. */
export interface CustomerOwnership {
  /** For each id, whether `subject` owns it. */
  owns(subject: string, customerIds: readonly string[]): Promise<boolean[]>;
  record(subject: string, customerId: string): Promise<void>;
}

/** What a refused id is answered with: exactly what the upstream answers for an unknown customer. */
export function unknownCustomerError(): AlignNotFoundError {
  return new AlignNotFoundError('No customer with this customer_id.', { upstreamStatus: 404, upstreamCode: 'customer_not_found' });
}

const CUSTOMER_PARAM = 'customer_id';

/** Position of `:customer_id` in the operation's path ids, or -1. */
export function customerParamIndex(operation: Pick<AnyOperation, 'paramNames'>): number {
  return operation.paramNames.indexOf(CUSTOMER_PARAM);
}

export class CustomerScope {
  /** Decisions already made in this request, by lower-case id. */
  private readonly decided = new Map<string, Promise<boolean>>();

  constructor(
    readonly endUser: EndUser,
    private readonly ownership: CustomerOwnership,
  ) {}

  /**
   * Sends `deliver` on the end user's behalf: refuses an id it is not entitled to, scopes the
   * idempotency key, filters list answers and records created customers.
   */
  async run<T>(operation: AnyOperation, ids: readonly string[], idempotencyKey: string | undefined, deliver: (key: string | undefined) => Promise<T>): Promise<T> {
    const position = customerParamIndex(operation);
    if (position !== -1 && !(await this.entitled(ids[position]!))) throw unknownCustomerError();
    const result = await deliver(idempotencyKey === undefined ? undefined : this.upstreamKey(idempotencyKey));
    if (operation.items !== undefined && Array.isArray(result)) return (await this.keepEntitled(operation.items, ids, result)) as T;
    await this.recordCreated(operation, ids, result);
    return result;
  }

  /** The Idempotency-Key sent upstream for the caller's `key`: a UUID derived from subject and key. */
  upstreamKey(key: string): string {
    const hex = createHash('sha256').update(`align-graphql idempotency\u0000${this.endUser.subject}\u0000${key}`).digest('hex');
    // Laid out as a UUID (version 8: custom), the form upstreams most often expect.
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private entitled(customerId: string): Promise<boolean> {
    const id = customerId.toLowerCase();
    const { admin, listedCustomers, subject } = this.endUser;
    if (admin || listedCustomers.has(id)) return Promise.resolve(true);
    let decision = this.decided.get(id);
    if (decision === undefined) {
      decision = this.ownership.owns(subject, [id]).then(([owned]) => owned === true);
      this.decided.set(id, decision);
    }
    return decision;
  }

  private async keepEntitled(items: NonNullable<AnyOperation['items']>, listIds: readonly string[], list: readonly unknown[]): Promise<unknown[]> {
    const position = customerParamIndex(items.read);
    if (position === -1 || this.endUser.admin) return [...list];
    const customerIds = list.map((item) => (items.ids(item as never, listIds)[position] ?? '').toLowerCase());
    const { listedCustomers, subject } = this.endUser;
    const unlisted = [...new Set(customerIds.filter((id) => !listedCustomers.has(id)))];
    const owned = unlisted.length === 0 ? [] : await this.ownership.owns(subject, unlisted);
    const ownedIds = new Set(unlisted.filter((_id, index) => owned[index] === true));
    for (const id of ownedIds) this.decided.set(id, Promise.resolve(true));
    return list.filter((_item, index) => listedCustomers.has(customerIds[index]!) || ownedIds.has(customerIds[index]!));
  }

  private async recordCreated(operation: AnyOperation, ids: readonly string[], result: unknown): Promise<void> {
    const refresh = operation.refreshes;
    if (operation.method === 'GET' || refresh === undefined || customerParamIndex(operation) !== -1) return;
    const position = customerParamIndex(refresh.read);
    if (position === -1) return;
    const customerId = refresh.ids(result as never, ids)[position];
    if (customerId === undefined) return;
    const id = customerId.toLowerCase();
    await this.ownership.record(this.endUser.subject, id);
    this.decided.set(id, Promise.resolve(true));
  }
}
