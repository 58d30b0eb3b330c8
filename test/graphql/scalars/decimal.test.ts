import { describe, expect, it } from '@jest/globals';
import { decimalFromUpstream, positionalDecimal } from '../../../src/graphql/scalars/decimal.js';
import { compareDecimal, decimalProblem } from '../../../src/graphql/validation/decimal.js';

describe('Decimal', () => {
  it.each([
    [1e-7, '0.0000001'],
    [2.5e21, '2500000000000000000000'],
    [0.1, '0.1'],
    [123.456, '123.456'],
    [1.5e-10, '0.00000000015'],
  ])('prints the JSON number %p positionally as %s', (value, text) => {
    expect(positionalDecimal(value)).toBe(text);
    expect(decimalFromUpstream(value)).toBe(text);
  });

  it('keeps upstream strings exactly and refuses what is not a decimal', () => {
    expect(decimalFromUpstream('0.000001')).toBe('0.000001');
    for (const bad of ['1e5', '-1', 'NaN', '', Number.POSITIVE_INFINITY, -2, null, {}]) expect(() => decimalFromUpstream(bad)).toThrow(/not a decimal/);
  });

  it.each([
    ['-1', {}, /not negative/],
    ['1e3', {}, /no exponent/],
    ['1'.repeat(41), {}, /at most 40/],
    ['abc', {}, /decimal number/],
    ['0', { positive: true }, /greater than zero/],
    ['0.000', { positive: true }, /greater than zero/],
    ['100.01', { max: 100 }, /at most 100/],
    ['1.234567890123456', { maxSignificantDigits: 15 }, /15 significant/],
  ])('refuses %s under %j', (value, rule, message) => {
    expect(decimalProblem(value, rule)).toMatch(message);
  });

  it.each([['0.1', {}], ['0.000001', { positive: true }], ['100', { max: 100 }], ['100.000', { max: 100 }], ['0', {}]])('accepts %s under %j', (value, rule) => {
    expect(decimalProblem(value, rule)).toBeUndefined();
  });

  it('compares exactly', () => {
    expect(compareDecimal('100.0', '100')).toBe(0);
    expect(compareDecimal('099.99', '100')).toBe(-1);
    expect(compareDecimal('100.000000000000000001', '100')).toBe(1);
  });
});
