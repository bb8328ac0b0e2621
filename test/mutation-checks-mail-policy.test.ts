/**
 * The mail policy checks (mail.mx, mail.dmarc, mail.dkim, mail.mta-sts, mail.tls-rpt,
 * mail.non-sending) verdict by verdict: the message keys, the parameters the texts show
 * (names, hosts, reasons) and the facts kept as evidence. test/mail-policy-checks.test.ts
 * has the main cases; these pin the details the mutation run found unchecked.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { mailPolicyChecks } from '../src/scan/checks/mail/policy/index.js';
import type { MailEvidence, MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { DkimKeyEvidence, DmarcRecord } from '../src/scan/evidence/mail-policy.js';

const now = new Date('2026-01-01T00:00:00Z');

function server(host: string, dns: Partial<MailServerEvidence['dns']> = {}): MailServerEvidence {
  return { host, preference: 10, dns: { a: ['192.0.2.25'], aaaa: [], cnames: [], ...dns }, refused: [] };
}

const RUA = { uri: 'mailto:d@shop.nl', scheme: 'mailto', address: 'd@shop.nl', domain: 'shop.nl' };
const dmarcRecord = (extra: Partial<DmarcRecord> = {}): DmarcRecord => ({ p: 'reject', pct: 100, rua: [RUA], ruf: [], adkim: 'r', aspf: 'r', unknownTags: [], ...extra });

function mail(extra: Partial<MailEvidence> = {}): MailEvidence {
  return {
    domain: 'shop.nl',
    mx: { records: [{ preference: 10, exchange: 'mail.shop.nl' }], nullMx: false },
    servers: [server('mail.shop.nl')],
    spf: { records: ['v=spf1 include:_spf.provider.example -all'] },
    dmarc: { records: ['v=DMARC1; p=reject'], source: 'domain', foundAt: '_dmarc.shop.nl', record: dmarcRecord(), externalReports: [] },
    dkim: { tried: [{ selector: 'selector1', source: 'common' }], keys: [], failures: [] },
    mtaSts: { txtRecords: [], policyErrors: [], policyNotes: [] },
    tlsRpt: { records: [], rua: [] },
    ...extra,
  };
}

const NULL_MX = { records: [{ preference: 0, exchange: '' }], nullMx: true };
const NO_MX = { records: [], nullMx: false };

function run(id: string, evidence: MailEvidence | undefined): CheckVerdict {
  const check = mailPolicyChecks.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check.run({ target: 'shop.nl', collectedAt: '', ...(evidence ? { mail: evidence } : {}) }, { now });
}

const NO_MAIL: CheckVerdict = { status: 'skip', summary: { key: 'noMail' }, advice: [], evidence: {} };

describe('every mail policy check without mail evidence', () => {
  it('skips with noMail', () => {
    for (const check of mailPolicyChecks) expect(run(check.id, undefined), check.id).toEqual(NO_MAIL);
  });
});

describe('mail.mx', () => {
  it('passes, naming the count and the hosts', () => {
    const records = [{ preference: 10, exchange: 'mx1.shop.nl' }, { preference: 20, exchange: 'mx2.shop.nl' }];
    expect(run('mail.mx', mail({ mx: { records, nullMx: false }, servers: [server('mx1.shop.nl'), server('mx2.shop.nl', { a: [], aaaa: ['2001:db8::25'] })] }))).toEqual({
      status: 'pass',
      summary: { key: 'pass', params: { domain: 'shop.nl', count: 2, hosts: 'mx1.shop.nl, mx2.shop.nl' } },
      advice: [],
      evidence: { records, faults: [] },
    });
  });

  it('a lookup failure is an error that names the domain and the error', () => {
    expect(run('mail.mx', mail({ mx: { records: [], nullMx: false, error: 'SERVFAIL' } }))).toEqual({
      status: 'error', summary: { key: 'mxFailed', params: { domain: 'shop.nl', error: 'SERVFAIL' } }, advice: [], evidence: { error: 'SERVFAIL' },
    });
  });

  it('a Null MX passes, a Null MX among other records fails, no MX is information', () => {
    expect(run('mail.mx', mail({ mx: NULL_MX, servers: [] }))).toEqual({
      status: 'pass', summary: { key: 'nullMx', params: { domain: 'shop.nl' } }, advice: [], evidence: { records: [{ preference: 0, exchange: '' }], nullMx: true },
    });
    const mixed = [{ preference: 0, exchange: '' }, { preference: 10, exchange: 'mail.shop.nl' }];
    expect(run('mail.mx', mail({ mx: { records: mixed, nullMx: false } }))).toEqual({
      status: 'fail', summary: { key: 'nullMixed', params: { domain: 'shop.nl' } }, advice: [{ key: 'removeNullMix', params: { domain: 'shop.nl' } }], evidence: { records: mixed },
    });
    expect(run('mail.mx', mail({ mx: NO_MX, servers: [] }))).toEqual({
      status: 'info', summary: { key: 'noMx', params: { domain: 'shop.nl' } }, advice: [{ key: 'adviseNullMx', params: { domain: 'shop.nl' } }], evidence: { records: [] },
    });
  });

  it('lists each fault with its detail; fails only when no MX can be used', () => {
    const records = [
      { preference: 10, exchange: '192.0.2.1' },
      { preference: 20, exchange: 'gone.shop.nl' },
      { preference: 30, exchange: 'alias.shop.nl' },
      { preference: 40, exchange: 'unprobed.shop.nl' },
    ];
    const servers = [server('gone.shop.nl', { a: [], error: 'NXDOMAIN' }), server('alias.shop.nl', { cnames: ['a.provider.example', 'b.provider.example'] })];
    const result = run('mail.mx', mail({ mx: { records, nullMx: false }, servers }));
    expect(result).toEqual({
      status: 'warn',
      summary: { key: 'broken', params: { domain: 'shop.nl', hosts: '192.0.2.1 (ip-literal), gone.shop.nl (no-address: NXDOMAIN), alias.shop.nl (cname: a.provider.example -> b.provider.example)' } },
      advice: [
        { key: 'fixIpLiteral', params: { host: '192.0.2.1', domain: 'shop.nl' } },
        { key: 'fixNoAddress', params: { host: 'gone.shop.nl', domain: 'shop.nl' } },
        { key: 'fixCname', params: { host: 'alias.shop.nl', domain: 'shop.nl' } },
      ],
      evidence: {
        records,
        faults: [
          { host: '192.0.2.1', fault: 'ip-literal' },
          { host: 'gone.shop.nl', fault: 'no-address', detail: 'NXDOMAIN' },
          { host: 'alias.shop.nl', fault: 'cname', detail: 'a.provider.example -> b.provider.example' },
        ],
        notLookedUp: ['unprobed.shop.nl'],
      },
    });
    // Only an IPv6 literal and a host without addresses (and no error): nothing can be used.
    const none = run('mail.mx', mail({ mx: { records: [{ preference: 10, exchange: '2001:db8::1' }, { preference: 20, exchange: 'empty.shop.nl' }], nullMx: false }, servers: [server('empty.shop.nl', { a: [] })] }));
    expect(none.status).toBe('fail');
    expect(none.summary).toEqual({ key: 'allBroken', params: { domain: 'shop.nl', hosts: '2001:db8::1 (ip-literal), empty.shop.nl (no-address)' } });
    // An alias alone still delivers mail: a warning.
    const aliasOnly = run('mail.mx', mail({ servers: [server('mail.shop.nl', { cnames: ['x.example'] })] }));
    expect(aliasOnly.status).toBe('warn');
  });
});

describe('mail.dmarc', () => {
  const withDmarc = (dmarc: Partial<MailEvidence['dmarc']>) => mail({ dmarc: { records: ['v=DMARC1'], source: 'domain', foundAt: '_dmarc.shop.nl', externalReports: [], ...dmarc } });

  it('passes p=reject with a report address: policy and where the record is', () => {
    const result = run('mail.dmarc', withDmarc({ record: dmarcRecord() }));
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { domain: 'shop.nl', policy: 'reject', foundAt: '_dmarc.shop.nl' } });
    expect(result.advice).toEqual([]);
    expect(result.evidence).toMatchObject({ foundAt: '_dmarc.shop.nl', source: 'domain', record: { p: 'reject' } });
  });

  it('a lookup failure names where it looked', () => {
    expect(run('mail.dmarc', mail({ dmarc: { records: [], externalReports: [], error: 'timeout' } })).summary).toEqual({ key: 'lookupFailed', params: { name: '_dmarc.shop.nl', error: 'timeout' } });
    expect(run('mail.dmarc', mail({ dmarc: { records: [], externalReports: [], error: 'timeout', queried: '_dmarc.example.nl' } })).summary.params?.name).toBe('_dmarc.example.nl');
    expect(run('mail.dmarc', mail({ dmarc: { records: [], externalReports: [], error: 'timeout', queried: '_dmarc.example.nl', foundAt: '_dmarc.found.nl' } })).summary.params?.name).toBe('_dmarc.found.nl');
  });

  it('an invalid record fails with the reason and a corrected example using its own rua', () => {
    const result = run('mail.dmarc', withDmarc({ invalid: 'p=x is not valid', record: dmarcRecord({ rua: [RUA, { ...RUA, uri: 'mailto:e@shop.nl' }] }) }));
    expect(result).toMatchObject({
      status: 'fail',
      summary: { key: 'invalid', params: { foundAt: '_dmarc.shop.nl', reason: 'p=x is not valid' } },
      advice: [{ key: 'fixInvalid', params: { foundAt: '_dmarc.shop.nl', reason: 'p=x is not valid', example: 'v=DMARC1; p=quarantine; rua=mailto:d@shop.nl,mailto:e@shop.nl' } }],
    });
    const bare = run('mail.dmarc', mail({ dmarc: { records: ['v=DMARC1; p=x'], invalid: 'bad', externalReports: [] } }));
    expect(bare.advice).toEqual([{ key: 'fixInvalid', params: { foundAt: '_dmarc.shop.nl', reason: 'bad', example: 'v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@shop.nl' } }]);
  });

  it('missing fails with the advice to publish', () => {
    expect(run('mail.dmarc', mail({ dmarc: { records: [], externalReports: [] } }))).toMatchObject({
      status: 'fail', summary: { key: 'missing', params: { domain: 'shop.nl' } }, advice: [{ key: 'publish', params: { domain: 'shop.nl' } }],
    });
  });

  it('p=none warns and asks to strengthen with the record own rua, or a suggested one', () => {
    const result = run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'none', pct: 50 }) }));
    expect(result.status).toBe('warn');
    expect(result.summary).toEqual({ key: 'monitorOnly', params: { domain: 'shop.nl', policy: 'none', foundAt: '_dmarc.shop.nl', tag: 'p' } });
    // pct does not matter for p=none.
    expect(result.advice).toEqual([{ key: 'strengthen', params: { foundAt: '_dmarc.shop.nl', example: 'v=DMARC1; p=quarantine; rua=mailto:d@shop.nl' } }]);
    const noRua = run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'none', rua: [] }) }));
    expect(noRua.advice).toEqual([
      { key: 'strengthen', params: { foundAt: '_dmarc.shop.nl', example: 'v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@shop.nl' } },
      { key: 'addRua', params: { domain: 'shop.nl' } },
    ]);
  });

  it('pct=0 warns, pct below 100 is noted, 100 is not', () => {
    const zero = run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'quarantine', pct: 0 }) }));
    expect(zero.status).toBe('warn');
    expect(zero.summary).toEqual({ key: 'pctZero', params: { domain: 'shop.nl', policy: 'quarantine', foundAt: '_dmarc.shop.nl' } });
    expect(zero.advice).toEqual([{ key: 'pctNote', params: { pct: 0 } }]);
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord({ pct: 99 }) })).advice).toEqual([{ key: 'pctNote', params: { pct: 99 } }]);
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord({ pct: 100 }) })).advice).toEqual([]);
  });

  it('sp weaker than p is noted; equal or stronger is not', () => {
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'reject', sp: 'quarantine' }) })).advice).toEqual([{ key: 'spWeaker', params: { domain: 'shop.nl', sp: 'quarantine', policy: 'reject' } }]);
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'reject', sp: 'reject' }) })).advice).toEqual([]);
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'quarantine', sp: 'reject' }) })).advice).toEqual([]);
  });

  it('an organisational record applies its sp, and says where it was found', () => {
    const result = run('mail.dmarc', withDmarc({ source: 'organisational', foundAt: '_dmarc.example.nl', record: dmarcRecord({ p: 'none', sp: 'reject' }) }));
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { domain: 'shop.nl', policy: 'reject', foundAt: '_dmarc.example.nl' } });
    expect(result.advice).toEqual([{ key: 'orgDomainNote', params: { domain: 'shop.nl', foundAt: '_dmarc.example.nl' } }]);
    // Without sp, p applies.
    expect(run('mail.dmarc', withDmarc({ source: 'organisational', record: dmarcRecord({ p: 'quarantine' }) })).summary.params?.policy).toBe('quarantine');
  });

  it('report destinations that have not agreed: named, with how to authorise each; agreed ones are fine', () => {
    const refused = { uri: 'mailto:x@reports.example', domain: 'reports.example', queried: 'shop.nl._report._dmarc.reports.example', authorised: false };
    const other = { uri: 'mailto:y@other.example', domain: 'other.example', queried: 'shop.nl._report._dmarc.other.example', authorised: false };
    const agreed = { uri: 'mailto:z@ok.example', domain: 'ok.example', queried: 'shop.nl._report._dmarc.ok.example', authorised: true };
    const result = run('mail.dmarc', withDmarc({ record: dmarcRecord(), externalReports: [refused, agreed, other] }));
    expect(result.status).toBe('warn');
    expect(result.summary).toEqual({ key: 'unauthorised', params: { domain: 'shop.nl', destinations: 'reports.example, other.example' } });
    expect(result.advice).toEqual([
      { key: 'authorise', params: { uri: 'mailto:x@reports.example', destination: 'reports.example', queried: 'shop.nl._report._dmarc.reports.example' } },
      { key: 'authorise', params: { uri: 'mailto:y@other.example', destination: 'other.example', queried: 'shop.nl._report._dmarc.other.example' } },
    ]);
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord(), externalReports: [agreed] })).status).toBe('pass');
    // A record that already warns keeps its own summary.
    expect(run('mail.dmarc', withDmarc({ record: dmarcRecord({ p: 'none' }), externalReports: [refused] })).summary.key).toBe('monitorOnly');
  });
});

describe('mail.dkim', () => {
  const key = (extra: Partial<DkimKeyEvidence>): DkimKeyEvidence => ({
    selector: 'selector1', source: 'common', name: 'selector1._domainkey.shop.nl', cnames: [], record: '', keyType: 'rsa', bits: 2048, revoked: false, testing: false, errors: [], notes: [], ...extra,
  });
  const withKeys = (keys: DkimKeyEvidence[], extra: Partial<MailEvidence['dkim']> = {}) => mail({ dkim: { tried: [{ selector: 'selector1', source: 'common' }, { selector: 'google', source: 'common' }], keys, failures: [], ...extra } });

  it('passes, labelling each key by selector and size', () => {
    const result = run('mail.dkim', withKeys([key({}), key({ selector: 's2', name: 's2._domainkey.shop.nl', keyType: 'ed25519', bits: 256 })]));
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { domain: 'shop.nl', keys: 'selector1 (RSA 2048), s2 (Ed25519)' } });
    expect(result.advice).toEqual([]);
    expect(result.evidence).toMatchObject({ keys: [{ selector: 'selector1' }, { selector: 's2' }] });
  });

  it('judges RSA sizes at their limits: 1023 fails, 1024 and 2047 warn, 2048 passes', () => {
    const at = (bits: number) => run('mail.dkim', withKeys([key({ bits })]));
    expect(at(1023)).toMatchObject({ status: 'fail', summary: { key: 'tooWeak', params: { keys: 'selector1 (RSA 1023)' } }, advice: [{ key: 'replaceWeak', params: { host: 'selector1._domainkey.shop.nl', bits: 1023 } }] });
    expect(at(1024)).toMatchObject({ status: 'warn', summary: { key: 'weak' }, advice: [{ key: 'upgrade1024', params: { host: 'selector1._domainkey.shop.nl', bits: 1024 } }] });
    expect(at(2047).status).toBe('warn');
    expect(at(2048).status).toBe('pass');
    // Unknown size counts as too weak, and is labelled by type.
    expect(run('mail.dkim', withKeys([key({ bits: undefined })]))).toMatchObject({ status: 'fail', summary: { params: { keys: 'selector1 (rsa)' } }, advice: [{ params: { bits: 0 } }] });
    expect(run('mail.dkim', withKeys([key({ bits: undefined, keyType: undefined })])).summary.params?.keys).toBe('selector1 (rsa)');
  });

  it('the worst key decides, and every key gets its advice', () => {
    const result = run('mail.dkim', withKeys([key({ bits: 1024 }), key({ selector: 'old', name: 'old._domainkey.shop.nl', bits: 512 }), key({ selector: 'new', name: 'new._domainkey.shop.nl' })]));
    expect(result.status).toBe('fail');
    expect(result.advice.map((ref) => ref.key)).toEqual(['upgrade1024', 'replaceWeak']);
  });

  it('a broken key warns with its errors, unless no key is usable', () => {
    const broken = key({ selector: 'bad', name: 'bad._domainkey.shop.nl', errors: ['p= is not valid base64', 'k=foo is unknown'], bits: undefined });
    const mixed = run('mail.dkim', withKeys([key({}), broken]));
    expect(mixed.status).toBe('warn');
    expect(mixed.advice).toEqual([{ key: 'fixBroken', params: { host: 'bad._domainkey.shop.nl', reason: 'p= is not valid base64; k=foo is unknown' } }]);
    const only = run('mail.dkim', withKeys([broken]));
    expect(only.summary).toEqual({ key: 'allBroken', params: { domain: 'shop.nl', keys: 'bad' } });
  });

  it('notes testing keys and revoked keys beside live ones', () => {
    const result = run('mail.dkim', withKeys([key({ testing: true }), key({ selector: 'gone1', revoked: true }), key({ selector: 'gone2', revoked: true })]));
    expect(result.status).toBe('pass');
    expect(result.summary.params?.keys).toBe('selector1 (RSA 2048)');
    expect(result.advice).toEqual([{ key: 'testingNote', params: { host: 'selector1._domainkey.shop.nl' } }, { key: 'revokeNote', params: { keys: 'gone1, gone2' } }]);
    expect(run('mail.dkim', withKeys([key({ selector: 'gone1', revoked: true }), key({ selector: 'gone2', revoked: true })]))).toMatchObject({
      status: 'info', summary: { key: 'allRevoked', params: { domain: 'shop.nl', keys: 'gone1, gone2', count: 2 } }, advice: [{ key: 'revokedMeaning', params: { keys: 'gone1, gone2' } }],
    });
  });

  it('no key found is information listing the selectors tried, with both pieces of advice', () => {
    expect(run('mail.dkim', withKeys([]))).toMatchObject({
      status: 'info', summary: { key: 'notFound', params: { domain: 'shop.nl', count: 2, selectors: 'selector1, google' } }, advice: [{ key: 'giveSelector' }, { key: 'setUpDkim' }],
    });
  });

  it('a lookup failure is an error naming _domainkey of the domain', () => {
    expect(run('mail.dkim', withKeys([], { error: 'SERVFAIL' }))).toEqual({
      status: 'error', summary: { key: 'lookupFailed', params: { name: '_domainkey.shop.nl', error: 'SERVFAIL' } }, advice: [], evidence: { tried: [{ selector: 'selector1', source: 'common' }, { selector: 'google', source: 'common' }], keys: [], failures: [], error: 'SERVFAIL' },
    });
  });

  it('does not apply where mail.non-sending applies: Null MX or no MX, and no SPF record that lets a host send', () => {
    const parked = (spf: string[], mx = NULL_MX) => run('mail.dkim', mail({ mx, servers: [], spf: { records: spf } }));
    expect(parked(['v=spf1 -all'])).toMatchObject({ status: 'skip', summary: { key: 'notApplicable', params: { domain: 'shop.nl', signal: 'Null MX' } }, notApplicable: true });
    expect(parked(['  V=SPF1    -ALL '], NO_MX)).toMatchObject({ summary: { params: { signal: 'SPF "V=SPF1    -ALL"' } }, notApplicable: true });
    expect(parked(['v=spf1 ~all']).notApplicable).toBe(true);
    expect(parked(['v=spf1 ~all'], NO_MX).notApplicable).toBe(true);
    expect(parked([]).notApplicable).toBe(true);
    // A record that lets a host send says the domain sends, Null MX or not; no MX and no SPF cannot be told.
    expect(parked(['v=spf1 ip4:192.0.2.1 -all']).notApplicable).toBeUndefined();
    expect(parked(['v=spf1 redirect=_spf.shop.nl']).notApplicable).toBeUndefined();
    expect(parked(['v=spf1 +all']).notApplicable).toBeUndefined();
    expect(parked([], NO_MX).notApplicable).toBeUndefined();
    expect(run('mail.dkim', mail({ spf: { records: ['v=spf1 -all'] } })).notApplicable).toBeUndefined();
  });
});

describe('mail.mta-sts', () => {
  const sts = (extra: Partial<MailEvidence['mtaSts']>, more: Partial<MailEvidence> = {}) => mail({ mtaSts: { txtRecords: ['v=STSv1; id=1'], id: '1', policyErrors: [], policyNotes: [], ...extra }, ...more });
  const twoMx = { records: [{ preference: 10, exchange: 'mx1.shop.nl' }, { preference: 20, exchange: 'mx2.shop.nl' }], nullMx: false };

  it('passes enforce when every MX is covered, listing the patterns', () => {
    const result = run('mail.mta-sts', sts({ policy: { mode: 'enforce', mx: ['*.shop.nl', 'backup.example'], maxAge: 86400 } }, { mx: twoMx }));
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { domain: 'shop.nl', mx: '*.shop.nl, backup.example' } });
    expect(result.evidence).toMatchObject({ unlistedMx: [], id: '1' });
  });

  it('missing: publish advice with every MX as a policy line', () => {
    expect(run('mail.mta-sts', mail({ mx: twoMx }))).toMatchObject({ status: 'warn', summary: { key: 'missing', params: { domain: 'shop.nl' } }, advice: [{ key: 'publish', params: { domain: 'shop.nl', mxLines: 'mx: mx1.shop.nl / mx: mx2.shop.nl' } }] });
  });

  it('an invalid TXT record fails; with policy errors too, both fixes are advised', () => {
    expect(run('mail.mta-sts', sts({ txtInvalid: 'id is missing' }))).toMatchObject({
      status: 'fail', summary: { key: 'txtInvalid', params: { name: '_mta-sts.shop.nl', reason: 'id is missing' } }, advice: [{ key: 'fixTxt', params: { name: '_mta-sts.shop.nl' } }],
    });
    const both = run('mail.mta-sts', sts({ txtRecords: [], txtInvalid: 'two records', txtName: '_mta-sts.other.nl', policyErrors: ['404'] }));
    expect(both.summary).toEqual({ key: 'txtInvalid', params: { name: '_mta-sts.other.nl', reason: 'two records' } });
    expect(both.advice).toEqual([{ key: 'fixTxt', params: { name: '_mta-sts.other.nl' } }, { key: 'fixPolicy', params: { domain: 'shop.nl', mxLines: 'mx: mail.shop.nl' } }]);
  });

  it('no valid policy fails with every reason, or a plain one', () => {
    expect(run('mail.mta-sts', sts({ policyErrors: ['served as text/html', 'mode is missing'] })).summary).toEqual({ key: 'policyInvalid', params: { domain: 'shop.nl', reason: 'served as text/html; mode is missing' } });
    expect(run('mail.mta-sts', sts({})).summary).toEqual({ key: 'policyInvalid', params: { domain: 'shop.nl', reason: 'no valid policy was found' } });
  });

  it('mode none warns like no policy, testing warns with the advice to enforce', () => {
    expect(run('mail.mta-sts', sts({ policy: { mode: 'none', mx: [], maxAge: 0 } }))).toMatchObject({ status: 'warn', summary: { key: 'modeNone' }, advice: [{ key: 'fixPolicy' }] });
    expect(run('mail.mta-sts', sts({ policy: { mode: 'testing', mx: ['mail.shop.nl'], maxAge: 86400 } }))).toMatchObject({ status: 'warn', summary: { key: 'testing', params: { domain: 'shop.nl' } }, advice: [{ key: 'enforce' }] });
  });

  it('an MX the policy does not list: enforce fails (mail is lost), testing warns', () => {
    const enforce = run('mail.mta-sts', sts({ policy: { mode: 'enforce', mx: ['mx1.shop.nl'], maxAge: 86400 } }, { mx: twoMx }));
    expect(enforce).toMatchObject({ status: 'fail', summary: { key: 'mxUnlisted', params: { domain: 'shop.nl', hosts: 'mx2.shop.nl' } }, advice: [{ key: 'addMx', params: { mxLines: 'mx: mx2.shop.nl' } }] });
    expect(enforce.advice).toHaveLength(1);
    expect(enforce.evidence).toMatchObject({ unlistedMx: ['mx2.shop.nl'] });
    const testing = run('mail.mta-sts', sts({ policy: { mode: 'testing', mx: ['other.example'], maxAge: 86400 } }, { mx: twoMx }));
    expect(testing.advice).toEqual([{ key: 'addMx', params: { mxLines: 'mx: mx1.shop.nl / mx: mx2.shop.nl' } }, { key: 'enforce' }]);
  });

  it('a lookup failure is an error on the TXT name; no MX and Null MX do not apply', () => {
    expect(run('mail.mta-sts', sts({ error: 'timeout' })).summary).toEqual({ key: 'lookupFailed', params: { name: '_mta-sts.shop.nl', error: 'timeout' } });
    expect(run('mail.mta-sts', mail({ mx: NO_MX, servers: [] }))).toEqual({ status: 'skip', summary: { key: 'noMxNotApplicable', params: { domain: 'shop.nl' } }, advice: [], evidence: { mx: [] }, notApplicable: true });
    expect(run('mail.mta-sts', mail({ mx: NULL_MX, servers: [] }))).toEqual({ status: 'skip', summary: { key: 'nullMx', params: { domain: 'shop.nl' } }, advice: [], evidence: { nullMx: true }, notApplicable: true });
    // A failed MX lookup is not "no MX".
    expect(run('mail.mta-sts', mail({ mx: { records: [], nullMx: false, error: 'SERVFAIL' } })).summary.key).toBe('missing');
  });
});

describe('mail.tls-rpt', () => {
  it('passes with the report addresses listed', () => {
    expect(run('mail.tls-rpt', mail({ tlsRpt: { records: ['v=TLSRPTv1; rua=mailto:t@shop.nl,https://r.example/'], rua: ['mailto:t@shop.nl', 'https://r.example/'] } }))).toMatchObject({
      status: 'pass', summary: { key: 'pass', params: { domain: 'shop.nl', rua: 'mailto:t@shop.nl, https://r.example/' } }, advice: [],
    });
  });

  it('missing warns with publish advice; invalid fails naming the record and reason', () => {
    expect(run('mail.tls-rpt', mail())).toMatchObject({ status: 'warn', summary: { key: 'missing', params: { domain: 'shop.nl' } }, advice: [{ key: 'publish', params: { domain: 'shop.nl' } }] });
    expect(run('mail.tls-rpt', mail({ tlsRpt: { records: ['v=TLSRPTv1;'], rua: [], invalid: 'no rua', name: '_smtp._tls.other.nl' } }))).toMatchObject({
      status: 'fail', summary: { key: 'invalid', params: { name: '_smtp._tls.other.nl', reason: 'no rua' } }, advice: [{ key: 'fix', params: { name: '_smtp._tls.other.nl', domain: 'shop.nl' } }],
    });
    expect(run('mail.tls-rpt', mail({ tlsRpt: { records: ['x'], rua: [], invalid: 'bad' } })).summary.params?.name).toBe('_smtp._tls.shop.nl');
  });

  it('a lookup failure is an error; no MX does not apply', () => {
    expect(run('mail.tls-rpt', mail({ tlsRpt: { records: [], rua: [], error: 'timeout' } })).summary).toEqual({ key: 'lookupFailed', params: { name: '_smtp._tls.shop.nl', error: 'timeout' } });
    expect(run('mail.tls-rpt', mail({ mx: NO_MX, servers: [] })).summary.key).toBe('noMxNotApplicable');
  });
});

describe('mail.non-sending', () => {
  const parked = (extra: Partial<MailEvidence> = {}) => mail({ mx: NULL_MX, servers: [], spf: { records: ['v=spf1 -all'] }, ...extra });

  it('passes a Null MX domain with v=spf1 -all and p=reject, recording the facts', () => {
    expect(run('mail.non-sending', parked())).toEqual({
      status: 'pass', summary: { key: 'passNullMx', params: { domain: 'shop.nl' } }, advice: [], evidence: { nullMx: true, mxRecords: 1, spf: ['v=spf1 -all'], dmarcPolicy: 'reject' },
    });
  });

  it('DMARC must be p=reject at 100%: quarantine or pct below 100 is incomplete, each named as it is', () => {
    for (const [record, missing] of [[dmarcRecord({ p: 'quarantine' }), 'DMARC p=reject'], [dmarcRecord({ pct: 99 }), 'DMARC pct=100 (pct=99)']] as const) {
      const result = run('mail.non-sending', parked({ dmarc: { records: ['v=DMARC1'], source: 'domain', foundAt: '_dmarc.shop.nl', record, externalReports: [] } }));
      expect(result.status).toBe('fail');
      expect(result.summary).toEqual({ key: 'incomplete', params: { domain: 'shop.nl', signal: 'Null MX', missing } });
      expect(result.advice).toEqual([{ key: 'addDmarc', params: { domain: 'shop.nl' } }]);
    }
  });

  it('no MX with -all: names SPF as the signal and advises a Null MX', () => {
    const result = run('mail.non-sending', parked({ mx: NO_MX, dmarc: { records: [], externalReports: [] } }));
    expect(result).toEqual({
      status: 'fail',
      summary: { key: 'incomplete', params: { domain: 'shop.nl', signal: 'SPF "v=spf1 -all"', missing: 'DMARC p=reject' } },
      advice: [{ key: 'addDmarc', params: { domain: 'shop.nl' } }, { key: 'addNullMx', params: { domain: 'shop.nl' } }],
      evidence: { nullMx: false, mxRecords: 0, spf: ['v=spf1 -all'], dmarcPolicy: null },
    });
  });

  it('an error in any of the three lookups is an error', () => {
    expect(run('mail.non-sending', parked({ mx: { ...NULL_MX, error: 'mx broke' } })).summary).toEqual({ key: 'failed', params: { error: 'mx broke' } });
    expect(run('mail.non-sending', parked({ spf: { records: [], error: 'spf broke' } })).summary).toEqual({ key: 'failed', params: { error: 'spf broke' } });
    expect(run('mail.non-sending', parked({ dmarc: { records: [], externalReports: [], error: 'dmarc broke' } })).summary).toEqual({ key: 'failed', params: { error: 'dmarc broke' } });
  });

  it('does not apply to a domain with MX records, even with -all', () => {
    expect(run('mail.non-sending', mail({ spf: { records: ['v=spf1 -all'] } }))).toMatchObject({ status: 'skip', summary: { key: 'hasMx', params: { domain: 'shop.nl', hosts: 'mail.shop.nl' } }, notApplicable: true });
  });
});
