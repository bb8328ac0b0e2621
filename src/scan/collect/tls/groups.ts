/**
 * Key exchange: which elliptic-curve groups the server accepts for ECDHE, and the
 * finite-field group it uses for DHE. TLS 1.2 and lower go through the raw hello, which
 * can offer every named curve (also the weak ones OpenSSL 3 no longer offers) and reads
 * the curve from ServerKeyExchange; TLS 1.3 goes through Node, one group at a time.
 */
import { createHash } from 'node:crypto';

/** Named elliptic curves (IANA TLS Supported Groups) with their OpenSSL names, strong first. */
export const EC_GROUPS: readonly { code: number; name: string }[] = [
  { code: 29, name: 'X25519' },
  { code: 23, name: 'prime256v1' },
  { code: 30, name: 'X448' },
  { code: 24, name: 'secp384r1' },
  { code: 25, name: 'secp521r1' },
  { code: 26, name: 'brainpoolP256r1' },
  { code: 27, name: 'brainpoolP384r1' },
  { code: 28, name: 'brainpoolP512r1' },
  { code: 22, name: 'secp256k1' },
  { code: 21, name: 'secp224r1' },
  { code: 20, name: 'secp224k1' },
  { code: 19, name: 'prime192v1' },
  { code: 18, name: 'secp192k1' },
  { code: 15, name: 'secp160k1' },
  { code: 16, name: 'secp160r1' },
  { code: 17, name: 'secp160r2' },
  ...['sect163k1', 'sect163r1', 'sect163r2', 'sect193r1', 'sect193r2', 'sect233k1', 'sect233r1', 'sect239k1'].map((name, index) => ({
    code: index + 1,
    name,
  })),
  ...['sect283k1', 'sect283r1', 'sect409k1', 'sect409r1', 'sect571k1', 'sect571r1'].map((name, index) => ({ code: index + 9, name })),
];

/** RFC 7919 finite-field groups, offered in supported_groups so RFC 7919 servers can use them for DHE. */
export const FFDHE_CODES = [256, 257, 258, 259, 260];

/** Groups Node (OpenSSL 3.0) can offer in TLS 1.3, tested one at a time via `ecdhCurve`. */
export const TLS13_EC_GROUPS = ['X25519', 'prime256v1', 'X448', 'secp384r1', 'secp521r1'];

export function ecGroupCode(name: string): number | undefined {
  return EC_GROUPS.find((group) => group.name === name)?.code;
}

export function ecGroupName(code: number): string {
  return EC_GROUPS.find((group) => group.code === code)?.name ?? `group-0x${code.toString(16).padStart(4, '0')}`;
}

/** SHA-256 of each RFC 7919 prime (big-endian, no leading zero), all with generator 2. */
const FFDHE_PRIME_SHA256: Record<string, string> = {
  '9cd3b7f336872f46c09428d1bbc19877a4d440512cda8d1c1cf0cd6e33698966': 'ffdhe2048',
  '0eaf67db3a839156d5013494a5318a772b5697d270d721f37f092efc69ea5a17': 'ffdhe3072',
  '4648414224ac881b3d0dc59b466f96d06a558278776807797ecf1f66ff397b3e': 'ffdhe4096',
  '227ac9066b3ddd9e193670cda2388fa884f65ba0cf98b742d1fe77a6687c79c7': 'ffdhe6144',
  '770b14efaf6f049929c523113b3fa99a8d11dab1b18af3609590122075d19833': 'ffdhe8192',
};

function stripLeadingZeros(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return bytes.subarray(start);
}

/** The size in bits of a DH prime. */
export function primeBits(prime: Buffer): number {
  const bytes = stripLeadingZeros(prime);
  const top = bytes[0] ?? 0;
  return top === 0 ? 0 : (bytes.length - 1) * 8 + (32 - Math.clz32(top));
}

/** 'ffdhe2048' ... 'ffdhe8192' when the server uses an RFC 7919 group, else 'custom'. */
export function identifyDhGroup(prime: Buffer, generator: Buffer): string {
  const generatorIsTwo = stripLeadingZeros(generator).equals(Buffer.from([2]));
  const digest = createHash('sha256').update(stripLeadingZeros(prime)).digest('hex');
  return (generatorIsTwo && FFDHE_PRIME_SHA256[digest]) || 'custom';
}
