/**
 * The mail transport checks (mail.starttls, mail.tls.*, mail.dane) on evidence: not
 * applicable for Null MX / no MX, per-host errors, the trust and name rules (information
 * unless MTA-STS or DANE binds them), and DANE matching on real certificates from the test
 * PKI, with the TLSA data computed here independently of the collector.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import type { Check, CheckVerdict } from '../src/scan/check.js';
import { mailDane } from '../src/scan/checks/mail/transport/dane.js';
import { mailTransportChecks } from '../src/scan/checks/mail/transport/index.js';
import { mailStarttls } from '../src/scan/checks/mail/transport/starttls.js';
import { MAIL_TLS_TWINS, WEB_ONLY_KEYS, mailCertHostname, mailCertTrust, mailTlsVersion } from '../src/scan/checks/mail/transport/tls.js';
import { certDigests } from '../src/scan/collect/tls/cert-digests.js';
import { certInfo } from '../src/scan/collect/tls/cert-info.js';
import type { MailEvidence, MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { SmtpEvidence, TlsaRecord } from '../src/scan/evidence/smtp.js';
import type { CertInfo, ScanEvidence, TlsEvidence } from '../src/scan/evidence/index.js';
import { renderMessage } from '../src/scan/texts.js';
import { GOOD, NOW, tls as varyTls } from './evidence/tls/builders.js';
import { testPki } from './fixtures/pki.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
const sha = (algorithm: string, data: Buffer): string => createHash(algorithm).update(data).digest('hex');
const derOf = (pem: string): Buffer => Buffer.from(new X509Certificate(pem).raw);
const spkiOf = (pem: string): Buffer => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
const pemsOf = (bundle: string): string[] => bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];

/** A chain as the collector records it (CertInfo with DANE digests), from PEMs, leaf first. */
function chainOf(pems: string[]): CertInfo[] {
  const ders = pems.map(derOf);
  return ders.map((der, index) => ({ ...certInfo(der), dane: certDigests(der, ders[index + 1])! }));
}

