/**
 * dns.dnssec, dns.dnssec.algorithms and mail.dnssec.mx in detail: every algorithm on each
 * side of the deprecated and RSA lists, the 2048-bit limit, which zone is judged, and the
 * parameters and facts of each verdict. test/dnssec-checks.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../src/scan/check.js';
import { dnssecChecks } from '../src/scan/checks/dns/index.js';
import type { DnssecEvidence, DnssecNameResult, DnssecZoneEvidence } from '../src/scan/evidence/dnssec.js';
import type { MailEvidence } from '../src/scan/evidence/mail.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';

const byId = (id: string): Check => {
  const check = dnssecChecks.find((candidate) => candidate.id === id);
  if (!check) throw new Error(id);
  return check;
};
const now = new Date('2026-03-01T00:00:00Z');
const name = (host: string, status: DnssecNameResult['status'], extra: Partial<DnssecNameResult> = {}): DnssecNameResult => ({ name: host, type: 'A', status, ...extra });
const zone = (extra: Partial<DnssecZoneEvidence>): DnssecZoneEvidence => ({
  zone: 'shop.nl',
  status: 'secure',
  ds: [{ keyTag: 1, algorithm: 13, digestType: 2 }],
  dnskeys: [{ keyTag: 1, algorithm: 13, flags: 257, bits: 256 }],
  ...extra,
});

function evidence(dnssec: Partial<DnssecEvidence> | undefined, mx?: Partial<MailEvidence['mx']>): ScanEvidence {
  return {
    target: 'shop.nl',
    collectedAt: now.toISOString(),
    ...(dnssec ? { dnssec: { anchor: 'built-in', domain: name('shop.nl', 'secure', { type: 'SOA', chain: ['.', 'nl', 'shop.nl'] }), mx: [], zones: [zone({})], ...dnssec } } : {}),
    ...(mx ? { mail: { mx: { records: [], nullMx: false, ...mx } } as unknown as MailEvidence } : {}),
  };
}

describe('dns.dnssec', () => {
  const check = byId('dns.dnssec');
  const run = (domain: DnssecNameResult, anchor: DnssecEvidence['anchor'] = 'built-in') => check.run(evidence({ domain, anchor }), { now });

  it('secure passes, with the chain and the anchor as facts', () => {
    expect(run(name('shop.nl', 'secure', { type: 'SOA', chain: ['.', 'nl', 'shop.nl'] }), 'file')).toEqual({
      status: 'pass',
      summary: { key: 'secure', params: { domain: 'shop.nl', reason: '' } },
      advice: [],
      evidence: { name: 'shop.nl', status: 'secure', chain: ['.', 'nl', 'shop.nl'], anchor: 'file' },
    });
  });

  it('insecure and bogus fail with their advice; bogus and indeterminate carry the reason', () => {
    expect(run(name('shop.nl', 'insecure', { reason: 'no DS' }))).toEqual({
      status: 'fail',
      summary: { key: 'insecure', params: { domain: 'shop.nl' } },
      advice: [{ key: 'enable', params: { domain: 'shop.nl' } }],
      evidence: { name: 'shop.nl', status: 'insecure', chain: [], reason: 'no DS', anchor: 'built-in' },
    });
    expect(run(name('shop.nl', 'bogus', { reason: 'expired' }))).toMatchObject({
      status: 'fail', summary: { key: 'bogus', params: { domain: 'shop.nl', reason: 'expired' } }, advice: [{ key: 'fixBogus', params: { domain: 'shop.nl' } }],
    });
    expect(run(name('shop.nl', 'indeterminate', { reason: 'timeout' }))).toMatchObject({ status: 'error', summary: { key: 'indeterminate', params: { domain: 'shop.nl', reason: 'timeout' } }, advice: [] });
  });

  it('without evidence: notCollected', () => {
    expect(check.run(evidence(undefined), { now })).toEqual({ status: 'error', summary: { key: 'notCollected', params: {} }, advice: [], evidence: {} });
  });
});

describe('dns.dnssec.algorithms', () => {
  const check = byId('dns.dnssec.algorithms');
  const judge = (z: Partial<DnssecZoneEvidence>, extra: Partial<DnssecEvidence> = {}) => check.run(evidence({ zones: [zone(z)], ...extra }), { now });
  const signedWith = (algorithm: number, bits?: number) => judge({ ds: [{ keyTag: 1, algorithm, digestType: 2 }], dnskeys: [{ keyTag: 1, algorithm, flags: 257, ...(bits === undefined ? {} : { bits }) }] });

  it('fails each deprecated algorithm (1, 3, 5, 6, 7, 12) and passes the current ones', () => {
    for (const algorithm of [1, 3, 5, 6, 7, 12]) {
      const result = signedWith(algorithm, 2048);
      expect(result.status, `algorithm ${algorithm}`).toBe('fail');
      expect(result.summary.key, `algorithm ${algorithm}`).toBe('deprecated');
    }
    for (const algorithm of [8, 10, 13, 14, 15, 16]) expect(signedWith(algorithm, 2048).status, `algorithm ${algorithm}`).toBe('pass');
  });

  it('names the algorithms, sorted and once each, and keeps the zone facts', () => {
    const ds = [{ keyTag: 2, algorithm: 13, digestType: 2 }, { keyTag: 3, algorithm: 8, digestType: 2 }];
    const dnskeys = [{ keyTag: 2, algorithm: 13, flags: 257, bits: 256 }, { keyTag: 3, algorithm: 8, flags: 257, bits: 2048 }, { keyTag: 4, algorithm: 13, flags: 256, bits: 256 }];
    const result = judge({ ds, dnskeys });
    expect(result).toEqual({
      status: 'pass',
      summary: { key: 'good', params: { zone: 'shop.nl', algorithms: 'RSA/SHA-256 (8), ECDSA P-256 (13)' } },
      advice: [],
      evidence: { zone: 'shop.nl', ds, dnskeys },
    });
  });

  it('a deprecated algorithm fails even beside a current one, naming only the deprecated', () => {
    const result = judge({ ds: [{ keyTag: 1, algorithm: 13, digestType: 1 }], dnskeys: [{ keyTag: 1, algorithm: 13, flags: 257, bits: 256 }, { keyTag: 2, algorithm: 5, flags: 257, bits: 1024 }] });
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'deprecated', params: { zone: 'shop.nl', algorithms: 'RSA/SHA-1 (5)' } });
    expect(result.advice).toEqual([
      { key: 'replaceAlgorithm', params: { zone: 'shop.nl', algorithms: 'RSA/SHA-1 (5)' } },
      { key: 'longerKeys', params: { zone: 'shop.nl', keys: '2 (1024 bits)' } },
      { key: 'dsDigest', params: { zone: 'shop.nl' } },
    ]);
  });

  it('RSA keys: 2047 bits warn, 2048 do not; unknown size and non-RSA keys are not judged by size', () => {
    expect(signedWith(8, 2047)).toMatchObject({ status: 'warn', summary: { key: 'weak', params: { zone: 'shop.nl', algorithms: 'RSA/SHA-256 (8)' } }, advice: [{ key: 'longerKeys', params: { keys: '1 (2047 bits)' } }] });
    expect(signedWith(10, 1024).status).toBe('warn');
    expect(signedWith(8, 2048).status).toBe('pass');
    expect(signedWith(8).status).toBe('pass');
    expect(signedWith(13, 256).status).toBe('pass');
    expect(signedWith(15, 256).status).toBe('pass');
  });

  it('a DS with only SHA-1 digests warns; one SHA-256 among them does not; no DS is not judged', () => {
    expect(judge({ ds: [{ keyTag: 1, algorithm: 13, digestType: 1 }, { keyTag: 1, algorithm: 13, digestType: 1 }] })).toMatchObject({ status: 'warn', advice: [{ key: 'dsDigest', params: { zone: 'shop.nl' } }] });
    expect(judge({ ds: [{ keyTag: 1, algorithm: 13, digestType: 1 }, { keyTag: 1, algorithm: 13, digestType: 2 }] }).status).toBe('pass');
    expect(judge({ ds: [] }).status).toBe('pass');
  });

  it('judges the zone at the end of the chain', () => {
    const parent = zone({ zone: 'nl', dnskeys: [{ keyTag: 9, algorithm: 13, flags: 257, bits: 256 }] });
    const own = zone({ zone: 'shop.nl', dnskeys: [{ keyTag: 1, algorithm: 7, flags: 257, bits: 2048 }] });
    expect(check.run(evidence({ zones: [parent, own] }), { now }).status).toBe('fail');
    const chainEndsAtNl = check.run(evidence({ domain: name('shop.nl', 'secure', { chain: ['.', 'nl'] }), zones: [parent, own] }), { now });
    expect(chainEndsAtNl.status).toBe('pass');
    expect(chainEndsAtNl.evidence).toMatchObject({ zone: 'nl' });
  });

  it('without a chain, takes the deepest zone that contains the domain, and nothing that only ends like it', () => {
    const bogus = (zones: DnssecZoneEvidence[]) => check.run(evidence({ domain: name('www.shop.nl', 'bogus', { reason: 'x' }), zones }), { now });
    const root = zone({ zone: '.', dnskeys: [{ keyTag: 7, algorithm: 8, flags: 257, bits: 2048 }] });
    const nl = zone({ zone: 'nl', dnskeys: [{ keyTag: 8, algorithm: 13, flags: 257, bits: 256 }] });
    const shop = zone({ zone: 'shop.nl', dnskeys: [{ keyTag: 1, algorithm: 5, flags: 257, bits: 2048 }] });
    const lookalike = zone({ zone: 'hop.nl', dnskeys: [{ keyTag: 2, algorithm: 7, flags: 257, bits: 2048 }] });
    const other = zone({ zone: 'www.shop.nl.evil', dnskeys: [{ keyTag: 3, algorithm: 1, flags: 257, bits: 2048 }] });
    expect(bogus([root, nl, shop]).evidence).toMatchObject({ zone: 'shop.nl' });
    expect(bogus([shop, nl, root]).evidence).toMatchObject({ zone: 'shop.nl' });
    expect(bogus([root, nl, lookalike, other]).evidence).toMatchObject({ zone: 'nl' });
    expect(bogus([root]).evidence).toMatchObject({ zone: '.' });
    expect(bogus([zone({ zone: 'www.shop.nl', dnskeys: [{ keyTag: 4, algorithm: 13, flags: 257, bits: 256 }] }), shop]).evidence).toMatchObject({ zone: 'www.shop.nl' });
  });

  it('no facts about the zone: skipped when unsigned, an error otherwise', () => {
    expect(check.run(evidence({ domain: name('shop.nl', 'insecure', { chain: ['.', 'nl', 'shop.nl'] }), zones: [zone({ ds: [], dnskeys: [] })] }), { now })).toEqual({
      status: 'skip', summary: { key: 'unsigned', params: {} }, advice: [], evidence: { status: 'insecure' }, notApplicable: true,
    });
    expect(check.run(evidence({ domain: name('shop.nl', 'indeterminate', { chain: ['.', 'nl', 'shop.nl'] }), zones: [zone({ ds: [], dnskeys: [] })] }), { now })).toEqual({
      status: 'error', summary: { key: 'unknown', params: {} }, advice: [], evidence: { status: 'indeterminate' },
    });
    expect(check.run(evidence({ zones: [] }), { now }).summary.key).toBe('unknown');
    // Keys alone, or a DS alone, are facts enough.
    expect(judge({ ds: [] }).status).toBe('pass');
    expect(judge({ dnskeys: [] }).status).toBe('pass');
    expect(check.run(evidence(undefined), { now }).summary.key).toBe('notCollected');
  });
});

describe('mail.dnssec.mx', () => {
  const check = byId('mail.dnssec.mx');
  const mx = { records: [{ preference: 10, exchange: 'mx1.shop.nl' }] };
  const run = (results: DnssecNameResult[], mxEvidence: Partial<MailEvidence['mx']> | undefined = mx) => check.run(evidence({ mx: results }, mxEvidence), { now });

  it('passes all-secure MX names, with the facts per host', () => {
    expect(run([name('mx1.shop.nl', 'secure'), name('mx2.shop.nl', 'secure', { reason: 'n/a' })])).toEqual({
      status: 'pass',
      summary: { key: 'secure', params: { hosts: 'mx1.shop.nl, mx2.shop.nl' } },
      advice: [],
      evidence: { hosts: [{ host: 'mx1.shop.nl', status: 'secure' }, { host: 'mx2.shop.nl', status: 'secure', reason: 'n/a' }] },
    });
  });

  it('the worst status names its hosts: bogus, then indeterminate, then insecure', () => {
    const all = [name('a.nl', 'secure'), name('b.nl', 'insecure'), name('c.nl', 'indeterminate', { reason: 'timeout' }), name('d.nl', 'bogus', { reason: 'expired' }), name('e.nl', 'bogus', { reason: 'other' })];
    expect(run(all)).toMatchObject({
      status: 'fail',
      summary: { key: 'bogus', params: { hosts: 'd.nl, e.nl', reason: 'expired' } },
      advice: [{ key: 'fixBogusMx', params: { hosts: 'd.nl, e.nl' } }, { key: 'enableMx', params: { hosts: 'b.nl' } }],
    });
    expect(run(all.slice(0, 3))).toMatchObject({ status: 'error', summary: { key: 'indeterminate', params: { hosts: 'c.nl', reason: 'timeout' } }, advice: [{ key: 'enableMx' }] });
    expect(run(all.slice(0, 2))).toEqual({
      status: 'fail',
      summary: { key: 'insecure', params: { hosts: 'b.nl' } },
      advice: [{ key: 'enableMx', params: { hosts: 'b.nl' } }],
      evidence: { hosts: [{ host: 'a.nl', status: 'secure' }, { host: 'b.nl', status: 'insecure' }] },
    });
    expect(run([name('c.nl', 'indeterminate')]).summary.params).toEqual({ hosts: 'c.nl', reason: '' });
  });

  it('not applicable to a Null MX or no MX; a failed MX lookup still judges; no results is an error', () => {
    expect(run([], { nullMx: true })).toEqual({ status: 'skip', summary: { key: 'nullMx', params: {} }, advice: [], evidence: {}, notApplicable: true });
    expect(run([], { records: [] })).toEqual({ status: 'skip', summary: { key: 'noMx', params: {} }, advice: [], evidence: {}, notApplicable: true });
    expect(run([name('mx1.shop.nl', 'secure')], { records: [], error: 'SERVFAIL' }).status).toBe('pass');
    expect(run([name('mx1.shop.nl', 'secure')], undefined).status).toBe('pass');
    expect(run([], mx)).toEqual({ status: 'error', summary: { key: 'notCollected', params: {} }, advice: [], evidence: {} });
    expect(check.run(evidence(undefined, mx), { now }).summary.key).toBe('notCollected');
  });
});
