import { ID } from 'type-graphql';
import { CheckedArg } from './checked-arg.js';
import type { ArgDecorator } from './validate-arg.js';

/** Ids the upstream does not promise to be UUIDs (webhooks, routes): what can safely go in a path. */
const OPAQUE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** An `ID!` argument of 1-128 letters, digits, `_` or `-`, checked before any upstream call. */
export function OpaqueIdArg(name: string, description?: string): ArgDecorator {
  const message = `${name} must be 1-128 letters, digits, "_" or "-"`;
  return CheckedArg(name, () => ID, (value) => (typeof value === 'string' && OPAQUE_ID.test(value) ? undefined : message), { description });
}
