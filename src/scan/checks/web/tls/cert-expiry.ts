/**
 * web.cert.expiry: the certificate is valid now (by the scan's clock, context.now); fewer
 * than 14 days left warns; expired or not yet valid fails. Intermediate certificates the
 * server sends count too: an expired one breaks the chain just the same.
 */
import { msg, type Check, type CheckContext } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { withTlsTexts } from './common-texts.js';
import { belowRoot, certName, certificateOf, hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

const DAY = 86_400_000;
const WARN_DAYS = 14;

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence, now: Date): HostVerdict {
  const certificate = certificateOf(host, tls);
  if ('status' in certificate) return certificate;
  const [leaf, ...others] = certificate.chain;
  if (!leaf) return hostVerdict(host, 'error', 'noCertificate', { reason: 'empty chain' });
  const notAfter = new Date(leaf.notAfter);
  const notBefore = new Date(leaf.notBefore);
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY);
  const date = leaf.notAfter.slice(0, 10);
  const evidence = { notBefore: leaf.notBefore, notAfter: leaf.notAfter, daysLeft };
  const renew = [msg('renew', { host })];
  if (notBefore.getTime() > now.getTime()) {
    return hostVerdict(host, 'fail', 'notYetValid', { date: leaf.notBefore.slice(0, 10) }, [msg('checkClock', { host })], evidence);
  }
  if (notAfter.getTime() <= now.getTime()) return hostVerdict(host, 'fail', 'expired', { date }, renew, evidence);
  const intermediates = belowRoot(others);
  const expiredIntermediate = intermediates.find((cert) => new Date(cert.notAfter).getTime() <= now.getTime());
  if (expiredIntermediate) {
    const params = { name: certName(expiredIntermediate), date: expiredIntermediate.notAfter.slice(0, 10) };
    return hostVerdict(host, 'fail', 'intermediateExpired', params, [msg('updateChain', { host })], { ...evidence, intermediate: params });
  }
  if (daysLeft < WARN_DAYS) return hostVerdict(host, 'warn', 'soon', { count: daysLeft, date }, renew, evidence);
  const soonIntermediate = intermediates.find((cert) => new Date(cert.notAfter).getTime() - now.getTime() < WARN_DAYS * DAY);
  if (soonIntermediate) {
    const params = { name: certName(soonIntermediate), date: soonIntermediate.notAfter.slice(0, 10) };
    return hostVerdict(host, 'warn', 'intermediateSoon', params, [msg('updateChain', { host })], { ...evidence, intermediate: params });
  }
  return hostVerdict(host, 'pass', 'pass', { count: daysLeft, date }, [], evidence);
}

