/**
 * One bounded connection attempt: open the socket (plain TCP, or the caller's `connect`
 * for STARTTLS), run an exchange on it, and always clean up. Every attempt has its own
 * timer covering connect plus exchange and honours the abort signal; the socket is
 * destroyed on every path, so hostile peers cannot leak sockets or hang the probe.
 */
import net from 'node:net';
import { errorMessage } from '../../../core/errors.js';

export interface ProbeTarget {
  /** SNI and the name to verify. */
  host: string;
  address: string;
  port: number;
  /** Returns a socket already past STARTTLS; when absent, plain TCP to address:port. */
  connect?: () => Promise<net.Socket>;
}

export interface AttemptLimits {
  timeoutMs: number;
  signal: AbortSignal;
}

/** Why an attempt ended without an answer. 'closed' means the peer hung up or reset after we spoke. */
export type FailureKind = 'connect' | 'timeout' | 'closed' | 'protocol' | 'aborted';

export class AttemptError extends Error {
  override readonly name = 'AttemptError';
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface Settle<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/**
 * Open a socket to `target` and hand it to `exchange`, which settles the attempt. The
 * function `exchange` returns, if any, runs at the end (e.g. to destroy a TLS wrapper).
 */
export function attempt<T>(
  target: ProbeTarget,
  limits: AttemptLimits,
  exchange: (socket: net.Socket, settle: Settle<T>) => (() => void) | void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let socket: net.Socket | undefined;
    let cleanup: (() => void) | void;
    let settled = false;
    const finish = (error: Error | undefined, value?: T): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal.removeEventListener('abort', onAbort);
      try {
        cleanup?.();
      } finally {
        socket?.destroy();
        if (error) reject(error);
        else resolve(value as T);
      }
    };
    const onAbort = (): void => finish(new AttemptError('aborted', 'The scan was stopped before the TLS probe finished.'));
    const timer = setTimeout(
      () => finish(new AttemptError('timeout', `The server did not answer within ${limits.timeoutMs} ms.`)),
      limits.timeoutMs,
    );
    if (limits.signal.aborted) return onAbort();
    limits.signal.addEventListener('abort', onAbort, { once: true });

    const start = (opened: net.Socket): void => {
      if (settled) {
        opened.destroy();
        return;
      }
      socket = opened;
      // Deferred a turn so that an exchange's own, more precise outcome (a TLS alert) wins.
      opened.on('error', (error) => setImmediate(() => finish(socketError(error))));
      opened.on('close', () => setImmediate(() => finish(new AttemptError('closed', 'The server closed the connection.'))));
      try {
        cleanup = exchange(opened, { resolve: (value) => finish(undefined, value), reject: (error) => finish(error) });
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };

    if (target.connect) {
      target.connect().then(start, (error: unknown) => finish(new AttemptError('connect', `Could not connect: ${errorMessage(error)}.`)));
      return;
    }
    const tcp = net.connect({ host: target.address, port: target.port });
    socket = tcp;
    const onConnectError = (error: Error): void => finish(new AttemptError('connect', `Could not connect: ${errorMessage(error)}.`));
    tcp.once('error', onConnectError);
    tcp.once('connect', () => {
      tcp.off('error', onConnectError);
      start(tcp);
    });
  });
}

/** Map a socket error after connecting onto a failure kind. */
export function socketError(error: unknown): AttemptError {
  if (error instanceof AttemptError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNRESET' || code === 'EPIPE') return new AttemptError('closed', 'The server reset the connection.');
  return new AttemptError('closed', `The connection failed: ${errorMessage(error)}.`);
}

/** Run at most `max` tasks at a time. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter.
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
