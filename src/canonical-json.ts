/**
 * JSON with object keys sorted (and undefined members left out, as JSON.stringify does), so
 * `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are the same request: for fingerprints, never for the wire.
 * (The emulator has its own copy: it is self-contained by design, see test/emulator/main.test.ts.)
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
