/**
 * The mail transport plumbing and checks in detail: why a host could not be judged,
 * mail.starttls's facts and reasons, mail.dane's verdicts and the DANE matching rules
 * (usable records, exact and digest matches, DANE-TA paths, rollover, which rule binds
 * the certificate checks), and how per-host verdicts are combined. Synthetic certificate
 * digests stand in for real certificates here; test/checks-mail-transport.test.ts
 * matches real ones from the test PKI.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { mailDane } from '../src/scan/checks/mail/transport/dane.js';
import { assessDane, certificateRule, certMatches, isBinding, isUsable } from '../src/scan/checks/mail/transport/dane-match.js';
import { mailStarttls } from '../src/scan/checks/mail/transport/starttls.js';
import { mailTlsVersion } from '../src/scan/checks/mail/transport/tls.js';
import { combine, hostVerdict } from '../src/scan/checks/web/host-verdicts.js';
import type { MailEvidence, MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { SmtpEvidence, TlsaEvidence, TlsaRecord } from '../src/scan/evidence/smtp.js';
import type { CertInfo, ScanEvidence, TlsEvidence } from '../src/scan/evidence/index.js';
import { GOOD, NOW, cert, tls as varyTls } from './evidence/tls/builders.js';

const SMTP_OK: SmtpEvidence = { address: '192.0.2.25', port: 25, ehloName: 'weerbaar.invalid', starttlsOffered: true, readyForTls: true, transcript: [], durationMs: 5 };

function server(host: string, change: Partial<MailServerEvidence> = {}): MailServerEvidence {
  return {
    host,
    preference: 10,
    dns: { a: ['192.0.2.25'], aaaa: [], cnames: [] },
    refused: [],
    smtp: SMTP_OK,
    tls: { ...GOOD, host, port: 25 },
    tlsa: { name: `_25._tcp.${host}`, dnssec: 'secure', records: [] },
    ...change,
  };
}

function mail(servers: MailServerEvidence[], change: Partial<MailEvidence> = {}): ScanEvidence {
  const evidence = {
    domain: 'shop.test',
    mx: { records: servers.map((entry) => ({ preference: entry.preference, exchange: entry.host })), nullMx: false },
    servers,
    spf: {},
    dmarc: {},
    dkim: {},
    mtaSts: {},
    tlsRpt: {},
    ...change,
  } as MailEvidence;
  return { target: 'shop.test', collectedAt: NOW.toISOString(), mail: evidence };
}

const hostsOf = (verdict: CheckVerdict) => verdict.evidence.hosts as Record<string, unknown>[];
const without = <T extends object>(value: T, key: keyof T): T => {
  const copy = { ...value };
  delete copy[key];
  return copy;
};

describe('a host that cannot be judged (servers.ts)', () => {
  it('no SMTP evidence: the DNS error, the refused private addresses, or simply no address', () => {
    const noSmtp = (change: Partial<MailServerEvidence>) => run(mailTlsVersion, mail([without(server('mx.shop.test', change), 'smtp')]));
    expect(noSmtp({ dns: { a: [], aaaa: [], cnames: [], error: 'NXDOMAIN' } })).toMatchObject({ status: 'error', summary: { key: 'noAddress', params: { host: 'mx.shop.test', reason: 'NXDOMAIN' } } });
    expect(noSmtp({ refused: [{ address: '10.0.0.1', range: 'private' }, { address: '127.0.0.1', range: 'loopback' }] }).summary.params).toEqual({ host: 'mx.shop.test', reason: 'only private addresses (10.0.0.1, 127.0.0.1)' });
    expect(noSmtp({}).summary.params).toEqual({ host: 'mx.shop.test', reason: 'no address' });
    expect(hostsOf(noSmtp({}))[0]).toMatchObject({ stage: 'dns' });
  });

  it('an SMTP failure: greylisting named as such, anything else as an SMTP failure, with stage and failure', () => {
    const failing = (failure: SmtpEvidence['failure']) => server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, starttlsOffered: null, stage: 'banner', failure, error: 'it went wrong' } });
    const grey = run(mailTlsVersion, mail([failing('greylisted')]));
    expect(grey.summary).toEqual({ key: 'greylisted', params: { host: 'mx.shop.test', reason: 'it went wrong' } });
    expect(hostsOf(grey)[0]).toMatchObject({ stage: 'banner', failure: 'greylisted' });
    expect(run(mailTlsVersion, mail([failing('timeout')])).summary).toEqual({ key: 'smtpFailed', params: { host: 'mx.shop.test', reason: 'it went wrong' } });
  });

  it('TLS checks: STARTTLS refused (with the reason), not offered, or a TLS probe that failed', () => {
    const refused = without(server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, stage: 'starttls', starttls: { code: 454, text: 'no', lines: 1 }, error: '454 no' } }), 'tls');
    expect(run(mailTlsVersion, mail([refused])).summary).toEqual({ key: 'starttlsRefused', params: { host: 'mx.shop.test', reason: '454 no' } });
    const refusedQuietly = without(server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, stage: 'starttls', starttls: { code: 454, text: 'no', lines: 1 } } }), 'tls');
    expect(run(mailTlsVersion, mail([refusedQuietly])).summary.params).toEqual({ host: 'mx.shop.test', reason: '' });
    expect(run(mailTlsVersion, mail([without(server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false } }), 'tls')])).summary.key).toBe('noStarttls');
    expect(run(mailTlsVersion, mail([without(server('mx.shop.test'), 'tls')]))).toMatchObject({ status: 'error', summary: { key: 'probeFailed', params: { host: 'mx.shop.test', reason: 'no TLS evidence' } } });
    const broken = server('mx.shop.test', { tls: varyTls(GOOD, (evidence) => { evidence.error = 'handshake timeout'; }) });
    expect(run(mailTlsVersion, mail([broken])).summary).toEqual({ key: 'probeFailed', params: { host: 'mx.shop.test', reason: 'handshake timeout' } });
  });
});

function run(check: { run: (evidence: ScanEvidence, context: { now: Date }) => CheckVerdict }, evidence: ScanEvidence): CheckVerdict {
  return check.run(evidence, { now: NOW });
}

describe('mail.starttls', () => {
  it('passes with the version of the handshake, and keeps the SMTP facts', () => {
    const smtp: SmtpEvidence = { ...SMTP_OK, banner: { code: 220, text: 'mx ESMTP', lines: 1 }, ehlo: { code: 250, text: 'hello', lines: 3, extensions: ['STARTTLS', 'SIZE 1000'] }, starttls: { code: 220, text: 'go ahead', lines: 1 }, transcript: [{ from: 'client', line: 'EHLO weerbaar.invalid' }] as never };
    const result = run(mailStarttls, mail([server('mx.shop.test', { smtp })]));
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { host: 'mx.shop.test', version: 'TLS 1.3' } });
    expect(hostsOf(result)[0]).toEqual({
      host: 'mx.shop.test', status: 'pass', address: '192.0.2.25', banner: smtp.banner, ehlo: ['STARTTLS', 'SIZE 1000'], starttls: smtp.starttls, transcript: smtp.transcript,
    });
  });

  it('without a negotiated protocol, names the best version the probe saw', () => {
    const tls = varyTls(GOOD, (evidence) => {
      delete evidence.handshake.protocol;
      evidence.versions = { SSLv3: false, TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false };
    });
    expect(run(mailStarttls, mail([server('mx.shop.test', { tls: { ...tls, host: 'mx.shop.test' } })])).summary.params?.version).toBe('TLS 1.2');
  });

  it('fails an upgrade that did not work, with the most precise reason', () => {
    const noVersion = varyTls(GOOD, (evidence) => {
      delete evidence.handshake.protocol;
      evidence.handshake.error = 'alert 40';
      evidence.versions = { SSLv3: false, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false };
    });
    expect(run(mailStarttls, mail([server('mx.shop.test', { tls: noVersion })]))).toMatchObject({
      status: 'fail', summary: { key: 'upgradeFailed', params: { host: 'mx.shop.test', reason: 'alert 40' } }, advice: [{ key: 'fixUpgrade', params: { host: 'mx.shop.test' } }],
    });
    const plain = varyTls(noVersion, (evidence) => { delete evidence.handshake.error; });
    expect(run(mailStarttls, mail([server('mx.shop.test', { tls: plain })])).summary.params?.reason).toBe('no TLS handshake succeeded');
    expect(run(mailStarttls, mail([without(server('mx.shop.test'), 'tls')])).summary.params?.reason).toBe('no TLS handshake succeeded');
    const probeError = varyTls(GOOD, (evidence) => { evidence.error = 'reset'; });
    expect(run(mailStarttls, mail([server('mx.shop.test', { tls: probeError })])).summary.params?.reason).toBe('reset');
  });

  it('STARTTLS refused fails with the reply code and reason; not offered fails with the advice to enable', () => {
    const refused = server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, stage: 'starttls', starttls: { code: 502, text: 'no', lines: 1 }, error: '502 no' } });
    expect(run(mailStarttls, mail([refused]))).toMatchObject({ status: 'fail', summary: { key: 'refused', params: { host: 'mx.shop.test', code: 502, reason: '502 no' } }, advice: [{ key: 'fixRefused', params: { host: 'mx.shop.test' } }] });
    const refusedQuietly = server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, stage: 'starttls', starttls: { code: 502, text: 'no', lines: 1 } } });
    expect(run(mailStarttls, mail([refusedQuietly])).summary.params?.reason).toBe('');
    expect(run(mailStarttls, mail([server('mx.shop.test', { smtp: { ...SMTP_OK, starttlsOffered: false, readyForTls: false } })]))).toMatchObject({
      status: 'fail', summary: { key: 'notOffered', params: { host: 'mx.shop.test' } }, advice: [{ key: 'enable', params: { host: 'mx.shop.test' } }],
    });
  });

  it('a host it could not reach is an error that keeps the SMTP facts', () => {
    const result = run(mailStarttls, mail([server('mx.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, stage: 'connect', failure: 'connect', error: 'refused' } })]));
    expect(result.summary).toEqual({ key: 'smtpFailed', params: { host: 'mx.shop.test', reason: 'refused' } });
    expect(hostsOf(result)[0]).toMatchObject({ stage: 'connect', failure: 'connect', address: '192.0.2.25' });
  });
});

const record = (usage: number, selector: number, matchingType: number, data: string): TlsaRecord => ({ usage, selector, matchingType, data });
const digests = (name: string) => ({
  certSha256: `${name}c256`, certSha512: `${name}c512`, spkiSha256: `${name}s256`, spkiSha512: `${name}s512`,
  certDer: Buffer.from(`${name}-cert`).toString('base64'), spkiDer: Buffer.from(`${name}-spki`).toString('base64'),
});
const hexOf = (text: string) => Buffer.from(text).toString('hex');
const leaf = (signedByNext = true): CertInfo => cert({ dane: { ...digests('aa'), signedByNext } });
const ca = (name: string, signedByNext = true): CertInfo => cert({ isCA: true, dane: { ...digests(name), signedByNext } });
const tlsWith = (chain: CertInfo[], hostnameMatches = true): TlsEvidence => varyTls(GOOD, (evidence) => {
  evidence.certificate = { ...evidence.certificate!, chain, hostnameMatches };
});
const tlsa = (records: TlsaRecord[], dnssec: TlsaEvidence['dnssec'] = 'secure'): TlsaEvidence => ({ name: '_25._tcp.mx.shop.test', dnssec, records });

describe('DANE matching rules (dane-match.ts)', () => {
  it('usable: usage 2 or 3, selector 0 or 1, matching type 0 to 2', () => {
    const usable = (usage: number, selector: number, matchingType: number) => isUsable(record(usage, selector, matchingType, 'aa'));
    expect([0, 1, 2, 3, 4].map((usage) => usable(usage, 1, 1))).toEqual([false, false, true, true, false]);
    expect([-1, 0, 1, 2].map((selector) => usable(3, selector, 1))).toEqual([false, true, true, false]);
    expect([-1, 0, 1, 2, 3].map((matchingType) => usable(3, 1, matchingType))).toEqual([false, true, true, true, false]);
  });

  it('matches each selector and matching type against the right digest, in any case, never on empty data', () => {
    const certificate = leaf();
    expect(certMatches(certificate, record(3, 0, 1, 'AAC256'))).toBe(true);
    expect(certMatches(certificate, record(3, 1, 1, 'aas256'))).toBe(true);
    expect(certMatches(certificate, record(3, 0, 2, 'aac512'))).toBe(true);
    expect(certMatches(certificate, record(3, 1, 2, 'aas512'))).toBe(true);
    expect(certMatches(certificate, record(3, 0, 0, hexOf('aa-cert')))).toBe(true);
    expect(certMatches(certificate, record(3, 1, 0, hexOf('aa-spki')))).toBe(true);
    // Crossed over: a certificate digest for an SPKI record and so on.
    expect(certMatches(certificate, record(3, 1, 1, 'aac256'))).toBe(false);
    expect(certMatches(certificate, record(3, 0, 1, 'aas256'))).toBe(false);
    expect(certMatches(certificate, record(3, 0, 2, 'aac256'))).toBe(false);
    expect(certMatches(certificate, record(3, 1, 0, hexOf('aa-cert')))).toBe(false);
    expect(certMatches(certificate, record(3, 1, 3, 'aas256'))).toBe(false);
    expect(certMatches(cert({ dane: { ...digests('aa'), certSha256: '' } }), record(3, 0, 1, ''))).toBe(false);
    expect(certMatches(cert({}), record(3, 0, 1, 'aac256'))).toBe(false);
    const withoutDer = cert({ dane: { certSha256: 'x', certSha512: 'x', spkiSha256: 'x', spkiSha512: 'x' } });
    expect(certMatches(withoutDer, record(3, 0, 0, ''))).toBe(false);
  });

  it('DANE-EE matches the leaf only; DANE-TA a CA above it, on a signed path, first match only', () => {
    const chain = [leaf(), ca('bb'), ca('cc')];
    const ee = assessDane(tlsa([record(3, 1, 1, 'aas256'), record(3, 1, 1, 'bbs256')]), tlsWith(chain));
    expect(ee.matches).toEqual([{ record: record(3, 1, 1, 'aas256'), certIndex: 0 }]);
    expect(ee.rollover).toBe('current+next');
    const ta = assessDane(tlsa([record(2, 1, 1, 'ccs256')]), tlsWith(chain));
    expect(ta.matches).toEqual([{ record: record(2, 1, 1, 'ccs256'), certIndex: 2 }]);
    expect(ta.rollover).toBeNull();
    expect(assessDane(tlsa([record(2, 1, 1, 'aas256')]), tlsWith(chain)).matches).toEqual([]);
    // A CA not marked as one is no trust anchor.
    expect(assessDane(tlsa([record(2, 1, 1, 'bbs256')]), tlsWith([leaf(), cert({ isCA: false, dane: digests('bb') })])).matches).toEqual([]);
    // The path must be signed all the way: the leaf by bb, bb by cc.
    expect(assessDane(tlsa([record(2, 1, 1, 'ccs256')]), tlsWith([leaf(), ca('bb', false), ca('cc')])).matches).toEqual([]);
    expect(assessDane(tlsa([record(2, 1, 1, 'bbs256')]), tlsWith([leaf(), ca('bb', false), ca('cc')])).matches).toEqual([{ record: record(2, 1, 1, 'bbs256'), certIndex: 1 }]);
    expect(assessDane(tlsa([record(2, 1, 1, 'bbs256')]), tlsWith([leaf(false), ca('bb')])).matches).toEqual([]);
    // The same CA twice in the chain: matched once, at its first place.
    expect(assessDane(tlsa([record(2, 1, 1, 'bbs256')]), tlsWith([leaf(), ca('bb'), ca('bb')])).matches).toEqual([{ record: record(2, 1, 1, 'bbs256'), certIndex: 1 }]);
  });

  it('DANE-TA with a leaf that does not carry the MX name is a name mismatch, not a match', () => {
    const result = assessDane(tlsa([record(2, 1, 1, 'bbs256')]), tlsWith([leaf(), ca('bb')], false));
    expect(result.matches).toEqual([]);
    expect(result.taNameMismatch).toEqual([{ record: record(2, 1, 1, 'bbs256'), certIndex: 1 }]);
  });

  it('counts records once whatever the case of their data, and sorts out the unusable', () => {
    const result = assessDane(tlsa([record(3, 1, 1, 'AAS256'), record(3, 1, 1, 'aas256'), record(1, 1, 1, 'aas256'), record(3, 1, 9, 'aa')]), tlsWith([leaf()]));
    expect(result.usable).toEqual([record(3, 1, 1, 'aas256')]);
    expect(result.unusable).toEqual([record(1, 1, 1, 'aas256'), record(3, 1, 9, 'aa')]);
    expect(result.rollover).toBeNull();
  });

  it('rollover: DANE-EE with DANE-TA, or a usable record beside the matching one; nothing without a match', () => {
    expect(assessDane(tlsa([record(3, 1, 1, 'zz'), record(2, 1, 1, 'yy')]), tlsWith([leaf()])).rollover).toBe('current+issuer');
    expect(assessDane(tlsa([record(3, 1, 1, 'zz'), record(3, 1, 1, 'yy')]), tlsWith([leaf()])).rollover).toBeNull();
    expect(assessDane(tlsa([record(3, 1, 1, 'aas256'), record(1, 1, 1, 'yy')]), tlsWith([leaf()])).rollover).toBeNull();
    expect(assessDane(tlsa([record(3, 1, 1, 'aas256')]), undefined)).toMatchObject({ matches: [], rollover: null });
  });

  it('which rule binds the certificate: secure usable DANE first, then MTA-STS enforce or testing', () => {
    expect(certificateRule(tlsa([record(3, 1, 1, 'aa'), record(2, 1, 1, 'bb')]), undefined)).toBe('dane-ta');
    expect(certificateRule(tlsa([record(3, 1, 1, 'aa')]), 'enforce')).toBe('dane-ee');
    expect(certificateRule(tlsa([record(1, 1, 1, 'aa')]), 'testing')).toBe('mta-sts');
    expect(certificateRule(tlsa([record(3, 1, 1, 'aa')], 'insecure'), 'enforce')).toBe('mta-sts');
    expect(certificateRule(undefined, 'none')).toBe('none');
    expect(certificateRule(undefined, undefined)).toBe('none');
    const binding = (['dane-ta', 'dane-ee', 'mta-sts', 'none'] as const).map((rule) => [isBinding(rule, 'trust'), isBinding(rule, 'hostname')]);
    expect(binding).toEqual([[false, true], [false, false], [true, true], [false, false]]);
  });
});

describe('mail.dane verdicts', () => {
  const withTlsa = (change: Partial<TlsaEvidence> | undefined, serverChange: Partial<MailServerEvidence> = {}) => {
    const base = server('mx.shop.test', { tls: tlsWith([leaf(), ca('bb')]), ...serverChange });
    if (change === undefined) return run(mailDane, mail([without(base, 'tlsa')]));
    return run(mailDane, mail([{ ...base, tlsa: { ...tlsa([]), ...change } }]));
  };
  const good = record(3, 1, 1, 'aas256');

  it('passes a matching record, with the facts of the assessment', () => {
    const result = withTlsa({ records: [good, record(0, 0, 1, 'cc')] });
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { host: 'mx.shop.test', name: '_25._tcp.mx.shop.test' } });
    expect(result.advice).toEqual([
      { key: 'dropPkix', params: { name: '_25._tcp.mx.shop.test', records: '0 0 1 cc…' } },
      { key: 'rollover', params: { name: '_25._tcp.mx.shop.test' } },
    ]);
    expect(hostsOf(result)[0]).toMatchObject({ name: '_25._tcp.mx.shop.test', dnssec: 'secure', usable: 1, unusable: 1, matched: [{ record: '3 1 1 aas256…', certIndex: 0 }], rolloverSafe: false, rollover: null });
    const safe = withTlsa({ records: [good, record(2, 1, 1, 'bbs256')] });
    expect(safe).toMatchObject({ status: 'pass', summary: { key: 'passRollover' }, advice: [] });
    expect(hostsOf(safe)[0]).toMatchObject({ rolloverSafe: true, rollover: 'current+issuer' });
  });

  it('shows a record as usage, selector, type and the first 16 hex characters', () => {
    const long = record(1, 1, 1, '0123456789abcdef0123');
    expect(withTlsa({ records: [long] }).summary).toEqual({ key: 'noUsable', params: { host: 'mx.shop.test', name: '_25._tcp.mx.shop.test', records: '1 1 1 0123456789abcdef…' } });
  });

  it('lookup failures: not looked up, or an error without records; an error with records is judged on them', () => {
    expect(withTlsa(undefined).summary).toEqual({ key: 'lookupFailed', params: { host: 'mx.shop.test', name: '_25._tcp.mx.shop.test', reason: 'not looked up' } });
    expect(withTlsa({ error: 'SERVFAIL' })).toMatchObject({ status: 'error', summary: { key: 'lookupFailed', params: { reason: 'SERVFAIL' } } });
    expect(withTlsa({ error: 'truncated', records: [good] }).status).toBe('pass');
  });

  it('bogus and indeterminate TLSA carry their reasons, with defaults', () => {
    expect(withTlsa({ dnssec: 'bogus', reason: 'expired', records: [good] })).toMatchObject({
      status: 'fail', summary: { key: 'bogus', params: { name: '_25._tcp.mx.shop.test', reason: 'expired' } }, advice: [{ key: 'fixBogus', params: { host: 'mx.shop.test', name: '_25._tcp.mx.shop.test' } }],
    });
    expect(withTlsa({ dnssec: 'bogus', records: [] }).summary.params?.reason).toBe('bogus');
    expect(withTlsa({ dnssec: 'indeterminate', reason: 'r', error: 'e', records: [good] }).summary).toEqual({ key: 'indeterminate', params: { host: 'mx.shop.test', name: '_25._tcp.mx.shop.test', reason: 'r' } });
    expect(withTlsa({ dnssec: 'indeterminate', error: 'e', records: [good] }).summary.params?.reason).toBe('e');
    expect(withTlsa({ dnssec: 'indeterminate', records: [good] }).summary.params?.reason).toBe('unknown');
  });

  it('insecure TLSA fails with the advice to sign the zone', () => {
    expect(withTlsa({ dnssec: 'insecure', records: [good] })).toMatchObject({ status: 'fail', summary: { key: 'insecure' }, advice: [{ key: 'signZone', params: { host: 'mx.shop.test' } }] });
  });

  it('TLSA without STARTTLS fails; a failed probe keeps its own verdict with the DANE facts', () => {
    const plain = { smtp: { ...SMTP_OK, readyForTls: false } };
    expect(withTlsa({ records: [good] }, plain)).toMatchObject({ status: 'fail', summary: { key: 'tlsaWithoutStarttls' }, advice: [{ key: 'enableStarttls', params: { host: 'mx.shop.test' } }] });
    const failedProbe = withTlsa({ records: [good] }, { tls: varyTls(GOOD, (evidence) => { evidence.error = 'reset'; }) });
    expect(failedProbe).toMatchObject({ status: 'error', summary: { key: 'probeFailed', params: { reason: 'reset' } } });
    expect(hostsOf(failedProbe)[0]).toMatchObject({ usable: 1, matched: [] });
  });

  it('no certificate seen is an error; no match fails with the advice to update, TA name mismatch with its own', () => {
    const noChain = withTlsa({ records: [good] }, { tls: varyTls(GOOD, (evidence) => { evidence.certificate = { ...evidence.certificate!, chain: [] }; evidence.handshake.error = 'no cert'; }) });
    expect(noChain.summary).toEqual({ key: 'noCertificate', params: { host: 'mx.shop.test', reason: 'no cert' } });
    const noCertificate = withTlsa({ records: [good] }, { tls: varyTls(GOOD, (evidence) => { delete evidence.certificate; }) });
    expect(noCertificate.summary.params?.reason).toBe('no certificate seen');
    expect(withTlsa({ records: [record(3, 1, 1, 'ff'), record(1, 1, 1, 'ee')] }).advice).toEqual([
      { key: 'updateTlsa', params: { host: 'mx.shop.test', name: '_25._tcp.mx.shop.test' } },
      { key: 'dropPkix', params: { name: '_25._tcp.mx.shop.test', records: '1 1 1 ee…' } },
    ]);
    const mismatch = withTlsa({ records: [record(2, 1, 1, 'bbs256')] }, { tls: tlsWith([leaf(), ca('bb')], false) });
    expect(mismatch).toMatchObject({ status: 'fail', summary: { key: 'taName', params: { name: '_25._tcp.mx.shop.test' } }, advice: [{ key: 'fixTaName', params: { host: 'mx.shop.test' } }] });
  });
});

describe('combining per-host verdicts (host-verdicts.ts)', () => {
  it('the worst status wins: fail, error, warn, pass, info, skip', () => {
    const order = ['skip', 'info', 'pass', 'warn', 'error', 'fail'] as const;
    for (let index = 1; index < order.length; index++) {
      const results = order.slice(0, index + 1).map((status, position) => hostVerdict(`h${position}`, status, status));
      expect(combine(results).status).toBe(order[index]);
      expect(combine([...results].reverse()).status).toBe(order[index]);
    }
  });

  it('says a finding shared by several hosts once, naming them all; different findings separately', () => {
    const result = combine([
      hostVerdict('a.test', 'fail', 'bad', { why: 'x' }, [{ key: 'fix', params: { host: 'a.test' } }]),
      hostVerdict('b.test', 'fail', 'bad', { why: 'x' }, [{ key: 'fix', params: { host: 'b.test' } }, { key: 'general' }]),
      hostVerdict('c.test', 'fail', 'bad', { why: 'y' }, [{ key: 'fix', params: { host: 'c.test', extra: 1 } }]),
      hostVerdict('d.test', 'pass', 'good'),
    ]);
    expect(result.summary).toEqual({ key: 'bad', params: { host: 'a.test, b.test', why: 'x' } });
    expect(result.advice).toEqual([{ key: 'fix', params: { host: 'a.test, b.test' } }, { key: 'general' }, { key: 'fix', params: { host: 'c.test', extra: 1 } }]);
    expect(result.evidence).toEqual({ hosts: [{ host: 'a.test', status: 'fail' }, { host: 'b.test', status: 'fail' }, { host: 'c.test', status: 'fail' }, { host: 'd.test', status: 'pass' }] });
  });

  it('no hosts: an error with the given key', () => {
    expect(combine([], 'noMail')).toEqual({ status: 'error', summary: { key: 'noMail' }, advice: [], evidence: {} });
    expect(combine([]).summary.key).toBe('noWeb');
  });
});
