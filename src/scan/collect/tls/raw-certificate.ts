/**
 * Certificate facts from the chain a server sent in its first flight, for servers Node's
 * TLS cannot finish a handshake with (only RC4, 3DES or SSLv3 on offer): the chain is
 * verified here with X509Certificate, reporting the same error codes Node's TLS uses so
 * the certificate checks read it the same way. OCSP stapling cannot be seen this way.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { TlsEvidence } from '../../evidence/index.js';
import { chainUnknownCriticalExtensions, UNHANDLED_CRITICAL_EXTENSION } from './critical-extensions.js';

type CertificateEvidence = NonNullable<TlsEvidence['certificate']>;

const parsedStores = new WeakMap<readonly string[], X509Certificate[]>();

/** The trust store, parsed once per array (the engine passes the same array to every probe). */
function trustStore(ca: readonly string[]): X509Certificate[] {
  let store = parsedStores.get(ca);
  if (!store) {
    store = ca.flatMap((pem) => {
      try {
        return [new X509Certificate(pem)];
      } catch {
        return [];
      }
    });
    parsedStores.set(ca, store);
  }
  return store;
}

function signedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Node-style verification error code, or undefined when the chain is trusted. */
export function verifyChain(chain: X509Certificate[], ca: readonly string[], now: Date): string | undefined {
  const leaf = chain[0];
  if (!leaf) return 'NO_CERTIFICATE';
  for (const cert of chain) {
    if (new Date(cert.validTo) < now) return 'CERT_HAS_EXPIRED';
    if (new Date(cert.validFrom) > now) return 'CERT_NOT_YET_VALID';
  }
  for (let index = 0; index + 1 < chain.length; index += 1) {
    const child = chain[index];
    const parent = chain[index + 1];
    if (child && parent && !signedBy(child, parent)) return 'CERT_SIGNATURE_FAILURE';
  }
  if (chainUnknownCriticalExtensions(chain.map((cert) => cert.raw)).length > 0) return UNHANDLED_CRITICAL_EXTENSION;
  const store = trustStore(ca);
  const top = chain[chain.length - 1] ?? leaf;
  const isAnchor = store.some((root) => root.fingerprint256 === top.fingerprint256);
  if (isAnchor || store.some((root) => signedBy(top, root))) return undefined;
  if (signedBy(top, top)) return chain.length === 1 ? 'DEPTH_ZERO_SELF_SIGNED_CERT' : 'SELF_SIGNED_CERT_IN_CHAIN';
  return 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
}

export function certificateFromFlight(
  chainDer: Buffer[],
  host: string,
  ca: readonly string[],
  now: Date = new Date(),
): Omit<CertificateEvidence, 'chain'> | undefined {
  let chain: X509Certificate[];
  try {
    chain = chainDer.map((der) => new X509Certificate(der));
  } catch {
    return undefined;
  }
  const leaf = chain[0];
  if (!leaf) return undefined;
  const trustError = verifyChain(chain, ca, now);
  const matches = isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  return {
    trusted: trustError === undefined,
    hostnameMatches: matches,
    // Not observable without finishing the handshake; the checks do not judge it.
    ocspStapled: false,
    ...(trustError ? { trustError } : {}),
    ...(matches ? {} : { hostnameError: `Host: ${host} is not in the certificate's names` }),
  };
}
