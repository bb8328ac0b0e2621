/**
 * mail.spf on evidence: the evidence is made by the real lookup counter (auditSpf) over an
 * in-memory zone, so every status is reached through the same data a scan would record.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict, MessageRef } from '../src/scan/check.js';
import { spfCheck } from '../src/scan/checks/mail/spf.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { MailEvidence } from '../src/scan/evidence/mail.js';
import type { SpfEvidence } from '../src/scan/evidence/spf.js';
import { auditSpf } from '../src/scan/spf/audit.js';
import type { SpfLookup } from '../src/scan/spf/types.js';

type Zone = Record<string, Partial<Record<'TXT' | 'A' | 'AAAA' | 'MX', string[]>> | 'SERVFAIL'>;

function zoneLookup(zone: Zone): SpfLookup {
  return (name, type) => {
    const entry = zone[name.toLowerCase()];
    if (entry === 'SERVFAIL') return Promise.resolve({ kind: 'error', reason: 'SERVFAIL' });
    if (!entry) return Promise.resolve({ kind: 'nxdomain' });
    return Promise.resolve({ kind: 'records', records: type === 'PTR' ? [] : (entry[type] ?? []) });
  };
}

/** Only the parts mail.spf reads; the rest of MailEvidence belongs to other checks. */
function scan(spf: SpfEvidence, nullMx = false): ScanEvidence {
  const mail = { domain: 'shop.example', mx: { records: [], nullMx }, servers: [], spf } as Partial<MailEvidence>;
  return { target: 'shop.example', collectedAt: '2026-01-01T00:00:00Z', mail: mail as MailEvidence };
}

async function judge(zone: Zone, nullMx = false): Promise<CheckVerdict> {
  const spf = await auditSpf('shop.example', zoneLookup(zone));
  const verdict = spfCheck.run(scan(spf, nullMx), { now: new Date('2026-01-01') });
  // Every message it returns exists, with a value for each placeholder.
  for (const ref of [verdict.summary, ...verdict.advice]) {
    const text = spfCheck.texts.en[ref.key];
    expect(text, ref.key).toBeDefined();
    for (const [, name] of (text ?? '').matchAll(/\{\{(\w+)\}\}/g)) expect(ref.params, `${ref.key}.${name ?? ''}`).toHaveProperty(name ?? '');
  }
  return verdict;
}

const keys = (refs: MessageRef[]): string[] => refs.map((ref) => ref.key);

