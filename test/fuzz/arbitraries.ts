import fc from 'fast-check';

/** Building blocks of the fuzz requests: hostile strings and JSON that keeps every key as written. */

/** A JSON value whose objects keep every key as written, `__proto__` included (object literals would not). */
export type Json = null | boolean | number | string | Json[] | { readonly entries: ReadonlyArray<readonly [string, Json]> };

export function jsonText(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(',')}}`;
}

export const object = (entries: Array<readonly [string, Json]>): Json => ({ entries });

export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u2028', '\ud800', '💸'.repeat(20), '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '{{7*7}}', '${7*7}'),
  fc.nat({ max: 300_000 }).map((length) => 'x'.repeat(length)),
  fc.constantFrom('00000000-0000-4000-8000-000000000000', 'ada@example.com', 'not-an-email'),
);

export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];
export const key = fc.oneof(fc.constantFrom(...DANGEROUS_KEYS, 'individual', 'corporate', 'email', 'id', 'input'), fc.string({ maxLength: 12 }));

export const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -0, 2 ** 53 + 1)),
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(object),
  ),
})).value;

