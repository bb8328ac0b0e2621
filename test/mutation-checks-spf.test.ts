/**
 * mail.spf on hand-made SpfEvidence: each finding with its parameters, the limits at
 * their boundaries (10 DNS terms, 2 void lookups, 10 MX names), how findings combine
 * (worst first, advice once) and the evidence it keeps. test/spf-check.test.ts reaches
 * the statuses through the real lookup counter.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { spfCheck } from '../src/scan/checks/mail/spf.js';
import type { MailEvidence } from '../src/scan/evidence/mail.js';
import type { SpfCountedTerm, SpfEvidence, SpfRecordNode } from '../src/scan/evidence/spf.js';

const DOMAIN = 'shop.example';
const RECORD = 'v=spf1 include:_spf.mail.example -all';

function judge(spf: Partial<SpfEvidence>, nullMx = false): CheckVerdict {
  const mail = { domain: DOMAIN, mx: { records: [], nullMx }, servers: [], spf: { records: [RECORD], ...spf } } as Partial<MailEvidence>;
  return spfCheck.run({ target: DOMAIN, collectedAt: '', mail: mail as MailEvidence }, { now: new Date('2026-01-01') });
}

const root: SpfRecordNode = { domain: DOMAIN, status: 'ok', record: RECORD, all: '-' };
const DASH_ALL = { qualifier: '-' as const, record: DOMAIN };
const term = (count: number, extra: Partial<SpfCountedTerm> = {}): SpfCountedTerm => ({ term: `a:h${count}.example`, kind: 'a', record: DOMAIN, count, ...extra });
const terms = (n: number) => Array.from({ length: n }, (_, index) => term(index + 1));

describe('mail.spf findings', () => {
  it('passes -all and ~all, with the lookup count, and keeps the evidence in a readable form', () => {
    const result = judge({ nodes: [root], terms: [term(1), term(2, { void: true })], dnsLookups: 2, voidLookups: 1, ending: DASH_ALL, loops: [] });
    expect(result).toEqual({
      status: 'pass',
      summary: { key: 'pass', params: { domain: DOMAIN, lookups: 2 } },
      advice: [],
      evidence: { records: [RECORD], dnsLookups: 2, voidLookups: 1, ending: DASH_ALL, terms: [`1. a:h1.example (${DOMAIN})`, `2. a:h2.example (${DOMAIN}) void`] },
    });
    expect(judge({ nodes: [root], ending: { qualifier: '~', record: DOMAIN } }).summary).toEqual({ key: 'passSoft', params: { domain: DOMAIN, lookups: 0 } });
    expect(judge({ nodes: [root], ending: DASH_ALL }, true).evidence).toEqual({ records: [RECORD], dnsLookups: 0, voidLookups: 0, ending: DASH_ALL, nullMx: true });
    expect(judge({ nodes: [root], ending: DASH_ALL, loops: ['a > b > a'] }).evidence).toMatchObject({ loops: ['a > b > a'] });
  });

  it('no mail evidence: skipped, not scanned', () => {
    expect(spfCheck.run({ target: DOMAIN, collectedAt: '' }, { now: new Date() })).toEqual({ status: 'skip', summary: { key: 'notScanned' }, advice: [], evidence: {} });
  });

  it('a lookup error, no record (non-sending advice with a Null MX) and several records', () => {
    expect(judge({ records: [], error: 'SERVFAIL' })).toEqual({
      status: 'error', summary: { key: 'dnsError', params: { domain: DOMAIN, code: 'SERVFAIL' } }, advice: [], evidence: { records: [], dnsLookups: 0, voidLookups: 0, error: 'SERVFAIL' },
    });
    // No MX either: whether it sends cannot be told, so both ways are offered (each says its condition).
    expect(judge({ records: [] })).toMatchObject({ status: 'fail', summary: { key: 'none', params: { domain: DOMAIN } }, advice: [{ key: 'publish', params: { domain: DOMAIN } }, { key: 'publishNoMx', params: { domain: DOMAIN } }] });
    const withMx = { domain: DOMAIN, mx: { records: [{ preference: 10, exchange: 'mx.shop.example' }], nullMx: false }, servers: [], spf: { records: [] } } as Partial<MailEvidence>;
    expect(spfCheck.run({ target: DOMAIN, collectedAt: '', mail: withMx as MailEvidence }, { now: new Date() }).advice).toEqual([{ key: 'publish', params: { domain: DOMAIN } }]);
    expect(judge({ records: [] }, true).advice).toEqual([{ key: 'publishNonSending', params: { domain: DOMAIN } }]);
    expect(judge({ records: [RECORD, 'v=spf1 -all'] })).toMatchObject({ status: 'fail', summary: { key: 'multiple', params: { domain: DOMAIN, count: 2 } }, advice: [{ key: 'merge', params: { domain: DOMAIN } }] });
  });

  it('a syntax error in the domain own record names the term', () => {
    expect(judge({ nodes: [{ domain: DOMAIN, status: 'syntax', term: 'ipv4:1.2.3.4', detail: 'unknown-mechanism' }] })).toMatchObject({
      status: 'fail', summary: { key: 'syntax', params: { domain: DOMAIN, term: 'ipv4:1.2.3.4' } }, advice: [{ key: 'fixSyntax', params: { term: 'ipv4:1.2.3.4', record: DOMAIN } }],
    });
    expect(judge({ nodes: [{ domain: DOMAIN, status: 'syntax' }] }).summary.params?.term).toBe('');
  });

  it('include and redirect targets: missing, several, broken, unreachable and looping, each named', () => {
    const via = { kind: 'include' as const, term: 'include:_spf.x.example', from: DOMAIN };
    const target = (status: SpfRecordNode['status'], extra: Partial<SpfRecordNode> = {}) => judge({ nodes: [root, { domain: '_spf.x.example', via, status, ...extra }], ending: DASH_ALL });
    const where = { term: 'include:_spf.x.example', record: DOMAIN, target: '_spf.x.example' };
    const fix = { key: 'fixTarget', params: { term: 'include:_spf.x.example', record: DOMAIN } };
    expect(target('none')).toMatchObject({ status: 'fail', summary: { key: 'targetNone', params: where }, advice: [fix] });
    expect(target('multiple')).toMatchObject({ status: 'fail', summary: { key: 'targetMultiple', params: where }, advice: [fix] });
    expect(target('syntax', { term: 'bad' })).toMatchObject({ status: 'fail', summary: { key: 'targetSyntax', params: { ...where, badTerm: 'bad' } }, advice: [fix] });
    expect(target('syntax').summary.params?.badTerm).toBe('');
    expect(target('dns-error', { detail: 'timeout' })).toMatchObject({ status: 'error', summary: { key: 'targetDnsError', params: { ...where, code: 'timeout' } }, advice: [] });
    expect(target('dns-error').summary.params?.code).toBe('error');
    expect(target('loop')).toMatchObject({ status: 'fail', summary: { key: 'loop', params: { domain: DOMAIN, path: `${DOMAIN} > _spf.x.example` } }, advice: [{ key: 'breakLoop', params: { path: `${DOMAIN} > _spf.x.example` } }] });
    expect(target('ok').status).toBe('pass');
    expect(target('not-followed').status).toBe('pass');
  });

  it('more than 10 DNS-querying terms fail, naming the eleventh; exactly 10 pass', () => {
    expect(judge({ nodes: [root], terms: terms(10), dnsLookups: 10, ending: DASH_ALL }).status).toBe('pass');
    const over = judge({ nodes: [root], terms: terms(12), dnsLookups: 12, ending: DASH_ALL });
    expect(over).toMatchObject({ status: 'fail', summary: { key: 'tooManyLookups', params: { domain: DOMAIN, count: 12 } }, advice: [{ key: 'reduceLookups', params: { term: 'a:h11.example', record: DOMAIN, count: 11 } }] });
    expect(over.advice).toHaveLength(1);
    // Counted without the terms list: no term to name.
    expect(judge({ nodes: [root], dnsLookups: 11, ending: DASH_ALL }).advice).toEqual([]);
  });

  it('more than 2 void lookups fail, naming every void term; exactly 2 pass', () => {
    const voids = [term(1, { void: true }), term(2), term(3, { void: true }), term(4, { void: true })];
    expect(judge({ nodes: [root], terms: voids.slice(0, 3), voidLookups: 2, dnsLookups: 3, ending: DASH_ALL }).status).toBe('pass');
    expect(judge({ nodes: [root], terms: voids, voidLookups: 3, dnsLookups: 4, ending: DASH_ALL })).toMatchObject({
      status: 'fail',
      summary: { key: 'tooManyVoid', params: { domain: DOMAIN, count: 3 } },
      advice: [1, 3, 4].map((count) => ({ key: 'removeVoid', params: { term: `a:h${count}.example`, record: DOMAIN } })),
    });
  });

  it('an mx term with more than 10 names fails; 10 pass; other kinds are not judged by it', () => {
    const mx = (mxNames: number | undefined, kind: SpfCountedTerm['kind'] = 'mx') => judge({ nodes: [root], terms: [term(1, { term: 'mx:big.example', kind, ...(mxNames === undefined ? {} : { mxNames }) })], dnsLookups: 1, ending: DASH_ALL });
    expect(mx(10).status).toBe('pass');
    expect(mx(undefined).status).toBe('pass');
    expect(mx(11, 'a').status).toBe('pass');
    expect(mx(11)).toMatchObject({ status: 'fail', summary: { key: 'tooManyMx', params: { term: 'mx:big.example', record: DOMAIN, count: 11 } }, advice: [{ key: 'reduceMx', params: { term: 'mx:big.example', record: DOMAIN } }] });
  });

  it('how the policy ends: +all, ?all and no all fail with their advice; unknown warns unless the walk was cut short', () => {
    const ending = (qualifier: '+' | '?' | null) => judge({ nodes: [root], ending: { qualifier, record: '_spf.end.example' } });
    expect(ending('+')).toMatchObject({ status: 'fail', summary: { key: 'plusAll', params: { domain: DOMAIN, record: '_spf.end.example' } }, advice: [{ key: 'useDashAll', params: { record: '_spf.end.example' } }] });
    expect(ending('?')).toMatchObject({ status: 'fail', summary: { key: 'neutralAll', params: { domain: DOMAIN, record: '_spf.end.example' } }, advice: [{ key: 'useDashAll', params: { record: '_spf.end.example' } }] });
    expect(ending(null)).toMatchObject({ status: 'fail', summary: { key: 'noAll', params: { domain: DOMAIN, record: '_spf.end.example' } }, advice: [{ key: 'addAll', params: { record: '_spf.end.example' } }] });
    expect(judge({ nodes: [root] })).toMatchObject({ status: 'warn', summary: { key: 'endingUnknown', params: { domain: DOMAIN } }, advice: [] });
    expect(judge({ nodes: [root], incomplete: true, queries: 30 })).toMatchObject({ status: 'error', summary: { key: 'incomplete', params: { domain: DOMAIN, queries: 30 } } });
    expect(judge({ nodes: [root], incomplete: true }).summary.params?.queries).toBe(0);
  });

  it('ptr warns, naming the term and its record', () => {
    expect(judge({ nodes: [root], terms: [term(1, { term: 'ptr', kind: 'ptr', record: '_spf.x.example' })], dnsLookups: 1, ending: DASH_ALL })).toMatchObject({
      status: 'warn', summary: { key: 'ptr', params: { domain: DOMAIN, term: 'ptr', record: '_spf.x.example' } }, advice: [{ key: 'removePtr', params: { term: 'ptr', record: '_spf.x.example' } }],
    });
  });

  it('the worst finding is the summary, whatever the order; the same advice is given once', () => {
    const via = { kind: 'include' as const, term: 'include:_spf.x.example', from: DOMAIN };
    const result = judge({
      nodes: [root, { domain: '_spf.x.example', via, status: 'dns-error', detail: 'timeout' }, { domain: '_spf.y.example', via: { ...via, term: 'include:_spf.y.example' }, status: 'none' }, { domain: '_spf.y.example', via: { ...via, term: 'include:_spf.y.example' }, status: 'none' }],
      terms: [term(1, { term: 'ptr', kind: 'ptr' })],
      dnsLookups: 1,
      ending: DASH_ALL,
    });
    expect(result.status).toBe('fail');
    expect(result.summary.key).toBe('targetNone');
    expect(result.advice).toEqual([{ key: 'fixTarget', params: { term: 'include:_spf.y.example', record: DOMAIN } }, { key: 'removePtr', params: { term: 'ptr', record: DOMAIN } }]);
    const warnAndError = judge({ nodes: [root], terms: [term(1, { term: 'ptr', kind: 'ptr' })], dnsLookups: 1, ending: DASH_ALL, incomplete: true });
    expect(warnAndError.status).toBe('error');
  });
});
