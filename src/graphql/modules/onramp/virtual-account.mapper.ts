import type { AlignDepositInstructions, AlignVirtualAccount, VirtualAccountBody } from '../../../align/operations/virtual-accounts.js';
import { Currency, Network, PaymentRails, Token } from '../../shared/enums.js';
import { toUpstreamEnumValue, type UpstreamEnums } from '../../upstream-enums.js';
import type { DepositInstructions } from './deposit.types.js';
import { VirtualAccountStatus } from './onramp.enums.js';
import { optionalEnum } from './onramp.mapper.js';
import type { CreateVirtualAccountInput } from './virtual-account.input.js';
import type { VirtualAccount } from './virtual-account.type.js';

/** Virtual-account wire shapes <-> GraphQL types (docs/align-api.md §14). */

export function toVirtualAccountBody(input: CreateVirtualAccountInput): VirtualAccountBody {
  return {
    source_currency: toUpstreamEnumValue(input.sourceCurrency),
    ...(input.sourceRails != null && { source_rails: toUpstreamEnumValue(input.sourceRails) }),
    ...(input.destinationToken != null && { destination_token: toUpstreamEnumValue(input.destinationToken) }),
    destination_network: toUpstreamEnumValue(input.destinationNetwork),
    ...(input.destinationAddress != null && { destination_address: input.destinationAddress }),
  };
}

export function toVirtualAccount(raw: AlignVirtualAccount, customerId: string, enums: UpstreamEnums): VirtualAccount {
  return {
    id: raw.id,
    customerId,
    status: raw.status === null ? VirtualAccountStatus.UNKNOWN : (enums.map('VirtualAccountStatus', VirtualAccountStatus, raw.status) as VirtualAccountStatus),
    destinationToken: optionalEnum(enums, 'Token', Token, raw.destination_token),
    destinationNetwork: optionalEnum(enums, 'Network', Network, raw.destination_network),
    destinationAddress: raw.destination_address,
    depositInstructions: raw.deposit_instructions && toDepositInstructions(raw.deposit_instructions, enums),
  };
}

function toDepositInstructions(raw: AlignDepositInstructions, enums: UpstreamEnums): DepositInstructions {
  const { iban, us, international_wire: wire } = raw;
  return {
    currency: optionalEnum(enums, 'Currency', Currency, raw.currency),
    paymentRails: raw.payment_rails.map((rail) => enums.map('PaymentRails', PaymentRails, rail) as PaymentRails),
    bankName: raw.bank_name,
    bankAddress: raw.bank_address,
    beneficiaryName: raw.beneficiary_name,
    beneficiaryAddress: raw.beneficiary_address,
    iban: iban && { bic: iban.bic, ibanNumber: iban.iban_number },
    us: us && { accountNumber: us.account_number, routingNumber: us.routing_number },
    internationalWire: wire && { accountNumber: wire.account_number, routingNumber: wire.routing_number, bic: wire.bic },
  };
}
