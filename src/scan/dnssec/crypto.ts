/**
 * DNSSEC cryptography on Node's crypto: key tags (RFC 4034 appendix B), DS digests,
 * DNSKEY public keys per algorithm, RRSIG verification, and NSEC3 hashes (RFC 5155).
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { DnskeyData, DsData, RrsigData } from 'dns-packet';
import { nameToWire, normalName, signedData, type DnsRecord } from './wire.js';

/** Signature algorithms we verify (RFC 8624): RSA/SHA-1 (5, 7), RSA/SHA-256 and SHA-512, ECDSA P-256/P-384, Ed25519, Ed448. */
export const SUPPORTED_ALGORITHMS: ReadonlySet<number> = new Set([5, 7, 8, 10, 13, 14, 15, 16]);
/** DS digest types we compute: SHA-1, SHA-256, SHA-384. */
export const SUPPORTED_DIGESTS: ReadonlySet<number> = new Set([1, 2, 4]);

export const DNSKEY_FLAG_ZONE = 0x0100;
export const DNSKEY_FLAG_REVOKE = 0x0080;
export const DNSKEY_FLAG_SEP = 0x0001;

export function dnskeyRdata(key: DnskeyData): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(key.flags, 0);
  head.writeUInt8(3, 2);
  head.writeUInt8(key.algorithm, 3);
  return Buffer.concat([head, key.key]);
}

/** RFC 4034 appendix B (algorithm 1 aside, which nobody may use). */
export function keyTag(key: DnskeyData): number {
  const rdata = dnskeyRdata(key);
  let sum = 0;
  for (let index = 0; index < rdata.length; index++) {
    sum += index & 1 ? (rdata[index] ?? 0) : (rdata[index] ?? 0) << 8;
  }
  sum += (sum >>> 16) & 0xffff;
  return sum & 0xffff;
}

const DIGEST_HASH: Record<number, string> = { 1: 'sha1', 2: 'sha256', 4: 'sha384' };

/** The DS digest of a DNSKEY at `owner` (RFC 4034 5.1.4), or undefined for an unknown digest type. */
export function dsDigest(owner: string, key: DnskeyData, digestType: number): Buffer | undefined {
  const hash = DIGEST_HASH[digestType];
  if (!hash) return undefined;
  return createHash(hash).update(nameToWire(normalName(owner))).update(dnskeyRdata(key)).digest();
}

