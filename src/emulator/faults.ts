import { codeForStatus, finalize, apiError, objectBody, validationError, type FinalResponse } from './http.js';

export const FAULT_KINDS = ['status', 'delay', 'reset-before', 'reset-after-commit', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What `POST /__emulator/faults` accepts (README, "The emulator"). */
export interface FaultSpec {
  /** `METHOD template`, e.g. `POST /v0/customers`; omitted or null = every upstream route. */
  readonly route?: string | null;
  readonly kind: FaultKind;
  /** kind `status`: the status to answer (400-599, default 503). */
  readonly status?: number;
  /** kind `delay`: milliseconds to wait before handling (0-600000, default 0). */
  readonly delayMs?: number;
  /** kind `status`: adds `Retry-After: <seconds>` (0-86400). */
  readonly retryAfterSeconds?: number;
  /** How many requests it applies to (>= 1); omitted or null = until cleared. */
  readonly times?: number | null;
}

/** A stored fault, as the admin API shows it. Fields that do not apply to the kind are null. */
export interface Fault {
  readonly id: string;
  readonly route: string | null;
  readonly kind: FaultKind;
  readonly status: number | null;
  readonly delayMs: number | null;
  readonly retryAfterSeconds: number | null;
  /** Applications left; null = until cleared. */
  times: number | null;
  /** How many requests it has applied to so far. */
  applied: number;
}

/** The upstream routes a fault may name (the upstream Router). */
export interface KnownRoutes {
  has(key: string): boolean;
  keys(): string[];
}

const MAX_DELAY_MS = 600_000;
const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Checks a fault from the admin API; throws a 400 naming the field. Fields that do not apply to the
 * kind are checked when present but otherwise ignored, so one object can carry them all.
 */
export function parseFaultSpec(value: unknown, routes: KnownRoutes): Omit<Fault, 'id' | 'applied'> {
  const body = objectBody(value);
  const kind = body.kind;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw validationError(`kind must be one of ${FAULT_KINDS.map((k) => `"${k}"`).join(', ')}.`);
  }
  let route: string | null = null;
  if (body.route !== undefined && body.route !== null) {
    route = typeof body.route === 'string' ? normaliseRouteKey(body.route) : '';
    if (!routes.has(route)) {
      throw validationError(
        `route must be an upstream route template such as "POST /v0/customers" (known: ${routes.keys().join(', ')}), or omitted for every route.`,
      );
    }
  }
  const status = integerField(body, 'status', 400, 599);
  const delayMs = integerField(body, 'delayMs', 0, MAX_DELAY_MS);
  const retryAfterSeconds = integerField(body, 'retryAfterSeconds', 0, MAX_RETRY_AFTER_SECONDS);
  const times = integerField(body, 'times', 1, Number.MAX_SAFE_INTEGER);
  return {
    route,
    kind: kind as FaultKind,
    status: kind === 'status' ? (status ?? 503) : null,
    delayMs: kind === 'delay' ? (delayMs ?? 0) : null,
    retryAfterSeconds: kind === 'status' ? retryAfterSeconds : null,
    times,
  };
}

/** `post /v0/customers` -> `POST /v0/customers`. */
function normaliseRouteKey(route: string): string {
  const space = route.indexOf(' ');
  return space === -1 ? route : route.slice(0, space).toUpperCase() + route.slice(space);
}

function integerField(body: Record<string, unknown>, field: string, min: number, max: number): number | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validationError(`${field} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

/** The faults in force, checked in the order they were added. */
export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: Omit<Fault, 'id' | 'applied'>): Fault {
    const fault: Fault = { id: `fault_${this.nextId++}`, ...spec, applied: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
    this.nextId = 1;
  }

  /** The first fault for `routeKey` with applications left, counted as applied; undefined if none. */
  take(routeKey: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    for (const fault of this.faults) {
      if (fault.times === 0 || (fault.route !== null && fault.route !== routeKey)) continue;
      if (fault.times !== null) fault.times--;
      fault.applied++;
      return fault;
    }
    return undefined;
  }
}

/** The answer of a `status` fault. */
export function statusFaultResponse(fault: Fault): FinalResponse {
  const status = fault.status ?? 503;
  const headers = fault.retryAfterSeconds === null ? undefined : { 'retry-after': String(fault.retryAfterSeconds) };
  return finalize(apiError(status, codeForStatus(status), `Injected fault: the emulator answers ${status} (${fault.id}).`, headers));
}

/** A `malformed` fault's body: a strict prefix of the JSON object answered, which is never valid JSON. */
export function truncatePayload(payload: string): string {
  return payload.slice(0, Math.max(1, payload.length >> 1));
}
