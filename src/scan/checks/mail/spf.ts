/**
 * mail.spf: exactly one valid SPF record, at most 10 DNS-querying terms and 2 void lookups
 * counted as RFC 7208 4.6.4 does over the whole include/redirect tree (worst case), every
 * include/redirect target valid, no loop, and a policy that ends in -all or ~all (following
 * redirect=). +all, ?all and no all fail; ptr warns (7208 5.5: do not use). A domain with a
 * Null MX is still judged: a domain that sends no mail should publish v=spf1 -all.
 */
import { msg, type Check, type CheckVerdict, type MessageRef, type Status } from '../../check.js';
import type { MailEvidence } from '../../evidence/mail.js';
import type { SpfCountedTerm, SpfEvidence, SpfRecordNode } from '../../evidence/spf.js';
import { MAX_DNS_TERMS, MAX_MX_OR_PTR_NAMES, MAX_VOID_LOOKUPS } from '../../spf/types.js';
import { effectiveDmarcPolicy, signalsNoMail } from './policy/shared.js';
import { SPF_TEXTS } from './spf-texts.js';

interface Finding {
  status: Status;
  summary: MessageRef;
  advice: MessageRef[];
}

const finding = (status: Status, summary: MessageRef, advice: MessageRef[] = []): Finding => ({ status, summary, advice });

/** Problems with records reached through include/redirect (the root's own are judged first). */
function targetFindings(nodes: SpfRecordNode[], domain: string): Finding[] {
  const findings: Finding[] = [];
  for (const node of nodes) {
    if (!node.via) continue;
    const where = { term: node.via.term, record: node.via.from, target: node.domain };
    const fix = msg('fixTarget', { term: node.via.term, record: node.via.from });
    if (node.status === 'none') findings.push(finding('fail', msg('targetNone', where), [fix]));
    else if (node.status === 'multiple') findings.push(finding('fail', msg('targetMultiple', where), [fix]));
    else if (node.status === 'syntax') {
      findings.push(finding('fail', msg('targetSyntax', { ...where, badTerm: node.term ?? '' }), [fix]));
    } else if (node.status === 'dns-error') {
      findings.push(finding('error', msg('targetDnsError', { ...where, code: node.detail ?? 'error' })));
    } else if (node.status === 'loop') {
      const path = `${node.via.from} > ${node.domain}`;
      findings.push(finding('fail', msg('loop', { domain, path }), [msg('breakLoop', { path })]));
    }
  }
  return findings;
}

function limitFindings(spf: SpfEvidence, terms: SpfCountedTerm[], domain: string): Finding[] {
  const findings: Finding[] = [];
  const lookups = spf.dnsLookups ?? 0;
  if (lookups > MAX_DNS_TERMS) {
    const breaking = terms.find((term) => term.count === MAX_DNS_TERMS + 1);
    const advice = breaking ? [msg('reduceLookups', { term: breaking.term, record: breaking.record, count: breaking.count })] : [];
    findings.push(finding('fail', msg('tooManyLookups', { domain, count: lookups }), advice));
  }
  const voids = spf.voidLookups ?? 0;
  if (voids > MAX_VOID_LOOKUPS) {
    const advice = terms.filter((term) => term.void).map((term) => msg('removeVoid', { term: term.term, record: term.record }));
    findings.push(finding('fail', msg('tooManyVoid', { domain, count: voids }), advice));
  }
  for (const term of terms) {
    if (term.kind === 'mx' && (term.mxNames ?? 0) > MAX_MX_OR_PTR_NAMES) {
      const where = { term: term.term, record: term.record };
      findings.push(finding('fail', msg('tooManyMx', { ...where, count: term.mxNames ?? 0 }), [msg('reduceMx', where)]));
    }
  }
  return findings;
}

function endingFindings(spf: SpfEvidence, domain: string, noMail: boolean, dmarc: string | undefined): Finding[] {
  const ending = spf.ending;
  if (!ending) return spf.incomplete ? [] : [finding('warn', msg('endingUnknown', { domain }))];
  const where = { domain, record: ending.record };
  // "List your senders, then -all or ~all" would contradict mail.non-sending for a domain without mail.
  const fix = (key: string): MessageRef => (noMail ? msg('dashAllNoMail', { domain }) : msg(key, { record: ending.record }));
  if (ending.qualifier === '+') return [finding('fail', msg('plusAll', where), [fix('useDashAll')])];
  if (ending.qualifier === '?') {
    const summary = dmarc ? msg('neutralAllDmarc', { ...where, policy: dmarc }) : msg('neutralAll', where);
    return [finding('fail', summary, [fix('useDashAll')])];
  }
  if (ending.qualifier === null) return [finding('fail', msg('noAll', where), [fix('addAll')])];
  return [];
}

