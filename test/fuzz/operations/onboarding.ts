import fc from 'fast-check';
import { hostileString, json, object, type Json } from '../arbitraries.js';
import type { FuzzOperation } from './index.js';

const decimalish = fc.oneof(hostileString, json, fc.constantFrom('0.5', '-1', '1e2', '100.0000000000000001', '0', `${'9'.repeat(41)}`));
const document: fc.Arbitrary<Json> = fc
  .tuple(fc.oneof(hostileString, json), fc.oneof(hostileString, fc.constantFrom('ID_DOCUMENT', 'SELFIE')))
  .map(([fileId, purpose]) => object([['fileId', fileId], ['purpose', purpose]]));

const profile: fc.Arbitrary<Json> = fc
  .tuple(
    fc.oneof(hostileString, json, fc.constantFrom('1990-01-15', '2999-01-01', '1990-02-30')),
    fc.oneof(hostileString, fc.constantFrom('US', 'XX', 'us')),
    fc.oneof(hostileString, fc.constantFrom('OTHER', 'PAYROLL', 'UNKNOWN')),
    fc.option(hostileString),
    fc.array(document, { maxLength: 22 }),
  )
  .map(([birthDate, nationality, accountPurpose, accountPurposeOther, documents]) =>
    object([
      ['birthDate', birthDate],
      ['nationality', nationality],
      ['accountPurpose', accountPurpose],
      ['accountPurposeOther', accountPurposeOther],
      ['documents', documents],
    ]),
  );

/** The onboarding operations (profile, simulate, wallet, fees), with variables of the right or the wrong type. */
export const onboardingOperations: ReadonlyArray<fc.Arbitrary<FuzzOperation>> = [
  fc.tuple(fc.oneof(hostileString, json), fc.oneof(profile, json)).map(([customerId, individual]) => ({
    query: 'mutation($c: ID!, $i: UpdateCustomerInput!) { updateCustomer(customerId: $c, input: $i) { id kyc { status } } }',
    variables: object([['c', customerId], ['i', object([['individual', individual]])]]),
  })),
  fc.tuple(fc.oneof(hostileString, json), fc.option(hostileString)).map(([customerId, action]) => ({
    query: 'mutation($c: ID!, $a: CustomerSimulationAction!) { simulateCustomer(customerId: $c, action: $a) { id } }',
    variables: object([['c', customerId], ['a', action]]),
  })),
  fc.tuple(fc.oneof(hostileString, json), fc.oneof(hostileString, json)).map(([customerId, walletAddress]) => ({
    query: 'mutation($c: ID!, $w: String!) { createWalletOwnershipVerification(customerId: $c, walletAddress: $w) { verificationFlowLink } }',
    variables: object([['c', customerId], ['w', walletAddress]]),
  })),
  fc.tuple(decimalish, decimalish).map(([onramp, offramp]) => ({
    query: 'mutation($i: UpdateDeveloperFeesInput!) { updateDeveloperFees(input: $i) { serviceType value } }',
    variables: object([['i', object([['onramp', onramp], ['offramp', offramp]])]]),
  })),
  fc.constant({ query: '{ developerFees { serviceType accrualBasis value } }', variables: null }),
];
