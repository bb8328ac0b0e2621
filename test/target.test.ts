import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { classifyAddress, describeRange, parseTarget, refusalMessage } from '../src/scan/target.js';

describe('parseTarget', () => {
  it.each([
    ['shop.example', 'shop.example'],
    ['  Shop.Example.  ', 'shop.example'],
    ['https://Shop.Example/path?x=1#top', 'shop.example'],
    ['http://www.shop.example:8080/', 'www.shop.example'],
    ['shop.example/checkout', 'shop.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['https://BÜCHER.example/', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
    ['123shop.example', '123shop.example'],
    [`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseTarget(input)).toBe(expected);
  });

  it.each([
    ['', 'no domain given'],
    ['   ', 'no domain given'],
    ['127.0.0.1', 'give a domain name, not an IP address'],
    ['2001:db8::1', 'give a domain name, not an IP address'],
    ['[::1]', 'give a domain name, not an IP address'],
    ['https://192.0.2.1/', 'give a domain name, not an IP address'],
    ['http://127.1/', 'give a domain name, not an IP address'],
    [`${'a.'.repeat(127)}example`, 'characters long; a domain name has at most 253'],
    ['shop..example', 'empty label'],
    ['.shop.example', 'empty label'],
    [`${'a'.repeat(64)}.example`, 'is 64 characters long; the limit is 63'],
    ['shop_1.example', 'contains "_"; only letters, digits and hyphens'],
    ['shop example.com', 'contains " "'],
    ['-shop.example', 'starts or ends with a hyphen'],
    ['shop-.example', 'starts or ends with a hyphen'],
    ['localhost', 'single label'],
    ['https://intranet/', 'single label'],
    ['http://', 'neither a domain name nor a web address'],
  ])('rejects %j: %s', (input, message) => {
    expect(() => parseTarget(input)).toThrow(UsageError);
    expect(() => parseTarget(input)).toThrow(message);
  });
});

describe('classifyAddress', () => {
  it.each([
    // IPv4 refused ranges
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.0.0.8', 'reserved'],
    ['240.0.0.1', 'reserved'],
    // IPv6 refused ranges
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'discard'],
    ['::1.2.3.4', 'reserved'], // IPv4-compatible, deprecated; not IPv4-mapped
    ['4000::1', 'reserved'],
    ['64:ff9b:1::1', 'nat64LocalUse'],
    // Embedded IPv4 is judged by what it embeds
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['2002:c0a8:0101::1', 'private'], // 6to4 of 192.168.1.1
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'documentation'], // Teredo, client 192.0.2.45 (RFC 4380 example)
    ['[::1]', 'loopback'],
    ['not-an-ip', 'invalid'],
  ])('refuses %s (%s)', (ip, range) => {
    expect(classifyAddress(ip)).toEqual({ allowed: false, range });
  });

  it.each([
    ['8.8.8.8', 'unicast'],
    ['93.184.216.34', 'unicast'],
    ['100.63.255.255', 'unicast'], // just below CGNAT
    ['172.32.0.1', 'unicast'], // just above 172.16/12
    ['2a00:1450:4001:82b::200e', 'unicast'],
    ['2606:4700::6810:84e5', 'unicast'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['64:ff9b::808:808', 'rfc6052'],
    ['2002:0808:0808::1', '6to4'],
    ['2001:0:0808:0808::f7f7:f7f7', 'teredo'],
  ])('allows %s (%s)', (ip, range) => {
    expect(classifyAddress(ip)).toEqual({ allowed: true, range });
  });
});

describe('refusalMessage', () => {
  it('says which addresses were refused and why, and how to override', () => {
    expect(refusalMessage('shop.example', [{ address: '127.0.0.1', range: 'loopback' }])).toBe(
      'shop.example resolves only to 127.0.0.1 (loopback); the scanner refuses private and internal addresses ' +
        'so it cannot be turned against internal networks. Use --allow-private to scan your own test setup.',
    );
    const many = refusalMessage('shop.example', [
      { address: '10.0.0.1', range: 'private' },
      { address: '100.64.0.1', range: 'carrierGradeNat' },
      { address: 'fd00::1', range: 'uniqueLocal' },
      { address: 'fe80::1', range: 'linkLocal' },
      { address: '192.168.0.1', range: 'private' },
    ]);
    expect(many).toContain('10.0.0.1 (private network), 100.64.0.1 (carrier-grade NAT), fd00::1 (IPv6 unique-local), fe80::1 (link-local) and 1 more;');
  });

  it('has plain words for every range classifyAddress refuses with', () => {
    for (const range of ['linkLocal', 'deprecatedSiteLocal', 'documentation', 'benchmarking', 'nat64LocalUse', 'discard']) {
      expect(describeRange(range)).not.toContain('special-purpose');
    }
    expect(describeRange('as112')).toBe('special-purpose range as112');
  });
});
