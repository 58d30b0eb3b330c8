import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { OtlpReceiver } from '../helpers/otlp-receiver.js';
import { startRecordedStack, type RecordedStack } from '../helpers/recording-upstream.js';

/**
 * The README's "Running behind a gateway" section, held to the code: the headers its gateway
 * configurations forward, and the environment it gives this server, are what a request below carries
 * and what the server is started with.
 */
let section: string;
beforeAll(async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n## Running behind a gateway\n');
  expect(start).toBeGreaterThan(0);
  section = readme.slice(start + 1, readme.indexOf('\n## ', start + 1));
});

function codeBlocks(language: string): string[] {
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

function gatewayEnvironment(): Record<string, string> {
  const block = codeBlocks('sh').find((text) => text.includes('OTEL_EXPORTER_OTLP_ENDPOINT='));
  expect(block).toBeDefined();
  return Object.fromEntries(
    block!
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

const FORWARDED = ['authorization', 'api-key', 'x-request-id'];

/** Header names in the first column of the "Headers to forward" table, lower-cased. */
function tableHeaders(): string[] {
  const table = section.slice(section.indexOf('| header | why |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.toLowerCase()));
}

describe('README: running behind a gateway', () => {
  it('has the Apollo Router configuration forward exactly the caller headers of the table, with trace-context propagation', () => {
    const [router] = codeBlocks('yaml');
    expect([...router!.matchAll(/named: (\S+)/g)].map((match) => match[1])).toEqual(FORWARDED);
    expect(router).toMatch(/propagation:\n\s+trace_context: true/);
    for (const header of FORWARDED) expect(tableHeaders()).toContain(header);
  });

  it('has the Hive Gateway configuration forward the same headers', () => {
    const [hive] = codeBlocks('ts');
    expect([...hive!.matchAll(/headers\.get\('([^']+)'\)/g)].map((match) => match[1])).toEqual(FORWARDED);
  });

  it('gives an environment the server accepts, exporting to the collector named in the gateway configuration', () => {
    const env = gatewayEnvironment();
    const telemetry = loadConfig(env).telemetry;
    expect(telemetry?.tracesUrl.toString()).toBe('http://otel-collector:4318/v1/traces');
    expect(codeBlocks('yaml')[0]).toContain(`endpoint: ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
    expect(section).toContain(`--opentelemetry ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
  });

  describe('a request as the gateway sends it, to a server started with that environment', () => {
    let receiver: OtlpReceiver;
    let stack: RecordedStack;
    beforeAll(async () => {
      receiver = await OtlpReceiver.start();
      const env = gatewayEnvironment();
      stack = await startRecordedStack({
        ...env,
        OTEL_EXPORTER_OTLP_ENDPOINT: env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace('http://otel-collector:4318', receiver.url),
        OTEL_BSP_SCHEDULE_DELAY: '50',
      });
    });
    afterAll(async () => {
      await stack?.close();
      await receiver?.close();
    });

    it('keeps the request id, the caller key and the gateway trace across the hop, and exports the spans', async () => {
      const traceId = '5b8efff798038103d269b633813fc60c';
      const gatewaySpan = 'eee19b7ec3c1b174';
      const response = await fetch(`${stack.server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer gateway-caller-key',
          'x-request-id': 'gateway-request-1',
          traceparent: `00-${traceId}-${gatewaySpan}-01`,
        },
        body: JSON.stringify({ query: 'query ListCustomers { customers { id } }' }),
      });
      expect(response.headers.get('x-request-id')).toBe('gateway-request-1');
      expect(((await response.json()) as { data?: unknown }).data).toEqual({ customers: [] });

      const [upstream] = stack.upstream.requests;
      expect(upstream?.headers['api-key']).toBe('gateway-caller-key');
      expect(upstream?.headers['x-request-id']).toBe('gateway-request-1');
      expect(String(upstream?.headers.traceparent)).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

      const spans = await receiver.spansOf(traceId, 2);
      const request = spans.find((span) => span.name === 'query ListCustomers');
      expect(request?.parentSpanId).toBe(gatewaySpan);
      expect(request?.serviceName).toBe('align-graphql');
      expect(spans.find((span) => span.name === 'GET /v0/customers')?.parentSpanId).toBe(request?.spanId);
    });
  });
});
