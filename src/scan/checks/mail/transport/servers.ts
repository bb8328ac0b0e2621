/**
 * Shared plumbing for the transport checks: which MX hosts there are to judge (none for a
 * Null MX or no MX: not applicable), the verdict for a host that could not be judged
 * (no address, SMTP trouble, no STARTTLS, a failed TLS probe), and one verdict from the
 * per-host verdicts (worst status wins, the same finding on several hosts said once).
 */
import type { Lang } from '../../../../core/lang.js';
import { mergeTexts, type CheckTexts, type CheckVerdict } from '../../../check.js';
import type { MailServerEvidence } from '../../../evidence/mail.js';
import type { ScanEvidence, TlsEvidence } from '../../../evidence/index.js';
import { combine, hostVerdict, type HostVerdict } from '../../web/host-verdicts.js';

export { combine, hostVerdict, type HostVerdict };

/** The MX hosts to judge, or the verdict when there are none. */
export function mailServers(evidence: ScanEvidence): MailServerEvidence[] | CheckVerdict {
  const mail = evidence.mail;
  if (!mail) return { status: 'error', summary: { key: 'noMail' }, advice: [], evidence: {} };
  if (mail.mx.nullMx) return { status: 'skip', summary: { key: 'nullMx' }, advice: [], evidence: { nullMx: true }, notApplicable: true };
  if (mail.servers.length > 0) return mail.servers;
  if (mail.mx.error) return { status: 'error', summary: { key: 'mxError', params: { reason: mail.mx.error } }, advice: [], evidence: { mxError: mail.mx.error } };
  return { status: 'skip', summary: { key: 'noMx' }, advice: [], evidence: { mx: [] }, notApplicable: true };
}

/** Why a host's SMTP dialogue did not reach STARTTLS, as a host verdict (undefined when it did). */
export function unreachable(server: MailServerEvidence): HostVerdict | undefined {
  const host = server.host;
  const smtp = server.smtp;
  if (!smtp) {
    const reason = server.dns.error ?? (server.refused.length > 0 ? `only private addresses (${server.refused.map((entry) => entry.address).join(', ')})` : 'no address');
    return hostVerdict(host, 'error', 'noAddress', { reason }, [], { stage: 'dns' });
  }
  if (smtp.error) {
    const key = smtp.failure === 'greylisted' ? 'greylisted' : 'smtpFailed';
    return hostVerdict(host, 'error', key, { reason: smtp.error }, [], { stage: smtp.stage, failure: smtp.failure });
  }
  return undefined;
}

/** The TLS evidence of a host that did STARTTLS, or the verdict when there is none to judge. */
export function tlsOf(server: MailServerEvidence): TlsEvidence | HostVerdict {
  if (server.smtp?.stage === 'starttls' && server.smtp.starttls) return hostVerdict(server.host, 'skip', 'starttlsRefused', { reason: server.smtp.error ?? '' });
  const problem = unreachable(server);
  if (problem) return problem;
  if (!server.smtp?.readyForTls) return hostVerdict(server.host, 'skip', 'noStarttls');
  if (!server.tls) return hostVerdict(server.host, 'error', 'probeFailed', { reason: 'no TLS evidence' });
  if (server.tls.error !== undefined) return hostVerdict(server.host, 'error', 'probeFailed', { reason: server.tls.error });
  return server.tls;
}

/** The usual shape of a mail TLS check: judge every MX host with TLS, then combine. */
export function judgeMailTls(evidence: ScanEvidence, judge: (host: string, tls: TlsEvidence, server: MailServerEvidence) => HostVerdict): CheckVerdict {
  const servers = mailServers(evidence);
  if (!Array.isArray(servers)) return servers;
  return combine(
    servers.map((server) => {
      const tls = tlsOf(server);
      return 'status' in tls ? tls : judge(server.host, tls, server);
    }),
    'noMail',
  );
}

