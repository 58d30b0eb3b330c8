import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { RunningEmulator } from './emulator/index.js';
import { createStdoutLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const { logger, flush: flushLogs } = createStdoutLogger(config.logLevel);
let emulator: RunningEmulator | undefined;
let server: RunningServer | undefined;

// Installed before anything listens, so a signal that arrives during start-up is handled too.
let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  Promise.resolve(server?.close())
    .then(() => emulator?.close())
    .then(() => {
      logger.info('stopped');
      flushLogs();
      process.exit(0);
    })
    .catch((error: unknown) => {
      logger.error({ error: String(error) }, 'shutdown failed');
      flushLogs();
      process.exit(1);
    });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

let alignApiUrl = config.alignApiUrl;
// Loaded only when used (never in production, where ALIGN_API_URL is required): a server in front of
// the real API does not carry the emulator's code.
let emulatorModule: typeof import('./emulator/index.js') | undefined;
if (alignApiUrl === undefined) {
  emulatorModule = await import('./emulator/index.js');
  emulator = await emulatorModule.startEmulator({ host: '127.0.0.1', port: 0 });
  alignApiUrl = new URL(emulator.url);
  logger.info(
    { emulatorUrl: emulator.url },
    'ALIGN_API_URL is not set: using the embedded Align emulator (requests without a key use its demo key)',
  );
}

const demoKey = emulatorModule?.EMULATOR_DEMO_KEY;
try {
  server = await startServer({ config, alignApiUrl, demoKey, logger });
} catch (error) {
  // e.g. Redis (REDIS_URL) unreachable: say so in one line, without the URL (it may hold a password).
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, 'cannot start');
  await emulator?.close();
  flushLogs();
  process.exit(1);
}
if (emulatorModule && emulator && demoKey && !stopping) {
  // The demo account's events come back to this server, so subscriptions work out of the box.
  await emulatorModule.registerWebhook(emulator.url, demoKey, `${server.url}/webhooks/align`);
}
if (stopping) await server.close();
else {
  logger.info({ url: `${server.url}/graphql` }, 'GraphQL server ready');
  flushLogs();
}
