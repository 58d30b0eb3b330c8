import type { ExplorerTabContent } from '../explorer-page.js';

const ONBOARDING = `# Onboarding, after CreateCustomer (first tab): paste the customer id below.
#
# 1. Upload a document. GraphiQL cannot send files; from a shell, to this server's /graphql:
#      curl "$SERVER/graphql" -H 'Apollo-Require-Preflight: true' \\
#        -F operations='{"query":"mutation($f: Upload!) { uploadFile(file: $f) { id } }","variables":{"f":null}}' \\
#        -F map='{"0":["variables.f"]}' -F 0=@passport.pdf
#    and put the returned id into "fileId" in the variables.
# 2. Run UpdateCustomer (the KYC profile with that document).
# 3. Run StartKyc, then SimulateApproval (sandbox only): kyc.status becomes APPROVED.
mutation UpdateCustomer($customerId: ID!, $profile: IndividualCustomerProfileInput!) {
  updateCustomer(customerId: $customerId, input: { individual: $profile }) {
    id
    kyc { status }
  }
}

mutation StartKyc($customerId: ID!) {
  createKycSession(customerId: $customerId) { status flowLink }
}

mutation SimulateApproval($customerId: ID!) {
  simulateCustomer(customerId: $customerId) {
    id
    address { country city }
    kyc { status subStatus statusBreakdown { currency paymentRails status } }
  }
}
`;

const FEES = `# The fees this API key adds to every transfer, per service (percent).
query Fees {
  developerFees { serviceType accrualBasis value }
}

mutation SetOnrampFee {
  updateDeveloperFees(input: { onramp: "0.5" }) { serviceType value }
}
`;

/** Onboarding after createCustomer: profile with a document, KYC, sandbox approval; and the fees. */
export function onboardingTabs(): ExplorerTabContent[] {
  return [
    {
      query: ONBOARDING,
      variables: JSON.stringify(
        {
          customerId: '00000000-0000-4000-8000-000000000000',
          profile: {
            birthDate: '1990-01-15',
            nationality: 'US',
            residentialAddress: { streetLine1: '1 Main St', city: 'Springfield', country: 'US' },
            accountPurpose: 'PERSONAL_OR_LIVING_EXPENSES',
            documents: [{ fileId: '00000000-0000-4000-8000-000000000000', purpose: 'ID_DOCUMENT', docSide: 'front' }],
          },
        },
        null,
        2,
      ),
    },
    { query: FEES, variables: '{}' },
  ];
}
