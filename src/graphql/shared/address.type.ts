import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A postal address, as verified during KYC.', simpleResolvers: true })
export class Address {
  @Field(() => String, { nullable: true, description: 'As the upstream spells it, e.g. "United States".' })
  country!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  streetLine1!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  state!: string | null;
}
