import { Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { webhookOperations as align } from '../../../align/operations/webhooks.js';
import type { GraphQLContext } from '../../context.js';
import { CheckedArg } from '../../validation/checked-arg.js';
import { OpaqueIdArg } from '../../validation/opaque-id-arg.js';
import { isHttpUrl } from '../../validation/url-arg.js';
import { toWebhook } from './webhook.mapper.js';
import { Webhook } from './webhook.type.js';

/** The SDK's limit on a webhook URL (docs/align-api.md §17). */
const WEBHOOK_URL_MAX_LENGTH = 1024;

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'The webhooks of the Align account (of the key in use).' })
  async webhooks(@Ctx() context: GraphQLContext): Promise<Webhook[]> {
    const found = await context.loaders.load(align.listWebhooks, []);
    return (found ?? []).map((raw) => toWebhook(raw, context.enums));
  }

  @Mutation(() => Webhook, {
    description: 'Registers a URL for every event of the account. Point it at this server\'s POST /webhooks/align to get subscriptions.',
  })
  async createWebhook(
    @CheckedArg('url', () => String, (value) =>
      isHttpUrl(value, WEBHOOK_URL_MAX_LENGTH) ? undefined : `url must be an absolute http(s) URL of at most ${WEBHOOK_URL_MAX_LENGTH} characters`,
    )
    url: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Webhook> {
    return toWebhook(await context.writes.run(align.createWebhook, [], { url }), context.enums);
  }

  @Mutation(() => ID, { description: 'Removes a webhook; answers its id. Deleting one that is already gone is NOT_FOUND.' })
  async deleteWebhook(@OpaqueIdArg('webhookId') webhookId: string, @Ctx() context: GraphQLContext): Promise<string> {
    await context.writes.run(align.deleteWebhook, [webhookId], undefined);
    return webhookId;
  }
}
