import type { ExplorerTabContent } from '../explorer-page.js';

const CREATE_VIRTUAL_ACCOUNT = `# Issues a virtual account: a bank account whose deposits become stablecoins at
# the destination. Paste the id of a customer whose KYC is approved (the upstream
# answers FORBIDDEN otherwise). USD and EUR accounts are ACTIVE at once, with the
# deposit instructions to show the payer; AED and USD over SWIFT start PENDING.
# Running it again with the same input answers the same account.
mutation CreateVirtualAccount($customerId: ID!, $input: CreateVirtualAccountInput!) {
  createVirtualAccount(customerId: $customerId, input: $input) {
    id
    status
    destinationNetwork
    destinationAddress
    depositInstructions {
      currency
      paymentRails
      bankName
      beneficiaryName
      iban {
        bic
        ibanNumber
      }
      us {
        accountNumber
        routingNumber
      }
      internationalWire {
        accountNumber
        bic
      }
    }
  }
}
`;

const ONRAMP_ACTIVITY = `# A customer's virtual accounts and on-ramp transfers. Each deposit into a
# virtual account appears here as an on-ramp transfer (on the embedded emulator:
# POST /__emulator/deposits {"api_key", "virtual_account_id", "amount"}).
query OnrampActivity($customerId: ID!) {
  virtualAccounts(customerId: $customerId) {
    id
    status
  }
  onrampTransfers(customerId: $customerId) {
    id
    status
    amount
    sourceCurrency
    destinationToken
    destinationAddress
  }
}
`;

/** Issue a virtual account, then watch its deposits arrive as on-ramps. */
export function onrampTabs(): ExplorerTabContent[] {
  const customerId = '00000000-0000-4000-8000-000000000000';
  return [
    {
      query: CREATE_VIRTUAL_ACCOUNT,
      variables: JSON.stringify(
        {
          customerId,
          input: { sourceCurrency: 'USD', destinationNetwork: 'POLYGON', destinationToken: 'USDC', destinationAddress: '0x52908400098527886E0F7030069857D2E4169EE7' },
        },
        null,
        2,
      ),
    },
    { query: ONRAMP_ACTIVITY, variables: JSON.stringify({ customerId }, null, 2) },
  ];
}
