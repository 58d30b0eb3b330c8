import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EMULATOR_DEMO_KEY } from '../../src/emulator/index.js';
import { OtlpReceiver } from '../helpers/otlp-receiver.js';
import { startRecordedStack, type RecordedStack } from '../helpers/recording-upstream.js';
import { uniqueEmail } from '../helpers/stack.js';

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT set: spans go to a local OTLP/HTTP receiver. One SERVER span per GraphQL
 * request (child of the caller's span) and one CLIENT span per upstream attempt (children of it), whose
 * ids are the parents named in the `traceparent` each attempt sent.
 */
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';
const READ = 'query ReadCustomer($id: ID!) { customer(id: $id) { id email } }';
const SERVER = 2;
const CLIENT = 3;

let receiver: OtlpReceiver;
let stack: RecordedStack;
beforeAll(async () => {
  receiver = await OtlpReceiver.start();
  stack = await startRecordedStack({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_SERVICE_NAME: 'align-graphql-test',
    OTEL_BSP_SCHEDULE_DELAY: '50',
  });
});
afterAll(async () => {
  await stack.close();
  await receiver.close();
});
beforeEach(async () => {
  await stack.admin.reset();
  stack.upstream.requests.length = 0;
});

async function seededId(): Promise<string> {
  const seeded = await stack.admin.seedCustomer(EMULATOR_DEMO_KEY, { email: uniqueEmail('otlp'), type: 'individual', first_name: 'O', last_name: 'T' });
  return seeded.customer_id as string;
}

describe('OpenTelemetry export over OTLP/HTTP', () => {
  it('exports the request span and one span per upstream attempt: 3 for a read that meets 503 twice', async () => {
    const id = await seededId();
    await stack.admin.addFault({ route: 'GET /v0/customers/:customer_id', kind: 'status', status: 503, times: 2 });
    const answer = await stack.graphql(READ, { id }, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    expect(answer.body.errors).toBeUndefined();

    const spans = await receiver.spansOf(TRACE_ID, 4);
    expect(receiver.paths).toContain('/v1/traces');
    const requestSpans = spans.filter((span) => span.kind === SERVER);
    const attempts = spans.filter((span) => span.kind === CLIENT);
    expect(requestSpans).toHaveLength(1);
    expect(attempts).toHaveLength(3);

    const [request] = requestSpans;
    expect(request.parentSpanId).toBe(CALLER_SPAN_ID);
    expect(request.name).toBe('query ReadCustomer');
    expect(request.serviceName).toBe('align-graphql-test');
    expect(request.attributes).toMatchObject({
      'graphql.operation.name': 'ReadCustomer',
      'graphql.operation.type': 'query',
      'graphql.outcome': 'ok',
      'http.response.status_code': 200,
    });

    attempts.sort((a, b) => Number(a.attributes['http.request.resend_count']) - Number(b.attributes['http.request.resend_count']));
    expect(attempts.map((span) => span.attributes['http.request.resend_count'])).toEqual([0, 1, 2]);
    expect(attempts.map((span) => span.attributes['http.response.status_code'])).toEqual([503, 503, 200]);
    expect(attempts.map((span) => span.statusCode)).toEqual([2, 2, 0]);
    for (const attempt of attempts) {
      expect(attempt.parentSpanId).toBe(request.spanId);
      expect(attempt.name).toBe('GET /v0/customers/:customer_id');
      expect(attempt.attributes).toMatchObject({ 'url.template': '/v0/customers/:customer_id', 'http.request.method': 'GET' });
    }

    // Each attempt told the upstream its own span id as the parent.
    const sentParents = stack.upstream.requests.map((request) => String(request.headers.traceparent));
    expect(sentParents).toEqual(attempts.map((span) => `00-${TRACE_ID}-${span.spanId}-01`));
  });

  it('names the outcome code of a failed request and never records variables or ids', async () => {
    const answer = await stack.graphql(
      'mutation Create($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { individual: { email: 'not-an-email', firstName: 'Ada', lastName: 'L' } } },
      { traceparent: `00-${TRACE_ID.replace('0a', '0b')}-${CALLER_SPAN_ID}-01` },
    );
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [request] = await receiver.spansOf(TRACE_ID.replace('0a', '0b'), 1);
    expect(request.name).toBe('mutation Create');
    expect(request.attributes).toMatchObject({ 'graphql.outcome': 'BAD_USER_INPUT', 'error.type': 'BAD_USER_INPUT' });
    expect(request.statusCode).toBe(2);
    const recorded = JSON.stringify(receiver.spans);
    expect(recorded).not.toContain('not-an-email');
    expect(recorded).not.toContain(EMULATOR_DEMO_KEY);
  });

  it('starts a new trace for a caller without traceparent, and sends it upstream', async () => {
    const id = await seededId();
    await stack.graphql(READ, { id });
    const [sent] = stack.upstream.requests;
    const traceId = String(sent.headers.traceparent).slice(3, 35);
    const spans = await receiver.spansOf(traceId, 2);
    expect(spans.map((span) => span.kind).sort()).toEqual([SERVER, CLIENT]);
    expect(spans.find((span) => span.kind === SERVER)?.parentSpanId).toBeUndefined();
    // Route templates only: the customer id in the URL is not recorded.
    expect(JSON.stringify(spans)).not.toContain(id);
  });
});
