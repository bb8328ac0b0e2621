/** The DNSSEC checks on recorded evidence, and collectDnssec with a fake validator (an internal seam). */
import { describe, expect, it } from 'vitest';
import { dnssecChecks } from '../src/scan/checks/dns/index.js';
import type { Check } from '../src/scan/check.js';
import { collectDnssec } from '../src/scan/collect/dnssec.js';
import type { DnssecEvidence, DnssecNameResult, DnssecZoneEvidence } from '../src/scan/evidence/dnssec.js';
import type { MailEvidence } from '../src/scan/evidence/mail.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { DnssecValidator } from '../src/scan/dnssec/types.js';

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

function evidence(dnssec: Partial<DnssecEvidence> | undefined, mail?: Partial<MailEvidence['mx']>): ScanEvidence {
  return {
    target: 'shop.nl',
    collectedAt: now.toISOString(),
    ...(dnssec
      ? { dnssec: { anchor: 'built-in', domain: name('shop.nl', 'secure', { type: 'SOA', chain: ['.', 'nl', 'shop.nl'] }), mx: [], zones: [zone({})], ...dnssec } }
      : {}),
    ...(mail ? { mail: { mx: { records: [], nullMx: false, ...mail } } as unknown as MailEvidence } : {}),
  };
}

describe('dns.dnssec', () => {
  const check = byId('dns.dnssec');
  it.each([
    ['secure', 'pass', 'secure'],
    ['insecure', 'fail', 'insecure'],
    ['bogus', 'fail', 'bogus'],
    ['indeterminate', 'error', 'indeterminate'],
  ] as const)('%s -> %s', (status, expected, key) => {
    const result = check.run(evidence({ domain: name('shop.nl', status, { type: 'SOA', reason: 'why' }) }), { now });
    expect(result.status).toBe(expected);
    expect(result.summary.key).toBe(key);
    if (status === 'insecure') expect(result.advice).toEqual([{ key: 'enable', params: { domain: 'shop.nl' } }]);
    if (status === 'bogus') expect(result.advice[0]?.key).toBe('fixBogus');
  });
  it('without DNSSEC evidence: error', () => expect(check.run(evidence(undefined), { now }).status).toBe('error'));
});

describe('dns.dnssec.algorithms', () => {
  const check = byId('dns.dnssec.algorithms');
  it('passes ECDSA P-256 with a SHA-256 DS', () => {
    const result = check.run(evidence({}), { now });
    expect(result).toMatchObject({ status: 'pass', summary: { key: 'good', params: { zone: 'shop.nl', algorithms: 'ECDSA P-256 (13)' } } });
  });
  it('fails RSA/SHA-1 (5 and 7)', () => {
    const result = check.run(evidence({ zones: [zone({ ds: [{ keyTag: 1, algorithm: 7, digestType: 2 }], dnskeys: [{ keyTag: 1, algorithm: 7, flags: 257, bits: 2048 }] })] }), { now });
    expect(result.status).toBe('fail');
    expect(result.advice[0]).toEqual({ key: 'replaceAlgorithm', params: { zone: 'shop.nl', algorithms: 'RSA/SHA-1-NSEC3 (7)' } });
  });
  it('warns about RSA keys under 2048 bits, naming the key tag', () => {
    const result = check.run(
      evidence({ zones: [zone({ ds: [{ keyTag: 5, algorithm: 8, digestType: 2 }], dnskeys: [{ keyTag: 5, algorithm: 8, flags: 257, bits: 2048 }, { keyTag: 6, algorithm: 8, flags: 256, bits: 1024 }] })] }),
      { now },
    );
    expect(result.status).toBe('warn');
    expect(result.advice).toEqual([{ key: 'longerKeys', params: { zone: 'shop.nl', keys: '6 (1024 bits)' } }]);
  });
  it('warns about a DS with only a SHA-1 digest', () => {
    const result = check.run(evidence({ zones: [zone({ ds: [{ keyTag: 1, algorithm: 13, digestType: 1 }] })] }), { now });
    expect(result.status).toBe('warn');
    expect(result.advice[0]?.key).toBe('dsDigest');
  });
  it('judges only the domain zone, not the TLD', () => {
    const weakTld = zone({ zone: 'nl', dnskeys: [{ keyTag: 9, algorithm: 5, flags: 257, bits: 1024 }] });
    expect(check.run(evidence({ zones: [weakTld, zone({})] }), { now }).status).toBe('pass');
  });
  it('uses the deepest zone when a bogus answer has no chain', () => {
    const result = check.run(evidence({ domain: name('shop.nl', 'bogus', { type: 'SOA', reason: 'x' }), zones: [zone({ zone: 'nl' }), zone({ dnskeys: [{ keyTag: 1, algorithm: 5, flags: 257, bits: 2048 }] })] }), { now });
    expect(result.status).toBe('fail');
  });
  it('leaves an unsigned domain out (dns.dnssec already costs the points)', () => {
    const result = check.run(evidence({ domain: name('shop.nl', 'insecure', { chain: ['.', 'nl', 'shop.nl'] }), zones: [zone({ status: 'insecure', ds: [], dnskeys: [] })] }), { now });
    expect(result).toMatchObject({ status: 'skip', summary: { key: 'unsigned' } });
    expect(result.notApplicable).toBe(true);
  });
});

