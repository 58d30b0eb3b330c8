import { describe, expect, it } from '@jest/globals';
import { CreateCustomerDocument } from './generated/graphql.js';
import { freePort, runMain as run, waitUntilReady } from './helpers/processes.js';
import { postGraphQL, uniqueEmail } from './helpers/stack.js';

describe('main (npm start)', () => {
  it('starts on the embedded emulator with no configuration, serves createCustomer, and stops on SIGTERM', async () => {
    const port = await freePort();
    const started = Date.now();
    const server = run({ PORT: String(port), HOST: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitUntilReady(url, started + 30_000);
      const email = uniqueEmail('start');
      const { body } = await postGraphQL<{ createCustomer: { email: string; type: string } }>(
        url,
        CreateCustomerDocument,
        { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.createCustomer).toMatchObject({ email, type: 'INDIVIDUAL' });
      expect(Date.now() - started).toBeLessThan(30_000);
      const emulatorLines = server.output().split('\n').filter((line) => line.includes('embedded Align emulator'));
      expect(emulatorLines).toHaveLength(1);
      // The log is buffered, but a quiet server still writes a request's line within a moment.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(server.output()).toContain('"operationName":"CreateCustomer"');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    // Lines written while stopping are flushed before the process exits.
    expect(server.output()).toContain('"msg":"stopped"');
  });

  it('refuses to start in production without ALIGN_API_URL', async () => {
    const server = run({ NODE_ENV: 'production', PORT: String(await freePort()) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('ALIGN_API_URL is required when NODE_ENV=production');
  });

  it('refuses to start in server-key mode when callers have no way to authenticate', async () => {
    const server = run({ ALIGN_API_KEY: 'server-held-key-for-main-test', PORT: String(await freePort()) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('ALIGN_API_KEY is set, so callers must authenticate');
    expect(server.output()).not.toContain('server-held-key-for-main-test');
  });
});
