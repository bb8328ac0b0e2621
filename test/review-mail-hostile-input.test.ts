/**
 * Review findings (issue 4): hostile input that must stay cheap and bounded. Each case
 * failed before its fix: a quadratic regex in the MTA-STS policy parser, unbounded
 * policy error lists, RSA DNSKEYs whose size makes each verification costly (KeyTrap-style
 * CPU), and RRSIGs whose inception lies after their expiration.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { DnskeyData, RrsigData } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { publicKeyOf } from '../src/scan/dnssec/crypto.js';
import { nsecProvesNoName } from '../src/scan/dnssec/denial.js';
import { signatureTimeProblem } from '../src/scan/dnssec/rrsets.js';
import { parseStsPolicy } from '../src/scan/mail-policy/mta-sts.js';

describe('MTA-STS policy parser on hostile bodies', () => {
  it('parses a 64 KiB line of blanks in linear time', () => {
    // The old pattern (.*?)[ \t]*$ backtracked quadratically: about 10 s for this line.
    const line = `mx: a${' \t'.repeat(32_760)}x`;
    const started = performance.now();
    const parsed = parseStsPolicy(`version: STSv1\nmode: enforce\nmax_age: 86400\n${line}\n`);
    expect(performance.now() - started).toBeLessThan(250);
    expect(parsed.errors[0]).toMatch(/^mx: a/);
  });

  it('still trims blanks around keys and values', () => {
    const parsed = parseStsPolicy('version :\tSTSv1 \r\nmode: enforce\t\r\nmax_age:86400\r\nmx:  mail.shop.nl  \r\n');
    expect(parsed).toEqual({ policy: { mode: 'enforce', mx: ['mail.shop.nl'], maxAge: 86400 }, errors: [], notes: [] });
  });

  it('keeps the error list short for a body of garbage lines', () => {
    const parsed = parseStsPolicy('x\n'.repeat(32_000));
    expect(parsed.errors.length).toBeLessThanOrEqual(12);
    expect(parsed.errors.join(' ')).toMatch(/more lines/);
    expect(parsed.policy).toBeUndefined();
  });
});

function rsaDnskey(exponent: Buffer, modulus: Buffer): DnskeyData {
  const head = exponent.length < 256 ? Buffer.from([exponent.length]) : Buffer.from([0, exponent.length >> 8, exponent.length & 0xff]);
  return { flags: 257, algorithm: 8, key: Buffer.concat([head, exponent, modulus]) };
}

describe('RSA DNSKEY limits', () => {
  const modulus = (bits: number): Buffer => {
    const bytes = Buffer.alloc(bits / 8, 0x5a);
    bytes[0] = 0xc1;
    bytes[bytes.length - 1] = 0x01;
    return bytes;
  };

  it('accepts a real 2048-bit key with exponent 65537', () => {
    const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const key = rsaDnskey(Buffer.from(jwk.e ?? '', 'base64url'), Buffer.from(jwk.n ?? '', 'base64url'));
    expect(publicKeyOf(key)).not.toBeNull();
  });

  it('refuses a public exponent longer than 35 bits (each verification would cost a private-key operation)', () => {
    expect(publicKeyOf(rsaDnskey(modulus(3072).subarray(0, 384), modulus(3072)))).toBeNull();
    expect(publicKeyOf(rsaDnskey(Buffer.from([0x0f, 0xff, 0xff, 0xff, 0xff]), modulus(2048)))).toBeNull();
  });

  it('refuses a modulus over 4096 bits (RFC 3110, RFC 5702)', () => {
    expect(publicKeyOf(rsaDnskey(Buffer.from([1, 0, 1]), modulus(8192)))).toBeNull();
    expect(publicKeyOf(rsaDnskey(Buffer.from([1, 0, 1]), modulus(4096)))).not.toBeNull();
  });
});

describe('RRSIG validity window', () => {
  const now = new Date('2026-01-15T00:00:00Z');
  const at = (date: Date): number => Math.floor(date.getTime() / 1000);
  const sig = (inception: number, expiration: number): RrsigData => ({
    typeCovered: 'A',
    algorithm: 13,
    labels: 2,
    originalTTL: 300,
    inception,
    expiration,
    keyTag: 1,
    signersName: 'shop.test',
    signature: Buffer.alloc(64),
  });

  it('rejects a signature whose inception lies after its expiration', () => {
    // Both times are within a day of now; the huge "period" used to buy a day of skew.
    const problem = signatureTimeProblem(sig(at(now) - 60, at(now) - 3_600), now);
    expect(problem).toMatch(/inception/);
  });

  it('still accepts an ordinary window', () => {
    expect(signatureTimeProblem(sig(at(now) - 3_600, at(now) + 86_400), now)).toBeUndefined();
  });
});

describe('NSEC proof for a wildcard answer (RFC 4035 5.3.4)', () => {
  // Zone shop.test: shop.test, *.shop.test, b.shop.test; the last NSEC wraps to the apex.
  const nsec = (owner: string, nextDomain: string) => ({ owner, data: { nextDomain, rrtypes: ['A', 'RRSIG', 'NSEC'] } });
  const chain = [nsec('shop.test', '*.shop.test'), nsec('*.shop.test', 'b.shop.test'), nsec('b.shop.test', 'shop.test')];

  it('accepts *.shop.test for x.shop.test', () => {
    expect(nsecProvesNoName('x.shop.test', 'shop.test', chain)).toBe(true);
  });

  it('refuses *.shop.test for a.b.shop.test: b.shop.test exists, so that wildcard cannot apply', () => {
    expect(nsecProvesNoName('a.b.shop.test', 'shop.test', chain)).toBe(false);
  });
});
