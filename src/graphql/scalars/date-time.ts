import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { AlignBadResponseError } from '../../align/errors.js';

/** RFC 3339 with a zone (`Z` or an offset); fractions of any length. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An upstream timestamp as RFC 3339 in UTC with milliseconds; an unparsable one fails the field. */
export function dateTimeFromUpstream(value: unknown): string {
  if (typeof value === 'string' && RFC3339.test(value)) {
    const time = Date.parse(value.replace(' ', 'T'));
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  throw new AlignBadResponseError('The Align API answered with a timestamp that is not RFC 3339.');
}

function parseDateTimeInput(value: unknown): string {
  if (typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new GraphQLError('DateTime must be an RFC 3339 timestamp with a zone, e.g. "2026-01-31T12:00:00.000Z".');
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'A point in time, RFC 3339, answered in UTC with milliseconds (e.g. "2026-01-31T12:00:00.000Z").',
  serialize: dateTimeFromUpstream,
  parseValue: parseDateTimeInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.', { nodes: [ast] });
    return parseDateTimeInput(ast.value);
  },
});

/** A real calendar date `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = FULL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDateInput(value: unknown): string {
  if (isCalendarDate(value)) return value;
  throw new GraphQLError('Date must be a calendar date "YYYY-MM-DD".');
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD".',
  serialize: (value) => {
    if (isCalendarDate(value)) return value;
    throw new AlignBadResponseError('The Align API answered with a date that is not YYYY-MM-DD.');
  },
  parseValue: parseDateInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string "YYYY-MM-DD".', { nodes: [ast] });
    return parseDateInput(ast.value);
  },
});
