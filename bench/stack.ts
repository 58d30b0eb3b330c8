import { fileURLToPath } from 'node:url';
import { BenchEmulator } from './emulator-admin.js';
import { freePort, startService, type Service } from './processes.js';

/** Repository root, seen from the compiled `dist-bench/bench/`. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOG_DIR = `${ROOT}dist-bench/logs`;

/** Every process runs as in production: info logs, NODE_ENV=production. */
const COMMON_ENV = { NODE_ENV: 'production', LOG_LEVEL: 'info' };

export interface EmulatorService extends Service {
  readonly admin: BenchEmulator;
}

export async function startEmulatorProcess(): Promise<EmulatorService> {
  const port = await freePort();
  const service = await startService({
    name: 'emulator',
    script: `${ROOT}dist/emulator/main.js`,
    env: { ...COMMON_ENV, EMULATOR_PORT: String(port) },
    readyPath: '/__emulator/stats',
    port,
    logDir: LOG_DIR,
  });
  return { ...service, admin: new BenchEmulator(service.url) };
}

/** The GraphQL server exactly as `npm start` runs it in production (`node dist/main.js`). */
export async function startServerProcess(
  emulatorUrl: string,
  options: { name?: string; nodeArgs?: readonly string[]; script?: string } = {},
): Promise<Service> {
  const port = await freePort();
  return startService({
    name: options.name ?? 'server',
    script: options.script ?? `${ROOT}dist/main.js`,
    nodeArgs: options.nodeArgs,
    env: { ...COMMON_ENV, PORT: String(port), HOST: '127.0.0.1', ALIGN_API_URL: emulatorUrl },
    readyPath: '/readyz',
    port,
    logDir: LOG_DIR,
  });
}

/** The minimal proxy on the server's got transport (proxy.ts), or with `client: 'undici'` on undici (undici-proxy.ts). */
export async function startProxyProcess(
  emulatorUrl: string,
  options: { name?: string; nodeArgs?: readonly string[]; client?: 'got' | 'undici' } = {},
): Promise<Service> {
  const port = await freePort();
  const undici = options.client === 'undici';
  return startService({
    name: options.name ?? (undici ? 'undici-proxy' : 'proxy'),
    script: `${ROOT}dist-bench/bench/${undici ? 'undici-proxy' : 'proxy'}.js`,
    nodeArgs: options.nodeArgs,
    env: { ...COMMON_ENV, PORT: String(port), HOST: '127.0.0.1', ALIGN_API_URL: emulatorUrl },
    readyPath: '/readyz',
    port,
    logDir: LOG_DIR,
  });
}
