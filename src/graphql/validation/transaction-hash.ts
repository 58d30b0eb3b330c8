import { CheckedArg } from './checked-arg.js';
import type { ArgDecorator } from './validate-arg.js';

/**
 * A deposit transaction hash (docs/align-api.md §4, a server rule): EVM and Tron hashes are 64 hex
 * digits (EVM with `0x`), Solana signatures base58 of 64-88 characters. Which one the transfer's
 * network takes is not known before a read, so either is accepted.
 */
const HEX_HASH = /^(0x)?[0-9a-fA-F]{64}$/;
const BASE58_HASH = /^[1-9A-HJ-NP-Za-km-z]{64,88}$/;

export function transactionHashProblem(value: unknown): string | undefined {
  return typeof value === 'string' && (HEX_HASH.test(value) || BASE58_HASH.test(value))
    ? undefined
    : 'must be a transaction hash: 64 hex digits (optionally 0x-prefixed) or 64 to 88 base58 characters';
}

export function TransactionHashArg(name: string, description?: string): ArgDecorator {
  return CheckedArg(name, () => String, transactionHashProblem, { description });
}
