import type { ExplorerTabContent } from '../explorer-page.js';

const OFFRAMP_FLOW = `# An off-ramp in 5 steps: crypto in, fiat out to a bank account. Put a customer's
# id in the variables, then run the operations in order (the ▶ button lists them),
# copying each returned id into the variables for the next step.

# 1. Price 0.1 USDC on Polygon, paid out in USD over ACH.
mutation Step1_Quote($customerId: ID!, $quote: CreateOfframpQuoteInput!) {
  createOfframpQuote(customerId: $customerId, input: $quote) {
    id
    sourceAmount
    feeAmount
    destinationAmount
    expiresAt
  }
}

# 2. Make the transfer from the quote (paste its id as quoteId), to an IBAN.
mutation Step2_Transfer($customerId: ID!, $quoteId: ID!, $destination: CreateOfframpTransferFromQuoteInput!) {
  createOfframpTransferFromQuote(customerId: $customerId, quoteId: $quoteId, input: $destination) {
    id
    status
    quote {
      depositBlockchainAddress
      depositAmount
      depositNetwork
    }
  }
}

# 3. Send depositAmount to depositBlockchainAddress, then report the hash (paste the id as transferId).
mutation Step3_Complete($customerId: ID!, $transferId: ID!, $depositTransactionHash: String!) {
  completeOfframpTransfer(customerId: $customerId, transferId: $transferId, depositTransactionHash: $depositTransactionHash) {
    id
    status
  }
}

# 4. Sandbox only: let the payout happen.
mutation Step4_Simulate($customerId: ID!, $transferId: ID!) {
  simulateOfframpTransfer(customerId: $customerId, transferId: $transferId) {
    id
    status
  }
}

# 5. Watch the status (or subscribe to its webhook events).
query Step5_Status($customerId: ID!, $transferId: ID!) {
  offrampTransfer(customerId: $customerId, id: $transferId) {
    status
    amount
    destinationBankAccount {
      bankName
      iban {
        ibanNumber
      }
    }
  }
}
`;

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** The off-ramp flow: quote, transfer, complete, simulate, status. */
export function offrampTabs(): ExplorerTabContent[] {
  const variables = {
    customerId: PLACEHOLDER_ID,
    quoteId: PLACEHOLDER_ID,
    transferId: PLACEHOLDER_ID,
    quote: {
      amount: { sourceAmount: '0.1' },
      sourceToken: 'USDC',
      sourceNetwork: 'POLYGON',
      destinationCurrency: 'USD',
      destinationPaymentRails: 'ACH',
    },
    destination: {
      destination: {
        bankAccount: {
          bankName: 'Deutsche Bank',
          accountHolder: { individual: { firstName: 'Ada', lastName: 'Lovelace' } },
          accountHolderAddress: { country: 'DE', city: 'Berlin', streetLine1: 'Unter den Linden 1', postalCode: '10117' },
          account: { iban: { bic: 'DEUTDEFF', ibanNumber: 'DE89370400440532013000' } },
        },
      },
    },
    depositTransactionHash: `0x${'ab'.repeat(32)}`,
  };
  return [{ query: OFFRAMP_FLOW, variables: JSON.stringify(variables, null, 2) }];
}
