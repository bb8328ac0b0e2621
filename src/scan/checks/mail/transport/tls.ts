/**
 * mail.tls.*: per MX host, the same judgements as the website's TLS checks (the web
 * checks' exported `judge` functions, not a copy), with mail wording. Certificate trust
 * and name are information (status info, points earned) unless a rule makes senders
 * enforce them: MTA-STS (trust and name), DANE-TA (name only) or DANE-EE (neither,
 * RFC 7672 §3.1.1). Which rule applied is in each host's evidence.
 */
import type { Lang } from '../../../../core/lang.js';
import { msg, type Check, type CheckContext, type CheckTexts } from '../../../check.js';
import type { MailServerEvidence } from '../../../evidence/mail.js';
import type { ScanEvidence, TlsEvidence } from '../../../evidence/index.js';
import { judge as judgeExpiry, certExpiry } from '../../web/tls/cert-expiry.js';
import { judge as judgeHostname, certHostname } from '../../web/tls/cert-hostname.js';
import { judge as judgeKey, certKey } from '../../web/tls/cert-key.js';
import { judge as judgeSignature, certSignature } from '../../web/tls/cert-signature.js';
import { judge as judgeTrust, certTrust } from '../../web/tls/cert-trust.js';
import { judge as judgeCipherOrder, tlsCipherOrder } from '../../web/tls/cipher-order.js';
import { judge as judgeCiphers, tlsCiphers } from '../../web/tls/ciphers.js';
import { judge as judgeKeyExchange, tlsKeyExchange } from '../../web/tls/key-exchange.js';
import { judge as judgeRenegotiation, tlsRenegotiation } from '../../web/tls/renegotiation.js';
import { judge as judgeVersion, tlsVersion } from '../../web/tls/version.js';
import { certificateRule, isBinding } from './dane-match.js';
import { MAIL_SERVER_TEXTS, judgeMailTls, type HostVerdict } from './servers.js';
import { EXPIRY_TEXTS, HOSTNAME_TEXTS, KEY_TEXTS, SIGNATURE_TEXTS, TRUST_TEXTS } from './texts-cert.js';
import { CIPHERS_TEXTS, CIPHER_ORDER_TEXTS, KEY_EXCHANGE_TEXTS, RENEGOTIATION_TEXTS, VERSION_TEXTS } from './texts-protocol.js';

/** Keys of the web checks' texts that only the web plumbing uses; the mail plumbing has its own. */
export const WEB_ONLY_KEYS = ['noWeb', 'noTls', 'noHttpsHost'] as const;

/** The web twin's texts without its web-only keys, then the mail plumbing's, then the mail check's own wording. */
function twinTexts(web: Check, own: Record<Lang, Record<string, string>>): Record<Lang, CheckTexts> {
  const one = (lang: Lang): CheckTexts => {
    const inherited: Record<string, string> = { ...web.texts[lang] };
    for (const key of WEB_ONLY_KEYS) delete inherited[key];
    return { ...inherited, ...MAIL_SERVER_TEXTS[lang], ...own[lang] } as CheckTexts;
  };
  return { en: one('en'), nl: one('nl'), sv: one('sv') };
}

type MailJudge = (host: string, tls: TlsEvidence, server: MailServerEvidence, evidence: ScanEvidence, context: CheckContext) => HostVerdict;

function twin(id: string, web: Check, own: Record<Lang, Record<string, string>>, judge: MailJudge): Check {
  return {
    id,
    texts: twinTexts(web, own),
    run: (evidence, context) => judgeMailTls(evidence, (host, tls, server) => judge(host, tls, server, evidence, context)),
  };
}

/** Trust or name: the web judgement, turned into information when no rule makes senders enforce it. */
function certificateJudge(what: 'trust' | 'hostname', judge: (host: string, tls: TlsEvidence) => HostVerdict): MailJudge {
  return (host, tls, server, evidence) => {
    const verdict = judge(host, tls);
    const rule = certificateRule(server.tlsa, evidence.mail?.mtaSts.policy?.mode);
    const binding = isBinding(rule, what);
    const withRule = { ...verdict, evidence: { ...verdict.evidence, rule, binding } };
    if (binding || verdict.status !== 'fail') return withRule;
    // DANE authenticates the server instead, so there is nothing to do; without any rule, fix it before MTA-STS.
    const advice = rule === 'none' ? [...verdict.advice, msg('beforeMtaSts', { host })] : [];
    return { ...withRule, status: 'info', advice };
  };
}

export const mailTlsVersion = twin('mail.tls.version', tlsVersion, VERSION_TEXTS, (host, tls) => judgeVersion(host, tls));
export const mailTlsCiphers = twin('mail.tls.ciphers', tlsCiphers, CIPHERS_TEXTS, (host, tls) => judgeCiphers(host, tls));
export const mailTlsCipherOrder = twin('mail.tls.cipher-order', tlsCipherOrder, CIPHER_ORDER_TEXTS, (host, tls) => judgeCipherOrder(host, tls));
export const mailTlsKeyExchange = twin('mail.tls.key-exchange', tlsKeyExchange, KEY_EXCHANGE_TEXTS, (host, tls) => judgeKeyExchange(host, tls));
export const mailTlsRenegotiation = twin('mail.tls.renegotiation', tlsRenegotiation, RENEGOTIATION_TEXTS, (host, tls) => judgeRenegotiation(host, tls));
export const mailCertTrust = twin('mail.tls.cert.trust', certTrust, TRUST_TEXTS, certificateJudge('trust', judgeTrust));
export const mailCertHostname = twin('mail.tls.cert.hostname', certHostname, HOSTNAME_TEXTS, certificateJudge('hostname', judgeHostname));
export const mailCertExpiry = twin('mail.tls.cert.expiry', certExpiry, EXPIRY_TEXTS, (host, tls, _server, _evidence, context) => judgeExpiry(host, tls, context.now));
export const mailCertKey = twin('mail.tls.cert.key', certKey, KEY_TEXTS, (host, tls) => judgeKey(host, tls));
export const mailCertSignature = twin('mail.tls.cert.signature', certSignature, SIGNATURE_TEXTS, (host, tls) => judgeSignature(host, tls));

/** Each mail.tls.* check with its web twin, for the test that their texts carry the same keys. */
export const MAIL_TLS_TWINS: readonly { mail: Check; web: Check }[] = [
  { mail: mailTlsVersion, web: tlsVersion },
  { mail: mailTlsCiphers, web: tlsCiphers },
  { mail: mailTlsCipherOrder, web: tlsCipherOrder },
  { mail: mailTlsKeyExchange, web: tlsKeyExchange },
  { mail: mailTlsRenegotiation, web: tlsRenegotiation },
  { mail: mailCertTrust, web: certTrust },
  { mail: mailCertHostname, web: certHostname },
  { mail: mailCertExpiry, web: certExpiry },
  { mail: mailCertKey, web: certKey },
  { mail: mailCertSignature, web: certSignature },
];
