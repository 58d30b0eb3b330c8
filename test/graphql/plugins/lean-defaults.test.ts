import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type TestStack } from '../../helpers/stack.js';

/**
 * Apollo's own cache-control and inline-trace plugins are replaced by cheaper equivalents
 * (src/graphql/plugins/lean-defaults.ts): what a client or a gateway sees must not change.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { response, body: (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> } };
}

describe('cache-control', () => {
  it('is no-store on a successful answer', async () => {
    const { response, body } = await post('{ customers { id } }');
    expect(body.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is no-store on an error answer', async () => {
    const { response, body } = await post('{ customer(id: "not-a-uuid") { id } }');
    expect(body.errors).toHaveLength(1);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('federated tracing (ftv1)', () => {
  it('adds no trace when the gateway does not ask for one', async () => {
    const { body } = await post('{ customers { id } }');
    expect(body.extensions?.ftv1).toBeUndefined();
  });

  it('adds an encoded trace when the gateway sends apollo-federation-include-trace: ftv1', async () => {
    const { body } = await post('{ customers { id } }', { 'apollo-federation-include-trace': 'ftv1' });
    expect(body.errors).toBeUndefined();
    expect(typeof body.extensions?.ftv1).toBe('string');
    expect(Buffer.from(body.extensions!.ftv1 as string, 'base64').length).toBeGreaterThan(10);
  });

  it('still traces resolver errors, masked, when asked', async () => {
    const { body } = await post('{ customer(id: "not-a-uuid") { id } }', { 'apollo-federation-include-trace': 'ftv1' });
    expect(body.errors).toHaveLength(1);
    const trace = Buffer.from(body.extensions!.ftv1 as string, 'base64').toString('latin1');
    expect(trace).toContain('<masked>');
    expect(trace).not.toContain('must be a UUID');
  });
});
