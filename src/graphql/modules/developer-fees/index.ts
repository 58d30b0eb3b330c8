import type { GraphQLModule } from '../module.js';
import { DeveloperFeeResolver } from './developer-fee.resolver.js';

export const developerFeesModule: GraphQLModule = { resolvers: [DeveloperFeeResolver] };
