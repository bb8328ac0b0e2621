/** The user asked for something invalid (bad flag, invalid domain, refused target): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The scan could not run at all (no resolver reachable, unreadable CA file): exit code 1. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
