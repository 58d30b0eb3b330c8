import { isEventType, type EventType } from '../events/event.js';

/** A webhook body as docs/align-api.md §17 describes it. */
export interface WebhookEnvelope {
  readonly eventType: string;
  readonly entityId: string;
  readonly entityType: string;
  /** `created_at` in epoch milliseconds. */
  readonly createdAt: number;
  readonly entityObject: Record<string, unknown> | null;
  readonly eventPayload: Record<string, unknown> | null;
}

export type EnvelopeResult = { readonly ok: true; readonly envelope: WebhookEnvelope } | { readonly ok: false; readonly problem: string };

const REQUIRED = ['event_type', 'entity_id', 'entity_type', 'created_at'] as const;
const MAX_FIELD_LENGTH = 256;

/** Reads the envelope; the problem names the field but never echoes a value (they can be personal data). */
export function parseEnvelope(text: string): EnvelopeResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The body is not valid JSON.' };
  }
  if (!isObject(body)) return { ok: false, problem: 'The body must be a JSON object.' };
  for (const field of REQUIRED) {
    const value = body[field];
    if (typeof value !== 'string' || value === '' || value.length > MAX_FIELD_LENGTH) {
      return { ok: false, problem: `${field} must be a non-empty string.` };
    }
  }
  const createdAt = Date.parse(body.created_at as string);
  if (Number.isNaN(createdAt)) return { ok: false, problem: 'created_at must be a timestamp.' };
  return {
    ok: true,
    envelope: {
      eventType: body.event_type as string,
      entityId: body.entity_id as string,
      entityType: body.entity_type as string,
      createdAt,
      entityObject: isObject(body.entity_object) ? body.entity_object : null,
      eventPayload: isObject(body.event_payload) ? body.event_payload : null,
    },
  };
}

export function knownType(envelope: WebhookEnvelope): EventType | undefined {
  return isEventType(envelope.eventType) ? envelope.eventType : undefined;
}

/** `event_payload.<field>.id` (e.g. `virtual_account.id` on a VA deposit's on-ramp), or null. */
export function payloadId(envelope: WebhookEnvelope, field: string): string | null {
  const nested = envelope.eventPayload?.[field];
  const id = isObject(nested) ? nested.id : undefined;
  return typeof id === 'string' && id !== '' && id.length <= MAX_FIELD_LENGTH ? id : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
