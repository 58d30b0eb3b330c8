import { randomUUID } from 'node:crypto';
import { parseBankAccountBody } from './bank-accounts.js';
import type { RequestContext, UpstreamHandler } from './context.js';
import { findCustomer } from './customers.js';
import { json, objectBody, type HandlerResult } from './http.js';
import type { RouteDefinition } from './router.js';

/** External accounts (docs/align-api.md §12): saved bank accounts, per customer; no GET by id. */

/** `POST …/external-accounts` (`Idempotency-Key` required): 201 the account with `id` and `created_at`. */
function createExternalAccount({ tenant, params, body }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  const account = { id: randomUUID(), ...parseBankAccountBody(objectBody(body), 'the body'), created_at: new Date().toISOString() };
  tenant.add('external-accounts', account.id, customer.customer_id, account);
  return json(201, account);
}

/** `GET …/external-accounts`: the customer's accounts, oldest first. */
function listExternalAccounts({ tenant, params }: RequestContext): HandlerResult {
  const customer = findCustomer(tenant, params.customer_id!);
  return json(200, { items: tenant.list('external-accounts', customer.customer_id) });
}

const ACCOUNTS = '/v0/customers/:customer_id/external-accounts';

export const externalAccountRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: ACCOUNTS, handler: createExternalAccount, requiresIdempotencyKey: true },
  { method: 'GET', template: ACCOUNTS, handler: listExternalAccounts },
];
