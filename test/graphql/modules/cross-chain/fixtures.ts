import type { EmulatorAdmin } from '../../../helpers/stack.js';
import { uniqueEmail } from '../../../helpers/stack.js';

/** Addresses and hashes in each chain's format, and the inputs the cross-chain tests send. */

export const EVM_ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';
export const SOLANA_ADDRESS = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
export const TRON_ADDRESS = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
export const EVM_HASH = `0x${'ab'.repeat(32)}`;

export const QUOTE_INPUT = {
  amount: { sourceAmount: '100.00' },
  sourceToken: 'USDC',
  sourceNetwork: 'ETHEREUM',
  destinationToken: 'USDC',
  destinationNetwork: 'SOLANA',
} as const;

export const TRANSFER_INPUT = {
  amount: '100.00',
  sourceNetwork: 'ETHEREUM',
  sourceToken: 'USDC',
  destinationNetwork: 'SOLANA',
  destinationToken: 'USDC',
  destinationAddress: SOLANA_ADDRESS,
} as const;

export const ROUTE_INPUT = { destinationNetwork: 'POLYGON', destinationToken: 'USDT', destinationAddress: EVM_ADDRESS } as const;

export async function seedCustomerId(admin: EmulatorAdmin, apiKey: string): Promise<string> {
  const seeded = await admin.seedCustomer(apiKey, { email: uniqueEmail('chain'), type: 'individual', first_name: 'C', last_name: 'C' });
  return seeded.customer_id as string;
}

/** Distinct cross-chain transfers the upstream holds for a key: there is no list route, so their events tell. */
export async function transfersUpstream(admin: EmulatorAdmin, apiKey: string): Promise<number> {
  const events = await admin.events(apiKey);
  return new Set(events.filter((event) => event.entity_type === 'cross_chain_transfer').map((event) => event.entity_id)).size;
}
