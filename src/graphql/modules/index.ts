import { customersModule } from './customers/index.js';
import type { GraphQLModule } from './module.js';
import { webhooksModule } from './webhooks/index.js';

/** Every group of the schema. A new group adds one line here and touches no other shared file. */
export const graphqlModules: readonly GraphQLModule[] = [customersModule, webhooksModule];
