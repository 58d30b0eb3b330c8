/** Settings of the standalone emulator (`npm run emulator`), from the environment. */
export interface EmulatorEnv {
  readonly port: number;
  readonly host: string;
}

export const DEFAULT_EMULATOR_PORT = 4010;
export const DEFAULT_EMULATOR_HOST = '127.0.0.1';

const DIGITS = /^[0-9]+$/;

/**
 * `EMULATOR_PORT` (default 4010; an integer 0-65535, 0 = any free port) and `EMULATOR_HOST`
 * (default 127.0.0.1). An empty variable counts as unset. Throws an Error with a clear message.
 */
export function readEmulatorEnv(env: Readonly<Record<string, string | undefined>>): EmulatorEnv {
  const rawPort = env.EMULATOR_PORT?.trim() ?? '';
  let port = DEFAULT_EMULATOR_PORT;
  if (rawPort !== '') {
    port = DIGITS.test(rawPort) ? Number(rawPort) : Number.NaN;
    if (!Number.isInteger(port) || port > 65_535) {
      throw new Error(`EMULATOR_PORT must be an integer from 0 to 65535, got "${rawPort}".`);
    }
  }
  const host = env.EMULATOR_HOST?.trim() || DEFAULT_EMULATOR_HOST;
  return { port, host };
}
