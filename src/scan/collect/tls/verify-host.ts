/**
 * One TLS handshake with host:443 at a checked address, verified against the scan's trust
 * store and the host name. For collectors that fetch over HTTP(S) without judging trust
 * (the fetcher records TLS but leaves trust to the web checks) and still need a verdict:
 * the MTA-STS policy host (RFC 8461 3.3) and the browser's extra-root allow list.
 */
import { connect, type DetailedPeerCertificate } from 'node:tls';
import { trustingContext } from './trust-store.js';
import { errorMessage } from '../../../core/errors.js';
import type { CollectContext } from '../context.js';

export interface HostCertificateCheck {
  trusted: boolean;
  error?: string;
  /** The chain Node verified, leaf first (issuerCertificate links), when the handshake completed. Not JSON: keep it out of evidence. */
  peer?: DetailedPeerCertificate;
}

export function verifyHostCertificate(host: string, address: string, context: CollectContext): Promise<HostCertificateCheck> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HostCertificateCheck): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const socket = connect({ host: address, port: 443, servername: host, secureContext: trustingContext(context.ca), rejectUnauthorized: false });
    const timer = setTimeout(() => finish({ trusted: false, error: `no TLS handshake within ${context.limits.connectTimeoutMs} ms` }), context.limits.connectTimeoutMs);
    const onAbort = (): void => finish({ trusted: false, error: 'stopped: the scan deadline was reached' });
    context.signal.addEventListener('abort', onAbort, { once: true });
    if (context.signal.aborted) onAbort();
    socket.once('secureConnect', () => {
      // Node checks the chain and, with servername set, the host name (checkServerIdentity), even without rejecting.
      const peer = socket.getPeerCertificate(true);
      const code = String(socket.authorizationError);
      const error = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? `it is not issued for ${host}` : code;
      finish(socket.authorized ? { trusted: true, peer } : { trusted: false, error, peer });
    });
    socket.once('error', (error) => finish({ trusted: false, error: `TLS handshake failed: ${errorMessage(error)}` }));
  });
}
