import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * Paths that may hold a credential or personal data. Log calls pass only what they mean to log, so
 * this list is the second line of defence, not the first.
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
  '*.apiKey',
  '*.token',
  '*.jwt',
  '*.authorization',
  'headers.authorization',
  'headers["api-key"]',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers["api-key"]',
  'req.headers.cookie',
  // personal data and what carries it
  'variables',
  'input',
  'email',
  'firstName',
  'lastName',
  'companyName',
  '*.variables',
  '*.input',
  '*.email',
  '*.firstName',
  '*.lastName',
  '*.companyName',
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
