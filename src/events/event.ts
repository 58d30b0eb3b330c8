/**
 * An Align webhook as this server passes it on to subscribers (docs/align-api.md §17): what the
 * envelope said, plus the customer it was attributed to. It travels as JSON between replicas.
 */
export interface AlignEvent {
  /** SHA-256 of the webhook's raw body: the same delivery twice has the same id. */
  readonly eventId: string;
  /** `customer.kycs.updated`, `onramp_transfer.status.updated`, ... (one of EVENT_TYPES). */
  readonly type: EventType;
  readonly entityType: string;
  readonly entityId: string;
  /** The envelope's `created_at`, as RFC 3339 in UTC. */
  readonly occurredAt: string;
  /** The customer the entity belongs to; null when it could not be attributed. */
  readonly customerId: string | null;
  readonly virtualAccountId: string | null;
  readonly permanentRouteAddressId: string | null;
  /** The upstream object sent along (customer events carry the customer). */
  readonly entityObject: Record<string, unknown> | null;
}

/** The transfer kinds, by the entity type their events name. */
export const TRANSFER_EVENT_TYPES = {
  'onramp_transfer.status.updated': 'onramp_transfer',
  'offramp_transfer.status.updated': 'offramp_transfer',
  'cross_chain_transfer.status.updated': 'cross_chain_transfer',
} as const;

export type TransferEntityType = (typeof TRANSFER_EVENT_TYPES)[keyof typeof TRANSFER_EVENT_TYPES];

/** The event types that become subscriptions; any other type is acknowledged and dropped. */
export const EVENT_TYPES = ['customer.kycs.updated', 'virtual_account.created', ...Object.keys(TRANSFER_EVENT_TYPES)] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
