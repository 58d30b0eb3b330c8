import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../../src/graphql/errors.js';
import { createLogger } from '../../src/logger.js';

function formatterWithLogs() {
  const lines: string[] = [];
  const format = createErrorFormatter(createLogger('trace', { write: (chunk: string) => void lines.push(chunk) }));
  return { format, logs: () => lines.join('') };
}

describe('the error formatter', () => {
  it('masks an unexpected error as INTERNAL_SERVER_ERROR, without its message or stack, and logs it', () => {
    const { format, logs } = formatterWithLogs();
    const bug = new TypeError("Cannot read properties of undefined (reading 'customer_id')");
    const formatted = format(
      { message: bug.message, path: ['customer'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: bug.stack!.split('\n') } },
      bug,
    );
    expect(formatted).toEqual({
      message: 'Internal server error.',
      locations: undefined,
      path: ['customer'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logs()).toContain("reading 'customer_id'");
    expect(logs()).toContain('unexpected error');
  });

  it('drops a stack trace from an error that has a public code', () => {
    const { format } = formatterWithLogs();
    const formatted = format(
      { message: 'id must be a UUID.', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x (y.js:1:1)'] } },
      new GraphQLError('id must be a UUID.'),
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it("answers Apollo Server's code-less request refusals (HTTP 4xx) as BAD_REQUEST, not as a bug", () => {
    const { format, logs } = formatterWithLogs();
    const refusal = new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } });
    expect(format({ message: refusal.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, refusal)).toEqual({
      message: 'Unsupported persisted query version',
      locations: undefined,
      path: undefined,
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(logs()).toBe('');
  });
});
