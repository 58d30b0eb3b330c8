import type { ExplorerTabContent } from '../explorer-page.js';
import { crossChainTabs } from './cross-chain.js';
import { customerTabs } from './customers.js';
import { offrampTabs } from './offramp.js';
import { onboardingTabs } from './onboarding.js';
import { onrampTabs } from './onramp.js';
import { webhookTabs } from './webhooks.js';

/** The explorer's ready-made tabs: one function per group, in the order a newcomer would use them. */
export function explorerTabs(): ExplorerTabContent[] {
  return [...customerTabs(), ...onboardingTabs(), ...offrampTabs(), ...onrampTabs(), ...crossChainTabs(), ...webhookTabs()];
}
