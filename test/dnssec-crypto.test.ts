/**
 * DNSSEC crypto units on published vectors: RFC 4034 5.4 (key tag and SHA-1 DS),
 * RFC 5155 appendix A (NSEC3 hashes), RFC 4034 6.1 (canonical order), and a sign /
 * verify round trip for every algorithm we support.
 */
import { describe, expect, it } from 'vitest';
import { base32hexDecode, base32hexEncode, dsDigest, keyBits, keyTag, nsec3Hash, verifyRrsig } from '../src/scan/dnssec/crypto.js';
import { signatureTimeProblem } from '../src/scan/dnssec/rrsets.js';
import { compareCanonical, type DnsRecord } from '../src/scan/dnssec/wire.js';
import { generateZoneKey, signRrset, type SigningAlgorithm } from './fixtures/dnssec/signer.js';

describe('RFC 4034 5.4 example', () => {
  const key = {
    flags: 256,
    algorithm: 5,
    key: Buffer.from(
      'AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==',
      'base64',
    ),
  };
  it('computes key tag 60485', () => expect(keyTag(key)).toBe(60485));
  it('computes the SHA-1 DS digest', () => {
    expect(dsDigest('dskey.example.com', key, 1)?.toString('hex').toUpperCase()).toBe('2BB183AF5F22588179A53B0A98631FAD1A292118');
  });
  it('reads the RSA modulus size', () => expect(keyBits(key)).toBe(1024));
  it('knows no digest type 3', () => expect(dsDigest('example', key, 3)).toBeUndefined());
});

describe('RFC 5155 appendix A: NSEC3 hashes (salt aabbccdd, 12 iterations)', () => {
  const salt = Buffer.from('aabbccdd', 'hex');
  it.each([
    ['example', '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom'],
    ['a.example', '35mthgpgcu1qg68fab165klnsnk3dpvl'],
    ['ai.example', 'gjeqe526plbf1g8mklp59enfd789njgi'],
    ['ns1.example', '2t7b4g4vsa5smi47k61mv5bv1a22bojr'],
    ['w.example', 'k8udemvp1j2f7eg6jebps17vp3n8i58h'],
    ['*.w.example', 'r53bq7cc2uvmubfu5ocmm6pers9tk9en'],
    ['x.w.example', 'b4um86eghhds6nea196smvmlo4ors995'],
    ['y.w.example', 'ji6neoaepv8b5o6k4ev33abha8ht9fgc'],
    ['x.y.w.example', '2vptu5timamqttgl4luu9kg21e0aor3s'],
    ['xx.example', 't644ebqk9bibcna874givr6joj62mlhv'],
  ])('%s -> %s', (name, expected) => {
    const hash = nsec3Hash(name, salt, 12);
    expect(base32hexEncode(hash)).toBe(expected);
    expect(base32hexDecode(expected)?.equals(hash)).toBe(true);
  });
  it('is case-insensitive', () => expect(nsec3Hash('A.EXAMPLE', salt, 12).equals(nsec3Hash('a.example', salt, 12))).toBe(true));
});

describe('canonical name order (RFC 4034 6.1)', () => {
  it('sorts the RFC example names', () => {
    const ordered = ['example', 'a.example', 'yljkjljk.a.example', 'Z.a.example', 'zABC.a.EXAMPLE', 'z.example', '*.z.example'];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareCanonical)).toEqual(ordered);
  });
});

describe('sign and verify per algorithm', () => {
  const rrset: DnsRecord[] = [
    { name: 'www.Shop.test', type: 'A', ttl: 300, data: '192.0.2.2' },
    { name: 'www.shop.test', type: 'A', ttl: 300, data: '192.0.2.1' },
  ];
  const window = { inception: new Date(Date.now() - 3_600_000), expiration: new Date(Date.now() + 86_400_000) };
  it.each([5, 7, 8, 10, 13, 14, 15, 16] as SigningAlgorithm[])('algorithm %i', (algorithm) => {
    const key = generateZoneKey(algorithm, { rsaBits: 1024 });
    const sig = signRrset(rrset, key, 'shop.test', window);
    if (sig.type !== 'RRSIG') throw new Error('no RRSIG');
    // Order and owner case do not matter in canonical form.
    expect(verifyRrsig(sig.data, [...rrset].reverse(), key.dnskey)).toBe(true);
    expect(verifyRrsig(sig.data, [rrset[0] as DnsRecord], key.dnskey)).toBe(false);
    const other = generateZoneKey(algorithm, { rsaBits: 1024 });
    expect(verifyRrsig(sig.data, rrset, other.dnskey)).toBe(false);
  });
  it('verifies a wildcard-expanded RRset against the signature over *.shop.test', () => {
    const key = generateZoneKey(13);
    const sig = signRrset([{ name: '*.shop.test', type: 'A', ttl: 300, data: '192.0.2.9' }], key, 'shop.test', window);
    if (sig.type !== 'RRSIG') throw new Error('no RRSIG');
    expect(sig.data.labels).toBe(2);
    expect(verifyRrsig(sig.data, [{ name: 'a.b.shop.test', type: 'A', ttl: 300, data: '192.0.2.9' }], key.dnskey)).toBe(true);
  });
});

describe('signature validity window', () => {
  const base = { typeCovered: 'A', algorithm: 13, labels: 2, originalTTL: 300, keyTag: 1, signersName: 'shop.test', signature: Buffer.alloc(0) };
  const at = (date: string): number => Math.floor(Date.parse(date) / 1000);
  const sig = { ...base, inception: at('2026-01-01T00:00:00Z'), expiration: at('2026-02-01T00:00:00Z') };
  it('accepts inside the window', () => expect(signatureTimeProblem(sig, new Date('2026-01-15T00:00:00Z'))).toBeUndefined());
  it('rejects after expiry (beyond the skew)', () => expect(signatureTimeProblem(sig, new Date('2026-02-03T00:00:00Z'))).toBe('expired on 2026-02-01'));
  it('rejects before inception', () => expect(signatureTimeProblem(sig, new Date('2025-12-20T00:00:00Z'))).toBe('not valid before 2026-01-01'));
  it('uses serial arithmetic across the 2106 wrap', () => {
    const wrapped = { ...base, inception: 0xfffff000, expiration: 0x00010000 };
    expect(signatureTimeProblem(wrapped, new Date((0x100000000 + 100) * 1000))).toBeUndefined();
  });
});
