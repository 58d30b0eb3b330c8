import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { EMULATOR_DEMO_KEY, startEmulator, type RunningEmulator } from './emulator/index.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let emulator: RunningEmulator | undefined;
  let alignApiUrl = config.alignApiUrl;
  if (alignApiUrl === undefined) {
    emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    alignApiUrl = new URL(emulator.url);
    logger.info(
      { emulatorUrl: emulator.url },
      'ALIGN_API_URL is not set: using the embedded Align emulator (requests without a key use its demo key)',
    );
  }

  let server;
  try {
    server = await startServer({
      config,
      alignApiUrl,
      demoKey: emulator ? EMULATOR_DEMO_KEY : undefined,
      logger,
    });
  } catch (error) {
    // e.g. Redis (REDIS_URL) unreachable: say so in one line, without the URL (it may hold a password).
    logger.fatal({ error: error instanceof Error ? error.message : String(error) }, 'cannot start');
    logger.flush();
    await emulator?.close();
    process.exit(1);
  }
  logger.info({ url: `${server.url}/graphql` }, 'GraphQL server ready');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server
      .close()
      .then(() => emulator?.close())
      .then(() => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ error: String(error) }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
