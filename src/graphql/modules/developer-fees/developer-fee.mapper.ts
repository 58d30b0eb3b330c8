import type { AlignDeveloperFee, FeeService } from '../../../align/operations/developer-fees.js';
import type { UpstreamEnums } from '../../upstream-enums.js';
import type { UpdateDeveloperFeesInput } from './developer-fee.input.js';
import { DeveloperFee, DeveloperFeeServiceType, FeeAccrualBasis } from './developer-fee.type.js';

/** Out: an array keyed by service type. In: an object keyed by service (docs/align-api.md §9). */
export function toFeesBody(input: UpdateDeveloperFeesInput): Partial<Record<FeeService, string>> {
  const body: Partial<Record<FeeService, string>> = {};
  if (input.onramp != null) body.onramp = input.onramp;
  if (input.offramp != null) body.offramp = input.offramp;
  if (input.crossChainTransfer != null) body.cross_chain_transfer = input.crossChainTransfer;
  return body;
}

export function toDeveloperFee(raw: AlignDeveloperFee, enums: UpstreamEnums): DeveloperFee {
  return {
    serviceType: enums.map('DeveloperFeeServiceType', DeveloperFeeServiceType, raw.service_type) as DeveloperFeeServiceType,
    accrualBasis: enums.map('FeeAccrualBasis', FeeAccrualBasis, raw.accrual_basis) as FeeAccrualBasis,
    value: raw.value,
  };
}
