import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamCallRecord } from './align/attempt-observers.js';

/** Prometheus metrics of one server. Labels hold route templates and codes, never ids or keys. */
export class Metrics {
  readonly registry = new Registry();

  private readonly upstreamRequests = new Counter({
    name: 'align_upstream_requests_total',
    help: 'Requests sent to the Align API, by route template and HTTP status (or "error" when none arrived).',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly upstreamDuration = new Histogram({
    name: 'align_upstream_request_duration_seconds',
    help: 'Duration of requests to the Align API, by route template.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly upstreamRetries = new Counter({
    name: 'align_upstream_retries_total',
    help: 'Upstream attempts that were retries of an earlier failed attempt, by route template.',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  private readonly graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests, by operation name and outcome ("ok", or the first error\'s extensions.code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Duration of GraphQL requests, from parsing to the response, by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  private readonly graphqlInFlight = new Gauge({
    name: 'graphql_requests_in_flight',
    help: 'GraphQL requests being processed now.',
    registers: [this.registry],
  });

  private readonly webhookDeliveries = new Counter({
    name: 'align_webhook_deliveries_total',
    help: 'Webhooks received at /webhooks/align, by outcome (published, duplicate, stale, ignored, unauthorized, invalid, too_large, unavailable).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly operationLabels = new OperationLabels();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  recordUpstreamCall(call: UpstreamCallRecord): void {
    this.upstreamRequests.inc({ route: call.route, status: call.status === undefined ? 'error' : String(call.status) });
    this.upstreamDuration.observe({ route: call.route }, call.durationMs / 1000);
    if (call.retry > 0) this.upstreamRetries.inc({ route: call.route });
  }

  recordWebhookDelivery(outcome: string): void {
    this.webhookDeliveries.inc({ outcome });
  }

  graphqlRequestStarted(): void {
    this.graphqlInFlight.inc();
  }

  graphqlRequestFinished(request: FinishedGraphQLRequest): void {
    this.graphqlInFlight.dec();
    const operation = this.operationLabels.labelFor(request.operationName, request);
    this.graphqlRequests.inc({ operation, outcome: outcomeLabel(request.outcome) });
    this.graphqlDuration.observe({ operation }, request.durationMs / 1000);
  }
}

/** What the metrics need of one finished GraphQL request. */
export interface FinishedGraphQLRequest {
  readonly operationName: string | undefined;
  /** `query`, `mutation` or `subscription`, when the request resolved an operation. */
  readonly operationType?: string | undefined;
  /** The root fields the operation selects, already limited to those the schema declares. */
  readonly rootFields?: readonly string[];
  readonly outcome: string;
  readonly durationMs: number;
}

/** The shape of an unnamed operation's label: its type and up to three root field names. */
const UNNAMED_LABEL_PATTERN = /^(query|mutation|subscription)( [A-Za-z_][A-Za-z0-9_]{0,63}){1,3}$/;

/** The longest operation name kept as a label; longer names are reported as "other". */
const OPERATION_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Operation names are chosen by callers, so each new one would be a new time series: the first
 * `limit` well-formed names keep their own label, every later or malformed one shares "other".
 * An unnamed operation is labelled by what it selects, e.g. `mutation createCustomer`: those names
 * come from the schema, but their combinations are the caller's, so they share the same bound.
 * One that selects nothing the schema declares (it failed to parse or validate) stays "anonymous".
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly limit = 100) {}

  labelFor(operationName: string | undefined, unnamed: { operationType?: string | undefined; rootFields?: readonly string[] } = {}): string {
    if (operationName === undefined) return this.unnamedLabel(unnamed.operationType, unnamed.rootFields ?? []);
    if (this.known.has(operationName)) return operationName;
    if (!OPERATION_NAME_PATTERN.test(operationName) || this.known.size >= this.limit) return 'other';
    this.known.add(operationName);
    return operationName;
  }

  private unnamedLabel(operationType: string | undefined, rootFields: readonly string[]): string {
    if (operationType === undefined || rootFields.length === 0) return 'anonymous';
    const label = `${operationType} ${rootFields.join(' ')}`;
    if (this.known.has(label)) return label;
    if (!UNNAMED_LABEL_PATTERN.test(label) || this.known.size >= this.limit) return 'other';
    this.known.add(label);
    return label;
  }
}

/** Outcomes are "ok" or an error code, which the server and Apollo choose; anything else is bounded too. */
function outcomeLabel(outcome: string): string {
  return /^[A-Za-z_]{1,40}$/.test(outcome) ? outcome : 'other';
}
