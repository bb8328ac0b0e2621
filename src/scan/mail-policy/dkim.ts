/**
 * DKIM key records (RFC 6376 3.6.1; Ed25519 from RFC 8463). The RSA key size comes
 * from the SubjectPublicKeyInfo itself, parsed by Node's crypto.
 */
import { createPublicKey } from 'node:crypto';
import { clip, parseTagList } from './tag-list.js';

export interface DkimKeyParse {
  keyType?: string;
  bits?: number;
  revoked: boolean;
  testing: boolean;
  /** What makes the key unusable; empty when it is usable (or revoked). */
  errors: string[];
  notes: string[];
}

/** Is this TXT record meant as a key record? A wildcard SPF record at *.domain is not (it has no p=). */
export function looksLikeDkimKey(text: string): boolean {
  return /^\s*v\s*=\s*DKIM1\b/i.test(text) || /(^|;)\s*p\s*=/.test(text);
}

function rsaBits(der: Buffer, notes: string[]): number | string {
  try {
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'rsa') return `p= holds a ${key.asymmetricKeyType ?? 'non-RSA'} key, but k= says rsa`;
    return key.asymmetricKeyDetails?.modulusLength ?? 'the RSA key size could not be read';
  } catch {
    // Some old records carry a bare PKCS#1 RSAPublicKey; many verifiers accept it, the RFC asks for SPKI.
    try {
      const key = createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
      notes.push('the key is a bare PKCS#1 RSA key, not the SubjectPublicKeyInfo form RFC 6376 asks for; some verifiers reject it');
      return key.asymmetricKeyDetails?.modulusLength ?? 'the RSA key size could not be read';
    } catch {
      return 'p= is not a valid RSA public key';
    }
  }
}

export function parseDkimKey(text: string): DkimKeyParse {
  const result: DkimKeyParse = { revoked: false, testing: false, errors: [], notes: [] };
  const list = parseTagList(text.trim());
  if (!list.ok) {
    result.errors.push(`the record is not a valid tag list: ${list.reason}`);
    return result;
  }
  const { tags, order } = list;
  const version = tags.get('v');
  if (version !== undefined && (version !== 'DKIM1' || order[0] !== 'v')) {
    result.errors.push(version !== 'DKIM1' ? `v=${clip(version)} is not DKIM1` : 'v=DKIM1 must be the first tag');
  }
  const flags = (tags.get('t') ?? '').split(':').map((flag) => flag.trim().toLowerCase());
  result.testing = flags.includes('y');
  const services = tags.get('s');
  if (services !== undefined) {
    const list = services.split(':').map((service) => service.trim().toLowerCase());
    if (!list.includes('*') && !list.includes('email')) result.errors.push(`s=${clip(services)} does not allow the key for e-mail`);
  }
  const hashes = tags.get('h');
  if (hashes !== undefined) {
    const list = hashes.split(':').map((hash) => hash.trim().toLowerCase());
    if (!list.includes('sha256')) result.errors.push(`h=${clip(hashes)} allows only SHA-1, which verifiers no longer accept (RFC 8301)`);
  }
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  result.keyType = keyType;
  const p = tags.get('p');
  if (p === undefined) {
    result.errors.push('the required tag p (the public key) is missing');
    return result;
  }
  const base64 = p.replace(/\s+/g, '');
  if (base64 === '') {
    result.revoked = true;
    return result;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    result.errors.push('p= is not valid base64');
    return result;
  }
  const der = Buffer.from(base64, 'base64');
  if (keyType === 'rsa') {
    const bits = rsaBits(der, result.notes);
    if (typeof bits === 'string') result.errors.push(bits);
    else result.bits = bits;
  } else if (keyType === 'ed25519') {
    // RFC 8463 3: the bare 32-byte public key, not an SPKI structure.
    if (der.length === 32) result.bits = 256;
    else result.errors.push(`p= holds ${der.length} bytes, but an Ed25519 key is 32 bytes`);
  } else {
    result.errors.push(`k=${clip(keyType)} is not a key type verifiers know (rsa or ed25519)`);
  }
  return result;
}
