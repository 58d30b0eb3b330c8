import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Customer } from '../customers/customer.type.js';
import { Network, Token } from '../../shared/enums.js';

@ObjectType({ description: 'The deposit address of a permanent route on one source chain.', simpleResolvers: true })
export class RouteChainAddress {
  @Field(() => Network)
  network!: Network;

  @Field(() => String)
  address!: string;
}

@ObjectType({ description: 'Where a permanent route forwards every deposit.', simpleResolvers: true })
export class RouteDestination {
  @Field(() => Network, { nullable: true })
  network!: Network | null;

  @Field(() => Token, { nullable: true })
  token!: Token | null;

  @Field(() => String, { nullable: true })
  address!: string | null;
}

/** A fixed set of deposit addresses, one per source chain, forwarding to one destination (docs/align-api.md §16). */
@Directive('@key(fields: "customerId id")')
@ObjectType({ description: 'Deposit addresses on several chains that forward everything sent to them to one destination.', simpleResolvers: true })
export class PermanentRouteAddress {
  @Field(() => ID, { description: 'The upstream permanent_route_address_id.' })
  id!: string;

  @Field(() => ID)
  customerId!: string;

  /** Resolved by CustomerScopedResolver. */
  customer?: Customer | null;

  @Field(() => [RouteChainAddress], { description: 'One deposit address per source chain (the upstream map, as a list).' })
  routeChainAddresses!: RouteChainAddress[];

  @Field(() => RouteDestination, { nullable: true })
  routeDestination!: RouteDestination | null;
}