/** Texts for the verdicts made here; every transport check's texts include them. */
export const MAIL_SERVER_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    noMail: 'The e-mail part of the scan was not collected, so this could not be checked.',
    nullMx: 'The domain says it receives no e-mail (a "Null MX" record), so this does not apply.',
    noMx: 'The domain has no mail servers (MX records), so this does not apply; see the MX check.',
    mxError: 'The mail servers (MX records) of the domain could not be looked up ({{reason}}), so this could not be checked.',
    noAddress: 'The mail server {{host}} could not be checked: it has no usable address ({{reason}}).',
    smtpFailed: 'The mail server {{host}} could not be checked over SMTP: {{reason}}',
    greylisted:
      'The mail server {{host}} turned Weerbaar away for now ({{reason}}). This is often "greylisting" or a busy server; it is not an error of yours, but this check could not run. Scan again later.',
    starttlsRefused: 'The mail server {{host}} refused to start TLS ({{reason}}), so there is no TLS setup to check; see the STARTTLS check.',
    noStarttls: 'The mail server {{host}} does not offer STARTTLS, so there is no TLS setup to check; see the STARTTLS check.',
    probeFailed: 'The TLS setup of the mail server {{host}} could not be examined: {{reason}}',
    noCertificate: 'The certificate of the mail server {{host}} could not be examined: {{reason}}',
  },
  nl: {
    noMail: 'Het e-maildeel van de scan is niet verzameld, dus dit kon niet worden gecontroleerd.',
    nullMx: 'Het domein geeft aan geen e-mail te ontvangen (een "Null MX"-record), dus dit is niet van toepassing.',
    noMx: 'Het domein heeft geen mailservers (MX-records), dus dit is niet van toepassing; zie de MX-controle.',
    mxError: 'De mailservers (MX-records) van het domein konden niet worden opgevraagd ({{reason}}), dus dit kon niet worden gecontroleerd.',
    noAddress: 'De mailserver {{host}} kon niet worden gecontroleerd: er is geen bruikbaar adres ({{reason}}).',
    smtpFailed: 'De mailserver {{host}} kon niet via SMTP worden gecontroleerd: {{reason}}',
    greylisted:
      'De mailserver {{host}} heeft Weerbaar voorlopig afgewezen ({{reason}}). Dit is vaak "greylisting" of een drukke server; het is geen fout van u, maar deze controle kon niet worden uitgevoerd. Scan later opnieuw.',
    starttlsRefused: 'De mailserver {{host}} weigerde TLS te starten ({{reason}}), dus er is geen TLS-instelling om te controleren; zie de STARTTLS-controle.',
    noStarttls: 'De mailserver {{host}} biedt geen STARTTLS aan, dus er is geen TLS-instelling om te controleren; zie de STARTTLS-controle.',
    probeFailed: 'De TLS-instelling van de mailserver {{host}} kon niet worden onderzocht: {{reason}}',
    noCertificate: 'Het certificaat van de mailserver {{host}} kon niet worden onderzocht: {{reason}}',
  },
  sv: {
    noMail: 'E-postdelen av skanningen samlades inte in, så detta kunde inte kontrolleras.',
    nullMx: 'Domänen anger att den inte tar emot e-post (en "Null MX"-post), så detta gäller inte.',
    noMx: 'Domänen har inga e-postservrar (MX-poster), så detta gäller inte; se MX-kontrollen.',
    mxError: 'Domänens e-postservrar (MX-poster) kunde inte slås upp ({{reason}}), så detta kunde inte kontrolleras.',
    noAddress: 'E-postservern {{host}} kunde inte kontrolleras: den har ingen användbar adress ({{reason}}).',
    smtpFailed: 'E-postservern {{host}} kunde inte kontrolleras över SMTP: {{reason}}',
    greylisted:
      'E-postservern {{host}} avvisade Weerbaar tills vidare ({{reason}}). Det är ofta "grålistning" eller en upptagen server; det är inte ditt fel, men kontrollen kunde inte köras. Skanna igen senare.',
    starttlsRefused: 'E-postservern {{host}} vägrade starta TLS ({{reason}}), så det finns ingen TLS-konfiguration att kontrollera; se STARTTLS-kontrollen.',
    noStarttls: 'E-postservern {{host}} erbjuder inte STARTTLS, så det finns ingen TLS-konfiguration att kontrollera; se STARTTLS-kontrollen.',
    probeFailed: 'TLS-konfigurationen för e-postservern {{host}} kunde inte undersökas: {{reason}}',
    noCertificate: 'Certifikatet för e-postservern {{host}} kunde inte undersökas: {{reason}}',
  },
};

export function withMailTexts(texts: Record<Lang, CheckTexts>): Record<Lang, CheckTexts> {
  return mergeTexts(MAIL_SERVER_TEXTS, texts);
}
