import { randomBytes } from 'node:crypto';
import type { RequestContext, UpstreamHandler } from './context.js';
import { findCustomer } from './customers.js';
import { isObject, json, objectBody, validationError, type HandlerResult, type JsonObject } from './http.js';
import type { RouteDefinition } from './router.js';

/** A customer's KYC profile and wallet ownership (docs/align-api.md §7, §10). */

const MAX_DOCUMENTS = 20;
const WALLET_FLOW_BASE = 'https://wallet.emulator.invalid/verify/';

/**
 * `PUT /v0/customers/:customer_id`: answers `{}` (the SDK's type; the new docs show no answer). The
 * profile is kept beside the customer, never in its answer (the docs show no profile fields on the
 * customer). A `documents[].file_id` that is not one of the tenant's files is a 400 (inferred).
 */
function updateCustomer({ tenant, params, body: raw }: RequestContext): HandlerResult {
  const body = objectBody(raw);
  const customer = findCustomer(tenant, params.customer_id!);
  if (Object.keys(body).length === 0) throw validationError('The profile is empty.');
  const documents = body.documents;
  if (documents !== undefined) {
    if (!Array.isArray(documents) || documents.length > MAX_DOCUMENTS) throw validationError(`documents must be a list of at most ${MAX_DOCUMENTS}.`);
    documents.forEach((document: unknown, index) => {
      if (!isObject(document) || typeof document.file_id !== 'string' || typeof document.purpose !== 'string') {
        throw validationError(`documents[${index}] needs file_id and purpose.`);
      }
      if (tenant.find('files', document.file_id) === undefined) throw validationError(`documents[${index}].file_id is not a file of this account.`);
    });
  }
  const profile = (isObject(customer.profile) ? customer.profile : {}) as JsonObject;
  customer.profile = { ...profile, ...body };
  // The profile never appears in the customer's answers: kept out of the enumerable fields.
  Object.defineProperty(customer, 'profile', { enumerable: false, writable: true, configurable: true });
  return json(200, {});
}

/** `POST …/wallet-ownership` `{wallet_address}` -> 201 `{verification_flow_link}` (status inferred). */
function createWalletOwnership({ tenant, params, body: raw }: RequestContext): HandlerResult {
  const body = objectBody(raw);
  findCustomer(tenant, params.customer_id!);
  const address = body.wallet_address;
  if (typeof address !== 'string' || address.trim() === '') throw validationError('wallet_address is required.');
  return json(201, { verification_flow_link: WALLET_FLOW_BASE + randomBytes(18).toString('base64url') });
}

export const customerProfileRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'PUT', template: '/v0/customers/:customer_id', handler: updateCustomer },
  { method: 'POST', template: '/v0/customers/:customer_id/wallet-ownership', handler: createWalletOwnership },
];
