import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import type { Check, CheckVerdict } from '../src/scan/check.js';
import { webAddress } from '../src/scan/checks/web/dns/address.js';
import { webCaa } from '../src/scan/checks/web/dns/caa.js';
import { webDnsChecks } from '../src/scan/checks/web/dns/index.js';
import type { AddressEvidence, CaaEvidence, RefusedAddress, ScanEvidence } from '../src/scan/evidence/index.js';
import { renderMessage } from '../src/scan/texts.js';

const NOW = new Date('2026-11-22T12:00:00Z');

function scan(
  apex: Partial<AddressEvidence> | undefined,
  options: { www?: Partial<AddressEvidence>; refused?: RefusedAddress[]; caa?: CaaEvidence } = {},
): ScanEvidence {
  const dns = (partial: Partial<AddressEvidence>): AddressEvidence => ({ a: [], aaaa: [], cnames: [], ...partial });
  const evidence: ScanEvidence = { target: 'shop.example', collectedAt: NOW.toISOString() };
  if (apex === undefined) return evidence;
  evidence.web = {
    hosts: [
      { host: 'shop.example', role: 'apex', dns: dns(apex), refused: options.refused ?? [] },
      { host: 'www.shop.example', role: 'www', dns: dns(options.www ?? { a: ['203.0.113.10'] }), refused: [] },
    ],
    ...(options.caa ? { caa: options.caa } : {}),
  };
  return evidence;
}

/** Run the check and render its summary and advice in every language, so a missing text fails the test. */
function run(check: Check, evidence: ScanEvidence): CheckVerdict & { en: string; advice_en: string[] } {
  const result = check.run(evidence, { now: NOW });
  for (const lang of LANGS) {
    renderMessage(webDnsChecks, check, result.summary, lang);
    for (const advice of result.advice) renderMessage(webDnsChecks, check, advice, lang);
  }
  return {
    ...result,
    en: renderMessage(webDnsChecks, check, result.summary, 'en'),
    advice_en: result.advice.map((advice) => renderMessage(webDnsChecks, check, advice, 'en')),
  };
}

describe('texts', () => {
  it.each(webDnsChecks.map((check) => [check.id, check] as const))('%s has the same keys in en, nl and sv', (_, check) => {
    const keys = Object.keys(check.texts.en).sort();
    expect(Object.keys(check.texts.nl).sort()).toEqual(keys);
    expect(Object.keys(check.texts.sv).sort()).toEqual(keys);
    for (const lang of LANGS) {
      expect(check.texts[lang].title).not.toBe('');
      expect(check.texts[lang].verifies).not.toBe('');
    }
    // Translations are real: no Dutch or Swedish sentence is the English one.
    for (const key of keys) {
      expect(check.texts.nl[key]).not.toBe(check.texts.en[key]);
      expect(check.texts.sv[key]).not.toBe(check.texts.en[key]);
    }
  });
});

describe('web.address', () => {
  it('passes with A and AAAA records and names them', () => {
    const result = run(webAddress, scan({ a: ['203.0.113.10'], aaaa: ['2001:db8::10'] }));
    expect(result.status).toBe('pass');
    expect(result.en).toBe('shop.example points to 2 addresses: 203.0.113.10, 2001:db8::10.');
    expect(result.advice).toEqual([]);
    expect(result.evidence).toMatchObject({
      apex: { host: 'shop.example', a: ['203.0.113.10'], aaaa: ['2001:db8::10'] },
      www: { host: 'www.shop.example', a: ['203.0.113.10'] },
      refused: [],
    });
  });

  it('passes with IPv6 alone, singular wording, and a CNAME chain in evidence', () => {
    const result = run(webAddress, scan({ aaaa: ['2001:db8::10'], cnames: ['shop.cdn.example'] }));
    expect(result.status).toBe('pass');
    expect(result.en).toBe('shop.example points to 1 address: 2001:db8::10.');
    expect(result.evidence).toMatchObject({ apex: { cnames: ['shop.cdn.example'] } });
  });

  it('counts refused (private) addresses as existing, and lists them', () => {
    const result = run(
      webAddress,
      scan({ a: ['10.0.0.5', '127.0.0.1'] }, { refused: [{ address: '10.0.0.5', range: 'private' }, { address: '127.0.0.1', range: 'loopback' }] }),
    );
    expect(result.status).toBe('pass');
    expect(result.evidence.refused).toEqual([
      { host: 'shop.example', address: '10.0.0.5', range: 'private' },
      { host: 'shop.example', address: '127.0.0.1', range: 'loopback' },
    ]);
  });

  it('shortens a long address list in the summary but keeps all in evidence', () => {
    const a = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    const result = run(webAddress, scan({ a }));
    expect(result.en).toBe('shop.example points to 5 addresses: 203.0.113.1, 203.0.113.2, 203.0.113.3, 203.0.113.4, ….');
    expect(result.evidence).toMatchObject({ apex: { a } });
  });

  it('passes but advises a www record when www.<domain> does not resolve', () => {
    const result = run(webAddress, scan({ a: ['203.0.113.10'] }, { www: { error: 'NXDOMAIN' } }));
    expect(result.status).toBe('pass');
    expect(result.advice_en).toEqual([
      'www.shop.example has no address, so visitors who type www. get an error. Add a CNAME record for www.shop.example pointing to shop.example at your DNS provider.',
    ]);
    // A www lookup that failed says nothing about the record: no advice then.
    expect(run(webAddress, scan({ a: ['203.0.113.10'] }, { www: { error: 'timeout' } })).advice).toEqual([]);
  });

  it('fails on NXDOMAIN with advice to check the registration', () => {
    const result = run(webAddress, scan({ error: 'NXDOMAIN' }));
    expect(result.status).toBe('fail');
    expect(result.en).toContain('does not exist in DNS (NXDOMAIN)');
    expect(result.advice.map((advice) => advice.key)).toEqual(['checkRegistration']);
    expect(result.advice_en[0]).toContain('add an A record for shop.example');
  });

  it('fails when the name exists without addresses (NODATA), advising an A record', () => {
    const result = run(webAddress, scan({}));
    expect(result.status).toBe('fail');
    expect(result.summary.key).toBe('noAddress');
    expect(result.advice_en[0]).toContain('Add an A record for shop.example');
    expect(result.advice_en[0]).toContain('hosting control panel');
  });

  it('fails on a CNAME loop', () => {
    const result = run(webAddress, scan({ cnames: ['a.example', 'b.example'], error: 'cname-loop' }));
    expect(result.status).toBe('fail');
    expect(result.summary.key).toBe('cnameLoop');
    expect(result.advice.map((advice) => advice.key)).toEqual(['fixCname']);
  });

  it.each([
    ['timeout', 'dnsTimeout', 'got no answer in time'],
    ['SERVFAIL', 'dnsServfail', '(SERVFAIL)'],
    ['REFUSED', 'dnsRefused', '(REFUSED)'],
    ['network', 'dnsNetwork', 'could not be reached'],
    ['malformed', 'dnsMalformed', 'could not be read'],
    ['NOTIMP', 'dnsFailed', 'failed (NOTIMP)'],
  ])('reports a %s DNS failure as error', (code, key, words) => {
    const result = run(webAddress, scan({ error: code }));
    expect(result.status).toBe('error');
    expect(result.summary.key).toBe(key);
    expect(result.en).toContain(words);
    expect(result.evidence).toMatchObject({ apex: { error: code } });
  });

  it('reports error when no web evidence was collected', () => {
    const result = run(webAddress, scan(undefined));
    expect(result.status).toBe('error');
    expect(result.summary.key).toBe('notCollected');
  });
});

