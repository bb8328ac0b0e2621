/**
 * Trust anchor files in detail (zone-file records, unbound's trust-anchor lines, BIND's
 * trust-anchors blocks with their comments) and the signature time window of RFC 4034
 * 3.1.5 with unbound's skew, at its boundaries. test/dnssec-trust-anchor.test.ts has the
 * main cases.
 */
import type { RrsigData } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { signatureTimeProblem } from '../src/scan/dnssec/rrsets.js';
import { formatTrustAnchor, parseTrustAnchors } from '../src/scan/dnssec/trust-anchor.js';

const KEY = 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==';
const DIGEST = 'E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D';

describe('trust anchor files', () => {
  it('formats anchors back to zone-file syntax', () => {
    const anchors = parseTrustAnchors(`shop.test. IN DNSKEY 257 3 13 ${KEY}\n. DS 20326 8 2 ${DIGEST}`);
    expect(anchors.map(formatTrustAnchor)).toEqual([`shop.test. IN DNSKEY 257 3 13 ${KEY}`, `. IN DS 20326 8 2 ${DIGEST}`]);
  });

  it('takes TTL and class in either order, or neither, and keeps ; inside quotes', () => {
    for (const text of [`. 3600 IN DS 1 8 2 AABB`, `. IN 3600 DS 1 8 2 AABB`, `. ds 1 8 2 aabb`, `. CH DS 1 8 2 AABB`]) {
      expect(parseTrustAnchors(text).map(formatTrustAnchor), text).toEqual(['. IN DS 1 8 2 AABB']);
    }
    expect(parseTrustAnchors('trust-anchor: ". DS 1 8 2 AABB ; not a comment"').length).toBe(1);
  });

  it('reads unbound configuration lines, quoted or not, and ignores server:', () => {
    const text = `server:\n  trust-anchor: ". IN DS 1 8 2 AABB"\n\ttrust-anchor: shop.test. DS 2 13 2 CCDD\n`;
    expect(parseTrustAnchors(text).map(formatTrustAnchor)).toEqual(['. IN DS 1 8 2 AABB', 'shop.test. IN DS 2 13 2 CCDD']);
  });

  it('reads BIND trust-anchors, trusted-keys and managed-keys blocks, with every kind of comment', () => {
    const text = `
      /* the root,
         in a block comment */
      trust-anchors {
        . static-ds 20326 8 2 "E06D44B80B8F1D39A95C0B0D7C65D084 58E880409BBC683457104237C7F8EC8D"; // SHA-256
        # a shell comment
        shop.test. initial-key 257 3 13 "${KEY}";
        other.test. initial-ds 1 13 2 "AABB";
        key.test. static-key 257 3 13 "${KEY}";
      };
      trusted-keys { old.test. 257 3 13 "${KEY}"; };
      managed-keys { "quoted/*not a comment*/" ; };`;
    const anchors = parseTrustAnchors(text).map(formatTrustAnchor);
    expect(anchors.slice(0, 5)).toEqual([
      `. IN DS 20326 8 2 ${DIGEST}`,
      `shop.test. IN DNSKEY 257 3 13 ${KEY}`,
      'other.test. IN DS 1 13 2 AABB',
      `key.test. IN DNSKEY 257 3 13 ${KEY}`,
      `old.test. IN DNSKEY 257 3 13 ${KEY}`,
    ]);
  });

  it('an unclosed block comment swallows the rest', () => {
    expect(parseTrustAnchors('trust-anchors { . static-ds 1 8 2 "AABB"; }; /* open trust-anchors { x. static-ds 2 8 2 "CC"; };')).toHaveLength(1);
    expect(parseTrustAnchors('trust-anchors { . static-ds 1 8 2 "AABB"; }; /* closed */ trust-anchors { x. static-ds 2 8 2 "CC"; };')).toHaveLength(2);
    expect(parseTrustAnchors('trust-anchors { . static-ds 1 8 2 "AABB"; }; // trust-anchors { x. static-ds 2 8 2 "CC"; };')).toHaveLength(1);
  });

  it('names every field that is not a number in range, and other faults', () => {
    const faults: [string, string][] = [
      ['. IN DS', 'the DS key tag must be a number from 0 to 65535, got nothing'],
      ['. IN DS 1 256 2 AABB', 'the DS algorithm must be a number from 0 to 255, got "256"'],
      ['. IN DS 1 8 x AABB', 'the DS digest type must be a number from 0 to 255, got "x"'],
      ['. IN DS 1 8 2 AAB', 'the DS digest must be hexadecimal, got "AAB"'],
      ['. IN DNSKEY 65536 3 13 AAAA', 'the DNSKEY flags must be a number from 0 to 65535, got "65536"'],
      ['. IN DNSKEY 257 x 13 AAAA', 'the DNSKEY protocol must be a number from 0 to 255, got "x"'],
      ['. IN DNSKEY 257 3 256 AAAA', 'the DNSKEY algorithm must be a number from 0 to 255, got "256"'],
      ['. IN DNSKEY 257 3 13', 'the DNSKEY public key must be base64, got ""'],
      ['. IN DNSKEY 257 3 13 AA=A', 'the DNSKEY public key must be base64, got "AA=A"'],
      ['. IN DNSKEY 257 3 13 AAA===', 'the DNSKEY public key must be base64, got "AAA==="'],
      ['. IN', 'expected a DS or DNSKEY record, got no record type'],
      ['shop..test. DS 1 8 2 AABB', '"shop..test." is not a valid owner name'],
    ];
    for (const [text, message] of faults) expect(() => parseTrustAnchors(text), text).toThrow(`trust anchor file, line 1: ${message}`);
    expect(parseTrustAnchors('. IN DS 65535 255 255 AABB').length).toBe(1);
    expect(parseTrustAnchors(`*.Shop-1_x.test DNSKEY 0 3 0 AAAA`)[0]?.zone).toBe('*.shop-1_x.test');
  });

  it('counts lines across parentheses for its messages', () => {
    expect(() => parseTrustAnchors('. DS 1 8 2 AABB\n\nshop.test. DS (\n 1 8 2\n XYZ )')).toThrow('trust anchor file, line 3: the DS digest must be hexadecimal, got "XYZ"');
  });
});

