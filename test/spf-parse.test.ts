/** Units of the SPF parser, macro-strings and IP helpers (src/scan/spf/). */
import { describe, expect, it } from 'vitest';
import { inNetwork, parseIp, readableIp, reverseName } from '../src/scan/spf/ip.js';
import { expandMacroString, parseDomainSpec, parseMacroString, toQueryName, urlEscape, type MacroContext } from '../src/scan/spf/macro.js';
import { isSpfRecord, parseSpfRecord } from '../src/scan/spf/parse.js';

describe('parseSpfRecord', () => {
  it('parses qualifiers, mechanisms, CIDRs and modifiers', () => {
    const parsed = parseSpfRecord('v=spf1 -a:mail.example.com/24//64 ~mx ?ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.net exists:%{i}.rbl.example redirect=_spf.example.com exp=exp.example.com x-note=hi');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.record.mechanisms.map((m) => [m.qualifier, m.kind, m.cidr4, m.cidr6])).toEqual([
      ['-', 'a', 24, 64],
      ['~', 'mx', undefined, undefined],
      ['?', 'ip4', 24, undefined],
      ['+', 'ip6', undefined, 32],
      ['+', 'include', undefined, undefined],
      ['+', 'exists', undefined, undefined],
    ]);
    expect(parsed.record.redirect?.domain.text).toBe('_spf.example.com');
    expect(parsed.record.exp?.domain.text).toBe('exp.example.com');
    expect(parsed.record.unknownModifiers.map((m) => m.name)).toEqual(['x-note']);
  });

  it.each([
    ['v=spf1 ip4:1.2.3.4 -all moo', 'moo', 'unknown-mechanism'],
    ['v=spf1 -all.', '-all.', 'bad-argument'],
    ['v=spf1 include', 'include', 'bad-argument'],
    ['v=spf1 include:example.com/24', 'include:example.com/24', 'bad-domain'],
    ['v=spf1 a:museum', 'a:museum', 'bad-domain'],
    ['v=spf1 a:abc.123', 'a:abc.123', 'bad-domain'],
    ['v=spf1 a/33', 'a/33', 'bad-cidr'],
    ['v=spf1 ip4:1.2.3.4/032', 'ip4:1.2.3.4/032', 'bad-cidr'],
    ['v=spf1 ip4:1.2.3', 'ip4:1.2.3', 'bad-ip'],
    ['v=spf1 ip6::CAFE::BABE', 'ip6::CAFE::BABE', 'bad-ip'],
    ['v=spf1 exists:%(ir).example.com', 'exists:%(ir).example.com', 'bad-macro'],
    ['v=spf1 a:%{a}.example.com', 'a:%{a}.example.com', 'bad-macro'],
    ['v=spf1 exp=%{r}.example.com', 'exp=%{r}.example.com', 'bad-macro'],
    ['v=spf1 redirect=a.example redirect=b.example', 'redirect=b.example', 'duplicate-modifier'],
    ['v=spf1 exp=', 'exp=', 'bad-domain'],
    ['v=spf1 a:ctrl.example.com\rptr', 'a:ctrl.example.com\rptr', 'bad-character'],
    ['v=spf1 a:caf\u00e9.example', 'a:caf\u00e9.example', 'bad-character'],
  ])('rejects %j at the right term', (record, term, reason) => {
    expect(parseSpfRecord(record)).toEqual({ ok: false, term, reason });
  });

  it('selects records by version, case-insensitively, and needs a space or the end after it', () => {
    expect(isSpfRecord('V=SpF1 -all')).toBe(true);
    expect(isSpfRecord('v=spf1')).toBe(true);
    expect(isSpfRecord('v=spf10 -all')).toBe(false);
    expect(isSpfRecord('v=spf1mx')).toBe(false);
  });

  it('accepts what looks odd but is valid: dashes in the top label, colons in the domain, extra spaces', () => {
    expect(parseSpfRecord('v=spf1 a:foo.example.xn--zckzah -all').ok).toBe(true);
    expect(parseSpfRecord('v=spf1 a:foo:bar/baz.example.com').ok).toBe(true);
    expect(parseSpfRecord('v=spf1 a  -all ').ok).toBe(true);
    expect(parseSpfRecord('v=spf1 moo.cow-far_out=man:dog/cat -all').ok).toBe(true);
  });
});

describe('macros', () => {
  const context: MacroContext = {
    sender: 'strong-bad@email.example.com',
    localPart: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    ipDotted: '192.0.2.3',
    ipReadable: '192.0.2.3',
    ipVersion: 4,
    helo: 'mx.example.org',
    receiver: 'receiver.example',
    timestamp: 1_700_000_000,
    validatedName: () => Promise.resolve('mx.example.org'),
  };
  const expand = async (text: string, explanation = false): Promise<string> => {
    const parsed = parseMacroString(text, explanation);
    if (!parsed) throw new Error(`invalid: ${text}`);
    return expandMacroString(parsed, context);
  };

  // The examples of RFC 7208 7.4.
  it.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{p}.%%.%_.%-', 'mx.example.org.%. .%20'],
  ])('%s expands to %s', async (macro, expected) => {
    expect(await expand(macro)).toBe(expected);
  });

  it('URL-escapes upper-case macros and allows c, r, t only in explanations', async () => {
    expect(urlEscape('~jack&jill=up-a_b3.c')).toBe('~jack%26jill%3Dup-a_b3.c');
    expect(await expand('%{L}')).toBe('strong-bad');
    expect(parseMacroString('%{c}')).toBeUndefined();
    expect(await expand('%{c} via %{r} at %{t}', true)).toBe('192.0.2.3 via receiver.example at 1700000000');
    expect(parseMacroString('%{d0}')).toBeUndefined();
    expect(parseMacroString('100%')).toBeUndefined();
  });

  it('validates domain-spec ends and truncates long names from the left', () => {
    expect(parseDomainSpec('%{d}')).toBeDefined();
    expect(parseDomainSpec('foo%%')).toBeDefined();
    expect(parseDomainSpec('example.com.')).toBeDefined();
    expect(parseDomainSpec('foo-bar')).toBeUndefined();
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com.`;
    expect(toQueryName(long)).toBe(`${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`);
  });
});

describe('IP helpers', () => {
  it('treats IPv4-mapped IPv6 as IPv4 and matches CIDRs', () => {
    expect(parseIp('::FFFF:1.2.3.4')).toEqual(parseIp('1.2.3.4'));
    const ip = parseIp('2001:db8:1234::cafe:babe');
    const net = parseIp('2001:db8:1234::dead:beef');
    if (!ip || !net) throw new Error('parse');
    expect(inNetwork(ip.value, net.value, 64, 128)).toBe(true);
    expect(inNetwork(ip.value, net.value, 128, 128)).toBe(false);
    expect(parseIp('1.2.3.04')).toBeUndefined();
  });

  it('builds reverse names and readable addresses', () => {
    const v6 = parseIp('2001:db8::cb01');
    const v4 = parseIp('192.0.2.3');
    if (!v6 || !v4) throw new Error('parse');
    expect(reverseName(v4)).toBe('3.2.0.192.in-addr.arpa');
    expect(reverseName(v6)).toBe('1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
    expect(readableIp(v6)).toBe('2001:db8::cb01');
  });
});
