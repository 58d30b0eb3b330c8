/**
 * Exact decimal arithmetic for the emulator's quotes (docs/align-api.md §4: amounts are decimal
 * strings). A number is an integer of units and a scale (digits after the point), so "0.1" times
 * "0.00001" is exactly "0.000001": no float ever touches an amount.
 */

export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

export function isDecimalText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && DECIMAL.test(value);
}

export function decimal(text: string): Decimal {
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) - b.units * 10n ** BigInt(scale - b.scale), scale };
}

/** `a / b` with `scale` digits after the point, rounded up (the side that never pays out too little). */
export function divideUp(a: Decimal, b: Decimal, scale: number): Decimal {
  const numerator = a.units * 10n ** BigInt(b.scale + scale);
  const denominator = b.units * 10n ** BigInt(a.scale);
  const quotient = numerator / denominator;
  return { units: numerator % denominator === 0n ? quotient : quotient + 1n, scale };
}

/** A percentage as a fraction: "0.5" -> 0.005. */
export function percent(value: Decimal): Decimal {
  return { units: value.units, scale: value.scale + 2 };
}

/** The shortest exact text: no trailing fraction zeros, "0" rather than "0.0". */
export function format(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
