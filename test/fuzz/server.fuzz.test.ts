import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, runMain, waitUntilReady, type MainProcess } from '../helpers/process.js';
import { describeCounts, fuzzServer } from './invariants.js';

/**
 * Property-based fuzzing of the running server (`node dist/main.js` on the embedded emulator, as
 * `npm start` runs it). The test suite runs a fixed seed and a bounded count; `npm run fuzz` sets
 * FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

describe('fuzzing the running server', () => {
  let server: MainProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = runMain({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'trace' });
    await waitUntilReady(url, Date.now() + 20_000);
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it(
    `answers ${RUNS} random and adversarial requests (seed ${SEED}) without crashing, 5xx, uncoded errors or echoed credentials`,
    async () => {
      const started = Date.now();
      const { counts, examples, credentialsSent } = await fuzzServer(url, { seed: SEED, numRuns: RUNS });
      process.stdout.write(`\nfuzz (seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n${describeCounts(counts)}\n`);
      if (examples.length > 0) process.stdout.write(`first failures:\n${JSON.stringify(examples, null, 2)}\n`);

      expect(examples).toEqual([]);
      expect(counts).toMatchObject({ cases: RUNS, crashes: 0, serverErrors: 0, errorsWithoutCode: 0, credentialEchoes: 0, stackTraces: 0, internalErrors: 0 });
      // The generator must reach the interesting paths, not only the parser's refusals.
      expect(counts.byCode.GRAPHQL_PARSE_FAILED).toBeGreaterThan(0);
      expect(counts.byCode.GRAPHQL_VALIDATION_FAILED).toBeGreaterThan(0);
      expect(counts.byCode.BAD_USER_INPUT).toBeGreaterThan(0);
      expect(counts.byStatus['413']).toBeGreaterThan(0);
      expect(Object.keys(counts.byStatus)).toContain('200');

      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const logs = server.output();
      const logged = [...credentialsSent].filter((secret) => logs.includes(secret));
      expect(logged).toEqual([]);
    },
    Math.max(60_000, RUNS * 100),
  );
});
