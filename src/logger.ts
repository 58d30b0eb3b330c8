import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Paths that may hold a credential or personal data. Log calls pass only what they mean to log, so
 * this list is the second line of defence, not the first.
 */
const REDACTED_PATHS = [
  'apiKey',
  'key',
  'authorization',
  'headers.authorization',
  'headers["api-key"]',
  'req.headers.authorization',
  'req.headers["api-key"]',
  'headers.cookie',
  'headers["x-gateway-secret"]',
  'req.headers["x-gateway-secret"]',
  'token',
  'secret',
  'variables',
  'email',
  'input',
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
