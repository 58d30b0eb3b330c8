import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EMULATOR_DEMO_KEY } from '../../src/emulator/index.js';
import { startRecordedStack, type RecordedStack } from '../helpers/recording-upstream.js';
import { uniqueEmail } from '../helpers/stack.js';

/** With no OTLP endpoint configured: no spans, but the trace still crosses the hop to the Align API. */
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const READ = 'query Read($id: ID!) { customer(id: $id) { id email } }';

let stack: RecordedStack;
beforeAll(async () => {
  stack = await startRecordedStack();
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.admin.reset();
  stack.upstream.requests.length = 0;
});

async function seededId(): Promise<string> {
  const seeded = await stack.admin.seedCustomer(EMULATOR_DEMO_KEY, { email: uniqueEmail('trace'), type: 'individual', first_name: 'T', last_name: 'R' });
  return seeded.customer_id as string;
}

function traceparentsSent(): string[] {
  return stack.upstream.requests.map((request) => String(request.headers.traceparent));
}

describe('trace context across the hop, with OpenTelemetry export off', () => {
  it('sends the caller trace id upstream with a new parent span id, and passes tracestate on', async () => {
    const id = await seededId();
    const answer = await stack.graphql(READ, { id }, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, tracestate: 'vendor=abc,other=1' });
    expect(answer.body.errors).toBeUndefined();
    expect(stack.upstream.requests).toHaveLength(1);
    const [sent] = stack.upstream.requests;
    const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(String(sent.headers.traceparent));
    expect(match?.[1]).toBe(TRACE_ID);
    expect(match?.[2]).not.toBe(CALLER_SPAN_ID);
    expect(match?.[2]).not.toBe('0000000000000000');
    expect(sent.headers.tracestate).toBe('vendor=abc,other=1');
  });

  it('gives every attempt (retries included) a span id of its own in the same trace', async () => {
    const id = await seededId();
    await stack.admin.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'status', status: 503, times: 2 });
    const answer = await stack.graphql(READ, { id }, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    expect(answer.body.errors).toBeUndefined();
    const sent = traceparentsSent();
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((header) => header.slice(3, 35)))).toEqual(new Set([TRACE_ID]));
    expect(new Set(sent.map((header) => header.slice(36, 52))).size).toBe(3);
  });

  it('keeps an unsampled caller unsampled', async () => {
    const id = await seededId();
    await stack.graphql(READ, { id }, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-00` });
    expect(traceparentsSent()[0]).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
  });

  it('starts a trace of its own when the caller sent none (or an invalid one), and logs its id', async () => {
    const id = await seededId();
    await stack.graphql(READ, { id }, { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN_ID}-01`, 'x-request-id': 'trace-log-1' });
    const [header] = traceparentsSent();
    const traceId = header.slice(3, 35);
    expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceId).not.toBe('0'.repeat(32));
    const line = stack
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'graphql request' && entry.requestId === 'trace-log-1');
    expect(line?.traceId).toBe(traceId);
  });

  it('writes the caller trace id in the request log line', async () => {
    const id = await seededId();
    await stack.graphql(READ, { id }, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, 'x-request-id': 'trace-log-2' });
    expect(stack.logs()).toMatch(new RegExp(`"requestId":"trace-log-2","traceId":"${TRACE_ID}"`));
  });
});
