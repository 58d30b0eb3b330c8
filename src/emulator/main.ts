/**
 * The emulator on its own (`npm run emulator`): listens on EMULATOR_HOST:EMULATOR_PORT, prints one
 * line with its URL, and exits 0 after closing on SIGTERM or SIGINT.
 */
import { startEmulator } from './emulator.js';
import { readEmulatorEnv, type EmulatorEnv } from './env.js';

function fail(message: string): never {
  console.error(`align emulator: ${message}`);
  process.exit(1);
}

let settings: EmulatorEnv;
try {
  settings = readEmulatorEnv(process.env);
} catch (error) {
  fail((error as Error).message);
}

const emulator = await startEmulator(settings).catch((error: unknown) =>
  fail(`cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`),
);
let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => fail(`error while closing: ${(error as Error).message}`),
  );
}
// Handlers go in before the URL is printed: whoever waits for that line may signal at once.
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
console.log(`Align emulator listening on ${emulator.url}`);
