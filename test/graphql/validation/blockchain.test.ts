import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { addressProblem, IsAddressOn, IsTransactionHash, transactionHashProblem } from '../../../src/graphql/validation/blockchain.js';

const EVM = '0x52908400098527886E0F7030069857D2E4169EE7';
const SOLANA = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

describe('addressProblem', () => {
  it.each(['ETHEREUM', 'POLYGON', 'BASE', 'ARBITRUM', 'ethereum'])('accepts an EVM address on %s', (network) => {
    expect(addressProblem(EVM, network)).toBeUndefined();
    expect(addressProblem(EVM.toLowerCase(), network)).toBeUndefined();
  });

  it.each([
    ['one digit short', EVM.slice(0, -1)],
    ['one digit long', `${EVM}0`],
    ['without 0x', EVM.slice(2).padEnd(42, '0')],
    ['with a non-hex digit', `${EVM.slice(0, -1)}g`],
  ])('refuses an EVM address %s', (_name, address) => {
    expect(addressProblem(address, 'ETHEREUM')).toMatch(/EVM address on ETHEREUM/);
  });

  it('accepts Solana addresses of 32 to 44 base58 characters', () => {
    expect(addressProblem(SOLANA, 'SOLANA')).toBeUndefined();
    expect(addressProblem(SOLANA.slice(0, 32), 'SOLANA')).toBeUndefined();
  });

  it.each(['0', 'O', 'I', 'l'])('refuses a Solana address containing %s', (character) => {
    expect(addressProblem(`${SOLANA.slice(0, 43)}${character}`, 'SOLANA')).toMatch(/Solana address/);
  });

  it.each([
    ['31 characters', SOLANA.slice(0, 31)],
    ['45 characters', `${SOLANA}1`],
    ['an EVM address', EVM],
  ])('refuses a Solana address of %s', (_name, address) => {
    expect(addressProblem(address, 'SOLANA')).toMatch(/Solana address/);
  });

  it.each([
    ['without T', `A${TRON.slice(1)}`],
    ['one character short', TRON.slice(0, -1)],
    ['with a 0', `${TRON.slice(0, -1)}0`],
  ])('refuses a Tron address %s', (_name, address) => {
    expect(addressProblem(address, 'TRON')).toMatch(/Tron address/);
  });

  it('accepts a Tron address', () => {
    expect(addressProblem(TRON, 'TRON')).toBeUndefined();
  });

  it.each([undefined, null, 'UNKNOWN', 'AVALANCHE'])('accepts any address when the network is %s', (network) => {
    expect(addressProblem('whatever-format', network)).toBeUndefined();
    expect(addressProblem('', network)).toMatch(/blockchain address/);
    expect(addressProblem('a b', network)).toMatch(/white space/);
    expect(addressProblem('a'.repeat(257), network)).toMatch(/at most 256/);
  });

  it('refuses a value that is not a string', () => {
    expect(addressProblem(42, 'ETHEREUM')).toMatch(/blockchain address/);
  });
});

describe('transactionHashProblem', () => {
  it.each([
    ['64 hex digits', 'ab'.repeat(32)],
    ['0x and 64 hex digits', `0x${'AB'.repeat(32)}`],
    ['88 base58 characters', '5'.repeat(88)],
    ['64 base58 characters', 'z'.repeat(64)],
  ])('accepts %s', (_name, hash) => {
    expect(transactionHashProblem(hash)).toBeUndefined();
  });

  it.each([
    ['63 hex digits', 'a'.repeat(63)],
    ['0x and 66 hex digits', `0x${'a'.repeat(66)}`],
    ['89 base58 characters', '5'.repeat(89)],
    ['base58 with 0', `${'5'.repeat(70)}0`],
    ['a number', 12],
  ])('refuses %s', (_name, hash) => {
    expect(transactionHashProblem(hash)).toMatch(/transaction hash/);
  });
});

class Destination {
  @IsAddressOn('network')
  address!: string;

  network?: string;

  @IsTransactionHash()
  hash?: string;
}

describe('the decorators', () => {
  function errorsOf(values: Partial<Destination>) {
    return validateSync(Object.assign(new Destination(), values)).map((error) => [error.property, Object.values(error.constraints ?? {})]);
  }

  it('checks an address against the network of the sibling field', () => {
    expect(errorsOf({ address: TRON, network: 'TRON' })).toEqual([]);
    expect(errorsOf({ address: EVM, network: 'SOLANA' })).toEqual([
      ['address', ['address must be a Solana address: 32 to 44 base58 characters (no 0, O, I or l)']],
    ]);
    expect(errorsOf({ address: TRON })).toEqual([]);
  });

  it('checks a transaction hash field', () => {
    expect(errorsOf({ address: EVM, network: 'BASE', hash: 'abc' })).toEqual([['hash', [expect.stringMatching(/^hash must be a transaction hash/)]]]);
  });
});
