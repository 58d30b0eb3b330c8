import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { UpstreamCallRecord } from './align/http.js';

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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  recordUpstreamCall(call: UpstreamCallRecord): void {
    this.upstreamRequests.inc({ route: call.route, status: call.status === undefined ? 'error' : String(call.status) });
    this.upstreamDuration.observe({ route: call.route }, call.durationMs / 1000);
    if (call.retry > 0) this.upstreamRetries.inc({ route: call.route });
  }
}
