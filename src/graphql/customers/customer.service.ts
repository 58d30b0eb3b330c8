import type { AlignCustomer, CustomersClient } from '../../align/customers.js';
import type { Idempotency } from '../../idempotency/idempotency.js';
import type { CreateCustomerInput } from './customer.input.js';
import { toCreateCustomerBody, withSupplied } from './customer.mapper.js';

/**
 * The createCustomer flow, safe to retry: with an idempotency key the create runs at most once per
 * (credential, key) for 24 hours and repeats get its result; with or without one, an unknown
 * outcome is reconciled upstream instead of guessed (CustomersClient.createOrReconcile).
 */
export class CustomerService {
  constructor(
    private readonly customers: CustomersClient,
    private readonly idempotency: Idempotency,
  ) {}

  async create(input: CreateCustomerInput, idempotencyKey: string | undefined): Promise<AlignCustomer> {
    const body = toCreateCustomerBody(input);
    const createOnce = async () => withSupplied(await this.customers.createOrReconcile(body, idempotencyKey), body);
    if (idempotencyKey === undefined) return createOnce();
    const { session } = this.customers;
    return this.idempotency.run({
      apiKey: session.apiKey,
      operation: 'createCustomer',
      key: idempotencyKey,
      input: body,
      waitUntil: session.deadlineAt,
      signal: session.deadline,
      execute: createOnce,
    });
  }
}
