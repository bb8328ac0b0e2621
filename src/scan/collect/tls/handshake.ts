/**
 * Full handshakes with Node's own TLS (OpenSSL 3): the main handshake (trust, hostname,
 * OCSP staple), TLS 1.3 suites, ECDHE groups one at a time, and client-initiated
 * renegotiation. Legacy protocol versions need `@SECLEVEL=0` in the cipher string.
 */
import tls, { type PeerCertificate } from 'node:tls';
import net from 'node:net';
import { errorMessage } from '../../../core/errors.js';
import { AttemptError, attempt, type AttemptLimits, type ProbeTarget } from './connection.js';

export interface NodeAttemptOptions {
  minVersion: tls.SecureVersion;
  maxVersion: tls.SecureVersion;
  ciphers: string;
  ecdhCurve?: string;
  /** Prebuilt context (the main handshake's, holding the trust store); overrides the options above. */
  secureContext?: tls.SecureContext;
  requestOCSP?: boolean;
  /** After the handshake, try one client-initiated renegotiation (TLS 1.2 and lower only). */
  renegotiate?: boolean;
  /**
   * Read the certificate path and check the host name. Only the main and chain handshakes need
   * them; turning the peer's chain into objects on every enumeration handshake cost more than
   * reading the answers.
   */
  peer?: boolean;
}

export interface NodeHandshake {
  protocol: string;
  cipher: { name: string; standardName: string };
  ephemeral: { type?: string; name?: string; size?: number };
  authorized: boolean;
  authorizationError?: string;
  hostnameError?: string;
  ocspStapled: boolean;
  /** The verification path Node built (leaf first, DER; a root from the trust store may be appended). Empty unless `peer` was asked. */
  path: Buffer[];
  /** true = the server completed a renegotiation we started; false = it refused; undefined = not asked. */
  renegotiated?: boolean;
}

/** Walk getPeerCertificate(true)'s issuer links; the root links to itself. */
function peerPath(socket: tls.TLSSocket): { path: Buffer[]; leaf?: PeerCertificate } {
  const leaf = socket.getPeerCertificate(true);
  const path: Buffer[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | undefined = leaf.raw ? leaf : undefined;
  while (current?.raw && !seen.has(current.fingerprint256) && path.length < 16) {
    seen.add(current.fingerprint256);
    path.push(current.raw);
    current = current.issuerCertificate;
  }
  return leaf.raw ? { path, leaf } : { path };
}

/** Failed handshakes are refusals ('closed'): the peer spoke but did not agree. */
function handshakeError(error: unknown): AttemptError {
  if (error instanceof AttemptError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const text = errorMessage(error).split('\n')[0] ?? '';
  if (code === 'ECONNRESET') return new AttemptError('closed', 'The server closed the connection during the TLS handshake.');
  if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNEXPECTED_RECORD|RECORD_LAYER_FAILURE|HTTP_REQUEST/.test(code)) {
    return new AttemptError('protocol', 'The server did not answer with TLS.');
  }
  const alert = /alert number (\d+)/.exec(text)?.[1];
  if (alert) return new AttemptError('closed', `The server refused the TLS handshake (alert ${alert}${ALERTS[alert] ? `: ${ALERTS[alert]}` : ''}).`);
  const reason = text.replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, '').replace(/:\.\.\/\S*$/, '');
  return new AttemptError('closed', `The TLS handshake failed: ${reason}.`);
}

/** TLS alert descriptions (RFC 8446 section 6) a refusing server commonly sends. */
const ALERTS: Record<string, string> = {
  '40': 'handshake failure',
  '47': 'illegal parameter',
  '50': 'decode error',
  '70': 'protocol version',
  '71': 'insufficient security',
  '80': 'internal error',
  '112': 'unrecognized name',
};

export function nodeHandshake(target: ProbeTarget, limits: AttemptLimits, options: NodeAttemptOptions): Promise<NodeHandshake> {
  return attempt<NodeHandshake>(target, limits, (socket, settle) => {
    let ocspStapled = false;
    const servername = net.isIP(target.host) === 0 ? target.host : undefined;
    // tls.connect passes requestOCSP on to the TLSSocket; @types/node leaves it out of ConnectionOptions.
    const connectOptions: tls.ConnectionOptions & { requestOCSP?: boolean } = {
      socket,
      ...(servername ? { servername } : {}),
      rejectUnauthorized: false,
      // Hostname is checked separately, so `authorized` speaks about the chain only.
      checkServerIdentity: () => undefined,
      ...(options.secureContext
        ? { secureContext: options.secureContext }
        : {
            minVersion: options.minVersion,
            maxVersion: options.maxVersion,
            ciphers: options.ciphers,
            ca: [],
            ...(options.ecdhCurve ? { ecdhCurve: options.ecdhCurve } : {}),
          }),
      requestOCSP: options.requestOCSP ?? false,
    };
    const secure = tls.connect(connectOptions);
    let completed: NodeHandshake | undefined;
    // Node emits OCSPResponse with null when the server stapled nothing.
    secure.on('OCSPResponse', (response: Buffer | null) => {
      ocspStapled = (response?.length ?? 0) > 0;
    });
    secure.on('error', (error) => {
      // A refused renegotiation surfaces as an error after a completed handshake.
      if (completed && options.renegotiate) settle.resolve({ ...completed, renegotiated: false });
      else settle.reject(handshakeError(error));
    });
    secure.on('close', () => {
      if (completed && options.renegotiate) settle.resolve({ ...completed, renegotiated: false });
    });
    secure.once('secureConnect', () => {
      const cipher = secure.getCipher();
      const { path, leaf } = options.peer ? peerPath(secure) : { path: [], leaf: undefined };
      const hostnameError = leaf ? tls.checkServerIdentity(target.host, leaf)?.message : undefined;
      const handshake: NodeHandshake = {
        protocol: secure.getProtocol() ?? 'unknown',
        cipher: { name: cipher.name, standardName: cipher.standardName },
        ephemeral: secure.getEphemeralKeyInfo() ?? {},
        authorized: secure.authorized,
        ocspStapled,
        path,
        ...(secure.authorizationError ? { authorizationError: String(secure.authorizationError) } : {}),
        ...(hostnameError ? { hostnameError } : {}),
      };
      completed = handshake;
      if (!options.renegotiate) return settle.resolve(handshake);
      const started = secure.renegotiate({ rejectUnauthorized: false }, (error) => {
        settle.resolve({ ...handshake, renegotiated: !error });
      });
      if (!started) settle.resolve({ ...handshake, renegotiated: false });
    });
    return () => secure.destroy();
  });
}
