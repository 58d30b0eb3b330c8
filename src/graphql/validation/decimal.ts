import type { ValidationOptions } from 'class-validator';
import { Satisfies } from './rules.js';
import { DECIMAL_MAX_LENGTH, isDecimalString } from '../scalars/decimal.js';

export interface DecimalRule {
  /** Zero refused (amounts). */
  readonly positive?: boolean;
  /** Inclusive upper bound (percentages: 100). */
  readonly max?: number;
  /** Significant digits at most (values that travel as JSON numbers upstream: 15). */
  readonly maxSignificantDigits?: number;
}

/** What is wrong with a Decimal input, or undefined when it is fine. */
export function decimalProblem(value: unknown, rule: DecimalRule = {}): string | undefined {
  if (!isDecimalString(value)) {
    return `must be a decimal number of digits with an optional fraction (e.g. "10.50"), not negative, no exponent, at most ${DECIMAL_MAX_LENGTH} characters`;
  }
  if (rule.positive && !/[1-9]/.test(value)) return 'must be greater than zero';
  if (rule.max !== undefined && compareDecimal(value, String(rule.max)) > 0) return `must be at most ${rule.max}`;
  if (rule.maxSignificantDigits !== undefined && significantDigits(value) > rule.maxSignificantDigits) {
    return `must have at most ${rule.maxSignificantDigits} significant digits`;
  }
  return undefined;
}

export function IsDecimal(rule: DecimalRule = {}, options?: ValidationOptions): PropertyDecorator {
  return Satisfies('isDecimal', (value) => decimalProblem(value, rule), options);
}

/** Compares two valid decimal strings exactly (no floating point). */
export function compareDecimal(a: string, b: string): number {
  const [aWhole, aFraction = ''] = a.split('.') as [string, string?];
  const [bWhole, bFraction = ''] = b.split('.') as [string, string?];
  const wholeA = aWhole.replace(/^0+(?=\d)/, '');
  const wholeB = bWhole.replace(/^0+(?=\d)/, '');
  if (wholeA.length !== wholeB.length) return wholeA.length < wholeB.length ? -1 : 1;
  if (wholeA !== wholeB) return wholeA < wholeB ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const fa = aFraction.padEnd(width, '0');
  const fb = bFraction.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

function significantDigits(value: string): number {
  const digits = value.replace('.', '').replace(/^0+/, '');
  const trimmed = value.includes('.') ? digits : digits.replace(/0+$/, '');
  return Math.max(1, trimmed.length);
}
