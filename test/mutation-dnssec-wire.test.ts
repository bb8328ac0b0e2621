/**
 * The canonical wire form (RFC 4034 section 6) on known answers written out byte by byte
 * here: the signer in test/fixtures/dnssec uses the same wire.ts as the validator, so a
 * mistake there would sign and verify alike and no validator test could see it.
 */
import { describe, expect, it } from 'vitest';
import type { DnsRecord } from '../src/scan/dnssec/wire.js';
import {
  ancestorWithLabels, asciiLower, canonicalRdata, compareCanonical, displayName, isSubdomain, labelsOf, nameToWire, normalName, parentName, rrsigSignedPrefix, signedData, typeCode, uniqueSorted,
} from '../src/scan/dnssec/wire.js';

const hex = (buffer: Buffer) => buffer.toString('hex');
const wire = (...labels: string[]) => Buffer.concat([...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])), Buffer.from([0])]);

describe('names', () => {
  it('normalises: no trailing dot, ASCII lower case only, root as empty', () => {
    expect(normalName('Shop.Example.')).toBe('shop.example');
    expect(normalName('.')).toBe('');
    expect(normalName('')).toBe('');
    expect(normalName('ÄBC.example')).toBe('Äbc.example');
    expect(asciiLower('AZaz09-Ü')).toBe('azaz09-Ü');
    expect(displayName('')).toBe('.');
    expect(displayName('shop.example')).toBe('shop.example');
  });

  it('labels, parents and ancestors', () => {
    expect(labelsOf('')).toEqual([]);
    expect(labelsOf('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(parentName('a.b.c')).toBe('b.c');
    expect(parentName('c')).toBe('');
    expect(parentName('')).toBe('');
    expect(ancestorWithLabels('a.b.c', 2)).toBe('b.c');
    expect(ancestorWithLabels('a.b.c', 3)).toBe('a.b.c');
    expect(ancestorWithLabels('a.b.c', 0)).toBe('');
    expect(isSubdomain('a.b.c', 'b.c')).toBe(true);
    expect(isSubdomain('b.c', 'b.c')).toBe(true);
    expect(isSubdomain('ab.c', 'b.c')).toBe(false);
    expect(isSubdomain('anything', '')).toBe(true);
    expect(isSubdomain('b.c', 'a.b.c')).toBe(false);
  });

  it('wire form: length-prefixed labels and the root byte', () => {
    expect(hex(nameToWire('shop.example'))).toBe(hex(wire('shop', 'example')));
    expect(hex(nameToWire(''))).toBe('00');
  });

  it('canonical order is RFC 4034 6.1 example order', () => {
    const ordered = ['example', 'a.example', 'yljkjljk.a.example', 'Z.a.example', 'zABC.a.EXAMPLE', 'z.example', '*.z.example'];
    const shuffled = [ordered[4], ordered[6], ordered[0], ordered[3], ordered[5], ordered[1], ordered[2]] as string[];
    expect([...shuffled].sort(compareCanonical)).toEqual(ordered);
    expect(compareCanonical('A.example', 'a.EXAMPLE')).toBe(0);
    expect(compareCanonical('', 'example')).toBeLessThan(0);
    expect(compareCanonical('b.example', 'a.example')).toBeGreaterThan(0);
    expect(compareCanonical('a.b.example', 'b.example')).toBeGreaterThan(0);
  });
});

describe('canonical rdata', () => {
  const record = (type: string, data: unknown): DnsRecord => ({ name: 'Shop.Example', type, ttl: 300, data }) as DnsRecord;

  it('lower-cases the names inside NS, CNAME, PTR, DNAME, SOA, MX, SRV, NAPTR, RP and RRSIG', () => {
    expect(hex(canonicalRdata(record('NS', 'NS1.Shop.Example')))).toBe(hex(wire('ns1', 'shop', 'example')));
    expect(hex(canonicalRdata(record('CNAME', 'WWW.Example')))).toBe(hex(wire('www', 'example')));
    expect(hex(canonicalRdata(record('PTR', 'Host.Example')))).toBe(hex(wire('host', 'example')));
    expect(hex(canonicalRdata(record('DNAME', 'Other.Example')))).toBe(hex(wire('other', 'example')));
    const mx = canonicalRdata(record('MX', { preference: 10, exchange: 'MX.Shop.Example' }));
    expect(hex(mx)).toBe(`000a${hex(wire('mx', 'shop', 'example'))}`);
    const soa = canonicalRdata(record('SOA', { mname: 'NS1.X', rname: 'Host.X', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 }));
    expect(hex(soa)).toBe(`${hex(wire('ns1', 'x'))}${hex(wire('host', 'x'))}0000000100000002000000030000000400000005`);
    const srv = canonicalRdata(record('SRV', { priority: 1, weight: 2, port: 443, target: 'Srv.X' }));
    expect(hex(srv)).toBe(`0001000201bb${hex(wire('srv', 'x'))}`);
    const naptr = canonicalRdata(record('NAPTR', { order: 1, preference: 2, flags: 'S', services: 'SIP', regexp: '', replacement: 'Sip.X' }));
    expect(hex(naptr).endsWith(hex(wire('sip', 'x')))).toBe(true);
    const rp = canonicalRdata(record('RP', { mbox: 'Admin.X', txt: 'Info.X' }));
    expect(hex(rp)).toBe(`${hex(wire('admin', 'x'))}${hex(wire('info', 'x'))}`);
    const rrsig = canonicalRdata(record('RRSIG', { typeCovered: 'A', algorithm: 13, labels: 2, originalTTL: 300, expiration: 2, inception: 1, keyTag: 7, signersName: 'Shop.Example', signature: Buffer.from([0xab]) }));
    // type A, algorithm 13, 2 labels, TTL 300, expiration 2, inception 1, key tag 7, signer, signature.
    expect(hex(rrsig)).toBe(`0001 0d 02 0000012c 00000002 00000001 0007 ${hex(wire('shop', 'example'))} ab`.replace(/ /g, ''));
  });

  it('keeps the case of other rdata (NSEC next names are not lowered, RFC 6840 5.1)', () => {
    expect(hex(canonicalRdata(record('TXT', ['Hello'])))).toBe(`05${hex(Buffer.from('Hello'))}`);
    expect(hex(canonicalRdata(record('A', '192.0.2.1')))).toBe('c0000201');
    expect(canonicalRdata(record('NSEC', { nextDomain: 'Next.Example', rrtypes: ['A'] })).includes(Buffer.from('Next'))).toBe(true);
  });

  it('does not change the record it was given', () => {
    const caa = record('CAA', { flags: 0, tag: 'issue', value: 'ca.example' });
    const before = JSON.stringify(caa);
    canonicalRdata(caa);
    canonicalRdata(caa);
    expect(JSON.stringify(caa)).toBe(before);
    expect(hex(canonicalRdata(caa))).toBe(`0005${hex(Buffer.from('issue'))}${hex(Buffer.from('ca.example'))}`);
  });
});

describe('type codes and signed data', () => {
  it('type codes, also for unknown types', () => {
    expect([typeCode('A'), typeCode('NS'), typeCode('SOA'), typeCode('MX'), typeCode('AAAA'), typeCode('DS'), typeCode('RRSIG'), typeCode('DNSKEY'), typeCode('TLSA')]).toEqual([1, 2, 6, 15, 28, 43, 46, 48, 52]);
    expect(typeCode('UNKNOWN_65000')).toBe(65000);
    expect(typeCode('A')).toBe(1);
  });

  const sig = { typeCovered: 'A', algorithm: 13, labels: 2, originalTTL: 3600, expiration: 0x80000001, inception: 0x7fffffff, keyTag: 0xbeef, signersName: 'Shop.Example.', signature: Buffer.alloc(0) };
  const prefixWith = (labels: string) => `0001 0d ${labels} 00000e10 80000001 7fffffff beef ${hex(wire('shop', 'example'))}`.replace(/ /g, '');
  const prefix = prefixWith('02');

  it('the RRSIG prefix: covered type, algorithm, labels, TTL, times, key tag, signer in canonical form', () => {
    expect(hex(rrsigSignedPrefix(sig))).toBe(prefix);
  });

  it('signed data: prefix, then each record with owner, type, class IN, original TTL, length, rdata in canonical order', () => {
    const rrset = [
      { name: 'WWW.Shop.Example', type: 'A', ttl: 60, data: '192.0.2.2' },
      { name: 'www.shop.example', type: 'A', ttl: 60, data: '192.0.2.1' },
      { name: 'www.shop.example', type: 'A', ttl: 60, data: '192.0.2.2' },
    ] as DnsRecord[];
    const owner = hex(wire('www', 'shop', 'example'));
    const rr = (ip: string) => `${owner}000100010000${'0e10'}0004${ip}`;
    const exact = signedData({ ...sig, labels: 3 }, rrset);
    expect(hex(exact)).toBe(`${prefixWith('03')}${rr('c0000201')}${rr('c0000202')}`);
    // Fewer labels in the signature than in the owner: the record was expanded from a wildcard.
    const wildcard = hex(signedData(sig, rrset));
    const star = hex(wire('*', 'shop', 'example'));
    expect(wildcard).toBe(`${prefix}${star}000100010000${'0e10'}0004c0000201${star}000100010000${'0e10'}0004c0000202`);
    expect(hex(signedData(sig, []))).toBe(prefix);
  });

  it('canonical RR order sorts rdata as octet strings and removes duplicates', () => {
    const b = (...bytes: number[]) => Buffer.from(bytes);
    expect(uniqueSorted([b(2), b(1, 5), b(1), b(2), b(1, 5)]).map(hex)).toEqual(['01', '0105', '02']);
    expect(uniqueSorted([])).toEqual([]);
  });
});
