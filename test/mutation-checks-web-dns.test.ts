/**
 * web.address and web.caa verdict by verdict: addresses shown (at most four), the www
 * advice, each DNS failure code in plain words, and CAA issuers, wildcard issuers, iodef
 * and critical unknown tags. test/checks-web-dns.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { webAddress } from '../src/scan/checks/web/dns/address.js';
import { webCaa } from '../src/scan/checks/web/dns/caa.js';
import type { AddressEvidence, CaaEvidence, RefusedAddress, ScanEvidence } from '../src/scan/evidence/index.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const APEX = 'shop.example';
const WWW = 'www.shop.example';
const dns = (partial: Partial<AddressEvidence>): AddressEvidence => ({ a: [], aaaa: [], cnames: [], ...partial });

function scan(apex: Partial<AddressEvidence>, options: { www?: Partial<AddressEvidence> | null; refused?: RefusedAddress[]; wwwRefused?: RefusedAddress[]; caa?: CaaEvidence } = {}): ScanEvidence {
  return {
    target: APEX,
    collectedAt: NOW.toISOString(),
    web: {
      hosts: [
        { host: APEX, role: 'apex', dns: dns(apex), refused: options.refused ?? [] },
        ...(options.www === null ? [] : [{ host: WWW, role: 'www' as const, dns: dns(options.www ?? { a: ['203.0.113.10'] }), refused: options.wwwRefused ?? [] }]),
      ],
      ...(options.caa ? { caa: options.caa } : {}),
    },
  };
}

const run = (check: typeof webAddress, evidence: ScanEvidence): CheckVerdict => check.run(evidence, { now: NOW });

describe('web.address', () => {
  it('passes with the count and up to four addresses, IPv4 first; keeps the facts of both hosts', () => {
    const result = run(webAddress, scan({ a: ['192.0.2.1', '192.0.2.2'], aaaa: ['2001:db8::1'], cnames: ['shop.cdn.example'] }, { www: { a: ['192.0.2.9'], error: 'x' }, refused: [{ address: '10.0.0.1', range: 'private' }] }));
    expect(result).toEqual({
      status: 'pass',
      summary: { key: 'pass', params: { host: APEX, count: 3, addresses: '192.0.2.1, 192.0.2.2, 2001:db8::1' } },
      advice: [],
      evidence: {
        apex: { host: APEX, a: ['192.0.2.1', '192.0.2.2'], aaaa: ['2001:db8::1'], cnames: ['shop.cdn.example'] },
        www: { host: WWW, a: ['192.0.2.9'], aaaa: [], error: 'x' },
        refused: [{ host: APEX, address: '10.0.0.1', range: 'private' }],
      },
    });
    const five = run(webAddress, scan({ a: ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5'] }));
    expect(five.summary.params).toEqual({ host: APEX, count: 5, addresses: '192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4, …' });
    const four = run(webAddress, scan({ a: ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'] }));
    expect(four.summary.params?.addresses).toBe('192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4');
  });

  it('advises adding www when it has no address (none, NXDOMAIN or a CNAME loop), not when it failed to resolve', () => {
    const advice = { key: 'wwwMissing', params: { www: WWW, host: APEX } };
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: {} })).advice).toEqual([advice]);
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: { error: 'NXDOMAIN' } })).advice).toEqual([advice]);
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: { error: 'cname-loop' } })).advice).toEqual([advice]);
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: { error: 'SERVFAIL' } })).advice).toEqual([]);
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: { aaaa: ['2001:db8::2'] } })).advice).toEqual([]);
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: null })).advice).toEqual([]);
    expect(run(webAddress, scan({ a: ['192.0.2.1'] }, { www: null })).evidence).not.toHaveProperty('www');
  });

  it('an apex without an address fails, each cause with its own advice', () => {
    expect(run(webAddress, scan({}))).toMatchObject({ status: 'fail', summary: { key: 'noAddress', params: { host: APEX } }, advice: [{ key: 'addA', params: { host: APEX } }] });
    expect(run(webAddress, scan({ error: 'NXDOMAIN' }))).toMatchObject({ status: 'fail', summary: { key: 'nxdomain', params: { host: APEX } }, advice: [{ key: 'checkRegistration', params: { host: APEX } }] });
    expect(run(webAddress, scan({ error: 'cname-loop' }))).toMatchObject({ status: 'fail', summary: { key: 'cnameLoop', params: { host: APEX } }, advice: [{ key: 'fixCname', params: { host: APEX } }] });
  });

  it('a failed lookup is an error in plain words per code', () => {
    const codes: [string, string][] = [['timeout', 'dnsTimeout'], ['SERVFAIL', 'dnsServfail'], ['REFUSED', 'dnsRefused'], ['network', 'dnsNetwork'], ['malformed', 'dnsMalformed'], ['NOTIMP', 'dnsFailed']];
    for (const [code, key] of codes) {
      expect(run(webAddress, scan({ error: code })), code).toMatchObject({ status: 'error', summary: { key, params: { host: APEX, code } }, advice: [] });
    }
  });

  it('no web evidence, or no apex: not collected', () => {
    expect(run(webAddress, { target: APEX, collectedAt: '' })).toEqual({ status: 'error', summary: { key: 'notCollected', params: { host: APEX } }, advice: [], evidence: {} });
    const wwwOnly: ScanEvidence = { target: APEX, collectedAt: '', web: { hosts: [{ host: WWW, role: 'www', dns: dns({ a: ['192.0.2.1'] }), refused: [] }] } };
    expect(run(webAddress, wwwOnly).summary.key).toBe('notCollected');
  });
});

describe('web.caa', () => {
  /** foundAt null: the evidence names no owner for the records. */
  const caa = (records: CaaEvidence['records'], foundAt: string | null = APEX) => run(webCaa, scan({ a: ['192.0.2.1'] }, { caa: { records, ...(foundAt === null ? {} : { foundAt }) } }));
  const record = (tag: string, value: string, flags = 0) => ({ flags, tag, value });

  it('names the issuers once each, lower-case and without parameters, and keeps the facts', () => {
    const records = [record('issue', 'LetsEncrypt.org; validationmethods=dns-01'), record('issue', 'letsencrypt.org'), record('issue', 'sectigo.com'), record('issuewild', 'digicert.com; x=y'), record('issuewild', ';')];
    expect(caa(records)).toEqual({
      status: 'info',
      summary: { key: 'present', params: { foundAt: APEX, issuers: 'letsencrypt.org, sectigo.com' } },
      advice: [],
      evidence: { foundAt: APEX, issuers: ['letsencrypt.org', 'sectigo.com'], wildcardIssuers: ['digicert.com'], iodef: [], records },
    });
  });

  it('with an iodef address it says where reports go', () => {
    expect(caa([record('issue', 'letsencrypt.org'), record('IODEF', 'mailto:caa@shop.example'), record('iodef', 'https://r.example/')]).summary).toEqual({
      key: 'presentIodef', params: { foundAt: APEX, issuers: 'letsencrypt.org', iodef: 'mailto:caa@shop.example, https://r.example/' },
    });
  });

  it('issue ";" forbids every certificate: said, with the renewal warning', () => {
    expect(caa([record('issue', ';')])).toMatchObject({ summary: { key: 'presentForbidden', params: { foundAt: APEX } }, advice: [{ key: 'forbiddenRenewal' }] });
    expect(caa([record('Issue', '  ')]).summary.key).toBe('presentForbidden');
  });

  it('records without an issue tag, and critical records with a tag no CA knows', () => {
    expect(caa([record('iodef', 'mailto:x@shop.example')]).summary).toEqual({ key: 'presentNoIssue', params: { foundAt: APEX } });
    const critical = caa([record('issue', 'letsencrypt.org'), record('tbs', 'x', 128), record('future', 'x', 0), record('ISSUEWILD', 'x.example', 128), record('weird', 'x', 129)]);
    expect(critical.advice).toEqual([{ key: 'criticalUnknown', params: { tag: 'tbs' } }, { key: 'criticalUnknown', params: { tag: 'weird' } }]);
    expect(caa([record('tbs', 'x', 128), record('issue', ';')]).advice).toEqual([{ key: 'criticalUnknown', params: { tag: 'tbs' } }, { key: 'forbiddenRenewal' }]);
    for (const tag of ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc']) expect(caa([record('issue', 'a.example'), record(tag, 'x', 128)]).advice, tag).toEqual([]);
  });

  it('no records means absent, with the advice to add them; a failure or no collection is an error', () => {
    expect(caa([])).toEqual({ status: 'info', summary: { key: 'absent', params: { host: APEX } }, advice: [{ key: 'addCaa', params: { host: APEX } }], evidence: { records: [] } });
    expect(caa([record('issue', 'a.example')], null).summary.key).toBe('absent');
    expect(run(webCaa, scan({ a: ['192.0.2.1'] }, { caa: { records: [], error: 'timeout' } }))).toEqual({ status: 'error', summary: { key: 'dnsTimeout', params: { host: APEX, code: 'timeout' } }, advice: [], evidence: { error: 'timeout' } });
    expect(run(webCaa, scan({ a: ['192.0.2.1'] })).summary).toEqual({ key: 'notCollected', params: { host: APEX } });
  });
});
