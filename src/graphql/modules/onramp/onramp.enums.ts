import { registerEnumType } from 'type-graphql';

export enum VirtualAccountStatus {
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
  UNKNOWN = 'UNKNOWN',
}

export enum VirtualAccountSimulationAction {
  ISSUE_PENDING_VIRTUAL_ACCOUNT = 'ISSUE_PENDING_VIRTUAL_ACCOUNT',
}

registerEnumType(VirtualAccountStatus, {
  name: 'VirtualAccountStatus',
  description: 'ACTIVE: deposit instructions can be shown. PENDING: still being issued (AED and USD over SWIFT).',
});
registerEnumType(VirtualAccountSimulationAction, {
  name: 'VirtualAccountSimulationAction',
  description: 'Sandbox only: what to simulate on a virtual account.',
});
