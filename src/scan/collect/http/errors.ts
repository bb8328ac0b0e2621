/**
 * Turns whatever undici, net or tls threw into a FetchError with a plain sentence.
 * The phase (did TCP connect, did TLS finish) decides between 'connect', 'tls' and
 * 'protocol', because the same error code (e.g. ECONNRESET) means different things
 * before and after the handshake.
 */
import type { FetchError } from '../../evidence/index.js';
import { errorMessage } from '../../../core/errors.js';

export interface ErrorPhase {
  tcpConnected: boolean;
  /** TLS handshake finished (always false for http:). */
  secured: boolean;
  https: boolean;
  /** Our own whole-request timer fired. */
  timedOut: boolean;
  /** The scan's signal aborted (deadline or cancel). */
  scanAborted: boolean;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxHeaderBytes: number;
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN']);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function isTlsError(error: unknown, code: string | undefined): boolean {
  if (code && (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO')) return true;
  return /\b(ssl|tls)\b/i.test(errorMessage(error));
}

export function classifyError(error: unknown, phase: ErrorPhase): FetchError {
  const code = codeOf(error);
  const detail = errorMessage(error);
  if (phase.scanAborted) return { kind: 'timeout', message: 'stopped: the scan deadline was reached' };
  // No TCP connection in time means a closed or filtered port ('connect'); a server that
  // took the connection and then went quiet is a 'timeout': we could not judge it.
  const timedOutBeforeConnect = !phase.tcpConnected && (phase.timedOut || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT');
  if (timedOutBeforeConnect) {
    return { kind: 'connect', message: `no connection within ${phase.connectTimeoutMs} ms (port closed or filtered)` };
  }
  if (phase.timedOut) {
    return { kind: 'timeout', message: `no complete answer within ${phase.requestTimeoutMs} ms` };
  }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', message: `connected, but the ${phase.https ? 'TLS handshake' : 'connection'} did not complete within ${phase.connectTimeoutMs} ms` };
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'timeout', message: `the server stopped answering (${code})` };
    case 'UND_ERR_HEADERS_OVERFLOW':
      return { kind: 'headers-too-large', message: `the response headers are larger than ${Math.round(phase.maxHeaderBytes / 1024)} KB, more than browsers accept` };
    default:
      break;
  }
  if ((error as { name?: unknown } | null)?.name === 'HTTPParserError' || code?.startsWith('HPE_')) {
    return { kind: 'protocol', message: `the answer is not valid HTTP: ${detail}` };
  }
  if (!phase.tcpConnected) {
    if (code && CONNECT_CODES.has(code)) return { kind: 'connect', message: `could not connect: ${detail}` };
    return { kind: 'connect', message: `could not connect: ${detail}` };
  }
  if (phase.https && !phase.secured) {
    if (isTlsError(error, code)) return { kind: 'tls', message: `TLS handshake failed: ${detail}` };
    return { kind: 'tls', message: `the connection closed during the TLS handshake: ${detail}` };
  }
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'protocol', message: `the server closed the connection without a complete answer: ${detail}` };
  }
  return { kind: 'protocol', message: detail };
}

/**
 * Why a body stopped before its end, after the headers arrived: the page is then judged
 * as incomplete, never as if it were whole (issue 14).
 */
export function describeBrokenBody(error: unknown, phase: ErrorPhase, received: number, announcedLength?: string): string {
  const code = codeOf(error);
  if (phase.scanAborted) return `the scan deadline was reached after ${received} bytes of the body`;
  if (phase.timedOut) return `the body did not finish arriving within ${phase.requestTimeoutMs} ms (${received} bytes received)`;
  if (code === 'UND_ERR_BODY_TIMEOUT') return `the server stopped sending the body after ${received} bytes`;
  if ((error as { name?: unknown } | null)?.name === 'HTTPParserError' || code?.startsWith('HPE_')) {
    return `the body is malformed after ${received} bytes (broken chunked encoding): ${errorMessage(error)}`;
  }
  const expected = announcedLength !== undefined && /^\d+$/.test(announcedLength.trim()) ? ` of the ${announcedLength.trim()} announced` : '';
  return `the connection closed after ${received}${expected} bytes of the body, before the page was complete`;
}
