import { execute, parse } from 'graphql';
import { buildGraphQLSchema } from './build-schema.js';

/**
 * The schema as a gateway sees it: the subgraph's own `_service { sdl }` answer, with `@key`,
 * `@link` and `@oneOf` (printSubgraphSchema cannot print a schema that declares `@oneOf`).
 */
export async function printSubgraphSdl(): Promise<string> {
  const schema = await buildGraphQLSchema();
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
  if (result.errors?.length || typeof sdl !== 'string') {
    throw new Error(`could not print the subgraph schema: ${result.errors?.map((e) => e.message).join('; ')}`);
  }
  return `${sdl.trim()}\n`;
}
