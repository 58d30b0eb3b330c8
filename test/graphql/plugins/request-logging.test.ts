import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../../src/config.js';
import { startEmulator } from '../../../src/emulator/index.js';
import { createLogger } from '../../../src/logger.js';
import { startServer } from '../../../src/server.js';
import { CreateCustomerDocument, GetCustomerDocument } from '../../generated/graphql.js';
import { postGraphQL, startStack, uniqueEmail, type TestStack } from '../../helpers/stack.js';

const KEY = 'log-test-key-5b1e';
type LogLine = Record<string, unknown> & { msg: string };

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

function linesOf(requestId: string): LogLine[] {
  return stack
    .logs()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.requestId === requestId);
}

const headers = (requestId: string) => ({ 'api-key': KEY, 'x-request-id': requestId });

describe('request logs', () => {
  it('logs one info line per GraphQL request with its upstream calls counted; each call at debug', async () => {
    const email = uniqueEmail('logged');
    const created = await stack.graphql(
      CreateCustomerDocument,
      { input: { individual: { email, firstName: 'Augusta', lastName: 'Byron' } } },
      { headers: headers('log-create-1') },
    );
    expect(created.body.errors).toBeUndefined();
    const lines = linesOf('log-create-1');
    expect(lines.filter((line) => line.msg === 'graphql request')).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        service: 'align-graphql',
        msg: 'graphql request',
        requestId: 'log-create-1',
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        operationName: 'CreateCustomer',
        operationType: 'mutation',
        outcome: 'ok',
        durationMs: expect.any(Number),
        upstreamCalls: 1,
        upstreamMs: expect.any(Number),
      },
    ]);
    expect(lines.filter((line) => line.msg === 'upstream call')).toEqual([
      expect.objectContaining({
        level: 'debug',
        requestId: 'log-create-1',
        upstream: 'POST /v0/customers',
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
    const id = (created.body.data as { createCustomer: { id: string } }).createCustomer.id;
    await stack.graphql(GetCustomerDocument, { id }, { headers: headers('log-read-1') });
    expect(linesOf('log-read-1').map((line) => [line.msg, line.upstream ?? line.operationName])).toEqual([
      ['upstream call', 'GET /v0/customers/:customer_id'],
      ['graphql request', 'GetCustomer'],
    ]);
    // Nothing personal or secret in any line, at any level (the stack logs at trace).
    const all = stack.logs();
    for (const value of [email, 'Augusta', 'Byron', KEY, id]) {
      expect({ value, leaked: all.includes(value) }).toEqual({ value, leaked: false });
    }
  });

  it('reports errors by code, every distinct code once', async () => {
    const email = uniqueEmail('dup');
    const input = { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } };
    await stack.graphql(CreateCustomerDocument, { input }, { headers: headers('log-dup-1') });
    await stack.graphql(CreateCustomerDocument, { input }, { headers: headers('log-dup-2') });
    expect(linesOf('log-dup-2').find((line) => line.msg === 'graphql request')).toMatchObject({
      operationName: 'CreateCustomer',
      outcome: 'CONFLICT',
      errorCodes: ['CONFLICT'],
    });
    expect(linesOf('log-dup-2').find((line) => line.msg === 'upstream call')).toMatchObject({ status: 409 });

    await stack.graphql('query Broken { customer(id: "nope") { id } nope }', undefined, { headers: headers('log-bad-1') });
    expect(linesOf('log-bad-1')).toEqual([
      expect.objectContaining({ msg: 'graphql request', operationName: 'Broken', outcome: 'GRAPHQL_VALIDATION_FAILED', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }),
    ]);
    await stack.graphql('{ __typename', undefined, { headers: headers('log-parse-1') });
    expect(linesOf('log-parse-1')).toEqual([
      expect.objectContaining({ msg: 'graphql request', outcome: 'GRAPHQL_PARSE_FAILED' }),
    ]);
    expect(linesOf('log-parse-1')[0]).not.toHaveProperty('operationName');
  });
});

describe('failed upstream attempts', () => {
  it('get a warn line each; the request line counts every attempt and the retries', async () => {
    const created = await stack.graphql(
      CreateCustomerDocument,
      { input: { individual: { email: uniqueEmail('retried'), firstName: 'Ada', lastName: 'Lovelace' } } },
      { headers: headers('log-retry-setup') },
    );
    const id = (created.body.data as { createCustomer: { id: string } }).createCustomer.id;
    await stack.admin.addFault({ kind: 'status', status: 503, times: 1 });
    const read = await stack.graphql(GetCustomerDocument, { id }, { headers: headers('log-retry-1') });
    expect(read.body.errors).toBeUndefined();
    const lines = linesOf('log-retry-1');
    expect(lines.filter((line) => line.msg === 'upstream call').map((line) => [line.level, line.status, line.retry])).toEqual([
      ['warn', 503, 0],
      ['debug', 200, 1],
    ]);
    expect(lines.find((line) => line.msg === 'graphql request')).toMatchObject({ outcome: 'ok', upstreamCalls: 2, upstreamRetries: 1 });
  });

  it('a request that made no upstream call has no upstream fields', async () => {
    await stack.graphql('{ __typename }', undefined, { headers: headers('log-none-1') });
    const [line] = linesOf('log-none-1');
    expect(line).toMatchObject({ msg: 'graphql request', outcome: 'ok' });
    expect(Object.keys(line!).filter((key) => key.startsWith('upstream'))).toEqual([]);
  });
});

describe('log level', () => {
  it('writes no request or upstream lines below info (LOG_LEVEL=warn)', async () => {
    const emulator = await startEmulator();
    const written: string[] = [];
    const server = await startServer({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }),
      alignApiUrl: new URL(emulator.url),
      logger: createLogger('warn', { write: (chunk: string) => void written.push(chunk) }),
    });
    try {
      const { body } = await postGraphQL(server.url, CreateCustomerDocument, {
        input: { individual: { email: uniqueEmail('quiet'), firstName: 'Ada', lastName: 'Lovelace' } },
      }, { 'api-key': KEY });
      expect(body.errors).toBeUndefined();
      expect(written).toEqual([]);
    } finally {
      await server.close();
      await emulator.close();
    }
  });
});
