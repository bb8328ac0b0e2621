/**
 * A minimal, bounded SMTP client for one purpose: reach the point where TLS can start.
 * Connect → read the banner → EHLO → STARTTLS (when offered) → hand the raw socket over.
 *
 * It only ever sends EHLO, STARTTLS and QUIT (the `Command` type allows nothing else):
 * never MAIL FROM, RCPT TO or DATA, so no message can be sent, not even by accident.
 * When it stops before TLS it says QUIT politely and waits briefly for the 221.
 *
 * EHLO name: `weerbaar.invalid` by default. RFC 5321 §4.1.4 asks for the client's FQDN;
 * a scanner has no meaningful one, so it announces a syntactically valid name under the
 * reserved `.invalid` TLD (RFC 2606) that says who is calling and resolves nowhere.
 * Servers that insist on a resolvable EHLO name reject it only at RCPT, which we never send.
 */
import net from 'node:net';
import type { SmtpEvidence, SmtpFailure, SmtpReplyEvidence, SmtpStage, SmtpTranscriptLine } from '../../evidence/smtp.js';
import { ReplyReader, SmtpError, printable, type SmtpReply } from './replies.js';

export const DEFAULT_EHLO_NAME = 'weerbaar.invalid';
const MAX_TRANSCRIPT = 40;
const MAX_EXTENSIONS = 40;
/** How long a polite QUIT waits for its 221 before we simply close. */
const QUIT_WAIT_MS = 1_000;

type Command = 'EHLO' | 'STARTTLS' | 'QUIT';

export interface SmtpDialogueOptions {
  address: string;
  port: number;
  ehloName?: string;
  connectTimeoutMs: number;
  /** Deadline for each whole reply (banner, EHLO, STARTTLS). */
  replyTimeoutMs: number;
  signal: AbortSignal;
}

export interface SmtpDialogueResult {
  evidence: SmtpEvidence;
  /** The raw socket right after the server's 220 to STARTTLS, with no listeners of ours: speak TLS next. */
  socket?: net.Socket;
}

class DialogueStop extends Error {
  constructor(
    readonly stage: SmtpStage,
    readonly failure: SmtpFailure,
    message: string,
  ) {
    super(message);
  }
}

function connect(options: SmtpDialogueOptions): Promise<net.Socket> {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ host: options.address, port: options.port, noDelay: true });
    const finish = (error?: DialogueStop): void => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve(socket);
    };
    const onError = (error: Error): void => finish(new DialogueStop('connect', 'connect', `Could not connect to port ${options.port}: ${error.message}.`));
    const onAbort = (): void => finish(new DialogueStop('connect', 'aborted', 'The scan was stopped before the SMTP dialogue finished.'));
    const timer = setTimeout(() => finish(new DialogueStop('connect', 'timeout', `Port ${options.port} did not accept a connection within ${options.connectTimeoutMs} ms.`)), options.connectTimeoutMs);
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('connect', () => finish());
  });
}

function replyEvidence(reply: SmtpReply): SmtpReplyEvidence {
  return { code: reply.code, text: printable(reply.lines[0] ?? ''), lines: reply.lines.length };
}

/** A refusal reply: 421 and 5xx end the conversation; other 4xx are temporary (greylisting, overload). */
function refusal(stage: SmtpStage, reply: SmtpReply): DialogueStop {
  const failure: SmtpFailure = reply.code === 421 || reply.code >= 500 ? 'rejected' : 'greylisted';
  const what = stage === 'banner' ? 'greeting' : `reply to ${stage.toUpperCase()}`;
  return new DialogueStop(stage, failure, `The server answered its ${what} with ${reply.code} ${printable(reply.lines[0] ?? '', 120)}`.trimEnd() + '.');
}

