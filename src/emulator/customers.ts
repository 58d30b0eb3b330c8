import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestContext, UpstreamHandler } from './context.js';
import { ApiError, isObject, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import type { RouteDefinition } from './router.js';
import type { StoredCustomer, Tenant } from './store.js';

/** The customers resource group (docs/align-api.md §6, §7). */

const CUSTOMER_TYPES: readonly string[] = ['individual', 'corporate'];
const MAX_EMAIL_LENGTH = 254;
/** Something@something.tld, no spaces: a plausibility check, not RFC 5322. */
const EMAIL_FORMAT = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const UUID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KYC_FLOW_BASE = 'https://kyc.emulator.invalid/flow/';
const SIMULATE_ACTIONS: readonly string[] = ['kyc.status.approve'];

/** The (currency, rails) pairs a KYC session covers. */
const KYC_COVERAGE: ReadonlyArray<readonly [currency: string, rails: string]> = [
  ['usd', 'ach'],
  ['usd', 'wire'],
  ['eur', 'sepa'],
];

/** The address every approved customer gets (the DOC-old example values). */
const SAMPLE_ADDRESS = {
  country: 'United States',
  city: 'San Francisco',
  street_line_1: '123 Main Street',
  postal_code: '94105',
  state: 'CA',
} as const;

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID_FORMAT.test(value);
}

function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL_FORMAT.test(value);
}

/** `POST /v0/customers` */
function createCustomer({ tenant, body: raw }: RequestContext): HandlerResult {
  const body = objectBody(raw);
  const email = body.email;
  if (email === undefined || email === null) throw validationError('email is required.');
  if (typeof email !== 'string') throw validationError('email must be a string.');
  if (!isEmail(email)) throw validationError('email must be a valid email address.');

  // `beneficiary_type` is the older docs' name of `type` (docs/align-api.md §6).
  const typeField = body.type !== undefined && body.type !== null ? 'type' : 'beneficiary_type';
  const type = body[typeField];
  if (type === undefined || type === null) throw validationError('type is required ("individual" or "corporate").');
  if (typeof type !== 'string' || !CUSTOMER_TYPES.includes(type)) {
    throw validationError(`${typeField} must be "individual" or "corporate".`);
  }
  if (typeField === 'type' && body.beneficiary_type !== undefined && body.beneficiary_type !== null && body.beneficiary_type !== type) {
    throw validationError('type and beneficiary_type disagree.');
  }

  const firstName = optionalString(body, 'first_name');
  const lastName = optionalString(body, 'last_name');
  const companyName = optionalString(body, 'company_name');
  // Names that do not apply to the type are ignored: individuals have company_name null,
  // corporates have first_name and last_name null.
  const customer: StoredCustomer =
    type === 'individual'
      ? {
          customer_id: randomUUID(),
          email,
          type,
          first_name: requireText(firstName, 'first_name', 'individual'),
          last_name: requireText(lastName, 'last_name', 'individual'),
          company_name: null,
        }
      : {
          customer_id: randomUUID(),
          email,
          type,
          first_name: null,
          last_name: null,
          company_name: requireText(companyName, 'company_name', 'corporate'),
        };

  if (tenant.customerByEmail(email) !== undefined) {
    throw new ApiError(409, 'customer_already_exists', 'A customer with this email already exists.');
  }
  // The create answer is the newer docs' shape (no address, no kycs); the stored customer has both.
  const answer = json(201, { ...customer });
  customer.address = null;
  customer.kycs = null;
  tenant.addCustomer(customer);
  return answer;
}

function optionalString(body: JsonObject, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw validationError(`${field} must be a string.`);
  return value;
}

function requireText(value: string | null, field: string, type: string): string {
  if (value === null || value.trim() === '') throw validationError(`${field} is required for ${type} customers.`);
  return value;
}

/** `GET /v0/customers?email=` (exact, case-insensitive); the caller's customers only. */
function listCustomers({ tenant, query }: RequestContext): HandlerResult {
  const email = query === '' ? null : new URLSearchParams(query).get('email');
  if (email === null) return json(200, { items: tenant.allCustomers() });
  const customer = tenant.customerByEmail(email);
  return json(200, { items: customer === undefined ? [] : [customer] });
}

