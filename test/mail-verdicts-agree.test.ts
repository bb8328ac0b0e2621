/**
 * Mail verdicts that never contradict their evidence or each other (issue 14), on recorded
 * evidence. Three parts:
 * - summaries state only what was observed (one test per case found in the audit);
 * - ALL mail-area checks run on a set of evidences, and the advice of one check never
 *   contradicts another's (no "start with p=none" where another asks p=reject, no report
 *   address at a domain without mail servers, no "turn DKIM on" for a domain without mail);
 * - one cause, one status: hosts we refuse to connect to (private addresses) make every
 *   check that needed them `error`, the MX's TLS checks and MTA-STS alike.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/scan/checks/registry.js';
import { renderReport, type ScanReport } from '../src/scan/engine.js';
import type { MailEvidence, MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { DkimKeyEvidence, DmarcRecord } from '../src/scan/evidence/mail-policy.js';
import { scoreChecks } from '../src/scan/score.js';

const DOMAIN = 'shop.nl';
const now = new Date('2026-06-01T00:00:00Z');

const NULL_MX = { records: [{ preference: 0, exchange: '' }], nullMx: true };
const NO_MX = { records: [], nullMx: false };
const ONE_MX = { records: [{ preference: 10, exchange: 'mail.shop.nl' }], nullMx: false };

const rua = (address: string) => ({ uri: `mailto:${address}`, scheme: 'mailto', address, domain: address.split('@')[1] ?? '' });
const record = (extra: Partial<DmarcRecord> = {}): DmarcRecord => ({ p: 'reject', pct: 100, rua: [], ruf: [], adkim: 'r', aspf: 'r', unknownTags: [], ...extra });
const dmarc = (value: DmarcRecord | undefined): MailEvidence['dmarc'] =>
  value ? { records: ['v=DMARC1'], source: 'domain', foundAt: `_dmarc.${DOMAIN}`, record: value, externalReports: [] } : { records: [], externalReports: [] };

/** An SPF record as the collector records it: the record, and how its policy ends. */
function spf(...records: string[]): MailEvidence['spf'] {
  const all = /\s([-~?+]?)all\b/i.exec(records[0] ?? '');
  const qualifier = all ? ((all[1] || '+') as '-' | '~' | '?' | '+') : null;
  return { records, dnsLookups: 0, voidLookups: 0, terms: [], ...(records.length === 1 ? { ending: { qualifier, record: DOMAIN } } : {}) };
}

function server(host: string, extra: Partial<MailServerEvidence> = {}): MailServerEvidence {
  return { host, preference: 10, dns: { a: ['192.0.2.25'], aaaa: [], cnames: [] }, refused: [], ...extra };
}

function mail(extra: Partial<MailEvidence> = {}): MailEvidence {
  return {
    domain: DOMAIN,
    mx: ONE_MX,
    servers: [],
    spf: spf('v=spf1 include:_spf.provider.example -all'),
    dmarc: dmarc(record()),
    dkim: { tried: [{ selector: 'selector1', source: 'common' }, { selector: 'google', source: 'common' }], keys: [], failures: [] },
    mtaSts: { txtRecords: [], policyErrors: [], policyNotes: [] },
    tlsRpt: { records: [], rua: [] },
    ...extra,
  };
}

/** Every mail-area check (mail.* and dns.*) on the evidence, rendered in English. */
function report(evidence: MailEvidence): ScanReport {
  const scan = { target: DOMAIN, collectedAt: '', mail: evidence };
  const results = CHECKS.filter((check) => check.id.startsWith('mail.') || check.id.startsWith('dns.')).map((check) => {
    const verdict = check.run(scan, { now });
    return { id: check.id, status: verdict.status, verdict };
  });
  return renderReport({ target: DOMAIN, startedAt: '', durationMs: 0, evidence: scan, results, score: scoreChecks([]) }, 'en');
}

const find = (result: ScanReport, id: string) => {
  const check = result.checks.find((entry) => entry.id === id);
  if (!check) throw new Error(`no ${id}`);
  return check;
};