const RANK: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'info', 'skip'];

function combine(findings: Finding[], evidence: Record<string, unknown>): CheckVerdict {
  const worst = [...findings].sort((a, b) => RANK.indexOf(a.status) - RANK.indexOf(b.status))[0] as Finding;
  const seen = new Set<string>();
  const advice = findings
    .flatMap((item) => item.advice)
    .filter((ref) => {
      const key = JSON.stringify(ref);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { status: worst.status, summary: worst.summary, advice, evidence };
}

/**
 * `dmarc`: the DMARC policy that stops mail failing DMARC (quarantine or reject, pct above 0), if any:
 * then a missing or neutral SPF does not let "anyone" send as the domain, and the summary must not say so.
 */
function judge(spf: SpfEvidence, domain: string, mx: { nullMx: boolean; noMx: boolean; noMail: boolean }, dmarc: string | undefined): CheckVerdict {
  const evidence: Record<string, unknown> = {
    records: spf.records,
    dnsLookups: spf.dnsLookups ?? 0,
    voidLookups: spf.voidLookups ?? 0,
    ...(spf.ending ? { ending: spf.ending } : {}),
    ...(spf.terms ? { terms: spf.terms.map((term) => `${term.count}. ${term.term} (${term.record})${term.void ? ' void' : ''}`) } : {}),
    ...(spf.loops?.length ? { loops: spf.loops } : {}),
    ...(mx.nullMx ? { nullMx: true } : {}),
  };
  if (spf.error) return combine([finding('error', msg('dnsError', { domain, code: spf.error }))], { ...evidence, error: spf.error });
  if (spf.records.length === 0) {
    // Without MX it cannot be told whether the domain sends: both ways are offered, each with its condition.
    const advice = mx.nullMx ? [msg('publishNonSending', { domain })] : mx.noMx ? [msg('publish', { domain }), msg('publishNoMx', { domain })] : [msg('publish', { domain })];
    return combine([finding('fail', dmarc ? msg('noneDmarc', { domain, policy: dmarc }) : msg('none', { domain }), advice)], evidence);
  }
  if (spf.records.length > 1) {
    return combine([finding('fail', msg('multiple', { domain, count: spf.records.length }), [msg('merge', { domain })])], evidence);
  }
  const nodes = spf.nodes ?? [];
  const root = nodes.find((node) => !node.via);
  if (root?.status === 'syntax') {
    const term = root.term ?? '';
    return combine([finding('fail', msg('syntax', { domain, term }), [msg('fixSyntax', { term, record: domain })])], evidence);
  }
  const terms = spf.terms ?? [];
  const findings = [...targetFindings(nodes, domain), ...limitFindings(spf, terms, domain), ...endingFindings(spf, domain, mx.noMail, dmarc)];
  if (spf.incomplete) findings.push(finding('error', msg('incomplete', { domain, queries: spf.queries ?? 0 })));
  for (const term of terms.filter((item) => item.kind === 'ptr')) {
    const where = { term: term.term, record: term.record };
    findings.push(finding('warn', msg('ptr', { domain, ...where }), [msg('removePtr', where)]));
  }
  if (findings.length > 0) return combine(findings, evidence);
  const params = { domain, lookups: spf.dnsLookups ?? 0 };
  // A domain without mail (mail.non-sending applies) should end in -all: the same words as that check.
  if (spf.ending?.qualifier === '~' && mx.noMail) return combine([finding('pass', msg('passSoftNoMail', { domain }), [msg('dashAllNoMail', { domain })])], evidence);
  return combine([finding('pass', msg(spf.ending?.qualifier === '~' ? 'passSoft' : 'pass', params))], evidence);
}

export const spfCheck: Check = {
  id: 'mail.spf',
  texts: SPF_TEXTS,
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return { status: 'skip', summary: msg('notScanned'), advice: [], evidence: {} };
    const noMx = mail.mx.error === undefined && mail.mx.records.length === 0;
    // Hand-built evidence (other parts' tests) may leave DMARC out; the collector always fills it.
    const dmarc = mail.dmarc as MailEvidence['dmarc'] | undefined;
    const policy = dmarc && dmarc.invalid === undefined ? effectiveDmarcPolicy(dmarc) : undefined;
    const enforcing = policy !== undefined && policy !== 'none' && (dmarc?.record?.pct ?? 100) > 0 ? policy : undefined;
    return judge(mail.spf, mail.domain, { nullMx: mail.mx.nullMx, noMx, noMail: signalsNoMail(mail) }, enforcing);
  },
};
