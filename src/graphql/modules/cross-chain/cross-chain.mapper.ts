import type {
  AlignCrossChainQuote,
  AlignCrossChainTransfer,
  AlignPermanentRouteAddress,
  CrossChainQuoteBody,
  CrossChainTransferBody,
  PermanentRouteAddressBody,
} from '../../../align/operations/cross-chain.js';
import { dateTimeFromUpstream } from '../../scalars/date-time.js';
import { Network, Token, TransferStatus } from '../../shared/enums.js';
import { toUpstreamEnumValue, type UpstreamEnums } from '../../upstream-enums.js';
import type { CrossChainQuote } from './cross-chain-quote.type.js';
import type { CreateCrossChainQuoteInput, CreateCrossChainTransferInput, CreatePermanentRouteAddressInput } from './cross-chain.input.js';
import type { CrossChainTransfer } from './cross-chain-transfer.type.js';
import type { PermanentRouteAddress } from './permanent-route-address.type.js';

/** Cross-chain wire shapes <-> GraphQL types; the only place that knows both spellings. */

export function toCrossChainQuoteBody(input: CreateCrossChainQuoteInput): CrossChainQuoteBody {
  return {
    ...(input.amount.sourceAmount != null ? { source_amount: input.amount.sourceAmount } : { destination_amount: input.amount.destinationAmount! }),
    source_token: toUpstreamEnumValue(input.sourceToken),
    source_network: toUpstreamEnumValue(input.sourceNetwork),
    destination_token: toUpstreamEnumValue(input.destinationToken),
    destination_network: toUpstreamEnumValue(input.destinationNetwork),
    ...(input.developerFeePercent != null && { developer_fee_percent: input.developerFeePercent }),
  };
}

export function toCrossChainTransferBody(input: CreateCrossChainTransferInput): CrossChainTransferBody {
  return {
    amount: input.amount,
    source_network: toUpstreamEnumValue(input.sourceNetwork),
    source_token: toUpstreamEnumValue(input.sourceToken),
    destination_network: toUpstreamEnumValue(input.destinationNetwork),
    destination_token: toUpstreamEnumValue(input.destinationToken),
    destination_address: input.destinationAddress,
  };
}

export function toPermanentRouteAddressBody(input: CreatePermanentRouteAddressInput): PermanentRouteAddressBody {
  return {
    destination_network: toUpstreamEnumValue(input.destinationNetwork),
    destination_token: toUpstreamEnumValue(input.destinationToken),
    destination_address: input.destinationAddress,
  };
}

/** Echoes are filled from the request (the operation's `complete`), so a still-missing one is UNKNOWN. */
export function toCrossChainQuote(raw: AlignCrossChainQuote, customerId: string, enums: UpstreamEnums): CrossChainQuote {
  return {
    id: raw.quote_id,
    customerId,
    sourceToken: token(raw.source_token, enums) ?? Token.UNKNOWN,
    sourceNetwork: network(raw.source_network, enums) ?? Network.UNKNOWN,
    destinationToken: token(raw.destination_token, enums) ?? Token.UNKNOWN,
    destinationNetwork: network(raw.destination_network, enums) ?? Network.UNKNOWN,
    sourceAmount: decimal(raw.source_amount),
    destinationAmount: decimal(raw.destination_amount),
    feeAmount: decimal(raw.fee_amount),
    exchangeRate: decimal(raw.exchange_rate),
    expiresAt: raw.expire_at === null ? null : dateTimeFromUpstream(raw.expire_at),
  };
}

export function toCrossChainTransfer(raw: AlignCrossChainTransfer, customerId: string, enums: UpstreamEnums): CrossChainTransfer {
  const { quote } = raw;
  return {
    id: raw.id,
    customerId,
    // A missing status is UNKNOWN, not an error (docs/align-api.md §5).
    status: raw.status === null ? TransferStatus.UNKNOWN : (enums.map('TransferStatus', TransferStatus, raw.status) as TransferStatus),
    amount: decimal(raw.amount),
    sourceNetwork: network(raw.source_network, enums),
    sourceToken: token(raw.source_token, enums),
    sourceAddress: raw.source_address,
    destinationNetwork: network(raw.destination_network, enums),
    destinationToken: token(raw.destination_token, enums),
    destinationAddress: raw.destination_address,
    quote: quote && {
      depositToken: token(quote.deposit_token, enums),
      depositNetwork: network(quote.deposit_network, enums),
      depositAddress: quote.deposit_address,
      depositAmount: decimal(quote.deposit_amount),
      feeAmount: decimal(quote.fee_amount),
    },
  };
}

export function toPermanentRouteAddress(raw: AlignPermanentRouteAddress, customerId: string, enums: UpstreamEnums): PermanentRouteAddress {
  const destination = raw.route_destination;
  return {
    id: raw.permanent_route_address_id,
    customerId,
    routeChainAddresses: raw.route_chain_addresses.map((entry) => ({ network: network(entry.network, enums)!, address: entry.address })),
    routeDestination: destination && {
      network: network(destination.network, enums),
      token: token(destination.token, enums),
      address: destination.address,
    },
  };
}

function network(value: string | null, enums: UpstreamEnums): Network | null {
  return value === null ? null : (enums.map('Network', Network, value) as Network);
}

function token(value: string | null, enums: UpstreamEnums): Token | null {
  return value === null ? null : (enums.map('Token', Token, value) as Token);
}

/** The Decimal scalar checks and prints upstream values (strings or finite numbers) when serialising. */
function decimal(value: string | number | null): string | null {
  return value as string | null;
}
