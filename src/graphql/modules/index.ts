import { crossChainModule } from './cross-chain/index.js';
import { customersModule } from './customers/index.js';
import { developerFeesModule } from './developer-fees/index.js';
import { filesModule } from './files/index.js';
import type { GraphQLModule } from './module.js';
import { offrampModule } from './offramp/index.js';
import { onrampModule } from './onramp/index.js';
import { webhooksModule } from './webhooks/index.js';

/** Every group of the schema. A new group adds one line here and touches no other shared file. */
export const graphqlModules: readonly GraphQLModule[] = [customersModule, filesModule, developerFeesModule, offrampModule, onrampModule, crossChainModule, webhooksModule];
