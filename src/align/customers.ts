import { AlignBadResponseError, AlignConflictError, AlignOutcomeUnknownError, type AlignError } from './errors.js';
import type { AlignSession, AlignTransport } from './http.js';
import { sleep } from './retry.js';
import {
  arrayOf,
  asObject,
  optionalObject,
  optionalString,
  requiredString,
  type JsonObject,
} from './shape.js';

/** Wire shapes of the customers resource group (REFERENCE §7), snake_case as the upstream sends them. */

export interface AlignAddress {
  readonly country: string | null;
  readonly city: string | null;
  readonly street_line_1: string | null;
  readonly postal_code: string | null;
  readonly state: string | null;
}

export interface AlignKycStatusBreakdown {
  readonly currency: string;
  readonly payment_rails: string;
  readonly status: string;
}

export interface AlignKycs {
  /** Absent in some create-session answers; the documented enum is not closed (see REFERENCE §5). */
  readonly status: string | null;
  readonly sub_status: string | null;
  readonly kyc_flow_link: string | null;
  readonly status_breakdown: readonly AlignKycStatusBreakdown[];
}

export interface AlignCustomer {
  readonly customer_id: string;
  readonly email: string;
  /** `individual` or `corporate` (older answers: `business`); absent in some create answers. */
  readonly type: string | null;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly company_name: string | null;
  readonly address: AlignAddress | null;
  readonly kycs: AlignKycs | null;
}

export type AlignCustomerType = 'individual' | 'corporate';

export interface CreateCustomerBody {
  readonly email: string;
  readonly type: AlignCustomerType;
  readonly first_name?: string;
  readonly last_name?: string;
  readonly company_name?: string;
}

export class CustomersClient {
  constructor(
    private readonly transport: AlignTransport,
    readonly session: AlignSession,
  ) {}

  create(body: CreateCustomerBody, idempotencyKey?: string): Promise<AlignCustomer> {
    return this.transport.send(this.session, {
      method: 'POST',
      route: '/v0/customers',
      body,
      idempotencyKey,
      parse: (answer) => parseCustomer(answer, 'customer'),
    });
  }

  /**
   * Creates a customer, and when the outcome is unknown (timeout, or the connection dropped after
   * sending) finds out instead of guessing: the upstream keeps emails unique per key, so the
   * customer either exists under that email now or was not created. A match for what was asked is
   * returned as the result; another customer under that email is a CONFLICT (the create could not
   * have succeeded); when there is none, the lookup is repeated with back-off while the write may
   * still be landing, then the call fails with UPSTREAM_UNAVAILABLE. A 2xx answer whose body is
   * unreadable is looked up once the same way. The POST is never re-sent here, so nothing is
   * created twice.
   */
  async createOrReconcile(body: CreateCustomerBody, idempotencyKey?: string): Promise<AlignCustomer> {
    try {
      return await this.create(body, idempotencyKey);
    } catch (error) {
      if (error instanceof AlignOutcomeUnknownError) return this.reconcile(body, error, true);
      // A 2xx whose body cannot be read: the customer was created, only its answer was lost.
      if (error instanceof AlignBadResponseError && isSuccess(error.upstreamStatus)) return this.reconcile(body, error, false);
      throw error;
    }
  }

  private async reconcile(body: CreateCustomerBody, original: AlignError, mayStillLand: boolean): Promise<AlignCustomer> {
    const policy = this.transport.retryPolicy;
    for (let lookup = 1; ; lookup += 1) {
      let found: AlignCustomer[];
      try {
        found = await this.list({ email: body.email });
      } catch {
        throw original;
      }
      const sameEmail = found.filter((customer) => customer.email.toLowerCase() === body.email.toLowerCase());
      const match = sameEmail.find((customer) => matchesBody(customer, body));
      if (match) return match;
      if (!mayStillLand) throw original;
      if (sameEmail.length > 0) {
        throw new AlignConflictError('A customer with this email already exists with different details.');
      }
      const wait = lookup > policy.options.maxRetries ? undefined : policy.backoff(lookup);
      if (wait === undefined || Date.now() + wait >= this.session.deadlineAt) {
        throw new AlignOutcomeUnknownError(
          'The Align API did not confirm the create, and no customer with this email exists yet.',
        );
      }
      try {
        await sleep(wait, this.session.deadline);
      } catch {
        throw original;
      }
    }
  }

