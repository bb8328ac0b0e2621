/**
 * mail.starttls: every MX host (up to 10) offers STARTTLS on port 25 and the upgrade to
 * TLS works. Without it, mail to the domain crosses the internet readable by anyone on
 * the way. A Null MX or no MX: not applicable. A host that could not be reached, or that
 * turned us away (greylisting, 421, 5xx banner), is an error naming the host: we could
 * not see whether it offers STARTTLS.
 */
import { msg, type Check } from '../../../check.js';
import { TLS_VERSIONS, type TlsEvidence } from '../../../evidence/index.js';
import type { MailServerEvidence } from '../../../evidence/mail.js';
import { VERSION_LABELS } from '../../web/tls/version.js';
import { combine, hostVerdict, mailServers, unreachable, withMailTexts, type HostVerdict } from './servers.js';

function bestVersion(tls: TlsEvidence): string | undefined {
  const version = tls.handshake.protocol ?? [...TLS_VERSIONS].reverse().find((candidate) => tls.versions[candidate] === true);
  return version ? VERSION_LABELS[version] : undefined;
}

function judge(server: MailServerEvidence): HostVerdict {
  const host = server.host;
  const smtp = server.smtp;
  const facts = { address: smtp?.address, banner: smtp?.banner, ehlo: smtp?.ehlo?.extensions, starttls: smtp?.starttls, transcript: smtp?.transcript };
  if (smtp?.stage === 'starttls' && smtp.starttls) {
    return hostVerdict(host, 'fail', 'refused', { code: smtp.starttls.code, reason: smtp.error ?? '' }, [msg('fixRefused', { host })], facts);
  }
  const problem = unreachable(server);
  if (problem) return { ...problem, evidence: { ...problem.evidence, ...facts } };
  if (!smtp?.readyForTls) return hostVerdict(host, 'fail', 'notOffered', {}, [msg('enable', { host })], facts);
  const tls = server.tls;
  const version = tls ? bestVersion(tls) : undefined;
  if (!tls || tls.error !== undefined || version === undefined) {
    const reason = tls?.error ?? tls?.handshake.error ?? 'no TLS handshake succeeded';
    return hostVerdict(host, 'fail', 'upgradeFailed', { reason }, [msg('fixUpgrade', { host })], facts);
  }
  return hostVerdict(host, 'pass', 'pass', { version }, [], facts);
}

export const mailStarttls: Check = {
  id: 'mail.starttls',
  texts: withMailTexts({
    en: {
      title: 'STARTTLS on the mail servers',
      verifies:
        'Every mail server of the domain (MX record) offers STARTTLS, so other mail servers can encrypt the mail they deliver, and the switch to an encrypted connection really works.',
      pass: 'The mail server {{host}} offers STARTTLS and the encrypted connection works ({{version}}).',
      notOffered: 'The mail server {{host}} does not offer STARTTLS: mail to your domain travels over the internet unencrypted, readable by anyone on the way.',
      refused: 'The mail server {{host}} advertises STARTTLS but refused it ({{code}}: {{reason}}), so mail is delivered unencrypted.',
      upgradeFailed: 'The mail server {{host}} accepts STARTTLS, but the encrypted connection could not be set up: {{reason}}',
      enable:
        'Turn on STARTTLS on the mail server {{host}}: install a certificate and key (Postfix: `smtpd_tls_security_level = may`, with smtpd_tls_chain_files naming your key and full-chain certificate; Exchange: assign a certificate to the SMTP service). If a provider runs your mail, ask them.',
      fixRefused: 'Check the TLS settings and the certificate files of the mail server {{host}}: it advertises STARTTLS but cannot start it (the mail log says why).',
      fixUpgrade: 'Check the certificate, key and TLS settings of the mail server {{host}}; the mail log shows why the TLS handshake fails.',
    },
    nl: {
      title: 'STARTTLS op de mailservers',
      verifies:
        'Elke mailserver van het domein (MX-record) biedt STARTTLS aan, zodat andere mailservers de mail die ze afleveren kunnen versleutelen, en de overstap naar een versleutelde verbinding werkt echt.',
      pass: 'De mailserver {{host}} biedt STARTTLS aan en de versleutelde verbinding werkt ({{version}}).',
      notOffered: 'De mailserver {{host}} biedt geen STARTTLS aan: mail aan uw domein gaat onversleuteld over internet en is onderweg voor iedereen leesbaar.',
      refused: 'De mailserver {{host}} meldt STARTTLS, maar weigerde het ({{code}}: {{reason}}), dus mail wordt onversleuteld afgeleverd.',
      upgradeFailed: 'De mailserver {{host}} accepteert STARTTLS, maar de versleutelde verbinding kon niet worden opgezet: {{reason}}',
      enable:
        'Zet STARTTLS aan op de mailserver {{host}}: installeer een certificaat en sleutel (Postfix: `smtpd_tls_security_level = may`, met smtpd_tls_chain_files naar uw sleutel en volledige certificaatketen; Exchange: koppel een certificaat aan de SMTP-dienst). Regelt een provider uw mail, vraag het dan aan hen.',
      fixRefused: 'Controleer de TLS-instellingen en de certificaatbestanden van de mailserver {{host}}: hij meldt STARTTLS, maar kan het niet starten (het maillogboek zegt waarom).',
      fixUpgrade: 'Controleer het certificaat, de sleutel en de TLS-instellingen van de mailserver {{host}}; het maillogboek laat zien waarom de TLS-handshake mislukt.',
    },
    sv: {
      title: 'STARTTLS på e-postservrarna',
      verifies:
        'Varje e-postserver för domänen (MX-post) erbjuder STARTTLS, så att andra e-postservrar kan kryptera e-posten de levererar, och bytet till en krypterad anslutning fungerar verkligen.',
      pass: 'E-postservern {{host}} erbjuder STARTTLS och den krypterade anslutningen fungerar ({{version}}).',
      notOffered: 'E-postservern {{host}} erbjuder inte STARTTLS: e-post till din domän färdas okrypterad över internet, läsbar för vem som helst på vägen.',
      refused: 'E-postservern {{host}} anger STARTTLS men vägrade det ({{code}}: {{reason}}), så e-post levereras okrypterad.',
      upgradeFailed: 'E-postservern {{host}} accepterar STARTTLS, men den krypterade anslutningen kunde inte upprättas: {{reason}}',
      enable:
        'Slå på STARTTLS på e-postservern {{host}}: installera ett certifikat och en nyckel (Postfix: `smtpd_tls_security_level = may`, med smtpd_tls_chain_files pekande på din nyckel och hela certifikatkedjan; Exchange: koppla ett certifikat till SMTP-tjänsten). Sköter en leverantör din e-post, fråga dem.',
      fixRefused: 'Kontrollera TLS-inställningarna och certifikatfilerna på e-postservern {{host}}: den anger STARTTLS men kan inte starta det (e-postloggen säger varför).',
      fixUpgrade: 'Kontrollera certifikatet, nyckeln och TLS-inställningarna på e-postservern {{host}}; e-postloggen visar varför TLS-handskakningen misslyckas.',
    },
  }),
  run(evidence) {
    const servers = mailServers(evidence);
    if (!Array.isArray(servers)) return servers;
    return combine(servers.map(judge), 'noMail');
  },
};
