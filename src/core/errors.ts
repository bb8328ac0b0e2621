/**
 * Errors that map to exit codes. `instanceof` is answered by a brand rather than by the
 * class: the installed CLI is a bundle that loads the platform commands from the compiled
 * tree (src/cli/main.ts), so one process can hold two copies of this module, and an error
 * thrown by one copy must still be recognised by the other.
 */
const USAGE_BRAND = Symbol.for('weerbaar.UsageError');
const SCAN_BRAND = Symbol.for('weerbaar.ScanError');

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** The user asked for something invalid (bad flag, invalid domain, refused target): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly [USAGE_BRAND] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, USAGE_BRAND);
  }
}

/** The scan could not run at all (no resolver reachable, unreadable CA file): exit code 1. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
  readonly [SCAN_BRAND] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, SCAN_BRAND);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
