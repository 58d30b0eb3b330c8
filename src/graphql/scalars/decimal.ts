import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { AlignBadResponseError } from '../../align/errors.js';

/** Money, fees, rates and percentages (docs/align-api.md §4): never a float. */
export const DECIMAL_PATTERN = /^[0-9]+(\.[0-9]+)?$/;
export const DECIMAL_MAX_LENGTH = 40;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= DECIMAL_MAX_LENGTH && DECIMAL_PATTERN.test(value);
}

/**
 * A finite JSON number written out positionally (`1e-7` -> `"0.0000001"`, `2.5e21` -> `"2500000000000000000000"`),
 * so a number from upstream prints as the decimal it is, never in exponent form.
 */
export function positionalDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.toLowerCase().split('e') as [string, string];
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.') as [string, string?];
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + result;
}

/** The upstream's value as a Decimal string, or throws UPSTREAM_BAD_RESPONSE. */
export function decimalFromUpstream(value: unknown): string {
  if (isDecimalString(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    const text = positionalDecimal(value);
    if (isDecimalString(text)) return text;
  }
  throw new AlignBadResponseError('The Align API answered with an amount that is not a decimal number.');
}

/**
 * Only the type is checked here: the format and range are input rules (validation/decimal.ts), so a
 * bad amount is reported in `fieldErrors` with its path, like every other broken field.
 */
function parseInput(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Decimal must be a string such as "10.50" (numbers are not accepted: they lose precision).');
  return value;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a string, e.g. "10.50": amounts, fees, rates and percentages. Digits with an optional fraction, at most 40 characters. Never a float.',
  serialize: (value) => decimalFromUpstream(value),
  parseValue: parseInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be a string literal such as "10.50".', { nodes: [ast] });
    return parseInput(ast.value);
  },
});
