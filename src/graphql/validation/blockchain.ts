import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Blockchain addresses, checked by network before any call (docs/align-api.md §4, a server rule):
 * EVM chains `0x` and 40 hex digits; Solana base58 of 32-44 characters; Tron `T` and 33 base58
 * characters. With no network to check against (or one this server does not know), any address is
 * taken, within the rules of every text field. Network names are the GraphQL enum values.
 */

const EVM_NETWORKS: ReadonlySet<string> = new Set(['POLYGON', 'ETHEREUM', 'BASE', 'ARBITRUM']);
const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const SOLANA_ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;
const TRON_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
/** Longer than any chain's address; the limit of text fields without a documented one. */
export const ADDRESS_MAX_LENGTH = 256;
const NOT_ADDRESS_TEXT = /[\s\p{Cc}\u2028\u2029]/u;

/** What is wrong with `address` on `network`, or undefined when it is fine. */
export function addressProblem(address: unknown, network?: string | null): string | undefined {
  if (typeof address !== 'string' || address.length === 0) return 'must be a blockchain address';
  const name = network?.toUpperCase();
  if (name !== undefined && EVM_NETWORKS.has(name)) {
    return EVM_ADDRESS.test(address) ? undefined : `must be an address of ${name}: "0x" and 40 hexadecimal digits`;
  }
  if (name === 'SOLANA') return SOLANA_ADDRESS.test(address) ? undefined : 'must be a Solana address: 32 to 44 base58 characters';
  if (name === 'TRON') return TRON_ADDRESS.test(address) ? undefined : 'must be a Tron address: "T" and 33 base58 characters';
  if (address.length > ADDRESS_MAX_LENGTH) return `must be at most ${ADDRESS_MAX_LENGTH} characters`;
  if (NOT_ADDRESS_TEXT.test(address) || !address.isWellFormed()) return 'must not contain white space or control characters';
  return undefined;
}

/**
 * On an input class with an address and a network field: the address must suit the network the same
 * input names, reported on the address field (`input.destinationAddress`). An absent address is left
 * to the field's nullability.
 *
 *     @AddressMatchesNetwork('destinationAddress', 'destinationNetwork')
 *     @InputType() class CreateThingInput { ... }
 */
export function AddressMatchesNetwork(addressField: string, networkField: string, options?: ValidationOptions): ClassDecorator {
  const networkOf = (args: ValidationArguments): string | undefined => {
    const value = (args.object as Record<string, unknown>)[networkField];
    return typeof value === 'string' ? value : undefined;
  };
  return (target) => {
    registerDecorator({
      name: 'addressMatchesNetwork',
      target,
      propertyName: addressField,
      constraints: [networkField],
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value == null || addressProblem(value, networkOf(args)) === undefined,
        defaultMessage: (args: ValidationArguments) => `${args.property} ${addressProblem(args.value, networkOf(args)) ?? 'is not valid'}`,
      },
    });
  };
}
