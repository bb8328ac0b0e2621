/**
 * web.cert.key: the public keys of the certificates the server sends (the root's own
 * excepted, as internet.nl does): RSA of at least 2048 bits (under 3072 warns), EC on
 * P-256 or a stronger curve, Ed25519 or Ed448. Anything weaker fails.
 */
import { msg, type Check } from '../../../check.js';
import type { CertInfo, TlsEvidence } from '../../../evidence/index.js';
import { certKeyGrade } from '../../../tls-policy.js';
import { withTlsTexts } from './common-texts.js';
import { belowRoot, certName, certificateOf, hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

export function describeKey(cert: CertInfo): string {
  if (cert.keyType === 'rsa' || cert.keyType === 'rsa-pss' || cert.keyType === 'dsa') return `${cert.keyType.toUpperCase()} ${cert.keyBits ?? '?'}-bit`;
  if (cert.keyType === 'ec') return `EC ${cert.curve ?? '?'}`;
  if (cert.keyType === 'ed25519') return 'Ed25519';
  if (cert.keyType === 'ed448') return 'Ed448';
  return cert.keyType;
}

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const certificate = certificateOf(host, tls);
  if ('status' in certificate) return certificate;
  const graded = belowRoot(certificate.chain).map((cert) => ({ name: certName(cert), key: describeKey(cert), grade: certKeyGrade(cert) }));
  const evidence = { keys: graded };
  const list = (grade: string): string =>
    graded
      .filter((entry) => entry.grade === grade)
      .map((entry) => `${entry.name} (${entry.key})`)
      .join(', ');
  const weak = list('insufficient');
  if (weak) return hostVerdict(host, 'fail', 'fail', { keys: weak }, [msg('stronger', { host })], evidence);
  const phaseOut = list('phase-out');
  if (phaseOut) return hostVerdict(host, 'warn', 'warn', { keys: phaseOut }, [msg('upgrade', { host })], evidence);
  return hostVerdict(host, 'pass', 'pass', { key: graded[0]?.key ?? '' }, [], evidence);
}

export const certKey: Check = {
  id: 'web.cert.key',
  texts: withTlsTexts({
    en: {
      title: 'Certificate key strength',
      verifies:
        'The keys in the website\'s certificates are strong enough: RSA of at least 2048 bits (3072 or more recommended), or elliptic-curve keys (P-256 or stronger, Ed25519, Ed448).',
      pass: 'The certificate of {{host}} uses a strong key ({{key}}).',
      warn: 'The certificates of {{host}} use keys that are still sufficient but being phased out: {{keys}}. RSA keys of 3072 bits or elliptic-curve keys are recommended.',
      fail: 'The certificates of {{host}} use keys that are too weak: {{keys}}. An attacker with enough computing power could forge them.',
      stronger:
        "Replace the certificate of {{host}} with one that has an elliptic-curve key (ECDSA P-256) or an RSA key of at least 3072 bits. In most hosting panels and with Let's Encrypt (certbot --key-type ecdsa) you can choose the key type when requesting it; otherwise ask your hosting provider.",
      upgrade:
        "At the next renewal, ask for an elliptic-curve key (ECDSA P-256) or an RSA key of at least 3072 bits for {{host}}; with Let's Encrypt an ECDSA key also gets you an ECDSA intermediate (certbot --key-type ecdsa).",
    },
    nl: {
      title: 'Sterkte van de certificaatsleutel',
      verifies:
        'De sleutels in de certificaten van de website zijn sterk genoeg: RSA van minstens 2048 bits (3072 of meer aanbevolen), of sleutels op basis van elliptische krommen (P-256 of sterker, Ed25519, Ed448).',
      pass: 'Het certificaat van {{host}} gebruikt een sterke sleutel ({{key}}).',
      warn: 'De certificaten van {{host}} gebruiken sleutels die nog voldoende zijn maar worden uitgefaseerd: {{keys}}. RSA-sleutels van 3072 bits of sleutels op basis van elliptische krommen worden aanbevolen.',
      fail: 'De certificaten van {{host}} gebruiken te zwakke sleutels: {{keys}}. Een aanvaller met genoeg rekenkracht kan ze vervalsen.',
      stronger:
        "Vervang het certificaat van {{host}} door een certificaat met een sleutel op basis van elliptische krommen (ECDSA P-256) of een RSA-sleutel van minstens 3072 bits. In de meeste hostingpanelen en bij Let's Encrypt (certbot --key-type ecdsa) kiest u het sleuteltype bij het aanvragen; vraag het anders aan uw hostingprovider.",
      upgrade:
        "Vraag bij de volgende vernieuwing voor {{host}} een sleutel op basis van elliptische krommen (ECDSA P-256) of een RSA-sleutel van minstens 3072 bits; bij Let's Encrypt krijgt u met een ECDSA-sleutel ook een ECDSA-tussencertificaat (certbot --key-type ecdsa).",
    },
    sv: {
      title: 'Certifikatnyckelns styrka',
      verifies:
        'Nycklarna i webbplatsens certifikat är tillräckligt starka: RSA på minst 2048 bitar (3072 eller mer rekommenderas) eller nycklar baserade på elliptiska kurvor (P-256 eller starkare, Ed25519, Ed448).',
      pass: 'Certifikatet för {{host}} använder en stark nyckel ({{key}}).',
      warn: 'Certifikaten för {{host}} använder nycklar som fortfarande räcker men håller på att fasas ut: {{keys}}. RSA-nycklar på 3072 bitar eller nycklar baserade på elliptiska kurvor rekommenderas.',
      fail: 'Certifikaten för {{host}} använder för svaga nycklar: {{keys}}. En angripare med tillräcklig datorkraft kan förfalska dem.',
      stronger:
        "Byt ut certifikatet för {{host}} mot ett med en nyckel baserad på elliptiska kurvor (ECDSA P-256) eller en RSA-nyckel på minst 3072 bitar. I de flesta kontrollpaneler och hos Let's Encrypt (certbot --key-type ecdsa) väljer du nyckeltyp när du beställer; fråga annars ditt webbhotell.",
      upgrade:
        "Be vid nästa förnyelse om en nyckel baserad på elliptiska kurvor (ECDSA P-256) eller en RSA-nyckel på minst 3072 bitar för {{host}}; hos Let's Encrypt ger en ECDSA-nyckel också ett mellanliggande ECDSA-certifikat (certbot --key-type ecdsa).",
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
