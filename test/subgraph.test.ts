import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { composeServices as composeWithApollo } from '@apollo/composition';
import { describe, expect, it } from '@jest/globals';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { serviceSdl } from '../src/graphql/service-sdl.js';
import { useSharedStack } from './helpers/stack.js';

/**
 * subgraph.graphql is what registries take (`rover subgraph publish/check`, `hive schema:publish/check`):
 * the live `_service { sdl }` answer, byte for byte, composed by both federation composers.
 */
const stack = useSharedStack();
const STALE = 'subgraph.graphql is out of date: run `npm run schema:subgraph` and commit the file';

async function committed(): Promise<string> {
  return readFile(new URL('../subgraph.graphql', import.meta.url), 'utf8');
}

/** A second subgraph that references the Customer entity, as another team's service in the supergraph would. */
const ORDERS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Order @key(fields: "id") { id: ID! customer: Customer! }
type Customer @key(fields: "id", resolvable: false) { id: ID! }
type Query { order(id: ID!): Order }
`;

describe('subgraph.graphql', () => {
  it('is, byte for byte, what the running server answers to { _service { sdl } }', async () => {
    const answer = await stack.graphql<{ _service: { sdl: string } }, undefined>('{ _service { sdl } }');
    const live = answer.body.data?._service.sdl;
    expect(typeof live).toBe('string');
    const file = await committed();
    if (file !== live) throw new Error(STALE);
    expect(file).toBe(await serviceSdl());
    expect(file).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
  });

  const services = async () => [
    { name: 'align', typeDefs: parse(await committed()), url: 'http://align-graphql:4000/graphql' },
    { name: 'orders', typeDefs: parse(ORDERS), url: 'http://orders:4000/graphql' },
  ];

  it('composes with @apollo/composition (what Apollo Router and rover use)', async () => {
    for (const subgraphs of [(await services()).slice(0, 1), await services()]) {
      const result = composeWithApollo(subgraphs);
      expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
      expect(result.supergraphSdl).toContain('type Customer');
    }
  });

  it('composes with @theguild/federation-composition (what Hive uses)', async () => {
    for (const subgraphs of [(await services()).slice(0, 1), await services()]) {
      const result = composeWithGuild(subgraphs);
      expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
      expect(result.supergraphSdl).toContain('type Customer');
    }
  });
});
