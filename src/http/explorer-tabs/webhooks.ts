import type { ExplorerTabContent } from '../explorer-page.js';

const KYC_UPDATES = `# Waits for KYC changes of this account's customers, pushed as they happen
# (Align webhook -> POST /webhooks/align -> this subscription). Run it (▶) and
# leave it running; then approve a customer's KYC (on the emulator:
# POST /v0/customers/simulate) and the event appears here.
# The Align account must send its webhooks to this server: on the embedded
# emulator \`npm start\` registers it; elsewhere run createWebhook once
# with the URL of this server's /webhooks/align.
subscription KycUpdates {
  customerKycUpdated {
    eventId
    occurredAt
    customerId
    customer {
      email
      kyc {
        status
      }
    }
  }
}
`;

const WEBHOOKS = `# The URLs the Align account sends its events to.
query Webhooks {
  webhooks {
    id
    url
    status
    createdAt
  }
}
`;

/** Watch KYC changes live; see where the account's webhooks go. */
export function webhookTabs(): ExplorerTabContent[] {
  return [
    { query: KYC_UPDATES, variables: '' },
    { query: WEBHOOKS, variables: '' },
  ];
}
