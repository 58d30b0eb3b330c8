import { defineOperation } from '../operation.js';
import { arrayOf, asObject, badShape, requiredString } from '../shape.js';

/** Developer fees (docs/align-api.md §9): per API key; values are JSON numbers on the wire. */

export interface AlignDeveloperFee {
  readonly service_type: string;
  readonly accrual_basis: string;
  /** A JSON number (or, should the upstream change, a decimal string); the GraphQL layer prints it exactly. */
  readonly value: number | string;
}

/** The services a fee can be set for, as the upstream names them in the PUT body. */
export type FeeService = 'onramp' | 'offramp' | 'cross_chain_transfer';

function parseFees(answer: unknown): AlignDeveloperFee[] {
  return arrayOf(asObject(answer, 'developer fees').developer_receivable_fees, 'developer_receivable_fees', (entry, what) => {
    const fee = asObject(entry, what);
    const value = fee.value;
    if (typeof value !== 'number' && typeof value !== 'string') badShape(`${what}.value is not a number`);
    return { service_type: requiredString(fee, 'service_type', what), accrual_basis: requiredString(fee, 'accrual_basis', what), value };
  });
}

export const getDeveloperFees = defineOperation({
  method: 'GET',
  route: '/v0/developer/fees',
  retry: 'read',
  parse: parseFees,
});

/**
 * The fees go up as JSON numbers: the GraphQL layer allows at most 15 significant digits, which a
 * double holds exactly, so `"0.5"` comes back as `"0.5"`.
 */
export const updateDeveloperFees = defineOperation({
  method: 'PUT',
  route: '/v0/developer/fees',
  retry: 'R',
  body: (fees: Readonly<Partial<Record<FeeService, string>>>) => ({
    developer_receivable_fees: Object.fromEntries(Object.entries(fees).filter(([, value]) => value !== undefined).map(([service, value]) => [service, Number(value)])),
  }),
  parse: parseFees,
  refreshes: { read: getDeveloperFees, ids: () => [] },
});

export const developerFeeOperations = { getDeveloperFees, updateDeveloperFees } as const;
