/**
 * Critical certificate extensions that OpenSSL does not know. RFC 5280 section 4.2: a verifier
 * must reject a certificate with a critical extension it does not recognise. OpenSSL then
 * says X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION, which Node passes on as 'UNSPECIFIED' (and our
 * raw-flight verifier would call an unknown issuer), so the cause is found here and named.
 */
import { Boolean as AsnBoolean, Constructed, fromBER, ObjectIdentifier, Sequence } from 'asn1js';

export const UNHANDLED_CRITICAL_EXTENSION = 'UNHANDLED_CRITICAL_EXTENSION';

/** The extensions OpenSSL 3 handles when critical (X509_supported_extension in crypto/x509/v3_purp.c). */
const HANDLED = new Set([
  '2.16.840.1.113730.1.1', // Netscape cert type
  '2.5.29.15', // key usage
  '2.5.29.17', // subject alternative name
  '2.5.29.19', // basic constraints
  '2.5.29.32', // certificate policies
  '2.5.29.31', // CRL distribution points
  '2.5.29.37', // extended key usage
  '2.5.29.36', // policy constraints
  '1.3.6.1.5.5.7.1.14', // proxy certificate info
  '2.5.29.30', // name constraints
  '2.5.29.33', // policy mappings
  '2.5.29.54', // inhibit any policy
  '1.3.6.1.5.5.7.1.7', // IP address blocks (RFC 3779)
  '1.3.6.1.5.5.7.1.8', // AS identifiers (RFC 3779)
]);

/** OIDs of the critical extensions in this certificate that OpenSSL does not handle; [] when unparseable. */
export function unknownCriticalExtensions(der: Buffer): string[] {
  const decoded = fromBER(new Uint8Array(der.buffer, der.byteOffset, der.byteLength));
  if (decoded.offset === -1 || !(decoded.result instanceof Sequence)) return [];
  const tbs = decoded.result.valueBlock.value[0];
  if (!(tbs instanceof Sequence)) return [];
  // extensions [3] EXPLICIT SEQUENCE OF Extension, the last field of the tbsCertificate.
  const tagged = tbs.valueBlock.value.find((element) => element.idBlock.tagClass === 3 && element.idBlock.tagNumber === 3);
  const list = tagged instanceof Constructed ? tagged.valueBlock.value[0] : undefined;
  if (!(list instanceof Sequence)) return [];
  const unknown: string[] = [];
  for (const extension of list.valueBlock.value) {
    if (!(extension instanceof Sequence)) continue;
    const [oid, critical] = extension.valueBlock.value;
    if (!(oid instanceof ObjectIdentifier) || !(critical instanceof AsnBoolean) || !critical.getValue()) continue;
    const name = oid.valueBlock.toString();
    if (!HANDLED.has(name)) unknown.push(name);
  }
  return unknown;
}

/** The unknown critical extensions anywhere in a chain (leaf first), each once. */
export function chainUnknownCriticalExtensions(chain: Buffer[]): string[] {
  return [...new Set(chain.flatMap((der) => unknownCriticalExtensions(der)))];
}