describe('mail.spf', () => {
  it('passes -all, and ~all with words that say -all is stricter', async () => {
    const hard = await judge({ 'shop.example': { TXT: ['v=spf1 include:_spf.mail.example -all'] }, '_spf.mail.example': { TXT: ['v=spf1 ip4:192.0.2.0/24 ~all'] } });
    expect(hard).toMatchObject({ status: 'pass', summary: { key: 'pass', params: { lookups: 1 } }, advice: [] });
    const soft = await judge({ 'shop.example': { TXT: ['v=spf1 ip4:192.0.2.1 ~all'] } });
    expect(soft).toMatchObject({ status: 'pass', summary: { key: 'passSoft' } });
  });

  it('follows a redirect to decide how the policy ends', async () => {
    const verdict = await judge({ 'shop.example': { TXT: ['v=spf1 redirect=_spf.shop.example'] }, '_spf.shop.example': { TXT: ['v=spf1 ip4:192.0.2.1 +all'] } });
    expect(verdict).toMatchObject({ status: 'fail', summary: { key: 'plusAll', params: { record: '_spf.shop.example' } } });
  });

  it('fails +all, ?all and a record without all', async () => {
    expect((await judge({ 'shop.example': { TXT: ['v=spf1 +all'] } })).summary.key).toBe('plusAll');
    expect((await judge({ 'shop.example': { TXT: ['v=spf1 mx ?all'] }, }))).toMatchObject({ status: 'fail', summary: { key: 'neutralAll' } });
    const noAll = await judge({ 'shop.example': { TXT: ['v=spf1 ip4:192.0.2.1'] } });
    expect(noAll).toMatchObject({ status: 'fail', summary: { key: 'noAll' }, advice: [{ key: 'addAll', params: { record: 'shop.example' } }] });
  });

  it('fails no record (with non-sending advice for a Null MX) and two records', async () => {
    const none = await judge({ 'shop.example': { TXT: ['google-site-verification=x'] } });
    expect(none).toMatchObject({ status: 'fail', summary: { key: 'none' }, advice: [{ key: 'publish' }, { key: 'publishNoMx' }] });
    expect(keys((await judge({}, true)).advice)).toEqual(['publishNonSending']);
    const two = await judge({ 'shop.example': { TXT: ['v=spf1 -all', 'v=spf1 mx -all'] } });
    expect(two).toMatchObject({ status: 'fail', summary: { key: 'multiple', params: { count: 2 } }, advice: [{ key: 'merge' }] });
  });

  it('names the term that brings the count to 11, also when it is deep in an include', async () => {
    const hosts = ['a:h1.shop.example', 'a:h2.shop.example', 'a:h3.shop.example', 'a:h4.shop.example'].join(' ');
    const addresses = Object.fromEntries(['h1', 'h2', 'h3', 'h4'].map((h) => [`${h}.shop.example`, { A: ['192.0.2.9'] }]));
    const verdict = await judge({
      'shop.example': { TXT: ['v=spf1 include:one.shop.example include:two.shop.example -all'] },
      'one.shop.example': { TXT: [`v=spf1 ${hosts} -all`] },
      'two.shop.example': { TXT: [`v=spf1 ${hosts} include:_spf.example.net -all`] },
      '_spf.example.net': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
      ...addresses,
    });
    expect(verdict.status).toBe('fail');
    expect(verdict.summary).toEqual({ key: 'tooManyLookups', params: { domain: 'shop.example', count: 11 } });
    expect(verdict.advice).toEqual([{ key: 'reduceLookups', params: { term: 'include:_spf.example.net', record: 'two.shop.example', count: 11 } }]);
  });

  it('fails three void lookups and names each', async () => {
    const verdict = await judge({ 'shop.example': { TXT: ['v=spf1 a:x.shop.example a:y.shop.example mx:z.shop.example -all'] } });
    expect(verdict).toMatchObject({ status: 'fail', summary: { key: 'tooManyVoid', params: { count: 3 } } });
    expect(verdict.advice.map((ref) => ref.params?.term)).toEqual(['a:x.shop.example', 'a:y.shop.example', 'mx:z.shop.example']);
    const two = await judge({ 'shop.example': { TXT: ['v=spf1 a:x.shop.example a:y.shop.example -all'] } });
    expect(two.status).toBe('pass');
  });

  it('fails a syntax error, a broken include target and a loop; naming the term', async () => {
    const syntax = await judge({ 'shop.example': { TXT: ['v=spf1 ip4:192.0.2.300 -all'] } });
    expect(syntax).toMatchObject({ status: 'fail', summary: { key: 'syntax', params: { term: 'ip4:192.0.2.300' } } });
    const target = await judge({ 'shop.example': { TXT: ['v=spf1 include:_spf.gone.example -all'] } });
    expect(target).toMatchObject({ summary: { key: 'targetNone', params: { term: 'include:_spf.gone.example', target: '_spf.gone.example' } } });
    const bad = await judge({ 'shop.example': { TXT: ['v=spf1 include:a.example -all'] }, 'a.example': { TXT: ['v=spf1 ipv4:1.2.3.4 -all'] } });
    expect(bad).toMatchObject({ summary: { key: 'targetSyntax', params: { badTerm: 'ipv4:1.2.3.4' } } });
    const loop = await judge({ 'shop.example': { TXT: ['v=spf1 include:a.example -all'] }, 'a.example': { TXT: ['v=spf1 include:shop.example -all'] } });
    expect(loop).toMatchObject({ status: 'fail', summary: { key: 'loop', params: { path: 'a.example > shop.example' } } });
  });

  it('fails an mx term with more than 10 mail servers', async () => {
    const exchanges = Array.from({ length: 11 }, (_, i) => `mx${i}.shop.example`);
    const verdict = await judge({ 'shop.example': { TXT: ['v=spf1 mx -all'], MX: exchanges } });
    expect(verdict).toMatchObject({ status: 'fail', summary: { key: 'tooManyMx', params: { term: 'mx', count: 11 } } });
  });

  it('warns about ptr, and reports DNS failures as error', async () => {
    const ptr = await judge({ 'shop.example': { TXT: ['v=spf1 ptr:shop.example -all'] } });
    expect(ptr).toMatchObject({ status: 'warn', summary: { key: 'ptr' }, advice: [{ key: 'removePtr' }] });
    const dns = await judge({ 'shop.example': 'SERVFAIL' });
    expect(dns).toMatchObject({ status: 'error', summary: { key: 'dnsError', params: { code: 'SERVFAIL' } } });
    const deep = await judge({ 'shop.example': { TXT: ['v=spf1 include:a.example -all'] }, 'a.example': 'SERVFAIL' });
    expect(deep).toMatchObject({ status: 'error', summary: { key: 'targetDnsError' } });
  });

  it('still judges a domain with a Null MX, and skips when mail was not scanned', async () => {
    expect((await judge({ 'shop.example': { TXT: ['v=spf1 -all'] } }, true)).status).toBe('pass');
    const skipped = spfCheck.run({ target: 'shop.example', collectedAt: '' }, { now: new Date() });
    expect(skipped).toMatchObject({ status: 'skip', summary: { key: 'notScanned' } });
  });

  it('has the same keys and placeholders in every language, covering every key it uses', () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
    const en = spfCheck.texts.en;
    for (const lang of ['nl', 'sv'] as const) {
      const other = spfCheck.texts[lang];
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) expect(placeholders(other[key] ?? ''), `${lang}.${key}`).toEqual(placeholders(text));
    }
  });
});
