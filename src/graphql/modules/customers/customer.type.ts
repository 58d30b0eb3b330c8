import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Address } from '../../shared/address.type.js';
import { CustomerType } from './customer.enums.js';
import { Kyc } from './kyc.type.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer of the Align account: a person or a company.', simpleResolvers: true })
export class Customer {
  @Field(() => ID, { description: 'The upstream customer_id (a UUID).' })
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => CustomerType)
  type!: CustomerType;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => Address, { nullable: true, description: 'Null until KYC is approved.' })
  address!: Address | null;

  @Field(() => Kyc, { nullable: true, description: 'Null before any KYC session was started.' })
  kyc!: Kyc | null;
}