/** Run the dialogue as far as STARTTLS. Never throws: failures are recorded in the evidence. */
export async function smtpStarttls(options: SmtpDialogueOptions): Promise<SmtpDialogueResult> {
  const started = performance.now();
  const ehloName = options.ehloName ?? DEFAULT_EHLO_NAME;
  const transcript: SmtpTranscriptLine[] = [];
  const note = (from: 'C' | 'S', line: string): void => {
    if (transcript.length < MAX_TRANSCRIPT) transcript.push({ from, line: printable(line) });
  };
  const evidence: SmtpEvidence = { address: options.address, port: options.port, ehloName, starttlsOffered: null, readyForTls: false, transcript, durationMs: 0 };
  let socket: net.Socket | undefined;
  let reader: ReplyReader | undefined;
  let stage: SmtpStage = 'connect';

  const send = (command: Command, argument?: string): void => {
    const line = argument ? `${command} ${argument}` : command;
    note('C', line);
    socket?.write(`${line}\r\n`);
  };
  const read = async (): Promise<SmtpReply> => {
    if (!reader) throw new DialogueStop(stage, 'protocol', 'No connection.');
    try {
      const reply = await reader.read(options.replyTimeoutMs);
      note('S', `${reply.code} ${reply.lines[0] ?? ''}`.trimEnd());
      return reply;
    } catch (error) {
      if (error instanceof SmtpError) throw new DialogueStop(stage, error.kind, error.message);
      throw error;
    }
  };

  try {
    socket = await connect(options);
    reader = new ReplyReader(socket, options.signal);

    stage = 'banner';
    const banner = await read();
    evidence.banner = replyEvidence(banner);
    if (banner.code !== 220) throw refusal(stage, banner);

    stage = 'ehlo';
    send('EHLO', ehloName);
    const ehlo = await read();
    const extensions = ehlo.lines.slice(1, MAX_EXTENSIONS + 1).map((line) => printable(line.trim().toUpperCase(), 100));
    evidence.ehlo = { ...replyEvidence(ehlo), extensions };
    if (ehlo.code !== 250) throw refusal(stage, ehlo);
    evidence.starttlsOffered = extensions.some((extension) => extension === 'STARTTLS');
    if (!evidence.starttlsOffered) {
      await quit(socket, reader, send, note);
      return { evidence };
    }

    stage = 'starttls';
    send('STARTTLS');
    const answer = await read();
    evidence.starttls = replyEvidence(answer);
    if (answer.code !== 220) throw refusal(stage, answer);
    evidence.readyForTls = true;
    // Bytes sent before our TLS hello would be plaintext injected into the TLS session (CVE-2011-0411 style): drop them.
    if (reader.leftover > 0) note('S', `(${reader.leftover} unexpected bytes after 220 discarded)`);
    reader.detach();
    const upgraded = socket;
    socket = undefined;
    return { evidence, socket: upgraded };
  } catch (error) {
    const stop = error instanceof DialogueStop ? error : new DialogueStop(stage, 'protocol', error instanceof Error ? error.message : String(error));
    evidence.stage = stop.stage;
    evidence.failure = stop.failure;
    evidence.error = stop.message;
    if (socket && reader && (stop.failure === 'greylisted' || stop.failure === 'rejected')) await quit(socket, reader, send, note);
    return { evidence };
  } finally {
    reader?.detach();
    socket?.destroy();
    evidence.durationMs = Math.round(performance.now() - started);
  }
}

/** Say QUIT and wait a moment for the 221; a server that has already gone is fine too. */
async function quit(socket: net.Socket, reader: ReplyReader, send: (command: Command) => void, note: (from: 'C' | 'S', line: string) => void): Promise<void> {
  if (socket.destroyed || !socket.writable) return;
  send('QUIT');
  try {
    const reply = await reader.read(QUIT_WAIT_MS);
    note('S', `${reply.code} ${reply.lines[0] ?? ''}`.trimEnd());
  } catch {
    // Closing anyway.
  }
}

/**
 * For the TLS prober's `connect` hook: a fresh dialogue up to STARTTLS for every connection
 * the probe opens. Rejects with a short reason when the server does not get that far.
 */
export async function openStarttlsSocket(options: SmtpDialogueOptions): Promise<net.Socket> {
  const { evidence, socket } = await smtpStarttls(options);
  if (socket) return socket;
  throw new Error(evidence.error ?? 'The server did not offer STARTTLS.');
}
