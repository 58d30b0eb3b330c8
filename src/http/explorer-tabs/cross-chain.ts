import type { ExplorerTabContent } from '../explorer-page.js';

const CROSS_CHAIN_TRANSFER = `# Moves USDC from Ethereum to Solana. Paste a customer id into the variables,
# then run the operations in order (the ▶ button asks which): the quote prices
# it, the create returns where to deposit, the complete reports the deposit
# (copy the transfer id into "transferId" first), and the read shows its status.
mutation CrossChainQuote($customerId: ID!, $quote: CreateCrossChainQuoteInput!) {
  createCrossChainQuote(customerId: $customerId, input: $quote) {
    sourceAmount
    destinationAmount
    feeAmount
    expiresAt
  }
}

mutation CreateCrossChainTransfer($customerId: ID!, $transfer: CreateCrossChainTransferInput!, $idempotencyKey: String) {
  createCrossChainTransfer(customerId: $customerId, input: $transfer, idempotencyKey: $idempotencyKey) {
    id
    status
    quote {
      depositNetwork
      depositAddress
      depositAmount
    }
  }
}

mutation CompleteCrossChainTransfer($customerId: ID!, $transferId: ID!, $depositTransactionHash: String!) {
  completeCrossChainTransfer(customerId: $customerId, transferId: $transferId, depositTransactionHash: $depositTransactionHash) {
    id
    status
  }
}

query CrossChainTransfer($customerId: ID!, $transferId: ID!) {
  crossChainTransfer(customerId: $customerId, id: $transferId) {
    id
    status
    amount
    destinationNetwork
    destinationAddress
  }
}
`;

const PERMANENT_ROUTES = `# A permanent route: deposit addresses on several chains that forward every
# deposit to one destination. Paste a customer id, create a route, then list them.
mutation CreatePermanentRouteAddress($customerId: ID!, $route: CreatePermanentRouteAddressInput!, $idempotencyKey: String) {
  createPermanentRouteAddress(customerId: $customerId, input: $route, idempotencyKey: $idempotencyKey) {
    id
    routeChainAddresses {
      network
      address
    }
    routeDestination {
      network
      token
      address
    }
  }
}

query PermanentRouteAddresses($customerId: ID!) {
  permanentRouteAddresses(customerId: $customerId) {
    id
    routeChainAddresses {
      network
      address
    }
  }
}
`;

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const variables = (values: Record<string, unknown>) => JSON.stringify(values, null, 2);

/** A cross-chain transfer from quote to completion, and permanent route addresses. */
export function crossChainTabs(): ExplorerTabContent[] {
  return [
    {
      query: CROSS_CHAIN_TRANSFER,
      variables: variables({
        customerId: PLACEHOLDER_ID,
        transferId: PLACEHOLDER_ID,
        quote: { amount: { sourceAmount: '100.00' }, sourceToken: 'USDC', sourceNetwork: 'ETHEREUM', destinationToken: 'USDC', destinationNetwork: 'SOLANA' },
        transfer: {
          amount: '100.00',
          sourceNetwork: 'ETHEREUM',
          sourceToken: 'USDC',
          destinationNetwork: 'SOLANA',
          destinationToken: 'USDC',
          destinationAddress: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
        },
        depositTransactionHash: `0x${'ab'.repeat(32)}`,
      }),
    },
    {
      query: PERMANENT_ROUTES,
      variables: variables({
        customerId: PLACEHOLDER_ID,
        route: { destinationNetwork: 'POLYGON', destinationToken: 'USDC', destinationAddress: '0x52908400098527886E0F7030069857D2E4169EE7' },
      }),
    },
  ];
}
