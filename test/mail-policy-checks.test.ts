import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import type { CheckVerdict } from '../src/scan/check.js';
import { mailPolicyChecks } from '../src/scan/checks/mail/policy/index.js';
import type { MailEvidence, MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { DkimKeyEvidence, DmarcRecord } from '../src/scan/evidence/mail-policy.js';

const now = new Date('2026-01-01T00:00:00Z');
const check = (id: string) => {
  const found = mailPolicyChecks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

function server(host: string, dns: Partial<MailServerEvidence['dns']> = {}): MailServerEvidence {
  return { host, preference: 10, dns: { a: ['192.0.2.25'], aaaa: [], cnames: [], ...dns }, refused: [] };
}

const dmarcRecord = (extra: Partial<DmarcRecord> = {}): DmarcRecord => ({ p: 'reject', pct: 100, rua: [], ruf: [], adkim: 'r', aspf: 'r', unknownTags: [], ...extra });

function mail(extra: Partial<MailEvidence> = {}): MailEvidence {
  return {
    domain: 'shop.nl',
    mx: { records: [{ preference: 10, exchange: 'mail.shop.nl' }], nullMx: false },
    servers: [server('mail.shop.nl')],
    spf: { records: ['v=spf1 include:_spf.provider.example -all'] },
    dmarc: { records: ['v=DMARC1; p=reject'], source: 'domain', foundAt: '_dmarc.shop.nl', record: dmarcRecord({ rua: [{ uri: 'mailto:d@shop.nl', scheme: 'mailto', address: 'd@shop.nl', domain: 'shop.nl' }] }), externalReports: [] },
    dkim: { tried: [{ selector: 'selector1', source: 'common' }], keys: [], failures: [] },
    mtaSts: { txtRecords: [], policyErrors: [], policyNotes: [] },
    tlsRpt: { records: [], rua: [] },
    ...extra,
  };
}

const NULL_MX = { records: [{ preference: 0, exchange: '' }], nullMx: true };

function run(id: string, evidence: MailEvidence): CheckVerdict {
  return check(id).run({ target: evidence.domain, collectedAt: '', mail: evidence }, { now });
}

function key(extra: Partial<DkimKeyEvidence>): DkimKeyEvidence {
  return { selector: 'selector1', source: 'common', name: 'selector1._domainkey.shop.nl', cnames: [], record: '', keyType: 'rsa', bits: 2048, revoked: false, testing: false, errors: [], notes: [], ...extra };
}

describe('texts', () => {
  const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
  it('has the six ids, and every language has the same keys and placeholders', () => {
    expect(mailPolicyChecks.map((c) => c.id)).toEqual(['mail.mx', 'mail.dmarc', 'mail.dkim', 'mail.mta-sts', 'mail.tls-rpt', 'mail.non-sending']);
    for (const c of mailPolicyChecks) {
      for (const lang of LANGS) {
        expect(Object.keys(c.texts[lang]).sort(), `${c.id} ${lang}`).toEqual(Object.keys(c.texts.en).sort());
        for (const [k, text] of Object.entries(c.texts[lang])) expect(placeholders(text), `${c.id} ${lang}.${k}`).toEqual(placeholders(c.texts.en[k] ?? ''));
      }
    }
  });

  it('only uses summary and advice keys that exist, with all their placeholders filled', () => {
    const cases: [string, MailEvidence][] = [
      ['mail.mx', mail({ mx: { records: [{ preference: 10, exchange: '192.0.2.1' }, { preference: 20, exchange: 'alias.shop.nl' }], nullMx: false }, servers: [server('alias.shop.nl', { cnames: ['real.host.example'] })] })],
      ['mail.dmarc', mail({ dmarc: { records: [], externalReports: [] } })],
      ['mail.dmarc', mail({ dmarc: { records: ['x'], foundAt: '_dmarc.shop.nl', invalid: 'bad', externalReports: [] } })],
      ['mail.dkim', mail()],
      ['mail.mta-sts', mail()],
      ['mail.tls-rpt', mail()],
      ['mail.non-sending', mail({ mx: NULL_MX, servers: [] })],
    ];
    for (const [id, evidence] of cases) {
      const verdict = run(id, evidence);
      for (const ref of [verdict.summary, ...verdict.advice]) {
        // A plural key lives as key_one/key_other; i18next picks one from {{count}}.
        const text = check(id).texts.en[ref.key] ?? check(id).texts.en[`${ref.key}_other`];
        expect(text, `${id} ${ref.key}`).toBeDefined();
        for (const name of placeholders(text ?? '')) expect(ref.params?.[name], `${id} ${ref.key} {{${name}}}`).toBeDefined();
      }
    }
  });
});

describe('mail.mx', () => {
  it('passes resolvable MX hosts and a Null MX', () => {
    expect(run('mail.mx', mail()).status).toBe('pass');
    expect(run('mail.mx', mail({ mx: NULL_MX, servers: [] })).summary.key).toBe('nullMx');
  });
  it('fails a Null MX mixed with other MX records, and MX hosts that cannot be used', () => {
    expect(run('mail.mx', mail({ mx: { records: [{ preference: 0, exchange: '' }, { preference: 10, exchange: 'mail.shop.nl' }], nullMx: false } })).status).toBe('fail');
    const none = run('mail.mx', mail({ servers: [server('mail.shop.nl', { a: [], error: 'NXDOMAIN' })] }));
    expect(none.status).toBe('fail');
    expect(none.advice[0]).toEqual({ key: 'fixNoAddress', params: { host: 'mail.shop.nl', domain: 'shop.nl' } });
    const literal = run('mail.mx', mail({ mx: { records: [{ preference: 10, exchange: '192.0.2.1' }], nullMx: false } }));
    expect(literal.status).toBe('fail');
    expect(literal.advice[0]?.key).toBe('fixIpLiteral');
  });
  it('warns when one MX is an alias or a backup MX is broken', () => {
    const records = [{ preference: 10, exchange: 'mail.shop.nl' }, { preference: 20, exchange: 'backup.shop.nl' }];
    const broken = run('mail.mx', mail({ mx: { records, nullMx: false }, servers: [server('mail.shop.nl'), server('backup.shop.nl', { a: [] })] }));
    expect(broken.status).toBe('warn');
    const alias = run('mail.mx', mail({ servers: [server('mail.shop.nl', { cnames: ['mx.provider.example'] })] }));
    expect(alias).toMatchObject({ status: 'warn', advice: [{ key: 'fixCname' }] });
  });
  it('is honest about no MX at all and about lookup failures', () => {
    expect(run('mail.mx', mail({ mx: { records: [], nullMx: false }, servers: [] }))).toMatchObject({ status: 'info', summary: { key: 'noMx' }, advice: [{ key: 'adviseNullMx' }] });
    expect(run('mail.mx', mail({ mx: { records: [], nullMx: false, error: 'SERVFAIL' }, servers: [] })).status).toBe('error');
  });
});

describe('mail.dmarc', () => {
  const withRecord = (record: DmarcRecord, extra: Partial<MailEvidence['dmarc']> = {}) =>
    mail({ dmarc: { records: ['v=DMARC1'], source: 'domain', foundAt: '_dmarc.shop.nl', record, externalReports: [], ...extra } });
  it('passes quarantine and reject, warns on none, fails missing and invalid', () => {
    expect(run('mail.dmarc', withRecord(dmarcRecord({ p: 'quarantine' }))).status).toBe('pass');
    expect(run('mail.dmarc', withRecord(dmarcRecord({ p: 'none' })))).toMatchObject({ status: 'warn', summary: { key: 'monitorOnly' } });
    expect(run('mail.dmarc', mail({ dmarc: { records: [], externalReports: [] } }))).toMatchObject({ status: 'fail', summary: { key: 'missing' } });
    expect(run('mail.dmarc', mail({ dmarc: { records: ['v=DMARC1; p=x'], foundAt: '_dmarc.shop.nl', invalid: 'p=x is not valid', externalReports: [] } })).status).toBe('fail');
    expect(run('mail.dmarc', mail({ dmarc: { records: [], externalReports: [], error: 'timeout' } })).status).toBe('error');
  });
  it('notes pct below 100, a weaker sp and missing reports', () => {
    const verdict = run('mail.dmarc', withRecord(dmarcRecord({ p: 'reject', sp: 'none', pct: 50 })));
    expect(verdict.status).toBe('pass');
    expect(verdict.advice.map((ref) => ref.key)).toEqual(['pctNote', 'spWeaker', 'addRua']);
    expect(run('mail.dmarc', withRecord(dmarcRecord({ pct: 0 }))).summary.key).toBe('pctZero');
  });
  it('uses sp of the organisational record for a subdomain', () => {
    const verdict = run('mail.dmarc', withRecord(dmarcRecord({ p: 'reject', sp: 'none' }), { source: 'organisational' }));
    expect(verdict.status).toBe('warn');
    expect(verdict.advice.map((ref) => ref.key)).toContain('orgDomainNote');
  });
  it('warns about an external report destination that has not agreed, naming it', () => {
    const verdict = run('mail.dmarc', withRecord(dmarcRecord(), {
      externalReports: [{ uri: 'mailto:x@reports.example', domain: 'reports.example', queried: 'shop.nl._report._dmarc.reports.example', authorised: false }],
    }));
    expect(verdict).toMatchObject({ status: 'warn', summary: { key: 'unauthorised', params: { destinations: 'reports.example' } } });
  });
});

describe('mail.dkim', () => {
  const withKeys = (keys: DkimKeyEvidence[], extra: Partial<MailEvidence> = {}) => mail({ dkim: { tried: [{ selector: 'selector1', source: 'common' }], keys, failures: [] }, ...extra });
  it('judges key sizes: 2048 and Ed25519 pass, 1024 warns, 512 fails', () => {
    expect(run('mail.dkim', withKeys([key({})])).status).toBe('pass');
    expect(run('mail.dkim', withKeys([key({ keyType: 'ed25519', bits: 256 })])).status).toBe('pass');
    expect(run('mail.dkim', withKeys([key({ bits: 1024 })])).status).toBe('warn');
    expect(run('mail.dkim', withKeys([key({ bits: 512 })])).status).toBe('fail');
  });
  it('fails when every key is revoked or broken, and accepts revoked keys next to a good one', () => {
    expect(run('mail.dkim', withKeys([key({ revoked: true, bits: undefined })])).summary.key).toBe('allRevoked');
    expect(run('mail.dkim', withKeys([key({ errors: ['p= is not valid base64'], bits: undefined })])).summary.key).toBe('allBroken');
    expect(run('mail.dkim', withKeys([key({}), key({ selector: 'google', revoked: true })])).status).toBe('pass');
  });
  it('says honestly that no key was found, which selectors were tried and how to give one', () => {
    const verdict = run('mail.dkim', withKeys([]));
    expect(verdict).toMatchObject({ status: 'info', summary: { key: 'notFound', params: { count: 1, selectors: 'selector1' } } });
    expect(verdict.advice[0]?.key).toBe('giveSelector');
    expect(check('mail.dkim').texts.en.giveSelector).toContain('--dkim-selector NAME');
  });
  it('does not apply to a domain that sends no mail', () => {
    const verdict = run('mail.dkim', withKeys([], { mx: NULL_MX, servers: [], spf: { records: ['v=spf1 -all'] } }));
    expect(verdict).toMatchObject({ status: 'skip', notApplicable: true });
  });
});

describe('mail.mta-sts', () => {
  const sts = (extra: Partial<MailEvidence['mtaSts']>) => mail({ mtaSts: { txtRecords: ['v=STSv1; id=1'], id: '1', policyErrors: [], policyNotes: [], ...extra } });
  it('passes enforce, warns testing and none (RFC 8461 5: as if no policy), fails invalid, warns when absent', () => {
    expect(run('mail.mta-sts', sts({ policy: { mode: 'enforce', mx: ['*.shop.nl'], maxAge: 86400 } })).status).toBe('pass');
    expect(run('mail.mta-sts', sts({ policy: { mode: 'testing', mx: ['mail.shop.nl'], maxAge: 86400 } })).status).toBe('warn');
    expect(run('mail.mta-sts', sts({ policy: { mode: 'none', mx: [], maxAge: 0 } })).status).toBe('warn');
    expect(run('mail.mta-sts', sts({ policyErrors: ['the policy is served as text/html, not text/plain'] }))).toMatchObject({ status: 'fail', summary: { key: 'policyInvalid' } });
    expect(run('mail.mta-sts', sts({ txtInvalid: 'the required id tag is missing' })).summary.key).toBe('txtInvalid');
    expect(run('mail.mta-sts', mail())).toMatchObject({ status: 'warn', summary: { key: 'missing' }, advice: [{ key: 'publish', params: { mxLines: 'mx: mail.shop.nl' } }] });
  });
  it('names MX hosts the policy does not cover', () => {
    const verdict = run('mail.mta-sts', sts({ policy: { mode: 'testing', mx: ['mx.other.example'], maxAge: 86400 } }));
    expect(verdict).toMatchObject({ status: 'warn', summary: { key: 'mxUnlistedTesting', params: { hosts: 'mail.shop.nl' } } });
  });
  it('does not apply with a Null MX', () => {
    expect(run('mail.mta-sts', mail({ mx: NULL_MX, servers: [] }))).toMatchObject({ status: 'skip', notApplicable: true });
    expect(run('mail.tls-rpt', mail({ mx: NULL_MX, servers: [] }))).toMatchObject({ status: 'skip', notApplicable: true });
  });
});

describe('mail.tls-rpt', () => {
  it('passes a valid record, warns when absent, fails an invalid one', () => {
    expect(run('mail.tls-rpt', mail({ tlsRpt: { records: ['v=TLSRPTv1; rua=mailto:t@shop.nl'], rua: ['mailto:t@shop.nl'] } })).status).toBe('pass');
    expect(run('mail.tls-rpt', mail()).status).toBe('warn');
    expect(run('mail.tls-rpt', mail({ tlsRpt: { records: ['v=TLSRPTv1;'], rua: [], invalid: 'no rua' } })).status).toBe('fail');
  });
});

describe('mail.non-sending', () => {
  const parked = (extra: Partial<MailEvidence> = {}) => mail({ mx: NULL_MX, servers: [], spf: { records: ['v=spf1 -all'] }, ...extra });
  it('passes Null MX + v=spf1 -all + p=reject', () => {
    expect(run('mail.non-sending', parked())).toMatchObject({ status: 'pass', summary: { key: 'passNullMx' } });
  });
  it('passes no MX + -all + reject, advising a Null MX', () => {
    const verdict = run('mail.non-sending', parked({ mx: { records: [], nullMx: false } }));
    expect(verdict).toMatchObject({ status: 'pass', summary: { key: 'passNoMx' }, advice: [{ key: 'addNullMx' }] });
  });
  it('fails a Null MX domain without -all or p=reject, naming what is missing', () => {
    const verdict = run('mail.non-sending', parked({ spf: { records: [] }, dmarc: { records: [], externalReports: [] } }));
    expect(verdict.status).toBe('fail');
    expect(verdict.summary.params?.missing).toBe('SPF "v=spf1 -all", DMARC p=reject');
    expect(verdict.advice.map((ref) => ref.key)).toEqual(['addSpf', 'addDmarc']);
  });
  it('does not apply to a domain that receives or sends mail', () => {
    expect(run('mail.non-sending', mail())).toMatchObject({ status: 'skip', notApplicable: true });
    expect(run('mail.non-sending', mail({ mx: { records: [], nullMx: false }, servers: [] }))).toMatchObject({ notApplicable: true });
  });
});

describe('hand-built evidence without the lists', () => {
  it('reads missing lists as empty and never throws', () => {
    const bare = mail({ dmarc: {}, dkim: {}, mtaSts: {}, tlsRpt: {} });
    const statuses = mailPolicyChecks.map((c) => [c.id, c.run({ target: 'shop.nl', collectedAt: '', mail: bare }, { now }).status]);
    expect(Object.fromEntries(statuses)).toEqual({
      'mail.mx': 'pass', 'mail.dmarc': 'fail', 'mail.dkim': 'info', 'mail.mta-sts': 'warn', 'mail.tls-rpt': 'warn', 'mail.non-sending': 'skip',
    });
  });
});
