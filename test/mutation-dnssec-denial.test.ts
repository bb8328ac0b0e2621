/**
 * Authenticated denial (denial.ts) on hand-made NSEC and NSEC3 chains, and NSEC3 hashing on
 * the known answers of RFC 5155 appendix A (salt aabbccdd, 12 iterations). The records are
 * taken as already validated: these tests are about what the names prove.
 */
import type { Nsec3Data } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { base32hexDecode, base32hexEncode, nsec3Hash } from '../src/scan/dnssec/crypto.js';
import { MAX_NSEC3_ITERATIONS, Nsec3Chain, nsecProvesNoName, proveWithNsec, type Nsec3Input, type NsecInput } from '../src/scan/dnssec/denial.js';

/** RFC 5155 appendix A: H(name) with salt aabbccdd and 12 iterations, in base32hex. */
const RFC5155: Record<string, string> = {
  example: '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom',
  'a.example': '35mthgpgcu1qg68fab165klnsnk3dpvl',
  'ns1.example': '2t7b4g4vsa5smi47k61mv5bv1a22bojr',
  'w.example': 'k8udemvp1j2f7eg6jebps17vp3n8i58h',
  '*.w.example': 'r53bq7cc2uvmubfu5ocmm6pers9tk9en',
  'x.w.example': 'b4um86eghhds6nea196smvmlo4ors995',
  'y.w.example': 'ji6neoaepv8b5o6k4ev33abha8ht9fgc',
  'xx.example': 't644ebqk9bibcna874givr6joj62mlhv',
};
const SALT = Buffer.from('aabbccdd', 'hex');

describe('NSEC3 hashing', () => {
  it('matches RFC 5155 appendix A', () => {
    for (const [name, hash] of Object.entries(RFC5155)) expect(base32hexEncode(nsec3Hash(name, SALT, 12)), name).toBe(hash);
    expect(base32hexEncode(nsec3Hash('EXAMPLE', SALT, 12))).toBe(RFC5155.example);
  });

  it('base32hex both ways, in either case; anything else is no hash', () => {
    const bytes = nsec3Hash('example', SALT, 12);
    expect(base32hexDecode(RFC5155.example ?? '')?.equals(bytes)).toBe(true);
    expect(base32hexDecode((RFC5155.example ?? '').toUpperCase())?.equals(bytes)).toBe(true);
    expect(base32hexEncode(Buffer.from([0xff]))).toBe('vs');
    expect(base32hexDecode('vs')?.equals(Buffer.from([0xff]))).toBe(true);
    expect(base32hexDecode('w0')).toBeUndefined();
    expect(base32hexDecode('0p9m-a')).toBeUndefined();
  });
});