describe('summaries state only what was observed', () => {
  it('no MX and no SPF: mail.non-sending says exactly that, not "sends or receives e-mail"', () => {
    const result = report(mail({ mx: NO_MX, spf: spf(), dmarc: dmarc(undefined) }));
    const verdict = find(result, 'mail.non-sending');
    expect(verdict.status).toBe('info');
    expect(verdict.summary).toBe(`${DOMAIN} has no MX records and no SPF record, so it cannot be told whether it sends e-mail. If it sends none, publish SPF "v=spf1 -all" (see the SPF check) and this check will tell what else a domain without e-mail needs.`);
    expect(verdict.summary).not.toMatch(/sends or receives/);
  });

  it('mail.non-sending names what it saw when it does not apply: the MX hosts, or the SPF record that lets servers send', () => {
    expect(find(report(mail({ servers: [server('mail.shop.nl')] })), 'mail.non-sending').summary).toContain('has mail servers (MX records: mail.shop.nl)');
    const sendsOnly = find(report(mail({ mx: NULL_MX })), 'mail.non-sending');
    expect(sendsOnly.summary).toContain('accepts no e-mail (Null MX), but its SPF record lets servers send e-mail for it ("v=spf1 include:_spf.provider.example -all")');
    expect(find(report(mail({ mx: NO_MX })), 'mail.non-sending').summary).toContain('has no MX records, but its SPF record lets servers send');
  });

  it('mail.non-sending with p=reject at pct=50 says pct is missing, not p=reject', () => {
    const verdict = find(report(mail({ mx: NULL_MX, spf: spf('v=spf1 -all'), dmarc: dmarc(record({ pct: 50 })) })), 'mail.non-sending');
    expect(verdict.status).toBe('fail');
    expect(verdict.summary).toContain('Missing: DMARC pct=100 (pct=50)');
    expect(verdict.summary).not.toContain('Missing: DMARC p=reject');
  });

  it('mail.mx does not call all MX hosts found when some were beyond the probe cap and never looked up', () => {
    const records = Array.from({ length: 12 }, (_, index) => ({ preference: index, exchange: `mx${index}.shop.nl` }));
    const verdict = find(report(mail({ mx: { records, nullMx: false }, servers: records.slice(0, 10).map((entry) => server(entry.exchange)) })), 'mail.mx');
    expect(verdict.status).toBe('pass');
    expect(verdict.summary).toMatch(/^The 10 mail servers of shop\.nl that Weerbaar looked up can be found: mx0\.shop\.nl, .*mx9\.shop\.nl\. Weerbaar looks up at most 10 of the 12 MX records; the rest \(2\) were not looked up/);
    expect(verdict.evidence).toMatchObject({ notLookedUp: ['mx10.shop.nl', 'mx11.shop.nl'] });
  });

  it('mail.dmarc names sp=none when the organisational record sets only sp to none', () => {
    const orgRecord = { records: ['v=DMARC1'], source: 'organisational' as const, foundAt: '_dmarc.shop.nl', record: record({ p: 'reject', sp: 'none', rua: [rua('d@shop.nl')] }), externalReports: [] };
    const verdict = find(report(mail({ domain: 'www.shop.nl', dmarc: orgRecord })), 'mail.dmarc');
    expect(verdict.status).toBe('warn');
    expect(verdict.summary).toBe('DMARC for www.shop.nl has sp=none: receivers only report forged e-mail and still deliver it (record at _dmarc.shop.nl).');
  });

  it('mail.dmarc with pct below 100 says only that share is handled', () => {
    const verdict = find(report(mail({ dmarc: dmarc(record({ pct: 30, rua: [rua('d@shop.nl')] })) })), 'mail.dmarc');
    expect(verdict.summary).toContain('but only 30% of it (pct=30); the rest is delivered');
  });

  it('mail.dmarc does not say a report destination "has not agreed" when its authorisation could not be looked up', () => {
    const externalReports = [
      { uri: 'mailto:r@reports.example', domain: 'reports.example', queried: 'shop.nl._report._dmarc.reports.example', authorised: false, error: 'SERVFAIL' },
      { uri: 'mailto:x@other.example', domain: 'other.example', queried: 'shop.nl._report._dmarc.other.example', authorised: false },
    ];
    const withReports = (reports: typeof externalReports) => mail({ dmarc: { ...dmarc(record({ rua: [rua('r@reports.example'), rua('x@other.example')] })), externalReports: reports } });
    const unknownOnly = find(report(withReports(externalReports.slice(0, 1))), 'mail.dmarc');
    expect(unknownOnly.status).toBe('pass');
    expect(unknownOnly.summary).not.toMatch(/not agreed/);
    expect(unknownOnly.advice).toContain('could not be looked up (shop.nl._report._dmarc.reports.example: SERVFAIL)');
    const both = find(report(withReports(externalReports)), 'mail.dmarc');
    expect(both.status).toBe('warn');
    expect(both.summary).toBe('DMARC for shop.nl is valid, but report destinations have not agreed to receive the reports: other.example.');
  });

  it('mail.spf does not say anyone can send as the domain, or that forged mail is not stopped, where DMARC enforcement stops it', () => {
    const noSpf = find(report(mail({ mx: NULL_MX, spf: spf(), dmarc: dmarc(record()) })), 'mail.spf');
    expect(noSpf.status).toBe('fail');
    expect(noSpf.summary).toContain('has no SPF record, so receivers cannot check which servers may send its mail. Its DMARC policy still asks receivers to reject mail that fails DMARC');
    expect(noSpf.summary).not.toMatch(/anyone can send/);
    const neutral = find(report(mail({ spf: spf('v=spf1 mx ?all'), dmarc: dmarc(record({ p: 'quarantine' })) })), 'mail.spf');
    expect(neutral.summary).toContain('Its DMARC policy still asks receivers to quarantine mail that fails DMARC');
    expect(neutral.summary).not.toMatch(/forged mail is not stopped/);
    // Without enforcement (no DMARC, p=none, pct=0) the plain words are true and stay.
    for (const value of [undefined, record({ p: 'none' }), record({ pct: 0 })]) {
      expect(find(report(mail({ spf: spf(), dmarc: dmarc(value) })), 'mail.spf').summary).toMatch(/anyone can send/);
    }
  });

  it('mail.dkim does not count selectors whose lookup failed as looked at', () => {
    const dkim = { tried: [{ selector: 'selector1', source: 'common' as const }, { selector: 'google', source: 'common' as const }, { selector: 'k1', source: 'common' as const }], keys: [], failures: [{ selector: 'google', error: 'SERVFAIL' }] };
    const verdict = find(report(mail({ dkim })), 'mail.dkim');
    expect(verdict.status).toBe('info');
    expect(verdict.summary).toBe('No DKIM key was found for shop.nl under 2 of the selector names tried (selector1, k1); the lookup of 1 more failed (google: SERVFAIL), so a key there could not be seen.');
  });

  it('mail.dkim with only revoked keys says they are revoked and what that means, not "turn DKIM on"', () => {
    const key: DkimKeyEvidence = { selector: 'old2024', source: 'common', name: 'old2024._domainkey.shop.nl', cnames: [], record: 'v=DKIM1; p=', revoked: true, testing: false, errors: [], notes: [] };
    const verdict = find(report(mail({ dkim: { tried: [{ selector: 'old2024', source: 'common' }], keys: [key], failures: [] } })), 'mail.dkim');
    expect(verdict.status).toBe('info');
    expect(verdict.summary).toContain('have been revoked (empty p=): old2024');
    expect(verdict.advice).toContain('A revoked key (a record with an empty p=) means the key was withdrawn');
    expect(verdict.advice).not.toMatch(/do not sign your e-mail with DKIM yet/);
  });
});