  get(customerId: string): Promise<AlignCustomer> {
    return this.transport.send(this.session, {
      method: 'GET',
      route: '/v0/customers/:customer_id',
      params: { customer_id: customerId },
      parse: (answer) => parseCustomer(answer, 'customer'),
    });
  }

  list(filter: { email?: string } = {}): Promise<AlignCustomer[]> {
    return this.transport.send(this.session, {
      method: 'GET',
      route: '/v0/customers',
      query: { email: filter.email },
      parse: (answer) => arrayOf(asObject(answer, 'customer list').items, 'items', parseCustomer),
    });
  }

  createKycSession(customerId: string, redirectUri?: string): Promise<AlignKycs> {
    return this.transport.send(this.session, {
      method: 'POST',
      route: '/v0/customers/:customer_id/kycs',
      params: { customer_id: customerId },
      body: redirectUri === undefined ? {} : { redirect_uri: redirectUri },
      parse: (answer) => parseKycs(asObject(answer, 'kyc session').kycs, 'kycs'),
    });
  }
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** Whether an upstream customer is the one `body` asks for (names as sent, i.e. already trimmed). */
function matchesBody(customer: AlignCustomer, body: CreateCustomerBody): boolean {
  // A field the answer leaves out contradicts nothing; older answers call corporates `business`.
  const agrees = (actual: string | null, asked: string | undefined) => actual === null || actual === (asked ?? null);
  const type = customer.type === 'business' ? 'corporate' : customer.type;
  if (!agrees(type, body.type)) return false;
  if (body.type === 'individual') return agrees(customer.first_name, body.first_name) && agrees(customer.last_name, body.last_name);
  return agrees(customer.company_name, body.company_name);
}

export function parseCustomer(value: unknown, what: string): AlignCustomer {
  const raw = asObject(value, what);
  const kycs = optionalObject(raw, 'kycs', what);
  return {
    customer_id: requiredString(raw, 'customer_id', what),
    email: requiredString(raw, 'email', what),
    type: optionalString(raw, 'type', what) ?? optionalString(raw, 'beneficiary_type', what),
    first_name: optionalString(raw, 'first_name', what),
    last_name: optionalString(raw, 'last_name', what),
    company_name: optionalString(raw, 'company_name', what),
    address: parseAddress(optionalObject(raw, 'address', what), `${what}.address`),
    kycs: kycs === null ? null : parseKycs(kycs, `${what}.kycs`),
  };
}

function parseAddress(raw: JsonObject | null, what: string): AlignAddress | null {
  if (raw === null) return null;
  return {
    country: optionalString(raw, 'country', what),
    city: optionalString(raw, 'city', what),
    street_line_1: optionalString(raw, 'street_line_1', what),
    postal_code: optionalString(raw, 'postal_code', what),
    state: optionalString(raw, 'state', what),
  };
}

function parseKycs(value: unknown, what: string): AlignKycs {
  const raw = asObject(value, what);
  const breakdown = raw.status_breakdown;
  return {
    status: optionalString(raw, 'status', what),
    sub_status: optionalString(raw, 'sub_status', what),
    kyc_flow_link: optionalString(raw, 'kyc_flow_link', what),
    status_breakdown:
      breakdown === undefined || breakdown === null
        ? []
        : arrayOf(breakdown, `${what}.status_breakdown`, (entry, where) => {
            const item = asObject(entry, where);
            return {
              currency: requiredString(item, 'currency', where),
              payment_rails: requiredString(item, 'payment_rails', where),
              status: requiredString(item, 'status', where),
            };
          }),
  };
}
