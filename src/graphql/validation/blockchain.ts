import { ValidateBy, buildMessage, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { CheckedArg } from './checked-arg.js';
import { Satisfies } from './rules.js';
import type { ArgDecorator } from './validate-arg.js';

/**
 * Blockchain addresses and transaction hashes, checked before any call (docs/align-api.md §4, server
 * rules): a typo in an address sends money nowhere, so it is caught here rather than upstream. Each
 * check returns what is wrong, or undefined; the decorators put that in `fieldErrors`.
 */

/** The base58 alphabet (Bitcoin's): digits and letters without `0`, `O`, `I` and `l`. */
const BASE58 = '[1-9A-HJ-NP-Za-km-z]';
const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const SOLANA_ADDRESS = new RegExp(`^${BASE58}{32,44}$`);
const TRON_ADDRESS = new RegExp(`^T${BASE58}{33}$`);
const HEX_HASH = /^(0x)?[0-9a-fA-F]{64}$/;
const BASE58_HASH = new RegExp(`^${BASE58}{64,88}$`);

/** Networks whose addresses are EVM addresses (the `Network` enum's names, in any case). */
const EVM_NETWORKS: ReadonlySet<string> = new Set(['ETHEREUM', 'POLYGON', 'BASE', 'ARBITRUM']);

/** The longest address accepted when the network is not known (the text rule's 256). */
const ANY_ADDRESS_MAX_LENGTH = 256;

/**
 * What is wrong with `address` on `network` (a `Network` name such as `SOLANA`, any case), or
 * undefined. Without a network, or with one whose format is not known, any non-empty address up to
 * 256 characters without white space passes: the upstream checks it.
 */
export function addressProblem(address: unknown, network?: string | null): string | undefined {
  if (typeof address !== 'string' || address.length === 0) return 'must be a blockchain address';
  const name = typeof network === 'string' ? network.toUpperCase() : undefined;
  if (name !== undefined && EVM_NETWORKS.has(name)) {
    return EVM_ADDRESS.test(address) ? undefined : `must be an EVM address on ${name}: "0x" and 40 hexadecimal digits`;
  }
  if (name === 'SOLANA') {
    return SOLANA_ADDRESS.test(address) ? undefined : 'must be a Solana address: 32 to 44 base58 characters (no 0, O, I or l)';
  }
  if (name === 'TRON') {
    return TRON_ADDRESS.test(address) ? undefined : 'must be a Tron address: "T" and 33 base58 characters (no 0, O, I or l)';
  }
  if (address.length > ANY_ADDRESS_MAX_LENGTH || /\s/.test(address)) {
    return `must be an address of at most ${ANY_ADDRESS_MAX_LENGTH} characters without white space`;
  }
  return undefined;
}

/** A deposit transaction hash: 64 hex digits (EVM, Tron; `0x` optional), or 64 to 88 base58 characters (Solana). */
export function transactionHashProblem(value: unknown): string | undefined {
  return typeof value === 'string' && (HEX_HASH.test(value) || BASE58_HASH.test(value))
    ? undefined
    : 'must be a transaction hash: 64 hexadecimal digits (optionally after "0x"), or 64 to 88 base58 characters';
}

/**
 * An address whose network is a sibling field of the same input (`destinationAddress` next to
 * `destinationNetwork`): `@IsAddressOn('destinationNetwork')`.
 */
export function IsAddressOn(networkField: string, options?: ValidationOptions): PropertyDecorator {
  const networkOf = (args?: ValidationArguments) => (args?.object as Record<string, unknown> | undefined)?.[networkField];
  const problem = (value: unknown, args?: ValidationArguments) => {
    const network = networkOf(args);
    return addressProblem(value, typeof network === 'string' ? network : undefined);
  };
  return ValidateBy(
    {
      name: 'isAddressOn',
      constraints: [networkField],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => value === undefined || value === null || problem(value, args) === undefined,
        defaultMessage: buildMessage((prefix, args) => `${prefix}$property ${problem(args?.value, args) ?? 'is not valid'}`, options),
      },
    },
    options,
  );
}

/** A transaction hash field of an input. */
export const IsTransactionHash = (options?: ValidationOptions) => Satisfies('isTransactionHash', transactionHashProblem, options);

/** A `depositTransactionHash` argument: either hash form, since the transfer's network is not known before a read. */
export function TransactionHashArg(name: string, description?: string): ArgDecorator {
  return CheckedArg(name, () => String, (value) => {
    const problem = transactionHashProblem(value);
    return problem && `${name} ${problem}`;
  }, { description });
}