describe('NSEC (proveWithNsec)', () => {
  const nsec = (owner: string, nextDomain: string, rrtypes: string[]): NsecInput => ({ owner, data: { nextDomain, rrtypes } });
  // example -> a -> b.c -> ns (a delegation) -> *.w -> z -> back to the apex.
  const zone = [
    nsec('example', 'a.example', ['SOA', 'NS', 'NSEC', 'RRSIG', 'DNSKEY']),
    nsec('a.example', 'b.c.example', ['A', 'NSEC', 'RRSIG']),
    nsec('b.c.example', 'ns.example', ['A', 'NSEC', 'RRSIG']),
    nsec('ns.example', '*.w.example', ['NS', 'NSEC', 'RRSIG']),
    nsec('*.w.example', 'z.example', ['TXT', 'NSEC', 'RRSIG']),
    nsec('z.example', 'example', ['A', 'NSEC', 'RRSIG']),
  ];

  it('a name without the type: nodata, with its type bitmap', () => {
    const proof = proveWithNsec('a.example', 'AAAA', 'example', zone);
    expect(proof.kind).toBe('nodata');
    expect(proof.kind === 'nodata' && [...(proof.types ?? [])]).toEqual(['A', 'NSEC', 'RRSIG']);
    expect(proveWithNsec('A.Example', 'AAAA', 'example', [nsec('A.EXAMPLE.', 'b.c.example', ['A'])]).kind).toBe('unproven');
  });

  it('the type, or an alias, at the name refutes nodata', () => {
    expect(proveWithNsec('a.example', 'A', 'example', zone)).toEqual({ kind: 'unproven', reason: 'the NSEC record says A exists' });
    expect(proveWithNsec('cn.example', 'A', 'example', [nsec('cn.example', 'example', ['CNAME', 'NSEC'])])).toEqual({ kind: 'unproven', reason: 'the NSEC record says the name is an alias (CNAME)' });
  });

  it('no DS: must come from the parent side; a delegation record proves nothing but DS', () => {
    expect(proveWithNsec('example', 'DS', 'example', zone)).toEqual({ kind: 'unproven', reason: 'the "no DS" proof for example came from the child zone instead of its parent' });
    expect(proveWithNsec('', 'DS', '', [nsec('', 'a', ['SOA', 'NS'])]).kind).toBe('nodata');
    expect(proveWithNsec('ns.example', 'A', 'example', zone)).toEqual({ kind: 'unproven', reason: "the NSEC record for ns.example is the parent's delegation record" });
    const ds = proveWithNsec('ns.example', 'DS', 'example', zone);
    expect(ds.kind === 'nodata' && ds.types?.has('NS')).toBe(true);
    // At the zone's own apex a record with NS (and SOA) is fine.
    expect(proveWithNsec('example', 'A', 'example', zone).kind).toBe('nodata');
    expect(proveWithNsec('sub.example', 'A', 'sub.example', [nsec('sub.example', 'x.sub.example', ['NS'])]).kind).toBe('nodata');
  });

  it('an empty non-terminal: the next name is below it', () => {
    expect(proveWithNsec('c.example', 'A', 'example', zone)).toEqual({ kind: 'nodata' });
  });

  it('a name that does not exist: covered, and the wildcard at its closest encloser covered too', () => {
    expect(proveWithNsec('d.example', 'A', 'example', zone)).toEqual({ kind: 'nxdomain' });
    expect(proveWithNsec('zz.example', 'A', 'example', zone)).toEqual({ kind: 'nxdomain' });
    expect(proveWithNsec('d.example', 'A', 'example', [zone[2] as NsecInput])).toEqual({ kind: 'unproven', reason: 'no NSEC record proves that *.example does not exist' });
    expect(proveWithNsec('d.example', 'A', 'other', zone)).toEqual({ kind: 'unproven', reason: 'the NSEC records do not belong to other' });
    expect(proveWithNsec('d.example', 'A', 'example', [zone[0] as NsecInput])).toEqual({ kind: 'unproven', reason: 'no NSEC record covers d.example' });
  });

  it('a wildcard that exists: nodata unless it has the type', () => {
    expect(proveWithNsec('x.w.example', 'A', 'example', zone)).toEqual({ kind: 'nodata' });
    expect(proveWithNsec('x.w.example', 'TXT', 'example', zone)).toEqual({ kind: 'unproven', reason: 'the NSEC record says TXT exists' });
  });

  it('an NSEC at a delegation says nothing about names below it', () => {
    expect(proveWithNsec('host.ns.example', 'A', 'example', zone)).toEqual({ kind: 'unproven', reason: 'no NSEC record covers host.ns.example' });
    const dname = [...zone.slice(0, 2), nsec('b.c.example', 'd.example', ['A']), nsec('d.example', 'ns.example', ['DNAME', 'NSEC']), ...zone.slice(3)];
    expect(proveWithNsec('x.d.example', 'A', 'example', dname)).toEqual({ kind: 'unproven', reason: 'no NSEC record covers x.d.example' });
    expect(proveWithNsec('da.example', 'A', 'example', dname)).toEqual({ kind: 'nxdomain' });
  });

  it('the root zone: the wildcard is *', () => {
    const root = [nsec('', 'com', ['SOA', 'NS', 'NSEC']), nsec('com', 'org', ['NS', 'DS']), nsec('org', '', ['NS', 'DS'])];
    expect(proveWithNsec('invalid', 'A', '', root)).toEqual({ kind: 'nxdomain' });
  });

  it('nsecProvesNoName: covered, with the encloser as the closest encloser', () => {
    expect(nsecProvesNoName('x.w.example', 'w.example', zone)).toBe(true);
    expect(nsecProvesNoName('x.w.example', 'example', zone)).toBe(false);
    expect(nsecProvesNoName('d.example', 'example', zone)).toBe(true);
    expect(nsecProvesNoName('host.ns.example', 'ns.example', zone)).toBe(false);
    expect(nsecProvesNoName('a.example', 'example', zone)).toBe(false);
  });
});

