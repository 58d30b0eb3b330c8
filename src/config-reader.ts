/** Reads environment variables, collecting every problem instead of stopping at the first. */

export type Env = Readonly<Record<string, string | undefined>>;

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

export class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  }

  oneOf<T>(name: string, choices: Record<string, T>, fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const choice = choices[raw.toLowerCase()];
    if (choice === undefined) {
      this.problems.push(`${name} must be one of ${Object.keys(choices).join(', ')} (got "${raw}")`);
      return fallback;
    }
    return choice;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = BOOLEANS[raw.toLowerCase()];
    if (value === undefined) {
      this.problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  /** A secret: checked for length without ever echoing it. */
  secret(name: string, minLength: number): string | undefined {
    const value = this.string(name);
    if (value !== undefined && value.length < minLength) {
      this.problems.push(`${name} must be at least ${minLength} characters long`);
      return undefined;
    }
    return value;
  }

  redisUrl(name: string): URL | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'redis:' || url.protocol === 'rediss:') return url;
    } catch {
      // reported below; the value is not echoed because it may hold a password
    }
    this.problems.push(`${name} must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0`);
    return undefined;
  }

  /** An OTLP endpoint: http(s); not echoed when wrong (a collector URL may carry a token). */
  otlpUrl(name: string): URL | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be an http(s) URL such as http://localhost:4318`);
    return undefined;
  }

  url(name: string): URL | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      if (url.username || url.password) {
        this.problems.push(`${name} must not contain credentials; use ALIGN_API_KEY`);
        return undefined;
      }
      return url;
    } catch {
      this.problems.push(`${name} must be an http(s) URL such as https://api-sandbox.alignlabs.dev`);
      return undefined;
    }
  }
}
