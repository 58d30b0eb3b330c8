import { crossChainOperations as align } from '../../../align/operations/cross-chain.js';
import { referenceByCustomerAndId } from '../../shared/customer-scoped.js';
import type { GraphQLModule } from '../module.js';
import { CrossChainTransferResolver } from './cross-chain-transfer.resolver.js';
import { toCrossChainTransfer, toPermanentRouteAddress } from './cross-chain.mapper.js';
import { CustomerPermanentRouteAddressesResolver, PermanentRouteAddressResolver } from './permanent-route-address.resolver.js';

/** Cross-chain transfers and permanent route addresses (docs/align-api.md §15, §16). */
export const crossChainModule: GraphQLModule = {
  resolvers: [CrossChainTransferResolver, PermanentRouteAddressResolver, CustomerPermanentRouteAddressesResolver],
  references: {
    CrossChainTransfer: referenceByCustomerAndId(align.getCrossChainTransfer, (raw, customerId, context) => toCrossChainTransfer(raw, customerId, context.enums)),
    PermanentRouteAddress: referenceByCustomerAndId(align.getPermanentRouteAddress, (raw, customerId, context) =>
      toPermanentRouteAddress(raw, customerId, context.enums),
    ),
  },
};