export const certExpiry: Check = {
  id: 'web.cert.expiry',
  texts: withTlsTexts({
    en: {
      title: 'Certificate validity',
      verifies: "The website's certificate is valid today and has at least 14 days to go, so visitors do not suddenly get a security warning.",
      pass_one: 'The certificate of {{host}} is valid until {{date}} ({{count}} day left).',
      pass_other: 'The certificate of {{host}} is valid until {{date}} ({{count}} days left).',
      soon_one: 'The certificate of {{host}} expires on {{date}}, in {{count}} day; after that browsers show a security warning.',
      soon_other: 'The certificate of {{host}} expires on {{date}}, in {{count}} days; after that browsers show a security warning.',
      expired: 'The certificate of {{host}} expired on {{date}}, so browsers show a security warning.',
      notYetValid: 'The certificate of {{host}} is only valid from {{date}}, so browsers show a security warning.',
      intermediateExpired: 'The intermediate certificate "{{name}}" that {{host}} sends expired on {{date}}, which breaks the chain of trust.',
      intermediateSoon: 'The intermediate certificate "{{name}}" that {{host}} sends expires on {{date}}.',
      renew:
        "Renew the certificate of {{host}} now and turn on automatic renewal (Let's Encrypt and most hosting panels do this for you), or ask your hosting provider.",
      checkClock: 'Check that the clock of the server of {{host}} is right, or install a certificate that is valid today.',
      updateChain:
        "Install the current intermediate certificate(s) from your certificate authority on {{host}} (the full-chain or \"CA bundle\" file that comes with a renewed certificate), or ask your hosting provider.",
    },
    nl: {
      title: 'Geldigheid van het certificaat',
      verifies: 'Het certificaat van de website is vandaag geldig en nog minstens 14 dagen geldig, zodat bezoekers niet plotseling een beveiligingswaarschuwing krijgen.',
      pass_one: 'Het certificaat van {{host}} is geldig tot {{date}} (nog {{count}} dag).',
      pass_other: 'Het certificaat van {{host}} is geldig tot {{date}} (nog {{count}} dagen).',
      soon_one: 'Het certificaat van {{host}} verloopt op {{date}}, over {{count}} dag; daarna tonen browsers een beveiligingswaarschuwing.',
      soon_other: 'Het certificaat van {{host}} verloopt op {{date}}, over {{count}} dagen; daarna tonen browsers een beveiligingswaarschuwing.',
      expired: 'Het certificaat van {{host}} is op {{date}} verlopen, dus browsers tonen een beveiligingswaarschuwing.',
      notYetValid: 'Het certificaat van {{host}} is pas geldig vanaf {{date}}, dus browsers tonen een beveiligingswaarschuwing.',
      intermediateExpired: 'Het tussencertificaat "{{name}}" dat {{host}} meestuurt, is op {{date}} verlopen; daardoor is de vertrouwensketen verbroken.',
      intermediateSoon: 'Het tussencertificaat "{{name}}" dat {{host}} meestuurt, verloopt op {{date}}.',
      renew:
        "Vernieuw het certificaat van {{host}} nu en zet automatisch vernieuwen aan (Let's Encrypt en de meeste hostingpanelen regelen dat voor u), of vraag het uw hostingprovider.",
      checkClock: 'Controleer of de klok van de server van {{host}} goed staat, of installeer een certificaat dat vandaag geldig is.',
      updateChain:
        'Installeer op {{host}} de actuele tussencertificaten van uw certificaatautoriteit (het full-chain- of "CA-bundel"-bestand dat bij een vernieuwd certificaat hoort), of vraag het uw hostingprovider.',
    },
    sv: {
      title: 'Certifikatets giltighet',
      verifies: 'Webbplatsens certifikat är giltigt i dag och har minst 14 dagar kvar, så att besökare inte plötsligt får en säkerhetsvarning.',
      pass_one: 'Certifikatet för {{host}} är giltigt till {{date}} ({{count}} dag kvar).',
      pass_other: 'Certifikatet för {{host}} är giltigt till {{date}} ({{count}} dagar kvar).',
      soon_one: 'Certifikatet för {{host}} går ut den {{date}}, om {{count}} dag; därefter visar webbläsare en säkerhetsvarning.',
      soon_other: 'Certifikatet för {{host}} går ut den {{date}}, om {{count}} dagar; därefter visar webbläsare en säkerhetsvarning.',
      expired: 'Certifikatet för {{host}} gick ut den {{date}}, så webbläsare visar en säkerhetsvarning.',
      notYetValid: 'Certifikatet för {{host}} är giltigt först från {{date}}, så webbläsare visar en säkerhetsvarning.',
      intermediateExpired: 'Det mellanliggande certifikatet "{{name}}" som {{host}} skickar gick ut den {{date}}, vilket bryter förtroendekedjan.',
      intermediateSoon: 'Det mellanliggande certifikatet "{{name}}" som {{host}} skickar går ut den {{date}}.',
      renew:
        "Förnya certifikatet för {{host}} nu och slå på automatisk förnyelse (Let's Encrypt och de flesta kontrollpaneler sköter det åt dig), eller fråga ditt webbhotell.",
      checkClock: 'Kontrollera att klockan på servern för {{host}} går rätt, eller installera ett certifikat som är giltigt i dag.',
      updateChain:
        'Installera de aktuella mellanliggande certifikaten från din certifikatutfärdare på {{host}} (filen med hela kedjan eller "CA-paketet" som följer med ett förnyat certifikat), eller fråga ditt webbhotell.',
    },
  }),
  run: (evidence, context: CheckContext) => judgeTlsHosts(evidence, (host, tls) => judge(host, tls, context.now)),
};
