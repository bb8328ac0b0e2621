/**
 * Reading SMTP replies (RFC 5321 §4.2) from a socket, bounded: a line may be at most
 * MAX_LINE_BYTES (the RFC says 512 octets; we tolerate more but cap), a reply at most
 * MAX_REPLY_LINES lines (an endless "250-" stream ends here), and each reply must be
 * complete before its deadline (a banner that trickles in forever times out). Lines end
 * in CRLF; a bare LF is tolerated. Anything that is not "ddd", "ddd text" or "ddd-text"
 * is garbage: the peer does not speak SMTP.
 */
import type net from 'node:net';

export const MAX_LINE_BYTES = 4096;
export const MAX_REPLY_LINES = 100;

export interface SmtpReply {
  code: number;
  lines: string[];
}

export class SmtpError extends Error {
  override readonly name = 'SmtpError';
  constructor(
    readonly kind: 'timeout' | 'closed' | 'protocol' | 'too-long' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

const REPLY_LINE = /^([2-5]\d\d)(?:([ -])(.*))?$/;

/** Buffers the socket's bytes and hands out whole replies. Detach before handing the socket to TLS. */
export class ReplyReader {
  private buffered: Buffer = Buffer.alloc(0);
  private failure: SmtpError | undefined;
  private wake: (() => void) | undefined;
  private readonly onData = (chunk: Buffer): void => {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    this.wake?.();
  };
  private readonly onEnd = (): void => this.fail(new SmtpError('closed', 'The server closed the connection.'));
  private readonly onError = (error: NodeJS.ErrnoException): void =>
    this.fail(new SmtpError('closed', error.code === 'ECONNRESET' ? 'The server reset the connection.' : `The connection failed: ${error.message}.`));

  constructor(
    private readonly socket: net.Socket,
    private readonly signal: AbortSignal,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  private fail(error: SmtpError): void {
    this.failure ??= error;
    this.wake?.();
  }

  /** Bytes received after the last complete reply (a well-behaved server sends none before TLS). */
  get leftover(): number {
    return this.buffered.length;
  }

  /** Stop listening, so the socket can be handed to the TLS prober with nothing of ours attached. */
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
  }

  private takeLine(): string | undefined {
    const newline = this.buffered.indexOf(0x0a);
    if (newline === -1) {
      if (this.buffered.length > MAX_LINE_BYTES) throw new SmtpError('too-long', `The server sent a line longer than ${MAX_LINE_BYTES} bytes.`);
      return undefined;
    }
    if (newline > MAX_LINE_BYTES) throw new SmtpError('too-long', `The server sent a line longer than ${MAX_LINE_BYTES} bytes.`);
    const line = this.buffered.subarray(0, newline).toString('latin1').replace(/\r$/, '');
    this.buffered = this.buffered.subarray(newline + 1);
    return line;
  }

  /** The next complete reply, or an SmtpError when it does not arrive whole within `timeoutMs`. */
  async read(timeoutMs: number): Promise<SmtpReply> {
    const deadline = Date.now() + timeoutMs;
    const lines: string[] = [];
    let code: number | undefined;
    for (;;) {
      const line = this.takeLine();
      if (line !== undefined) {
        const match = REPLY_LINE.exec(line);
        if (!match) throw new SmtpError('protocol', `The server did not answer in SMTP: "${printable(line)}".`);
        const lineCode = Number(match[1]);
        if (code !== undefined && lineCode !== code) throw new SmtpError('protocol', 'The server mixed reply codes within one reply.');
        code = lineCode;
        lines.push(match[3] ?? '');
        if (match[2] !== '-') return { code, lines };
        if (lines.length >= MAX_REPLY_LINES) throw new SmtpError('too-long', `The server sent a reply of more than ${MAX_REPLY_LINES} lines.`);
        continue;
      }
      if (this.failure) throw this.failure;
      await this.waitForData(deadline);
    }
  }

  private waitForData(deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const remaining = deadline - Date.now();
      const done = (error?: SmtpError): void => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
        this.wake = undefined;
        if (error) reject(error);
        else resolve();
      };
      const onAbort = (): void => done(new SmtpError('aborted', 'The scan was stopped before the SMTP dialogue finished.'));
      const timer = setTimeout(() => done(new SmtpError('timeout', 'The server did not finish its reply in time.')), Math.max(0, remaining));
      if (this.signal.aborted) return onAbort();
      this.signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => done();
    });
  }
}

/** A reply line safe to store and show: control characters replaced, at most 200 characters. */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\x00-\x1f\x7f-\xff]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
