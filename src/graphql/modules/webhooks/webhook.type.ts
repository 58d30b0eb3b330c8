import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../scalars/date-time.js';

export enum WebhookStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(WebhookStatus, {
  name: 'WebhookStatus',
  description: 'Whether a webhook receives events. UNKNOWN: a value this server does not know yet.',
});

@ObjectType({ description: 'A URL the Align API sends every event of this account to.', simpleResolvers: true })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => WebhookStatus)
  status!: WebhookStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: string | null;
}