describe('NSEC3 (Nsec3Chain)', () => {
  const hash = (name: string): Buffer => base32hexDecode(RFC5155[name] ?? '') ?? Buffer.alloc(0);
  // Owners in hash order: example 0p9m, ns1 2t7b, a 35mt, w k8ud (an empty non-terminal), *.w r53b, xx t644.
  const order = ['example', 'ns1.example', 'a.example', 'w.example', '*.w.example', 'xx.example'];
  const types: Record<string, string[]> = { example: ['SOA', 'NS', 'DNSKEY', 'NSEC3PARAM', 'RRSIG'], 'ns1.example': ['A', 'RRSIG'], 'a.example': ['A', 'RRSIG'], 'w.example': [], '*.w.example': ['MX', 'RRSIG'], 'xx.example': ['A', 'AAAA', 'RRSIG'] };
  const record = (name: string, extra: Partial<Nsec3Data> = {}, owner = `${RFC5155[name] ?? ''}.example`): Nsec3Input => {
    const next = order[(order.indexOf(name) + 1) % order.length] ?? 'example';
    return { owner, data: { algorithm: 1, flags: 0, iterations: 12, salt: SALT, nextDomain: hash(next), rrtypes: types[name] ?? [], ...extra } };
  };
  const chainOf = (records: Nsec3Input[], zone = 'example', budget = 64) => {
    const chain = Nsec3Chain.from(zone, records, { left: budget });
    if (!(chain instanceof Nsec3Chain)) throw new Error(JSON.stringify(chain));
    return chain;
  };
  const full = () => order.map((name) => record(name));

  it('nodata at a name; the type or an alias there refutes it', () => {
    const proof = chainOf(full()).prove('a.example', 'AAAA', 'NOERROR');
    expect(proof.kind === 'nodata' && [...(proof.types ?? [])]).toEqual(['A', 'RRSIG']);
    expect(chainOf(full()).prove('a.example', 'A', 'NOERROR')).toEqual({ kind: 'unproven', reason: 'the NSEC3 record says A exists' });
    const alias = order.map((name) => (name === 'a.example' ? record(name, { rrtypes: ['CNAME'] }) : record(name)));
    expect(chainOf(alias).prove('a.example', 'A', 'NOERROR')).toEqual({ kind: 'unproven', reason: 'the NSEC3 record says the name is an alias (CNAME)' });
  });

  it('no DS from the child apex; a delegation record proves only the absence of DS', () => {
    expect(chainOf(full()).prove('example', 'DS', 'NOERROR')).toEqual({ kind: 'unproven', reason: 'the "no DS" proof for example came from the child zone instead of its parent' });
    const delegation = order.map((name) => (name === 'a.example' ? record(name, { rrtypes: ['NS'] }) : record(name)));
    expect(chainOf(delegation).prove('a.example', 'A', 'NOERROR')).toEqual({ kind: 'unproven', reason: "the NSEC3 record for a.example is the parent's delegation record" });
    expect(chainOf(delegation).prove('a.example', 'DS', 'NOERROR').kind).toBe('nodata');
    // Below a delegation there is no closest-encloser proof.
    expect(chainOf(delegation).prove('x.a.example', 'A', 'NXDOMAIN')).toEqual({ kind: 'unproven', reason: 'no NSEC3 closest-encloser proof for x.a.example' });
  });

  it('a name that does not exist: closest encloser, next closer covered, wildcard covered', () => {
    // b.example (j7hv...) and *.example (jhsv...) both fall between a (35mt) and w (k8ud).
    expect(chainOf(full()).prove('b.example', 'A', 'NXDOMAIN')).toEqual({ kind: 'nxdomain' });
    const noWildcardCover = full().filter((r) => !r.owner.startsWith(RFC5155['a.example'] ?? '-'));
    expect(chainOf(noWildcardCover).prove('b.example', 'A', 'NXDOMAIN')).toEqual({ kind: 'unproven', reason: 'no NSEC3 closest-encloser proof for b.example' });
  });

  it('a wildcard that exists: nodata unless it has the type', () => {
    expect(chainOf(full()).prove('x.w.example', 'A', 'NOERROR')).toEqual({ kind: 'nodata' });
    expect(chainOf(full()).prove('x.w.example', 'MX', 'NOERROR')).toEqual({ kind: 'unproven', reason: 'the NSEC3 record says MX exists' });
  });

  it('opt-out: a DS query or an NXDOMAIN in an opt-out span is insecure; other answers go on', () => {
    const optOut = order.map((name) => record(name, { flags: 1 }));
    expect(chainOf(optOut).prove('b.example', 'DS', 'NOERROR')).toEqual({ kind: 'optout' });
    expect(chainOf(optOut).prove('b.example', 'A', 'NXDOMAIN')).toEqual({ kind: 'optout' });
    expect(chainOf(optOut).prove('b.example', 'A', 'NOERROR')).toEqual({ kind: 'nxdomain' });
  });

  it('refuses more than 150 iterations as insecure, and unknown algorithms or flags', () => {
    expect(MAX_NSEC3_ITERATIONS).toBe(150);
    expect(Nsec3Chain.from('example', [record('example', { iterations: 151 })], { left: 64 })).toEqual({ kind: 'insecure', reason: "the zone's NSEC3 records use 151 hash iterations (more than 150, RFC 9276)" });
    expect(Nsec3Chain.from('example', [record('example', { iterations: 150 })], { left: 64 })).toBeInstanceOf(Nsec3Chain);
    expect(Nsec3Chain.from('example', [record('example', { algorithm: 2 })], { left: 64 })).toEqual({ kind: 'unproven', reason: 'no NSEC3 record with a known hash algorithm' });
    expect(Nsec3Chain.from('example', [record('example', { flags: 2 })], { left: 64 })).toMatchObject({ kind: 'unproven', reason: 'no NSEC3 record with a known hash algorithm' });
    expect(Nsec3Chain.from('', [record('example', {}, `${RFC5155.example ?? ''}.elsewhere`)], { left: 64 })).toEqual({ kind: 'unproven', reason: 'no NSEC3 record of the root is usable' });
  });

  it('uses only records directly under the zone, with the first parameters, a 20-byte hash and next name', () => {
    const skewed = [
      record('example'),
      record('ns1.example', { salt: Buffer.from('00', 'hex') }),
      record('a.example', { iterations: 11 }),
      record('w.example', {}, `${RFC5155['w.example'] ?? ''}.sub.example`),
      record('*.w.example', { nextDomain: Buffer.alloc(19) }),
      record('xx.example', {}, 'not-base32!.example'),
    ];
    const chain = chainOf(skewed);
    // Only the apex record is left: a.example is not matched, and nothing covers it.
    expect(chain.prove('a.example', 'A', 'NOERROR').kind).toBe('unproven');
    expect(chain.prove('example', 'A', 'NOERROR').kind).toBe('nodata');
  });

  it('names outside the zone and an exhausted hash budget prove nothing', () => {
    expect(chainOf(full()).prove('example.org', 'A', 'NXDOMAIN')).toEqual({ kind: 'unproven', reason: 'example.org is not in zone example' });
    expect(chainOf(full(), 'example', 1).prove('b.example', 'A', 'NXDOMAIN').kind).toBe('unproven');
    expect(chainOf(full(), 'example', 0).prove('a.example', 'AAAA', 'NOERROR').kind).toBe('unproven');
  });

  it('provesNoName: the next closer name below the encloser is covered', () => {
    expect(chainOf(full()).provesNoName('x.w.example', 'w.example')).toBe(true);
    expect(chainOf(full()).provesNoName('y.w.example', 'w.example')).toBe(true);
    expect(chainOf(full()).provesNoName('x.w.example', 'example')).toBe(false);
  });
});