/** `GET /v0/customers/:customer_id` */
function getCustomer({ tenant, params }: RequestContext): HandlerResult {
  return json(200, findCustomer(tenant, params.customer_id!));
}

/**
 * The caller's customer, or a 404. A customer of another tenant is answered exactly like an unknown
 * id. So is an id that is not a UUID: the docs type the parameter `string · uuid` but document no
 * 400, and such an id can never name a customer.
 */
export function findCustomer(tenant: Tenant, customerId: string): StoredCustomer {
  const customer = isUuid(customerId) ? tenant.customer(customerId) : undefined;
  if (customer === undefined) throw new ApiError(404, 'customer_not_found', 'No customer with this customer_id.');
  return customer;
}

/** `POST /v0/customers/:customer_id/kycs`: a new flow link while not approved. */
function createKycSession({ tenant, params, body: raw }: RequestContext): HandlerResult {
  const body = objectBody(raw, true);
  const redirectUri = optionalString(body, 'redirect_uri');
  if (redirectUri !== null && !isHttpUrl(redirectUri)) throw validationError('redirect_uri must be an absolute http(s) URL.');
  const customer = findCustomer(tenant, params.customer_id!);
  if (isObject(customer.kycs) && customer.kycs.status === 'approved') return json(201, { kycs: customer.kycs });

  const token = randomBytes(18).toString('base64url');
  const kycs = {
    status: 'pending',
    sub_status: 'kyc_form_submission_started',
    kyc_flow_link:
      redirectUri === null ? KYC_FLOW_BASE + token : `${KYC_FLOW_BASE}${token}?redirect_uri=${encodeURIComponent(redirectUri)}`,
    status_breakdown: KYC_COVERAGE.map(([currency, rails]) => ({ currency, payment_rails: rails, status: 'pending' })),
  };
  customer.kycs = kycs;
  return json(201, { kycs });
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/** `POST /v0/customers/simulate` (sandbox only): `{action: "kyc.status.approve", customer_id}`. */
function simulateCustomer({ tenant, body: raw, production, emit }: RequestContext): HandlerResult {
  if (production) throw new ApiError(403, 'forbidden', 'Simulation is not available in production.');
  const body = objectBody(raw);
  const action = body.action;
  if (typeof action !== 'string' || !SIMULATE_ACTIONS.includes(action)) {
    throw validationError(`action must be one of ${SIMULATE_ACTIONS.map((a) => `"${a}"`).join(', ')}.`);
  }
  const customerId = body.customer_id;
  if (typeof customerId !== 'string' || customerId === '') throw validationError('customer_id is required.');
  const customer = findCustomer(tenant, customerId);
  const kycs = customer.kycs;
  if (!isObject(kycs)) {
    throw new ApiError(400, 'kyc_not_started', 'The customer has no KYC session: create one before approving it.');
  }
  kycs.status = 'approved';
  kycs.sub_status = 'kyc_form_submission_accepted';
  const breakdown = kycs.status_breakdown;
  kycs.status_breakdown = Array.isArray(breakdown)
    ? breakdown.map((entry: unknown) => (isObject(entry) ? { ...entry, status: 'approved' } : entry))
    : KYC_COVERAGE.map(([currency, rails]) => ({ currency, payment_rails: rails, status: 'approved' }));
  customer.address = { ...SAMPLE_ADDRESS };
  emit({ event_type: 'customer.kycs.updated', entity_type: 'customer', entity_id: customer.customer_id, entity_object: structuredClone(customer) });
  return json(200, {});
}

export const customerRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: '/v0/customers', handler: createCustomer },
  { method: 'GET', template: '/v0/customers', handler: listCustomers },
  { method: 'POST', template: '/v0/customers/simulate', handler: simulateCustomer },
  { method: 'GET', template: '/v0/customers/:customer_id', handler: getCustomer },
  { method: 'POST', template: '/v0/customers/:customer_id/kycs', handler: createKycSession },
];
