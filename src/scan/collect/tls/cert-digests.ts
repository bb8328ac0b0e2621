/**
 * The certificate facts DANE matching needs (RFC 6698 §2.1): SHA-256 and SHA-512 of the
 * certificate and of its SubjectPublicKeyInfo, the DER of both for exact matches, and
 * whether the certificate is signed by the next one in the chain as sent (DANE-TA).
 * Only the mail scan asks for these (probeTls's `certificateDigests` option).
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { CertDigests } from '../../evidence/index.js';

const hex = (algorithm: 'sha256' | 'sha512', data: Buffer): string => createHash(algorithm).update(data).digest('hex');

/** The DER of a certificate's SubjectPublicKeyInfo, as TLSA selector 1 means it. */
export function spkiDer(cert: X509Certificate): Buffer {
  return cert.publicKey.export({ type: 'spki', format: 'der' });
}

export function certDigests(der: Buffer, next?: Buffer): CertDigests | undefined {
  try {
    const cert = new X509Certificate(der);
    const spki = spkiDer(cert);
    const digests: CertDigests = {
      certSha256: hex('sha256', der),
      certSha512: hex('sha512', der),
      spkiSha256: hex('sha256', spki),
      spkiSha512: hex('sha512', spki),
      certDer: der.toString('base64'),
      spkiDer: spki.toString('base64'),
    };
    if (next) digests.signedByNext = signedBy(cert, next);
    return digests;
  } catch {
    return undefined;
  }
}

function signedBy(cert: X509Certificate, issuerDer: Buffer): boolean {
  try {
    const issuer = new X509Certificate(issuerDer);
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
