/**
 * SIGTERM / SIGINT: the first asks for a graceful stop (requests finish, scans finish or
 * are handed back, the database closes, exit 0); a second one exits at once, for an
 * operator who does not want to wait.
 */
export interface ShutdownLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const SIGNAL_NUMBER = { SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Resolves with the exit code once a signal has arrived and `stop` has finished:
 * 0 after a clean stop, 1 when stopping failed.
 */
export function untilShutdown(stop: () => Promise<void>, log: ShutdownLog, exit: (code: number) => void = (code) => process.exit(code)): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: (typeof SIGNALS)[number]): void => {
      if (stopping) {
        log.warn({ signal }, 'second signal: exiting now without waiting');
        exit(128 + SIGNAL_NUMBER[signal]);
        return;
      }
      stopping = true;
      log.info({ signal }, 'shutting down: finishing running requests and scans (send the signal again to exit at once)');
      stop().then(
        () => {
          for (const name of SIGNALS) process.off(name, onSignal);
          resolve(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    for (const name of SIGNALS) process.on(name, onSignal);
  });
}

/**
 * After a graceful stop the process should end by itself; if something still holds the
 * event loop (a scan that ignores its deadline, a socket), end it anyway. The timer is
 * unref'd, so it never delays a process that would exit on its own.
 */
export function exitSoonAfter(code: number, ms = 1_000): void {
  setTimeout(() => process.exit(code), ms).unref();
}
