import type { GraphQLModule } from '../module.js';
import { FileResolver } from './file.resolver.js';

export const filesModule: GraphQLModule = { resolvers: [FileResolver] };