describe('signature validity window (RFC 4034 3.1.5, unbound skew)', () => {
  const NOW = new Date('2026-06-01T00:00:00Z');
  const now = Math.floor(NOW.getTime() / 1000);
  const sig = (inception: number, expiration: number) => ({ inception: inception >>> 0, expiration: expiration >>> 0 }) as RrsigData;
  const DAY = 86_400;

  it('a 30-day window: skew is 1 day (10% capped); inside plus skew is fine, beyond is not', () => {
    // period 30 days: 10% is 3 days, capped at 1 day.
    expect(signatureTimeProblem(sig(now - DAY, now + 29 * DAY), NOW)).toBeUndefined();
    expect(signatureTimeProblem(sig(now - 31 * DAY, now - DAY), NOW)).toBeUndefined();
    expect(signatureTimeProblem(sig(now - 31 * DAY, now - DAY - 1), NOW)).toBe('expired on 2026-05-30');
    expect(signatureTimeProblem(sig(now + DAY, now + 31 * DAY), NOW)).toBeUndefined();
    expect(signatureTimeProblem(sig(now + DAY + 1, now + 31 * DAY), NOW)).toBe('not valid before 2026-06-02');
  });

  it('a short window: skew is 10% of it, at least 3 minutes', () => {
    // period 1000 s: 10% = 100 s, raised to the 180 s minimum.
    expect(signatureTimeProblem(sig(now - 1180, now - 180), NOW)).toBeUndefined();
    expect(signatureTimeProblem(sig(now - 1181, now - 181), NOW)).toMatch(/^expired on /);
    // period 10000 s: 10% = 1000 s.
    expect(signatureTimeProblem(sig(now - 11000, now - 1000), NOW)).toBeUndefined();
    expect(signatureTimeProblem(sig(now - 11001, now - 1001), NOW)).toMatch(/^expired on /);
    expect(signatureTimeProblem(sig(now + 1000, now + 11000), NOW)).toBeUndefined();
    expect(signatureTimeProblem(sig(now + 1001, now + 11001), NOW)).toMatch(/^not valid before /);
  });

  it('a window that ends before it starts is none at all; an empty one is still judged', () => {
    expect(signatureTimeProblem(sig(now + 10, now - 10), NOW)).toBe('has its inception (2026-06-01) after its expiration (2026-05-31)');
    expect(signatureTimeProblem(sig(now, now), NOW)).toBeUndefined();
  });

  it('works across the 32-bit wrap of signature times (serial arithmetic)', () => {
    const wrapNow = new Date(2 ** 32 * 1000 + 100_000);
    const seconds = Math.floor(wrapNow.getTime() / 1000);
    expect(signatureTimeProblem(sig(seconds - DAY, seconds + DAY), wrapNow)).toBeUndefined();
    expect(signatureTimeProblem(sig(seconds - 30 * DAY, seconds - 3 * DAY), wrapNow)).toMatch(/^expired on 2106-/);
  });
});
