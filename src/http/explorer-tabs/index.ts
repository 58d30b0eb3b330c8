import type { ExplorerTabContent } from '../explorer-page.js';
import { customerTabs } from './customers.js';
import { webhookTabs } from './webhooks.js';

/** The explorer's ready-made tabs: one function per group, in the order a newcomer would use them. */
export function explorerTabs(): ExplorerTabContent[] {
  return [...customerTabs(), ...webhookTabs()];
}