/** The DMARC records an advice text proposes ("v=DMARC1; p=...;" in quotes) and their p= values. */
const advisedDmarcPolicies = (text: string): string[] => [...text.matchAll(/"v=DMARC1; p=(\w+)[^"]*"/g)].map((match) => match[1] ?? '');

const EVIDENCES: Record<string, MailEvidence> = {
  'parked, Null MX, no DMARC': mail({ mx: NULL_MX, spf: spf('v=spf1 -all'), dmarc: dmarc(undefined) }),
  'parked, no MX, p=none with reports to itself': mail({ mx: NO_MX, spf: spf('v=spf1 -all'), dmarc: dmarc(record({ p: 'none', rua: [rua('dmarc@shop.nl')] })) }),
  'parked, no MX, ~all, quarantine': mail({ mx: NO_MX, spf: spf('v=spf1 ~all'), dmarc: dmarc(record({ p: 'quarantine' })) }),
  'parked, no MX, invalid DMARC': mail({ mx: NO_MX, spf: spf('v=spf1 -all'), dmarc: { records: ['v=DMARC1; p=x'], invalid: 'p=x is not valid', externalReports: [] } }),
  'parked, Null MX, ?all': mail({ mx: NULL_MX, spf: spf('v=spf1 ?all'), dmarc: dmarc(record()) }),
  'parked, Null MX, no all at all': mail({ mx: NULL_MX, spf: spf('v=spf1'), dmarc: dmarc(record()) }),
  'Null MX without SPF': mail({ mx: NULL_MX, spf: spf(), dmarc: dmarc(record({ p: 'none' })) }),
  'Null MX without SPF, p=reject': mail({ mx: NULL_MX, spf: spf(), dmarc: dmarc(record()) }),
  'Null MX, sending SPF, no DMARC': mail({ mx: NULL_MX, dmarc: dmarc(undefined) }),
  'no MX, no SPF, no DMARC': mail({ mx: NO_MX, spf: spf(), dmarc: dmarc(undefined) }),
  'mail domain, p=none': mail({ servers: [server('mail.shop.nl')], dmarc: dmarc(record({ p: 'none', rua: [rua('d@shop.nl')] })) }),
  'mail domain, no DMARC': mail({ servers: [server('mail.shop.nl')], dmarc: dmarc(undefined) }),
};

describe('no check contradicts another on the same evidence (all mail checks)', () => {
  for (const [name, evidence] of Object.entries(EVIDENCES)) {
    it(name, () => {
      const result = report(evidence);
      const advice = result.checks.map((check) => check.advice).join('\n');
      const noMailDomain = find(result, 'mail.non-sending');
      const applies = noMailDomain.status === 'pass' || noMailDomain.status === 'fail';
      const policies = new Set(advisedDmarcPolicies(advice));
      // A DMARC policy that stops forged mail and an SPF summary that says nothing stops it cannot both be right.
      if (find(result, 'mail.dmarc').status === 'pass') expect(find(result, 'mail.spf').summary).not.toMatch(/anyone can send|forged mail is not stopped/);
      // One DMARC policy advised across all checks, and no trial run with p=none next to p=reject.
      expect(policies.size, advice).toBeLessThanOrEqual(1);
      if (policies.has('reject')) expect(advice).not.toMatch(/Start with p=none/);
      if (applies) {
        // A domain without e-mail: p=reject wherever DMARC advice is given, DKIM does not apply, SPF says -all.
        expect([...policies].every((policy) => policy === 'reject'), advice).toBe(true);
        expect(advice).not.toMatch(/strengthen|p=none to p=quarantine|Start with p=none/i);
        expect(find(result, 'mail.dkim').status).toBe('skip');
        expect(advice).not.toMatch(/do not sign your e-mail with DKIM yet/);
        expect(advice).not.toMatch(/lists the servers that send your mail/);
        expect(advice).not.toMatch(/Add a report address/);
        // SPF: exactly -all, as mail.non-sending says; never "~all is fine" or "list your senders".
        expect(advice).not.toMatch(/\(or ~all\)|after listing every server/);
        expect(find(result, 'mail.spf').summary).not.toMatch(/~all is fine/);
      }
      if (evidence.mx.nullMx || evidence.mx.records.length === 0) {
        // No mail server: no advised record sends reports to an address at the domain itself.
        expect(advice).not.toMatch(/"v=DMARC1;[^"]*@shop\.nl[^"]*"/);
      }
    });
  }

  it('the parked cases really get p=reject advice from mail.dmarc (the rule above is not vacuous)', () => {
    const missing = find(report(EVIDENCES['parked, Null MX, no DMARC'] as MailEvidence), 'mail.dmarc');
    expect(missing.advice).toContain('_dmarc.shop.nl TXT "v=DMARC1; p=reject;"');
    const monitoring = find(report(EVIDENCES['parked, no MX, p=none with reports to itself'] as MailEvidence), 'mail.dmarc');
    expect(monitoring.advice).toContain('Change the record at _dmarc.shop.nl to "v=DMARC1; p=reject;"');
    expect(monitoring.advice).toContain('Reports sent to mailto:dmarc@shop.nl cannot arrive');
    expect(find(report(EVIDENCES['parked, no MX, invalid DMARC'] as MailEvidence), 'mail.dmarc').advice).toContain('A valid example: "v=DMARC1; p=reject;"');
    expect(find(report(EVIDENCES['mail domain, p=none'] as MailEvidence), 'mail.dmarc').advice).toContain('"v=DMARC1; p=quarantine; rua=mailto:d@shop.nl"');
    // Parked subdomain under an organisational record with sp=none: its own record, not a change to the parent's.
    const orgRecord = { records: ['v=DMARC1'], source: 'organisational' as const, foundAt: '_dmarc.shop.nl', record: record({ sp: 'none' }), externalReports: [] };
    const sub = find(report(mail({ domain: 'old.shop.nl', mx: NULL_MX, spf: spf('v=spf1 -all'), dmarc: orgRecord })), 'mail.dmarc');
    expect(sub.advice).toContain('Publish this DMARC record: _dmarc.old.shop.nl TXT "v=DMARC1; p=reject;"');
    expect(sub.advice).not.toContain('Change the record at _dmarc.shop.nl');
  });
});

describe('one cause, one status: hosts behind our private-address refusal', () => {
  const refusedMx = server('mail.shop.nl', {
    dns: { a: ['10.0.0.25'], aaaa: [], cnames: [] },
    refused: [{ address: '10.0.0.25', range: 'private' }],
    tlsa: { name: '_25._tcp.mail.shop.nl', dnssec: 'secure', records: [{ usage: 3, selector: 1, matchingType: 1, data: 'ab'.repeat(32) }] },
  });
  const mtaSts = {
    txtRecords: ['v=STSv1; id=1'],
    id: '1',
    policyErrors: ['the policy could not be fetched: mta-sts.shop.nl has only private or reserved addresses: 10.0.0.80 (private); not scanned'],
    policyNotes: [],
    fetch: { url: 'https://mta-sts.shop.nl/.well-known/mta-sts.txt', bytes: 0, tooLarge: false, refusedPrivate: true, error: 'mta-sts.shop.nl has only private or reserved addresses: 10.0.0.80 (private); not scanned' },
  };

  it('every check that needed a refused host says error: STARTTLS, every mail.tls.*, DANE and MTA-STS', () => {
    const result = report(mail({ servers: [refusedMx], mtaSts }));
    const needingHosts = result.checks.filter((check) => check.id === 'mail.starttls' || check.id.startsWith('mail.tls.') || check.id === 'mail.dane' || check.id === 'mail.mta-sts');
    expect(needingHosts.length).toBe(13);
    expect(Object.fromEntries(needingHosts.map((check) => [check.id, check.status]))).toEqual(Object.fromEntries(needingHosts.map((check) => [check.id, 'error'])));
    expect(find(result, 'mail.mta-sts').summary).toContain('could not be checked: Weerbaar does not connect to private or reserved addresses');
  });

  it('a policy host that is only unreachable (not refused by us) still fails MTA-STS: senders cannot fetch it either', () => {
    const unreachable = { ...mtaSts, fetch: { ...mtaSts.fetch, refusedPrivate: undefined, error: 'connect ECONNREFUSED' } };
    expect(find(report(mail({ servers: [refusedMx], mtaSts: unreachable })), 'mail.mta-sts').status).toBe('fail');
  });
});