export function dsMatchesKey(owner: string, ds: DsData, key: DnskeyData): boolean {
  if (ds.algorithm !== key.algorithm || ds.keyTag !== keyTag(key)) return false;
  const digest = dsDigest(owner, key, ds.digestType);
  return digest !== undefined && digest.equals(ds.digest);
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** RFC 3110: exponent length (1 octet, or 0 then 2 octets), exponent, modulus. */
function rsaParts(key: Buffer): { exponent: Buffer; modulus: Buffer } | undefined {
  if (key.length < 3) return undefined;
  let offset = 1;
  let exponentLength = key[0] ?? 0;
  if (exponentLength === 0) {
    exponentLength = key.readUInt16BE(1);
    offset = 3;
  }
  const exponent = key.subarray(offset, offset + exponentLength);
  const modulus = key.subarray(offset + exponentLength);
  if (exponent.length !== exponentLength || exponentLength === 0 || modulus.length === 0) return undefined;
  return { exponent, modulus };
}

/** The size that matters for judging a key: RSA modulus bits, or the curve's size. */
export function keyBits(key: DnskeyData): number | undefined {
  switch (key.algorithm) {
    case 5:
    case 7:
    case 8:
    case 10: {
      const parts = rsaParts(key.key);
      if (!parts) return undefined;
      const modulus = parts.modulus;
      let start = 0;
      while (start < modulus.length && modulus[start] === 0) start++;
      if (start === modulus.length) return 0;
      return (modulus.length - start) * 8 - Math.clz32(modulus[start] ?? 0) + 24;
    }
    case 13:
      return 256;
    case 14:
      return 384;
    case 15:
      return 256;
    case 16:
      return 456;
    default:
      return undefined;
  }
}

/** RFC 3110 2 and RFC 5702 2: RSA DNSKEYs are at most 4096 bits. */
const MAX_RSA_MODULUS_BITS = 4096;
/** BIND's limit. A long exponent makes every verification as slow as signing: about 19 ms for a 3072-bit one. */
const MAX_RSA_EXPONENT_BITS = 35;

function bitLength(bytes: Buffer): number {
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  return start === bytes.length ? 0 : (bytes.length - start) * 8 - Math.clz32(bytes[start] ?? 0) + 24;
}

/**
 * Keys beyond these sizes are refused (their signatures never verify), so that a hostile
 * zone cannot make the validator's bounded number of verifications cost seconds of CPU.
 */
function rsaSizeAllowed(parts: { exponent: Buffer; modulus: Buffer }): boolean {
  return bitLength(parts.modulus) <= MAX_RSA_MODULUS_BITS && bitLength(parts.exponent) <= MAX_RSA_EXPONENT_BITS;
}

const keyCache = new WeakMap<Buffer, KeyObject | null>();

/** A Node public key for a DNSKEY, or null when the algorithm is unsupported or the key is malformed. */
export function publicKeyOf(key: DnskeyData): KeyObject | null {
  const cached = keyCache.get(key.key);
  if (cached !== undefined) return cached;
  let made: KeyObject | null = null;
  try {
    made = makePublicKey(key);
  } catch {
    made = null;
  }
  keyCache.set(key.key, made);
  return made;
}

function makePublicKey(key: DnskeyData): KeyObject | null {
  const bytes = key.key;
  switch (key.algorithm) {
    case 5:
    case 7:
    case 8:
    case 10: {
      const parts = rsaParts(bytes);
      if (!parts || !rsaSizeAllowed(parts)) return null;
      return createPublicKey({ key: { kty: 'RSA', n: base64url(parts.modulus), e: base64url(parts.exponent) }, format: 'jwk' });
    }
    case 13:
    case 14: {
      const size = key.algorithm === 13 ? 32 : 48;
      if (bytes.length !== size * 2) return null;
      const crv = key.algorithm === 13 ? 'P-256' : 'P-384';
      return createPublicKey({
        key: { kty: 'EC', crv, x: base64url(bytes.subarray(0, size)), y: base64url(bytes.subarray(size)) },
        format: 'jwk',
      });
    }
    case 15:
    case 16: {
      const size = key.algorithm === 15 ? 32 : 57;
      if (bytes.length !== size) return null;
      return createPublicKey({ key: { kty: 'OKP', crv: key.algorithm === 15 ? 'Ed25519' : 'Ed448', x: base64url(bytes) }, format: 'jwk' });
    }
    default:
      return null;
  }
}

const SIGNATURE_HASH: Record<number, string | null> = { 5: 'sha1', 7: 'sha1', 8: 'sha256', 10: 'sha512', 13: 'sha256', 14: 'sha384', 15: null, 16: null };

/** Verify one RRSIG over an RRset with one DNSKEY. Crypto only: the caller checks names, tags and times. */
export function verifyRrsig(sig: RrsigData, rrset: DnsRecord[], key: DnskeyData): boolean {
  if (sig.algorithm !== key.algorithm || !SUPPORTED_ALGORITHMS.has(sig.algorithm)) return false;
  const publicKey = publicKeyOf(key);
  if (!publicKey) return false;
  const hash = SIGNATURE_HASH[sig.algorithm] ?? null;
  const data = signedData(sig, rrset);
  try {
    if (sig.algorithm === 13 || sig.algorithm === 14) {
      return verify(hash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig.signature);
    }
    return verify(hash, data, publicKey, sig.signature);
  } catch {
    return false;
  }
}

/** RFC 5155 5: IH(salt, x, k) with SHA-1 over the canonical wire form of the owner name. */
export function nsec3Hash(name: string, salt: Buffer, iterations: number): Buffer {
  let digest = createHash('sha1').update(nameToWire(normalName(name))).update(salt).digest();
  for (let round = 0; round < iterations; round++) digest = createHash('sha1').update(digest).update(salt).digest();
  return digest;
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** Base32hex without padding, lower case: the form of NSEC3 owner labels. */
export function base32hexEncode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
}

export function base32hexDecode(text: string): Buffer | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toLowerCase()) {
    const digit = BASE32HEX.indexOf(char);
    if (digit < 0) return undefined;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