describe('web.caa', () => {
  const withCaa = (caa: CaaEvidence): ScanEvidence => scan({ a: ['203.0.113.10'] }, { caa });

  it('lists the allowed certificate authorities and iodef', () => {
    const result = run(
      webCaa,
      withCaa({
        foundAt: 'shop.example',
        records: [
          { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
          { flags: 0, tag: 'issue', value: 'Sectigo.com; validationmethods=dns-01' },
          { flags: 0, tag: 'issuewild', value: ';' },
          { flags: 0, tag: 'iodef', value: 'mailto:security@shop.example' },
        ],
      }),
    );
    expect(result.status).toBe('info');
    expect(result.en).toBe(
      'CAA records at shop.example allow only these certificate authorities to issue certificates: letsencrypt.org, sectigo.com; refused requests are reported to mailto:security@shop.example.',
    );
    expect(result.advice).toEqual([]);
    expect(result.evidence).toMatchObject({ issuers: ['letsencrypt.org', 'sectigo.com'], wildcardIssuers: [], iodef: ['mailto:security@shop.example'] });
  });

  it('names the parent where inherited records were found', () => {
    const result = run(webCaa, withCaa({ foundAt: 'example', records: [{ flags: 0, tag: 'issue', value: 'pki.goog' }] }));
    expect(result.en).toBe('CAA records at example allow only these certificate authorities to issue certificates: pki.goog.');
  });

  it('explains absent CAA as optional hardening', () => {
    const result = run(webCaa, withCaa({ records: [] }));
    expect(result.status).toBe('info');
    expect(result.en).toContain('any certificate authority may issue');
    expect(result.advice_en[0]).toMatch(/^Optional hardening/);
  });

  it('warns in advice when records forbid every authority', () => {
    const result = run(webCaa, withCaa({ foundAt: 'shop.example', records: [{ flags: 0, tag: 'issue', value: ';' }] }));
    expect(result.status).toBe('info');
    expect(result.summary.key).toBe('presentForbidden');
    expect(result.advice.map((advice) => advice.key)).toEqual(['forbiddenRenewal']);
  });

  it('says so when records exist but none is an issue record', () => {
    const result = run(webCaa, withCaa({ foundAt: 'shop.example', records: [{ flags: 0, tag: 'iodef', value: 'mailto:a@shop.example' }] }));
    expect(result.summary.key).toBe('presentNoIssue');
  });

  it('flags a critical record with an unknown tag, which blocks all issuance', () => {
    const result = run(
      webCaa,
      withCaa({
        foundAt: 'shop.example',
        records: [
          { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
          { flags: 128, tag: 'tbs', value: 'x' },
          { flags: 128, tag: 'issue', value: 'letsencrypt.org' },
        ],
      }),
    );
    expect(result.status).toBe('info');
    expect(result.advice).toEqual([{ key: 'criticalUnknown', params: { tag: 'tbs' } }]);
  });

  it('reports a failed lookup as error, and missing evidence as error', () => {
    const failed = run(webCaa, withCaa({ records: [], error: 'SERVFAIL' }));
    expect(failed.status).toBe('error');
    expect(failed.summary.key).toBe('dnsServfail');
    expect(run(webCaa, scan({ a: ['203.0.113.10'] })).summary.key).toBe('notCollected');
  });
});
