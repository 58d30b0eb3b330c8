import type { Logger } from '../logger.js';
import { frontendLink, loggableUpstreamValue } from './upstream-text.js';

/**
 * The one place where upstream snake_case enum values become GraphQL UPPER_SNAKE values. A value the
 * server does not know becomes UNKNOWN (logged once per enum and value) instead of failing the
 * object it belongs to: the upstream's enums differ between its own docs and change without notice.
 */
export class UpstreamEnums {
  private readonly reported = new Set<string>();
  private static readonly MAX_REPORTED = 1_000;

  constructor(private readonly logger: Logger) {}

  map<E extends Record<string, string>>(
    enumName: string,
    values: E,
    upstreamValue: string,
    aliases: Readonly<Record<string, E[keyof E]>> = {},
  ): E[keyof E] | 'UNKNOWN' {
    const alias = aliases[upstreamValue];
    if (alias !== undefined) return alias;
    const name = toGraphQLEnumName(upstreamValue);
    if (name !== 'UNKNOWN' && Object.prototype.hasOwnProperty.call(values, name)) return values[name] as E[keyof E];
    this.reportUnknown(enumName, upstreamValue);
    return 'UNKNOWN';
  }

  /** A link for frontends, or null when it is not safe to follow (upstream-text.ts). */
  link(field: string, value: string | null): string | null {
    return frontendLink(field, value, this.logger);
  }

  private reportUnknown(enumName: string, upstreamValue: string): void {
    // Logged only in a safe form: the upstream could send anything here, a credential included.
    const logged = loggableUpstreamValue(upstreamValue);
    const key = `${enumName}\u0000${logged.upstreamValueSha256}`;
    if (this.reported.has(key) || this.reported.size >= UpstreamEnums.MAX_REPORTED) return;
    this.reported.add(key);
    this.logger.warn({ enum: enumName, ...logged }, 'unknown upstream enum value mapped to UNKNOWN');
  }
}

export function toGraphQLEnumName(upstreamValue: string): string {
  return upstreamValue.trim().replace(/[.\s-]+/g, '_').toUpperCase();
}

export function toUpstreamEnumValue(graphqlValue: string): string {
  return graphqlValue.toLowerCase();
}
