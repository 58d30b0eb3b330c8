import type { AlignWebhook } from '../../../align/operations/webhooks.js';
import type { UpstreamEnums } from '../../upstream-enums.js';
import { WebhookStatus, type Webhook } from './webhook.type.js';

export function toWebhook(raw: AlignWebhook, enums: UpstreamEnums): Webhook {
  return {
    id: raw.id,
    url: raw.url,
    status: raw.status === null ? WebhookStatus.UNKNOWN : (enums.map('WebhookStatus', WebhookStatus, raw.status) as WebhookStatus),
    createdAt: raw.created_at,
  };
}
