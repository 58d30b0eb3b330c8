import { defineOperation, type Reconciliation, type Send } from '../operation.js';
import {
  arrayOf,
  asObject,
  optionalObject,
  optionalString,
  requiredString,
  type JsonObject,
} from '../shape.js';

/** The customers resource group (docs/align-api.md §6, §7): wire shapes, parsers and operations. */

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
  /** Absent in some create-session answers; the documented enum is not closed (docs/align-api.md §5). */
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

export const getCustomer = defineOperation({
  method: 'GET',
  route: '/v0/customers/:customer_id',
  retry: 'read',
  parse: (answer) => parseCustomer(answer, 'customer'),
});

export const listCustomers = defineOperation({
  method: 'GET',
  route: '/v0/customers',
  retry: 'read',
  query: (filter: { readonly email?: string }) => ({ email: filter.email }),
  parse: (answer) => arrayOf(asObject(answer, 'customer list').items, 'items', parseCustomer),
  items: { read: getCustomer, ids: (customer: AlignCustomer) => [customer.customer_id] },
});

/**
 * Emails are unique per key upstream, so a create whose answer was lost is settled by listing that
 * email: the customer asked for, another customer (the create cannot have succeeded), or none yet.
 * The caller's key also goes upstream, and with one the create is repeated (docs/align-api.md §3).
 */
export const createCustomer = defineOperation({
  method: 'POST',
  route: '/v0/customers',
  retry: 'C',
  retryWithCallerKey: true,
  body: (body: CreateCustomerBody) => body,
  parse: (answer) => parseCustomer(answer, 'customer'),
  complete: withSupplied,
  reconcile: findCreatedCustomer,
  refreshes: { read: getCustomer, ids: (customer) => [customer.customer_id] },
});

export const createKycSession = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/kycs',
  retry: 'once',
  body: (input: { readonly redirectUri?: string }) => (input.redirectUri === undefined ? {} : { redirect_uri: input.redirectUri }),
  parse: (answer) => parseKycs(asObject(answer, 'kyc session').kycs, 'kycs'),
  // The answer is the customer's new `kycs`: a copy the request holds is updated, not read again.
  refreshes: { read: getCustomer, ids: (_kycs, [customerId]) => [customerId], merge: (held: AlignCustomer, kycs) => ({ ...held, kycs }) },
});

/**
 * The KYC profile (docs/align-api.md §7): one branch of the upstream's `oneOf` is sent, as built by
 * the GraphQL layer (an individual's profile, or a corporate's documents). Personal data: never logged.
 */
export type CustomerProfileBody = Readonly<Record<string, unknown>>;

/** `PUT` answers `{}`: the customer is read again (one GET) when it is next asked for. */
export const updateCustomer = defineOperation({
  method: 'PUT',
  route: '/v0/customers/:customer_id',
  retry: 'R',
  body: (profile: CustomerProfileBody) => profile,
  parse: () => undefined,
  invalidates: { read: getCustomer, ids: (ids) => ids },
});

/** Sandbox only: `{}` again, and the customer changed (KYC approved). */
export const simulateCustomer = defineOperation({
  method: 'POST',
  route: '/v0/customers/simulate',
  retry: 'once',
  body: (input: { readonly customerId: string; readonly action: string }) => ({ action: input.action, customer_id: input.customerId }),
  parse: () => undefined,
  invalidates: { read: getCustomer, ids: (_ids, input: { customerId: string }) => [input.customerId] },
});

export interface AlignWalletOwnershipVerification {
  readonly verification_flow_link: string;
}

export const createWalletOwnershipVerification = defineOperation({
  method: 'POST',
  route: '/v0/customers/:customer_id/wallet-ownership',
  retry: 'once',
  body: (input: { readonly walletAddress: string }) => ({ wallet_address: input.walletAddress }),
  parse: (answer) => ({ verification_flow_link: requiredString(asObject(answer, 'wallet ownership'), 'verification_flow_link', 'wallet ownership') }),
});

/** Every operation of the group; the catalogue (index.ts) gathers the groups. */
export const customerOperations = {
  listCustomers,
  getCustomer,
  createCustomer,
  createKycSession,
  updateCustomer,
  simulateCustomer,
  createWalletOwnershipVerification,
} as const;

async function findCreatedCustomer(body: CreateCustomerBody, send: Send): Promise<Reconciliation<AlignCustomer>> {
  const found = await send(listCustomers, [], { email: body.email });
  const sameEmail = found.filter((customer) => customer.email.toLowerCase() === body.email.toLowerCase());
  const match = sameEmail.find((customer) => matchesBody(customer, body));
  if (match) return { kind: 'found', value: match };
  if (sameEmail.length > 0) return { kind: 'conflict', message: 'A customer with this email already exists with different details.' };
  return { kind: 'absent', message: 'The Align API did not confirm the create, and no customer with this email exists yet.' };
}

/**
 * Some create answers omit the type or the names (docs/align-api.md §6): the created customer still
 * carries what the caller just sent.
 */
function withSupplied(created: AlignCustomer, supplied: CreateCustomerBody): AlignCustomer {
  return {
    ...created,
    type: created.type ?? supplied.type,
    first_name: created.first_name ?? supplied.first_name ?? null,
    last_name: created.last_name ?? supplied.last_name ?? null,
    company_name: created.company_name ?? supplied.company_name ?? null,
  };
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

function parseCustomer(value: unknown, what: string): AlignCustomer {
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
