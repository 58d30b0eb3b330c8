import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('OpenTelemetry configuration (standard OTEL_* variables)', () => {
  it('is off when no OTLP endpoint is set', () => {
    expect(loadConfig({}).telemetry).toBeUndefined();
  });

  it('posts to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces, named align-graphql unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).telemetry).toEqual({
      tracesUrl: new URL('http://collector:4318/v1/traces'),
      serviceName: 'align-graphql',
      exportDelayMs: 5000,
    });
    const telemetry = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com/otlp/', OTEL_SERVICE_NAME: 'payments-subgraph' }).telemetry;
    expect(telemetry?.tracesUrl.toString()).toBe('https://otel.example.com/otlp/v1/traces');
    expect(telemetry?.serviceName).toBe('payments-subgraph');
  });

  it('uses OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it stands', () => {
    const telemetry = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318/custom',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    }).telemetry;
    expect(telemetry?.tracesUrl.toString()).toBe('http://traces:4318/custom');
    expect(telemetry?.exportDelayMs).toBe(200);
  });

  it('stays off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).telemetry).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }).telemetry).toBeUndefined();
  });

  it('reports bad values in one message, without echoing an endpoint', () => {
    let error: unknown;
    try {
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://secret-token@collector:4317',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_TRACES_EXPORTER: 'zipkin',
        OTEL_BSP_SCHEDULE_DELAY: 'soon',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://localhost:4318',
      'OTEL_TRACES_EXPORTER must be one of otlp, none (got "zipkin")',
      'OTEL_EXPORTER_OTLP_PROTOCOL must be http/json, the OTLP protocol this server exports with (got "grpc")',
      'OTEL_BSP_SCHEDULE_DELAY must be a whole number from 1 to 600000 (got "soon")',
    ]);
    expect((error as Error).message).not.toContain('secret-token');
  });

  it('reads TRUSTED_DOCUMENTS as a path', () => {
    expect(loadConfig({ TRUSTED_DOCUMENTS: ' manifests/trusted.json ' }).trustedDocumentsPath).toBe('manifests/trusted.json');
    expect(loadConfig({}).trustedDocumentsPath).toBeUndefined();
  });
});
