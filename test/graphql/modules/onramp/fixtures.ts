import { uniqueEmail, type TestStack } from '../../../helpers/stack.js';

/** What the on-ramp tests share: a key, addresses valid on each chain, and a customer ready to be paid. */

export const KEY = 'onramp-test-key-5c21';
export const asKey = { headers: { 'api-key': KEY } } as const;

export const EVM_ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';
export const SOLANA_ADDRESS = '7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV';
export const TRON_ADDRESS = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';

/** A customer whose KYC is approved (virtual accounts need it). */
export async function approvedCustomer(stack: TestStack): Promise<string> {
  const seeded = await stack.admin.seedCustomer(KEY, {
    email: uniqueEmail('onramp'),
    type: 'individual',
    first_name: 'Ada',
    last_name: 'Lovelace',
    kycs: { status: 'approved', sub_status: null, kyc_flow_link: null, status_breakdown: [] },
  });
  return seeded.customer_id as string;
}

/** The upstream's own record of a customer's virtual accounts, read past the server. */
export async function upstreamAccounts(stack: TestStack, customerId: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${stack.emulator.url}/v0/customers/${customerId}/virtual-account`, { headers: { 'api-key': KEY } });
  return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
}

export async function upstreamTransfers(stack: TestStack, customerId: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${stack.emulator.url}/v0/customers/${customerId}/onramp-transfer`, { headers: { 'api-key': KEY } });
  return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
}
