import { onrampOperations } from '../../../align/operations/onramp.js';
import { virtualAccountOperations } from '../../../align/operations/virtual-accounts.js';
import { referenceByCustomerAndId } from '../../shared/customer-scoped.js';
import type { GraphQLModule } from '../module.js';
import { CustomerOnrampListsResolver } from './customer-lists.resolver.js';
import { toOnrampTransfer } from './onramp.mapper.js';
import { OnrampResolver } from './onramp.resolver.js';
import { toVirtualAccount } from './virtual-account.mapper.js';
import { VirtualAccountResolver } from './virtual-account.resolver.js';

/** On-ramp transfers and virtual accounts (docs/align-api.md §13, §14); both are entities keyed `customerId id`. */
export const onrampModule: GraphQLModule = {
  resolvers: [OnrampResolver, VirtualAccountResolver, CustomerOnrampListsResolver],
  references: {
    OnrampTransfer: referenceByCustomerAndId(onrampOperations.getOnrampTransfer, (raw, customerId, context) => toOnrampTransfer(raw, customerId, context.enums)),
    VirtualAccount: referenceByCustomerAndId(virtualAccountOperations.getVirtualAccount, (raw, customerId, context) =>
      toVirtualAccount(raw, customerId, context.enums),
    ),
  },
};
