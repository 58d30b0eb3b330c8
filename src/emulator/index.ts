export { EMULATOR_DEMO_KEY } from './auth.js';
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulator.js';
export { FAULT_KINDS, type Fault, type FaultKind, type FaultSpec } from './faults.js';
export { registerWebhook } from './webhooks.js';
