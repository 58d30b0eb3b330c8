import fc from 'fast-check';
import { DANGEROUS_KEYS, hostileString, json, object, type Json } from '../arbitraries.js';
import type { FuzzOperation } from './index.js';

/** createCustomer input that is almost right: right shape, wrong or hostile values, extra keys. */
const customerInput: fc.Arbitrary<Json> = fc
  .tuple(
    fc.constantFrom('individual', 'corporate', '__proto__', 'constructor'),
    fc.record({ email: fc.oneof(hostileString, json), firstName: fc.oneof(hostileString, json), lastName: hostileString, companyName: hostileString }),
    fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), json), { maxLength: 2 }),
  )
  .map(([member, fields, extra]) =>
    object([[member, object([...Object.entries(fields), ...extra])], ...extra]),
  );

const CUSTOMER_FIELDS = 'id email type firstName lastName companyName address { country city } kyc { status subStatus flowLink statusBreakdown { currency paymentRails status } }';

/** The customer operations, with variables of the right or the wrong type. */
export const customerOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  fc.tuple(customerInput, fc.option(hostileString)).map(([input, idempotencyKey]) => ({
    query: `mutation($input: CreateCustomerInput!, $idempotencyKey: String) { createCustomer(input: $input, idempotencyKey: $idempotencyKey) { ${CUSTOMER_FIELDS} } }`,
    variables: object([['input', input], ['idempotencyKey', idempotencyKey]]),
  })),
  fc.oneof(hostileString, json).map((id) => ({
    query: `query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`,
    variables: object([['id', id]]),
  })),
  fc.oneof(hostileString, json).map((email) => ({
    query: `query($email: String) { customers(email: $email) { id email } }`,
    variables: object([['email', email]]),
  })),
  fc.tuple(fc.oneof(hostileString, json), fc.option(hostileString)).map(([customerId, redirectUri]) => ({
    query: `mutation($customerId: ID!, $redirectUri: String) { createKycSession(customerId: $customerId, redirectUri: $redirectUri) { status flowLink } }`,
    variables: object([['customerId', customerId], ['redirectUri', redirectUri]]),
  })),
  fc.array(json, { maxLength: 150 }).map((representations) => ({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }',
    variables: object([['r', representations]]),
  })),
];