describe('mail.dnssec.mx', () => {
  const check = byId('mail.dnssec.mx');
  it('is not applicable for a Null MX', () => {
    expect(check.run(evidence({}, { nullMx: true }), { now })).toMatchObject({ status: 'skip', notApplicable: true, summary: { key: 'nullMx' } });
  });
  it('is not applicable without MX', () => {
    expect(check.run(evidence({}, { records: [] }), { now })).toMatchObject({ status: 'skip', notApplicable: true, summary: { key: 'noMx' } });
  });
  const mx = { records: [{ preference: 10, exchange: 'mx1.shop.nl' }] };
  it('passes when every MX name is secure', () => {
    const result = check.run(evidence({ mx: [name('mx1.shop.nl', 'secure'), name('mx2.shop.nl', 'secure')] }, mx), { now });
    expect(result).toMatchObject({ status: 'pass', summary: { params: { hosts: 'mx1.shop.nl, mx2.shop.nl' } } });
  });
  it('fails and names the unsigned MX', () => {
    const result = check.run(evidence({ mx: [name('mx1.shop.nl', 'secure'), name('aspmx.example.com', 'insecure')] }, mx), { now });
    expect(result.status).toBe('fail');
    expect(result.advice).toEqual([{ key: 'enableMx', params: { hosts: 'aspmx.example.com' } }]);
  });
  it('bogus wins over insecure', () => {
    const result = check.run(evidence({ mx: [name('a.nl', 'insecure'), name('b.nl', 'bogus', { reason: 'expired' })] }, mx), { now });
    expect(result).toMatchObject({ status: 'fail', summary: { key: 'bogus', params: { hosts: 'b.nl', reason: 'expired' } } });
    expect(result.advice.map((advice) => advice.key)).toEqual(['fixBogusMx', 'enableMx']);
  });
  it('indeterminate is an error', () => {
    expect(check.run(evidence({ mx: [name('a.nl', 'indeterminate', { reason: 'timeout' })] }, mx), { now }).status).toBe('error');
  });
});

describe('collectDnssec', () => {
  it('validates the SOA of the domain and the A record of each MX, and merges the zones', async () => {
    const asked: string[] = [];
    const fake: DnssecValidator = {
      lookup(lookupName, type) {
        asked.push(`${lookupName}/${type}`);
        const zones = [zone({ zone: '.' }), zone({ zone: 'nl' }), zone({ zone: lookupName === 'mx.other.nl' ? 'other.nl' : 'shop.nl' })];
        return Promise.resolve({ rcode: 'NOERROR', answers: [], result: name(lookupName, 'secure', { type }), zones });
      },
    };
    const result = await collectDnssec('shop.nl', ['mx.shop.nl', 'MX.other.nl.', 'mx.shop.nl'], fake, 'built-in');
    expect(asked.sort()).toEqual(['mx.other.nl/A', 'mx.shop.nl/A', 'shop.nl/SOA']);
    expect(result.mx.map((entry) => entry.name)).toEqual(['mx.shop.nl', 'mx.other.nl']);
    expect(result.zones.map((entry) => entry.zone)).toEqual(['.', 'nl', 'shop.nl', 'other.nl']);
  });
  it('turns a throwing validator into indeterminate', async () => {
    const broken: DnssecValidator = { lookup: () => Promise.reject(new Error('boom')) };
    const result = await collectDnssec('shop.nl', [], broken, 'file');
    expect(result).toMatchObject({ anchor: 'file', domain: { status: 'indeterminate', reason: 'boom' }, mx: [] });
  });
});

describe('texts', () => {
  it.each(dnssecChecks.map((check) => [check.id, check] as const))('%s has the same keys and placeholders in EN/NL/SV', (_id, check) => {
    const shape = (texts: Record<string, string>): string[] =>
      Object.entries(texts)
        .map(([key, text]) => `${key}:${[...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort().join(',')}`)
        .sort();
    expect(shape(check.texts.nl)).toEqual(shape(check.texts.en));
    expect(shape(check.texts.sv)).toEqual(shape(check.texts.en));
  });
});
