import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Paths that may hold a credential or personal data. Log calls pass only what they mean to log, so
 * this list is the second line of defence, not the first. No `*.field` wildcards: they made every
 * line about four times slower to write (measured: ~5 µs vs ~20 µs per line).
 */
const REDACTED_PATHS = [
  // credentials
  'apiKey',
  'key',
  'token',
  'jwt',
  'password',
  'authorization',
  'cookie',
  'headers.authorization',
  'headers["api-key"]',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers["api-key"]',
  'req.headers.cookie',
  'headers["x-gateway-secret"]',
  'req.headers["x-gateway-secret"]',
  'secret',
  // personal data and what carries it
  'variables',
  'input',
  'email',
  'firstName',
  'lastName',
  'companyName',
  // the KYC profile (updateCustomer), in either spelling
  'profile',
  'body',
  'birthDate',
  'birth_date',
  'residentialAddress',
  'residential_address',
  'identifyingInformation',
  'identifying_information',
  'documents',
  'walletAddress',
  'wallet_address',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'align-graphql' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The longest a line waits in the buffer of the process's log. */
const LOG_FLUSH_INTERVAL_MS = 250;

/**
 * The process's own log: JSON lines on stdout, buffered (4 KiB, or 250 ms at most) so that a busy
 * server makes one write per few dozen lines instead of one per line. `flush()` writes what is
 * buffered at once; call it after start-up lines and before the process exits.
 */
export function createStdoutLogger(level: LogLevel): { logger: Logger; flush(): void } {
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4_096, periodicFlush: LOG_FLUSH_INTERVAL_MS });
  return {
    logger: createLogger(level, stdout),
    flush: () => {
      try {
        stdout.flushSync();
      } catch {
        // nothing buffered, or stdout is gone: nothing more can be written anyway
      }
    },
  };
}
