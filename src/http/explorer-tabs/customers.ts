import { randomBytes } from 'node:crypto';
import type { ExplorerTabContent } from '../explorer-page.js';

const CREATE_CUSTOMER = `# Creates a customer. Run it (the ▶ button, or Ctrl+Enter), then copy the
# returned id into the "Customer" tab.
mutation CreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    id
    email
    type
    firstName
    lastName
    kyc {
      status
    }
  }
}
`;

const READ_CUSTOMER = `# Reads one customer: paste the id that CreateCustomer returned into the
# variables below. An unknown id answers null.
query Customer($id: ID!) {
  customer(id: $id) {
    id
    email
    type
    firstName
    lastName
    companyName
    kyc {
      status
      subStatus
      flowLink
    }
  }
}
`;

/** Create a customer, then read it back. */
export function customerTabs(): ExplorerTabContent[] {
  // A fresh address per page load: emails are unique per Align account, so a fixed one would
  // answer CONFLICT from the second run on.
  const email = `ada.${randomBytes(4).toString('hex')}@example.com`;
  return [
    { query: CREATE_CUSTOMER, variables: JSON.stringify({ input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } }, null, 2) },
    { query: READ_CUSTOMER, variables: JSON.stringify({ id: '00000000-0000-4000-8000-000000000000' }, null, 2) },
  ];
}
