/** Trust anchors: the built-in IANA root KSKs and parsing of --trust-anchor files. */
import { describe, expect, it } from 'vitest';
import { IANA_ROOT_ANCHORS, formatTrustAnchor, parseTrustAnchors } from '../src/scan/dnssec/trust-anchor.js';

describe('IANA root anchors', () => {
  it('are KSK-2017 and KSK-2024 as SHA-256 DS records (root-anchors.xml)', () => {
    expect(IANA_ROOT_ANCHORS.map(formatTrustAnchor)).toEqual([
      '. IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D',
      '. IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16',
    ]);
  });
});

describe('parseTrustAnchors', () => {
  it('reads DS records with and without TTL, class and trailing dot, and comments', () => {
    const anchors = parseTrustAnchors(`
; the test root
. IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D ; KSK-2017
shop.test 3600 IN DS 12345 13 2 ( 683D2D0ACB8C9B712A1948B27F741219
                                  298D0A450D612C483AF444A4C0FB2B16 )
Example.NL. IN 300 DS 1 8 1 2BB183AF5F22588179A53B0A98631FAD1A292118
`);
    expect(anchors.map((anchor) => [anchor.kind, anchor.zone])).toEqual([
      ['DS', ''],
      ['DS', 'shop.test'],
      ['DS', 'example.nl'],
    ]);
    const second = anchors[1];
    expect(second?.kind === 'DS' && second.ds.digest.toString('hex').toUpperCase()).toBe('683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16');
  });

  it('reads a multi-line DNSKEY', () => {
    const [anchor] = parseTrustAnchors(`test. 86400 IN DNSKEY 257 3 13 (
        mdsswUyr3DPW132mOi8V9xESWE8jTo0d
        xCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ== ) ; KSK`);
    expect(anchor?.kind).toBe('DNSKEY');
    expect(anchor?.kind === 'DNSKEY' && [anchor.dnskey.flags, anchor.dnskey.algorithm, anchor.dnskey.key.length]).toEqual([257, 13, 64]);
  });

  it.each([
    ['', 'trust anchor file: no DS or DNSKEY record found'],
    ['; only a comment\n', 'trust anchor file: no DS or DNSKEY record found'],
    ['. IN A 192.0.2.1', 'trust anchor file, line 1: expected a DS or DNSKEY record, got type "A"'],
    ['\n. IN DS 70000 8 2 AABB', 'trust anchor file, line 2: the DS key tag must be a number from 0 to 65535, got "70000"'],
    ['. IN DS 1 8 2 XYZ', 'trust anchor file, line 1: the DS digest must be hexadecimal, got "XYZ"'],
    ['. IN DS 1 8 2', 'trust anchor file, line 1: the DS digest must be hexadecimal, got ""'],
    ['. IN DNSKEY 257 2 8 AwEAAa==', 'trust anchor file, line 1: the DNSKEY protocol must be 3, got 2'],
    ['. IN DNSKEY 257 3 8 !!', 'trust anchor file, line 1: the DNSKEY public key must be base64, got "!!"'],
    ['. IN DS ( 1 8 2\nAABB', 'trust anchor file, line 1: "(" is never closed'],
    ['. IN DS 1 8 2 AABB )', 'trust anchor file, line 1: ")" without a matching "("'],
    ['$TTL 300\n. IN DS 1 8 2 AABB', 'trust anchor file, line 1: directive $TTL is not supported; write each record with its full owner name'],
    ['bad..name IN DS 1 8 2 AABB', 'trust anchor file, line 1: "bad..name" is not a valid owner name'],
  ])('rejects %j', (text, message) => {
    expect(() => parseTrustAnchors(text)).toThrow(message);
  });
});
