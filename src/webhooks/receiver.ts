import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AttributionIndex } from '../events/attribution.js';
import type { EventBus } from '../events/bus.js';
import { TRANSFER_EVENT_TYPES, type AlignEvent, type EventType } from '../events/event.js';
import { BodyTooLargeError, readRawBody } from '../http/body.js';
import type { Logger } from '../logger.js';
import { knownType, parseEnvelope, payloadId, type WebhookEnvelope } from './envelope.js';
import type { SeenMarks } from './seen-marks.js';
import type { WebhookKeys } from './webhook-keys.js';

/** The largest webhook body read (docs/align-api.md §17). */
export const WEBHOOK_MAX_BODY_BYTES = 256 * 1024;
/** How far ahead of this server's clock a `created_at` may be (clock skew). */
const FUTURE_SKEW_MS = 300_000;

export type DeliveryOutcome =
  | 'published'
  | 'duplicate'
  | 'stale'
  | 'ignored'
  | 'unauthorized'
  | 'invalid'
  | 'too_large'
  | 'unavailable';

export interface WebhookReceiverOptions {
  readonly keys: WebhookKeys;
  readonly marks: SeenMarks;
  readonly bus: EventBus;
  readonly attribution: AttributionIndex;
  readonly maxAgeSeconds: number;
  readonly logger: Logger;
  readonly onOutcome: (outcome: DeliveryOutcome) => void;
}

/**
 * `POST /webhooks/align` (docs/align-api.md §17): outside GraphQL and caller authentication, the
 * signature is the authentication. Steps, each answering as soon as it decides:
 * body ≤ 256 KiB (413) -> HMAC-SHA256 under an accepted key (401) -> envelope (400) -> known type
 * (else 200, dropped) -> fresh `created_at` and never seen before (else 200, dropped) -> published
 * to the tenant's subscribers (200), or 503 so that Align delivers it again.
 * Nothing logged here holds the body, the signature or a key.
 */
export class WebhookReceiver {
  constructor(private readonly options: WebhookReceiverOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { keys, logger } = this.options;
    if (keys.empty) return answer(res, 404, { error: 'No webhook key is configured (ALIGN_API_KEY or ALIGN_WEBHOOK_KEYS).' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return answer(res, 405, { error: 'Webhooks are POSTed.' });
    }
    let body: Buffer;
    try {
      body = await readRawBody(req, WEBHOOK_MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      return this.done(res, 'too_large', 413, { error: `The body is larger than ${WEBHOOK_MAX_BODY_BYTES} bytes.` });
    }
    const signature = req.headers['x-hmac-signature'];
    const tenant = keys.verify(body, typeof signature === 'string' ? signature : undefined);
    if (tenant === undefined) return this.done(res, 'unauthorized', 401, { error: 'The x-hmac-signature header does not match the body.' });

    const parsed = parseEnvelope(body.toString('utf8'));
    if (!parsed.ok) return this.done(res, 'invalid', 400, { error: parsed.problem });
    const { envelope } = parsed;
    const type = knownType(envelope);
    if (type === undefined) return this.done(res, 'ignored', 200, { status: 'ignored' });
    if (!this.isFresh(envelope.createdAt)) return this.done(res, 'stale', 200, { status: 'stale' });

    const eventId = createHash('sha256').update(body).digest('hex');
    const mark = `align:webhook:seen:${tenant}:${eventId}`;
    const { marks, bus } = this.options;
    try {
      if (!(await marks.mark(mark, this.options.maxAgeSeconds + FUTURE_SKEW_MS / 1000))) {
        return this.done(res, 'duplicate', 200, { status: 'duplicate' });
      }
    } catch (error) {
      return this.unavailable(res, error);
    }
    try {
      await bus.publish(tenant, await this.event(tenant, eventId, type, envelope));
    } catch (error) {
      await marks.unmark(mark).catch(() => undefined);
      return this.unavailable(res, error);
    }
    logger.debug({ tenant, eventType: type }, 'webhook published');
    return this.done(res, 'published', 200, { status: 'published' });
  }

  private isFresh(createdAt: number): boolean {
    const now = Date.now();
    return createdAt >= now - this.options.maxAgeSeconds * 1000 && createdAt <= now + FUTURE_SKEW_MS;
  }

  /** The event as subscribers get it, attributed to a customer where the server can tell. */
  private async event(tenant: string, eventId: string, type: EventType, envelope: WebhookEnvelope): Promise<AlignEvent> {
    const virtualAccountId = payloadId(envelope, 'virtual_account');
    const permanentRouteAddressId = payloadId(envelope, 'permanent_route_address');
    return {
      eventId,
      type,
      entityType: envelope.entityType,
      entityId: envelope.entityId,
      occurredAt: new Date(envelope.createdAt).toISOString(),
      customerId: await this.customerOf(tenant, type, envelope, virtualAccountId, permanentRouteAddressId),
      virtualAccountId,
      permanentRouteAddressId,
      entityObject: envelope.entityObject,
    };
  }

  private async customerOf(
    tenant: string,
    type: EventType,
    envelope: WebhookEnvelope,
    virtualAccountId: string | null,
    permanentRouteAddressId: string | null,
  ): Promise<string | null> {
    if (type === 'customer.kycs.updated') return envelope.entityId;
    const { attribution } = this.options;
    const lookups: Array<[string, string | null]> = [
      [type === 'virtual_account.created' ? 'virtual_account' : TRANSFER_EVENT_TYPES[type as keyof typeof TRANSFER_EVENT_TYPES], envelope.entityId],
      ['virtual_account', virtualAccountId],
      ['permanent_route_address', permanentRouteAddressId],
    ];
    for (const [kind, id] of lookups) {
      if (id === null) continue;
      // An index that cannot answer leaves the event unattributed: it still reaches unfiltered subscribers.
      const customerId = await attribution.customerOf(tenant, kind, id).catch(() => null);
      if (customerId === null) continue;
      if (kind !== lookups[0]![0]) await attribution.remember(tenant, lookups[0]![0], envelope.entityId, customerId).catch(() => undefined);
      return customerId;
    }
    return null;
  }

  private unavailable(res: ServerResponse, error: unknown): void {
    this.options.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'webhook not published');
    res.setHeader('retry-after', '5');
    this.done(res, 'unavailable', 503, { error: 'The event could not be passed on; deliver it again.' });
  }

  private done(res: ServerResponse, outcome: DeliveryOutcome, status: number, body: unknown): void {
    this.options.onOutcome(outcome);
    answer(res, status, body);
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
