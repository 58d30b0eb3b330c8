import { CheckedArg } from './checked-arg.js';
import type { ArgDecorator } from './validate-arg.js';

export const URL_MAX_LENGTH = 2_048;

/** An optional absolute http(s) URL, such as where a hosted flow sends the user back to. */
export function HttpUrlArg(name: string, description?: string): ArgDecorator {
  const message = `${name} must be an absolute http(s) URL of at most ${URL_MAX_LENGTH} characters`;
  return CheckedArg(name, () => String, (value) => (isHttpUrl(value) ? undefined : message), {
    nullable: true,
    description,
  });
}

export function isHttpUrl(value: unknown, maxLength = URL_MAX_LENGTH): boolean {
  if (typeof value !== 'string' || value.length > maxLength) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
