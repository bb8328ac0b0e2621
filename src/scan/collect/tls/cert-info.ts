/**
 * Certificate facts (CertInfo) from DER. Node's X509Certificate gives names, validity and
 * the key; it does not expose the signature algorithm, so that comes from the DER, read
 * with asn1js (the BER/DER reader under @peculiar/asn1-x509, without the whole X.509
 * schema, which costs the CLI 40 ms more to load for one field).
 */
import { X509Certificate } from 'node:crypto';
import { fromBER, ObjectIdentifier, Sequence, type AsnType } from 'asn1js';
import type { CertInfo } from '../../evidence/index.js';

const SIGNATURE_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.3': 'md4WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.3.14.3.2.29': 'sha1WithRSA',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.1': 'dsa_with_SHA224',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const HASH_OIDS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const RSASSA_PSS = '1.2.840.113549.1.1.10';

const EC_CURVE_BITS: Record<string, number> = {
  prime192v1: 192,
  secp224r1: 224,
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
};

/** The hash of an RSASSA-PSS signature: the [0] hashAlgorithm of RSASSA-PSS-params, SHA-1 when absent (RFC 4055). */
function pssHash(parameters: ArrayBuffer | null | undefined): string {
  if (!parameters) return 'sha1';
  const bytes = new Uint8Array(parameters);
  // SEQUENCE { [0] EXPLICIT AlgorithmIdentifier OPTIONAL, ... }
  const sequence = derHeader(bytes, 0);
  if (bytes[0] !== 0x30 || !sequence) return 'unknown';
  if (bytes[sequence.contentStart] !== 0xa0) return 'sha1';
  const tagged = derHeader(bytes, sequence.contentStart);
  if (!tagged) return 'unknown';
  const inner = bytes.slice(tagged.contentStart, tagged.contentStart + tagged.length);
  const algorithm = algorithmOid(fromBER(inner).result);
  return algorithm === undefined ? 'unknown' : (HASH_OIDS[algorithm] ?? algorithm);
}

/** The OID of an AlgorithmIdentifier (SEQUENCE { OID, parameters }), or undefined if it is not one. */
function algorithmOid(element: AsnType): string | undefined {
  if (!(element instanceof Sequence)) return undefined;
  const oid = element.valueBlock.value[0];
  return oid instanceof ObjectIdentifier ? oid.valueBlock.toString() : undefined;
}

/** The content start and length of the DER element at `offset` (short and long length forms). */
function derHeader(bytes: Uint8Array, offset: number): { contentStart: number; length: number } | undefined {
  const first = bytes[offset + 1];
  if (first === undefined) return undefined;
  if (!(first & 0x80)) return { contentStart: offset + 2, length: first };
  const count = first & 0x7f;
  let length = 0;
  for (let index = 0; index < count; index += 1) length = length * 256 + (bytes[offset + 2 + index] ?? 0);
  return { contentStart: offset + 2 + count, length };
}

/** The signature algorithm name, e.g. 'sha256WithRSAEncryption', 'ecdsa-with-SHA384', 'rsassaPss-sha256'. */
export function signatureAlgorithmName(der: Buffer): string {
  // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm AlgorithmIdentifier, signatureValue }.
  // Step over the certificate's header and the whole tbsCertificate, and read only the algorithm:
  // decoding every certificate of every handshake in full was a tenth of a web scan's CPU.
  const bytes = new Uint8Array(der.buffer, der.byteOffset, der.byteLength);
  const outer = bytes[0] === 0x30 ? derHeader(bytes, 0) : undefined;
  const tbs = outer && bytes[outer.contentStart] === 0x30 ? derHeader(bytes, outer.contentStart) : undefined;
  const at = tbs ? tbs.contentStart + tbs.length : -1;
  const header = at > 0 && bytes[at] === 0x30 ? derHeader(bytes, at) : undefined;
  if (!header || header.contentStart + header.length > bytes.length) return 'unparseable';
  const decoded = fromBER(bytes.subarray(at, header.contentStart + header.length));
  const signatureAlgorithm = decoded.offset === -1 ? undefined : decoded.result;
  const algorithm = signatureAlgorithm ? algorithmOid(signatureAlgorithm) : undefined;
  if (!signatureAlgorithm || algorithm === undefined) return 'unparseable';
  if (algorithm === RSASSA_PSS) {
    const parameters = (signatureAlgorithm as Sequence).valueBlock.value[1];
    return `rsassaPss-${pssHash(parameters ? parameters.toBER() : undefined)}`;
  }
  return SIGNATURE_OIDS[algorithm] ?? algorithm;
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

export function certInfo(der: Buffer): CertInfo {
  const cert = new X509Certificate(der);
  const details = cert.publicKey.asymmetricKeyDetails ?? {};
  const keyType = cert.publicKey.asymmetricKeyType ?? 'unknown';
  const curve = details.namedCurve;
  const keyBits = details.modulusLength ?? (curve ? EC_CURVE_BITS[curve] : undefined);
  const commonName = /^CN=(.*)$/m.exec(cert.subject)?.[1];
  const info: CertInfo = {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    subjectAltNames: cert.subjectAltName ? cert.subjectAltName.split(', ') : [],
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    keyType,
    signatureAlgorithm: signatureAlgorithmName(der),
    selfSigned: isSelfSigned(cert),
    isCA: cert.ca,
    fingerprintSha256: cert.fingerprint256,
  };
  if (commonName !== undefined) info.commonName = commonName;
  if (keyBits !== undefined) info.keyBits = keyBits;
  if (curve !== undefined) info.curve = curve;
  return info;
}
