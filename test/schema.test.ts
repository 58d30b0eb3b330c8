import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { printSubgraphSdl } from '../src/graphql/print-schema.js';

describe('schema.graphql', () => {
  it('is the schema the server serves (run `npm run schema:print > schema.graphql` after a change)', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printSubgraphSdl());
  });

  it('shows @oneOf and the federation key', async () => {
    const sdl = await printSubgraphSdl();
    expect(sdl).toMatch(/input CreateCustomerInput\s+@oneOf/);
    expect(sdl).toMatch(/type Customer\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/createCustomer\(\s*input: CreateCustomerInput!\s*(?:"""[\s\S]*?"""\s*)?idempotencyKey: String\s*\): Customer!/);
  });
});
