/**
 * Trusting the scan's extra roots (--ca-file) in Chromium without a blanket
 * --ignore-certificate-errors. Chromium has no per-launch "add this root" flag on Linux, and
 * `--ignore-certificate-errors-spki-list` only matches certificates in the chain the server
 * sends (a root is normally not sent). So the scanner first does its own TLS handshake with
 * each known HTTPS host, verifies the chain and the name against the scan's trust store
 * (Node), and when the chain ends in an extra root, lists that host's leaf key: Chromium then
 * accepts exactly the certificates the scan itself verified.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { rootCertificates, type DetailedPeerCertificate } from 'node:tls';
import type { CollectContext } from '../context.js';
import { verifyHostCertificate } from '../tls/verify-host.js';

const MAX_HOSTS = 20;

function spkiHash(certificate: X509Certificate): string {
  return createHash('sha256').update(certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
}

/** SPKI SHA-256 (base64) of every root in context.ca beyond Node's bundled store: the --ca-file roots. */
export function extraRootSpkiHashes(ca: string[]): string[] {
  const bundled = new Set(rootCertificates.map((pem) => pem.trim()));
  const hashes = new Set<string>();
  for (const block of ca.flatMap((pem) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])) {
    if (bundled.has(block.trim())) continue;
    try {
      hashes.add(spkiHash(new X509Certificate(block)));
    } catch {
      // Not a certificate we can read: Chromium cannot be told to trust it either.
    }
  }
  return [...hashes];
}

/** The leaf's SPKI hash when host:443 presents a chain that verifies (name included) and ends in an extra root. */
async function verifiedLeafUnderExtraRoot(host: string, address: string, context: CollectContext, extraRoots: Set<string>): Promise<string | undefined> {
  const { trusted, peer } = await verifyHostCertificate(host, address, context);
  if (!trusted || !peer?.raw) return undefined;
  const leaf = spkiHash(new X509Certificate(peer.raw));
  // Walk to the top of the chain Node verified; the issuer of the last one sent may be the root.
  let current: DetailedPeerCertificate | undefined = peer;
  for (let depth = 0; current && depth < 10; depth++) {
    if (extraRoots.has(spkiHash(new X509Certificate(current.raw)))) return leaf;
    if (!current.issuerCertificate || current.issuerCertificate === current) break;
    current = current.issuerCertificate;
  }
  return undefined;
}

/**
 * The SPKI hashes to give Chromium: leaves of the known hosts whose chains the scan verified
 * up to an extra root. Empty when the scan has no extra roots (the usual case).
 */
export async function spkiAllowList(hosts: Map<string, string>, context: CollectContext): Promise<string[]> {
  const extraRoots = new Set(extraRootSpkiHashes(context.ca));
  if (extraRoots.size === 0) return [];
  const entries = [...hosts.entries()].slice(0, MAX_HOSTS);
  const leaves = await Promise.all(entries.map(([host, address]) => verifiedLeafUnderExtraRoot(host, address, context, extraRoots)));
  return [...new Set(leaves.filter((leaf): leaf is string => leaf !== undefined))];
}
