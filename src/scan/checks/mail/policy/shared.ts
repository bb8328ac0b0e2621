/**
 * What the mail policy checks share: when a domain receives or sends no mail, the
 * DMARC policy that applies to it, and texts for verdicts made here.
 */
import type { Lang } from '../../../../core/lang.js';
import type { CheckVerdict } from '../../../check.js';
import type { MailEvidence } from '../../../evidence/mail.js';
import type { DmarcEvidence, DmarcPolicy } from '../../../evidence/mail-policy.js';

export const POLICY_SHARED_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    noMail: 'The e-mail part of the scan was not collected, so this could not be checked.',
    nullMx: '{{domain}} has a Null MX: it accepts no e-mail, so this does not apply.',
    noMxNotApplicable: '{{domain}} has no mail servers (MX records), so this does not apply.',
    lookupFailed: 'The DNS lookup of {{name}} failed ({{error}}), so this could not be checked. Try again later; if it keeps failing, ask your DNS provider.',
  },
  nl: {
    noMail: 'Het e-maildeel van de scan is niet verzameld, dus dit kon niet worden gecontroleerd.',
    nullMx: '{{domain}} heeft een Null MX: het domein ontvangt geen e-mail, dus dit is niet van toepassing.',
    noMxNotApplicable: '{{domain}} heeft geen mailservers (MX-records), dus dit is niet van toepassing.',
    lookupFailed: 'Het opvragen van {{name}} in de DNS mislukte ({{error}}), dus dit kon niet worden gecontroleerd. Probeer het later opnieuw; blijft het mislukken, vraag het dan uw DNS-provider.',
  },
  sv: {
    noMail: 'E-postdelen av skanningen samlades inte in, så detta kunde inte kontrolleras.',
    nullMx: '{{domain}} har en Null MX: domänen tar inte emot e-post, så detta gäller inte.',
    noMxNotApplicable: '{{domain}} har inga e-postservrar (MX-poster), så detta gäller inte.',
    lookupFailed: 'DNS-uppslaget av {{name}} misslyckades ({{error}}), så detta kunde inte kontrolleras. Försök igen senare; om det fortsätter att misslyckas, fråga din DNS-leverantör.',
  },
};

export function noMailVerdict(): CheckVerdict {
  return { status: 'skip', summary: { key: 'noMail' }, advice: [], evidence: {} };
}

export function nullMxVerdict(domain: string): CheckVerdict {
  return { status: 'skip', summary: { key: 'nullMx', params: { domain } }, advice: [], evidence: { nullMx: true }, notApplicable: true };
}

/** No MX records at all: there is no mail server for a policy about receiving mail to cover. */
export function noMxVerdict(domain: string): CheckVerdict {
  return { status: 'skip', summary: { key: 'noMxNotApplicable', params: { domain } }, advice: [], evidence: { mx: [] }, notApplicable: true };
}

export function lookupFailedVerdict(name: string, error: string, evidence: Record<string, unknown> = {}): CheckVerdict {
  return { status: 'error', summary: { key: 'lookupFailed', params: { name, error } }, advice: [], evidence };
}

/** The domain has no MX records at all (not a Null MX, not a lookup failure). */
export function hasNoMx(mail: MailEvidence): boolean {
  return mail.mx.error === undefined && mail.mx.records.length === 0;
}

/** SPF says no host may send for the domain: exactly "v=spf1 -all". */
export function spfForbidsAll(mail: MailEvidence): boolean {
  const records = mail.spf.records;
  return records.length === 1 && (records[0] ?? '').trim().toLowerCase().replace(/\s+/g, ' ') === 'v=spf1 -all';
}

/** A term of an SPF record that lets some host send: any mechanism but -all/~all/?all, or a redirect. */
function authorisesSender(term: string): boolean {
  const lower = term.toLowerCase();
  if (/^[-~?]all$/.test(lower)) return false;
  // Modifiers other than redirect= (exp=, unknown ones) name no sender (RFC 7208 6).
  if (/^[a-z][a-z0-9_.-]*=/.test(lower)) return lower.startsWith('redirect=');
  return true;
}

/** Some SPF record of the domain lets a host send for it (includes, ip4:, a, mx, redirect=, +all ...). */
export function spfAuthorisesSenders(mail: MailEvidence): boolean {
  return mail.spf.records.some((record) => record.trim().split(/\s+/).slice(1).some(authorisesSender));
}

/**
 * The domain gives every sign of handling no e-mail, and none of sending any, so the checks
 * must all treat it as a domain without e-mail (mail.non-sending applies, DMARC advice is
 * p=reject, DKIM does not apply): no way in (Null MX, or no MX at all) and no SPF record that
 * lets any host send. Without MX an SPF record must be there and say so (-all, ~all, ?all):
 * no MX and no SPF at all cannot be told apart from a sender that forgot SPF. A sending SPF
 * record outweighs a Null MX: a domain may send without receiving (RFC 7505 asks it not to
 * use itself as envelope sender, not to stop sending), and advising "-all" would stop its mail.
 */
export function signalsNoMail(mail: MailEvidence): boolean {
  if (mail.spf.error !== undefined || spfAuthorisesSenders(mail)) return false;
  if (mail.mx.nullMx) return true;
  return hasNoMx(mail) && mail.spf.records.length > 0;
}

/** What says the domain handles no e-mail, in record terms (language-neutral): "Null MX", or the SPF record when there is no MX. */
export function noMailSignal(mail: MailEvidence): string {
  return mail.mx.nullMx ? 'Null MX' : mail.spf.records.map((record) => `SPF "${record.trim()}"`).join(', ');
}

/** The domain has no server that accepts e-mail: a Null MX, or no MX records. */
export function acceptsNoMail(mail: MailEvidence): boolean {
  return mail.mx.nullMx || hasNoMx(mail);
}

/**
 * The DMARC policy for mail from the domain itself: p at the domain; sp (else p) when
 * the record is the organisational domain's and the domain is a subdomain (RFC 7489 6.6.3).
 */
export function effectiveDmarcPolicy(dmarc: DmarcEvidence): DmarcPolicy | undefined {
  const record = dmarc.record;
  if (!record) return undefined;
  return dmarc.source === 'organisational' ? (record.sp ?? record.p) : record.p;
}

/** "a, b and c"-free joining: a plain comma list reads the same in all three languages. */
export function list(items: readonly string[]): string {
  return items.join(', ');
}