function run(check: Check, evidence: ScanEvidence): CheckVerdict {
  const verdict = check.run(evidence, { now: NOW });
  for (const lang of LANGS) {
    for (const message of [verdict.summary, ...verdict.advice]) {
      const text = renderMessage(mailTransportChecks, check, message, lang);
      if (/\{\{/.test(text)) throw new Error(`${check.id} ${message.key} (${lang}) left a placeholder: ${text}`);
    }
  }
  return verdict;
}

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

describe('texts', () => {
  it('every mail.tls.* check has every key of its web twin, with the same placeholders, in every language', () => {
    for (const { mail: mailCheck, web } of MAIL_TLS_TWINS) {
      for (const lang of LANGS) {
        for (const [key, text] of Object.entries(web.texts[lang])) {
          if ((WEB_ONLY_KEYS as readonly string[]).includes(key)) continue;
          const own = mailCheck.texts[lang][key];
          expect(own, `${mailCheck.id} ${lang}.${key}`).toBeDefined();
          expect(placeholders(own ?? ''), `${mailCheck.id} ${lang}.${key}`).toEqual(placeholders(text));
        }
      }
    }
  });

  it('speaks of mail servers, not of browsers, visitors or nginx', () => {
    for (const check of mailTransportChecks) {
      for (const [key, text] of Object.entries(check.texts.en)) expect(text, `${check.id} ${key}`).not.toMatch(/browser|visitor|nginx|Apache|website/i);
      expect(check.texts.en.title).not.toBe('');
    }
  });

  it('has the same keys and placeholders in every language', () => {
    for (const check of mailTransportChecks) {
      const english = check.texts.en;
      for (const lang of LANGS) {
        expect(Object.keys(check.texts[lang]).sort(), `${check.id} ${lang}`).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(check.texts[lang])) expect(placeholders(text), `${check.id} ${lang}.${key}`).toEqual(placeholders(english[key] ?? ''));
      }
    }
  });
});

describe('scope', () => {
  it('is not applicable with a Null MX or without MX, and an error without mail evidence or when MX lookup failed', () => {
    const nullMx = mail([], { mx: { records: [{ preference: 0, exchange: '' }], nullMx: true } });
    const noMx = mail([]);
    const failed = mail([], { mx: { records: [], nullMx: false, error: 'SERVFAIL' } });
    for (const check of mailTransportChecks) {
      expect(run(check, nullMx), check.id).toMatchObject({ status: 'skip', notApplicable: true, summary: { key: 'nullMx' } });
      expect(run(check, noMx), check.id).toMatchObject({ status: 'skip', notApplicable: true, summary: { key: 'noMx' } });
      expect(run(check, failed), check.id).toMatchObject({ status: 'error', summary: { key: 'mxError' } });
      expect(run(check, { target: 'shop.test', collectedAt: '' }).summary.key, check.id).toBe('noMail');
    }
  });

  it('skips (but counts) a host without STARTTLS in the TLS checks, and fails it in mail.starttls', () => {
    const plain = server('mx.shop.test', { smtp: { ...SMTP_OK, starttlsOffered: false, readyForTls: false } });
    delete plain.tls;
    const evidence = mail([plain]);
    expect(run(mailTlsVersion, evidence)).toMatchObject({ status: 'skip', summary: { key: 'noStarttls' } });
    expect(run(mailTlsVersion, evidence).notApplicable).toBeUndefined();
    expect(run(mailStarttls, evidence)).toMatchObject({ status: 'fail', summary: { key: 'notOffered' }, advice: [{ key: 'enable' }] });
  });
});

describe('mail.starttls', () => {
  it('passes when every MX upgrades, naming the TLS version', () => {
    expect(run(mailStarttls, mail([server('mx1.shop.test'), server('mx2.shop.test')]))).toMatchObject({ status: 'pass', summary: { key: 'pass', params: { host: 'mx1.shop.test, mx2.shop.test', version: 'TLS 1.3' } } });
  });

  it('names the host that could not be reached, turned us away, refused STARTTLS or failed the handshake', () => {
    const greylisted = server('mx2.shop.test', { smtp: { ...SMTP_OK, starttlsOffered: null, readyForTls: false, stage: 'banner', failure: 'greylisted', error: 'The server answered its greeting with 450 4.7.1 Greylisted.' } });
    const grey = run(mailStarttls, mail([server('mx1.shop.test'), greylisted]));
    expect(grey).toMatchObject({ status: 'error', summary: { key: 'greylisted', params: { host: 'mx2.shop.test' } } });
    const refused = server('mx3.shop.test', { smtp: { ...SMTP_OK, readyForTls: false, starttls: { code: 454, text: '4.7.0 TLS not available', lines: 1 }, stage: 'starttls', failure: 'greylisted', error: 'The server answered its reply to STARTTLS with 454 4.7.0 TLS not available.' } });
    delete refused.tls;
    expect(run(mailStarttls, mail([refused]))).toMatchObject({ status: 'fail', summary: { key: 'refused', params: { code: 454 } } });
    expect(run(mailTlsVersion, mail([refused]))).toMatchObject({ status: 'skip', summary: { key: 'starttlsRefused' } });
    const broken = server('mx4.shop.test', { tls: varyTls(GOOD, (evidence) => { evidence.error = 'The server closed the connection during the TLS handshake.'; }) });
    expect(run(mailStarttls, mail([broken]))).toMatchObject({ status: 'fail', summary: { key: 'upgradeFailed' } });
    const timeout = server('mx5.shop.test', { smtp: { ...SMTP_OK, starttlsOffered: null, readyForTls: false, stage: 'banner', failure: 'timeout', error: 'The server did not finish its reply in time.' } });
    expect(run(mailStarttls, mail([timeout]))).toMatchObject({ status: 'error', summary: { key: 'smtpFailed', params: { host: 'mx5.shop.test' } } });
  });
});

describe('certificate trust and name: information unless MTA-STS or DANE binds them', () => {
  let bad: TlsEvidence;
  beforeAll(() => {
    bad = varyTls(GOOD, (evidence) => {
      evidence.certificate = { ...evidence.certificate!, trusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', hostnameMatches: false, hostnameError: 'mismatch' };
    });
  });
  const tlsa = (usage: number): MailServerEvidence['tlsa'] => ({ name: '_25._tcp.mx.shop.test', dnssec: 'secure', records: [{ usage, selector: 1, matchingType: 1, data: 'ab'.repeat(32) }] });

  const cases: { rule: string; change: Partial<MailServerEvidence>; policy?: 'enforce' | 'testing' | 'none'; trust: string; hostname: string }[] = [
    { rule: 'none', change: {}, trust: 'info', hostname: 'info' },
    { rule: 'none', change: {}, policy: 'none', trust: 'info', hostname: 'info' },
    { rule: 'mta-sts', change: {}, policy: 'enforce', trust: 'fail', hostname: 'fail' },
    { rule: 'mta-sts', change: {}, policy: 'testing', trust: 'fail', hostname: 'fail' },
    { rule: 'dane-ee', change: { tlsa: tlsa(3) }, policy: 'enforce', trust: 'info', hostname: 'info' },
    { rule: 'dane-ta', change: { tlsa: tlsa(2) }, trust: 'info', hostname: 'fail' },
    { rule: 'none', change: { tlsa: { ...tlsa(3)!, dnssec: 'insecure' } }, trust: 'info', hostname: 'info' },
  ];
  for (const { rule, change, policy, trust, hostname } of cases) {
    it(`rule ${rule} (MTA-STS ${policy ?? 'absent'}, TLSA ${change.tlsa ? `${change.tlsa.records[0]?.usage} ${change.tlsa.dnssec}` : 'none'}): trust ${trust}, name ${hostname}`, () => {
      const evidence = mail([server('mx.shop.test', { tls: { ...bad, host: 'mx.shop.test' }, ...change })], policy ? { mtaSts: { policy: { mode: policy, mx: ['mx.shop.test'], maxAge: 86400 } } } : {});
      const trustVerdict = run(mailCertTrust, evidence);
      const nameVerdict = run(mailCertHostname, evidence);
      expect(trustVerdict.status).toBe(trust);
      expect(nameVerdict.status).toBe(hostname);
      expect((trustVerdict.evidence.hosts as { rule: string }[])[0]?.rule).toBe(rule);
      expect(trustVerdict.summary.key).toBe('unknownIssuer');
      if (rule === 'none') expect(trustVerdict.advice.map((ref) => ref.key)).toEqual(['installTrusted', 'beforeMtaSts']);
      if (rule.startsWith('dane') && trust === 'info') expect(trustVerdict.advice).toEqual([]);
    });
  }

  it('passes a good certificate whatever the rule', () => {
    expect(run(mailCertTrust, mail([server('mx.shop.test')])).status).toBe('pass');
  });
});

describe('mail.dane on real certificates', () => {
  let chain: CertInfo[];
  let leafPem: string;
  let intermediatePem: string;
  let nextKeyPem: string;
  beforeAll(async () => {
    const pki = await testPki();
    const issued = await pki.issue({ names: ['mx.shop.test'] });
    [leafPem = '', intermediatePem = ''] = pemsOf(issued.chainPem);
    chain = chainOf([leafPem, intermediatePem]);
    nextKeyPem = (await pki.issue({ names: ['mx.shop.test'], key: 'ec256' })).certPem;
  });

  function withTlsa(records: [number, number, number, string][], change: { dnssec?: 'secure' | 'insecure' | 'bogus' | 'indeterminate'; hostnameMatches?: boolean; chain?: CertInfo[] } = {}): ScanEvidence {
    const tlsaRecords: TlsaRecord[] = records.map(([usage, selector, matchingType, data]) => ({ usage, selector, matchingType, data }));
    const tls = varyTls(GOOD, (evidence) => {
      evidence.certificate = { ...evidence.certificate!, chain: change.chain ?? chain, hostnameMatches: change.hostnameMatches ?? true };
    });
    return mail([server('mx.shop.test', { tls: { ...tls, host: 'mx.shop.test' }, tlsa: { name: '_25._tcp.mx.shop.test', dnssec: change.dnssec ?? 'secure', records: tlsaRecords } })]);
  }
  const key = (verdict: CheckVerdict): string => `${verdict.status}:${verdict.summary.key}`;

  it('matches DANE-EE records of every selector and matching type on the leaf', () => {
    expect(key(run(mailDane, withTlsa([[3, 1, 1, sha('sha256', spkiOf(leafPem))]])))).toBe('pass:pass');
    expect(key(run(mailDane, withTlsa([[3, 0, 1, sha('sha256', derOf(leafPem))]])))).toBe('pass:pass');
    expect(key(run(mailDane, withTlsa([[3, 1, 2, sha('sha512', spkiOf(leafPem))]])))).toBe('pass:pass');
    expect(key(run(mailDane, withTlsa([[3, 0, 2, sha('sha512', derOf(leafPem))]])))).toBe('pass:pass');
    expect(key(run(mailDane, withTlsa([[3, 0, 0, derOf(leafPem).toString('hex')]])))).toBe('pass:pass');
    expect(key(run(mailDane, withTlsa([[3, 1, 0, spkiOf(leafPem).toString('hex')]])))).toBe('pass:pass');
    // A DANE-EE record for the intermediate authenticates nothing.
    expect(key(run(mailDane, withTlsa([[3, 1, 1, sha('sha256', spkiOf(intermediatePem))]])))).toBe('fail:noMatch');
  });

  it('matches DANE-TA on a CA in the chain (not the leaf), along a signed path, with the name checked', () => {
    const ta: [number, number, number, string] = [2, 1, 1, sha('sha256', spkiOf(intermediatePem))];
    expect(key(run(mailDane, withTlsa([ta])))).toBe('pass:pass');
    expect(key(run(mailDane, withTlsa([[2, 1, 1, sha('sha256', spkiOf(leafPem))]])))).toBe('fail:noMatch');
    expect(key(run(mailDane, withTlsa([ta], { hostnameMatches: false })))).toBe('fail:taName');
    const unsigned = chain.map((cert, index) => (index === 0 ? { ...cert, dane: { ...cert.dane!, signedByNext: false } } : cert));
    expect(key(run(mailDane, withTlsa([ta], { chain: unsigned })))).toBe('fail:noMatch');
  });

  it('reports rollover safety as information', () => {
    const current: [number, number, number, string] = [3, 1, 1, sha('sha256', spkiOf(leafPem))];
    const single = run(mailDane, withTlsa([current]));
    expect(single.advice.map((ref) => ref.key)).toEqual(['rollover']);
    expect((single.evidence.hosts as { rolloverSafe: boolean }[])[0]?.rolloverSafe).toBe(false);
    const next = run(mailDane, withTlsa([current, [3, 1, 1, sha('sha256', spkiOf(nextKeyPem))]]));
    expect(key(next)).toBe('pass:passRollover');
    expect((next.evidence.hosts as { rollover: string }[])[0]?.rollover).toBe('current+next');
    const issuer = run(mailDane, withTlsa([current, [2, 1, 1, sha('sha256', spkiOf(intermediatePem))]]));
    expect((issuer.evidence.hosts as { rollover: string }[])[0]?.rollover).toBe('current+issuer');
    // Two forms of the same current key are not a rollover scheme.
    expect(key(run(mailDane, withTlsa([current, [3, 0, 1, sha('sha256', derOf(leafPem))]])))).toBe('pass:pass');
  });

  it('explains PKIX usages (0, 1), insecure, bogus, missing and undecidable TLSA', () => {
    const pkix = run(mailDane, withTlsa([[1, 1, 1, sha('sha256', spkiOf(leafPem))]]));
    expect(key(pkix)).toBe('fail:noUsable');
    expect(pkix.advice.map((ref) => ref.key)).toEqual(['dropPkix']);
    const mixed = run(mailDane, withTlsa([[0, 0, 1, 'aa'.repeat(32)], [3, 1, 1, sha('sha256', spkiOf(leafPem))]]));
    expect(key(mixed)).toBe('pass:pass');
    expect(mixed.advice.map((ref) => ref.key)).toContain('dropPkix');
    const good: [number, number, number, string] = [3, 1, 1, sha('sha256', spkiOf(leafPem))];
    expect(key(run(mailDane, withTlsa([good], { dnssec: 'insecure' })))).toBe('fail:insecure');
    expect(key(run(mailDane, withTlsa([good], { dnssec: 'bogus' })))).toBe('fail:bogus');
    expect(key(run(mailDane, withTlsa([good], { dnssec: 'indeterminate' })))).toBe('error:indeterminate');
    const none = run(mailDane, withTlsa([]));
    expect(key(none)).toBe('fail:none');
    expect(none.advice.map((ref) => ref.key)).toEqual(['publish']);
    expect(run(mailDane, withTlsa([], { dnssec: 'insecure' })).advice.map((ref) => ref.key)).toEqual(['signZone', 'publish']);
  });

  it('fails TLSA without working STARTTLS: DANE senders would not deliver at all', () => {
    const plain = server('mx.shop.test', { smtp: { ...SMTP_OK, starttlsOffered: false, readyForTls: false }, tlsa: { name: '_25._tcp.mx.shop.test', dnssec: 'secure', records: [{ usage: 3, selector: 1, matchingType: 1, data: 'ab'.repeat(32) }] } });
    delete plain.tls;
    expect(key(run(mailDane, mail([plain])))).toBe('fail:tlsaWithoutStarttls');
  });

  it('fails the domain when one of two MX hosts lacks DANE, naming it', () => {
    const good = withTlsa([[3, 1, 1, sha('sha256', spkiOf(leafPem))]]).mail!.servers[0]!;
    const other = server('mx2.shop.test');
    const verdict = run(mailDane, mail([good, other]));
    expect(verdict).toMatchObject({ status: 'fail', summary: { key: 'none', params: { host: 'mx2.shop.test', name: '_25._tcp.mx2.shop.test' } } });
  });
});
