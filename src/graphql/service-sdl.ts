import { execute, parse } from 'graphql';
import { buildGraphQLSchema } from './build-schema.js';

/**
 * The subgraph's SDL exactly as `{ _service { sdl } }` answers it, `@link` imports included: the text
 * `rover subgraph publish` and `hive schema:publish` take, kept in subgraph.graphql (unlike
 * schema.graphql, not trimmed or reformatted in any way).
 */
export async function serviceSdl(): Promise<string> {
  const schema = await buildGraphQLSchema();
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (result.errors?.length || typeof sdl !== 'string') {
    throw new Error(`could not read the subgraph SDL: ${result.errors?.map((e) => e.message).join('; ')}`);
  }
  return sdl;
}
