/**
 * One DNS exchange over UDP or TCP with a single server: send the query, wait for the
 * matching answer, give up at the deadline. No retries here; the client decides those.
 * Every path ends in a resolved value or a DnsError, and every socket is closed.
 */
import dgram from 'node:dgram';
import net from 'node:net';

export type DnsErrorKind = 'timeout' | 'network' | 'malformed';

export class DnsError extends Error {
  override readonly name = 'DnsError';
  constructor(
    readonly kind: DnsErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface DnsServer {
  address: string;
  port: number;
}

/**
 * What to do with one received message: accept it (the answer), ignore it (a stray
 * or spoofed packet: keep waiting) or fail (a message that claims to be our answer
 * but cannot be read).
 */
export type MessageVerdict<T> = { accept: T } | { ignore: true } | { fail: DnsError };

export interface ExchangeOptions<T> {
  server: DnsServer;
  request: Buffer;
  judge: (message: Buffer) => MessageVerdict<T>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** DNS over TCP carries a 2-byte length, so one message is at most 65535 bytes. */
const MAX_TCP_MESSAGE = 65_535;

export function formatServer(server: DnsServer): string {
  return net.isIPv6(server.address) ? `[${server.address}]:${server.port}` : `${server.address}:${server.port}`;
}

export function abortError(signal: AbortSignal): DnsError {
  const reason: unknown = signal.reason;
  const detail = reason instanceof Error ? reason.message : 'the scan was stopped';
  return new DnsError('timeout', `DNS query stopped: ${detail}`);
}

/**
 * Shared plumbing for both transports: a settle-once promise with a deadline, an abort
 * hook and a cleanup step that always runs.
 */
function withDeadline<T>(
  options: ExchangeOptions<T>,
  transport: string,
  start: (settle: (outcome: { value: T } | { error: DnsError }) => void) => () => void,
): Promise<T> {
  const { signal, timeoutMs, server } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let done = false;
    let cleanup: () => void = () => undefined;
    const onAbort = (): void => settle({ error: abortError(signal as AbortSignal) });
    const timer = setTimeout(() => {
      settle({ error: new DnsError('timeout', `no ${transport} answer from ${formatServer(server)} within ${timeoutMs} ms`) });
    }, timeoutMs);
    function settle(outcome: { value: T } | { error: DnsError }): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      cleanup();
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      cleanup = start(settle);
    } catch (error) {
      // Sockets throw synchronously on a bad port or address.
      settle({ error: networkError(server, transport, error) });
    }
    if (done) cleanup();
  });
}

function networkError(server: DnsServer, transport: string, error: unknown): DnsError {
  const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new DnsError('network', `${transport} to ${formatServer(server)} failed (${code})`);
}

/** Send over UDP on a connected socket (the kernel drops packets from other sources). */
export function exchangeUdp<T>(options: ExchangeOptions<T>): Promise<T> {
  const { server, request, judge } = options;
  return withDeadline(options, 'UDP', (settle) => {
    const socket = dgram.createSocket(net.isIPv6(server.address) ? 'udp6' : 'udp4');
    socket.on('error', (error) => settle({ error: networkError(server, 'UDP', error) }));
    socket.on('message', (message) => {
      const verdict = judge(message);
      if ('accept' in verdict) settle({ value: verdict.accept });
      else if ('fail' in verdict) settle({ error: verdict.fail });
    });
    socket.connect(server.port, server.address, () => {
      socket.send(request, (error) => {
        if (error) settle({ error: networkError(server, 'UDP', error) });
      });
    });
    return () => {
      socket.removeAllListeners('message');
      // close() throws when the socket is already closed; there is nothing left to do then.
      try {
        socket.close();
      } catch {
        /* already closed */
      }
    };
  });
}

/** Send over TCP with 2-byte length framing; the first complete message decides. */
export function exchangeTcp<T>(options: ExchangeOptions<T>): Promise<T> {
  const { server, request, judge } = options;
  return withDeadline(options, 'TCP', (settle) => {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(request.length);
    const socket = net.connect({ host: server.address, port: server.port });
    let received = Buffer.alloc(0);
    // write(), not end(): some servers drop a query whose connection is already half-closed.
    socket.on('connect', () => socket.write(Buffer.concat([length, request])));
    socket.on('error', (error) => settle({ error: networkError(server, 'TCP', error) }));
    socket.on('data', (chunk: Buffer) => {
      // Never buffer more than one framed message, whatever the peer sends.
      received = Buffer.concat([received, chunk]).subarray(0, 2 + MAX_TCP_MESSAGE);
      if (received.length < 2) return;
      const size = received.readUInt16BE(0);
      if (received.length < 2 + size) return;
      const verdict = judge(received.subarray(2, 2 + size));
      if ('accept' in verdict) settle({ value: verdict.accept });
      else if ('fail' in verdict) settle({ error: verdict.fail });
      else settle({ error: new DnsError('malformed', `TCP answer from ${formatServer(server)} does not match the query`) });
    });
    socket.on('end', () => {
      settle({ error: new DnsError('malformed', `TCP connection to ${formatServer(server)} closed before a full answer`) });
    });
    return () => socket.destroy();
  });
}
