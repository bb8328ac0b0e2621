/**
 * web.tls.version: only TLS 1.2 (sufficient) and TLS 1.3 (good) may be accepted;
 * TLS 1.1, TLS 1.0, SSLv3 and SSLv2 are insufficient (NCSC-NL via internet.nl).
 */
import { msg, type Check } from '../../../check.js';
import { TLS_VERSIONS, type TlsEvidence, type TlsVersion } from '../../../evidence/index.js';
import { versionGrade } from '../../../tls-policy.js';
import { WHERE_TLS_LIVES, withTlsTexts } from './common-texts.js';
import { APACHE_TLS, NGINX_TLS, quoteConfig } from './server-config.js';
import { hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

const PROTOCOLS_NGINX = quoteConfig(NGINX_TLS.protocols);
const PROTOCOLS_APACHE = quoteConfig(APACHE_TLS.protocols);

export const VERSION_LABELS: Record<TlsVersion | 'SSLv2', string> = {
  SSLv2: 'SSLv2',
  SSLv3: 'SSLv3',
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const all: { version: TlsVersion | 'SSLv2'; accepted: boolean | null }[] = [
    { version: 'SSLv2', accepted: tls.sslv2 ?? null },
    ...TLS_VERSIONS.map((version) => ({ version, accepted: tls.versions[version] })),
  ];
  const accepted = all.filter((entry) => entry.accepted === true).map((entry) => entry.version);
  const old = accepted.filter((version) => versionGrade(version) === 'insufficient');
  const untested = all.filter((entry) => entry.accepted === null).map((entry) => VERSION_LABELS[entry.version]);
  const label = (versions: (TlsVersion | 'SSLv2')[]): string => versions.map((version) => VERSION_LABELS[version]).join(', ');
  const evidence = { accepted: accepted.map((version) => VERSION_LABELS[version]), untested };
  if (old.length > 0) {
    const advice = [msg('disableOld', { host, old: label(old) })];
    if (!accepted.includes('TLSv1.3')) advice.push(msg('enable13', { host }));
    return hostVerdict(host, 'fail', 'fail', { old: label(old) }, advice, evidence);
  }
  const modern = accepted.filter((version) => versionGrade(version) !== 'insufficient');
  // An old version we could not test might be on: we cannot call that a pass.
  const untestedOld = all.filter((entry) => entry.accepted === null && versionGrade(entry.version) === 'insufficient');
  if (untestedOld.length > 0) {
    return hostVerdict(host, 'error', 'untestedOld', { versions: label(modern), untested: label(untestedOld.map((entry) => entry.version)) }, [], evidence);
  }
  if (!accepted.includes('TLSv1.3')) return hostVerdict(host, 'pass', 'passNo13', {}, [msg('enable13', { host })], evidence);
  return hostVerdict(host, 'pass', 'pass', { versions: label(modern) }, [], evidence);
}

export const tlsVersion: Check = {
  id: 'web.tls.version',
  texts: withTlsTexts({
    en: {
      title: 'TLS versions',
      verifies:
        'The web server accepts only TLS 1.2 and TLS 1.3, the versions of the encryption protocol that are still secure, and refuses SSLv2, SSLv3, TLS 1.0 and TLS 1.1.',
      pass: '{{host}} accepts only secure TLS versions ({{versions}}).',
      passNo13: '{{host}} accepts only TLS 1.2, which is sufficient; the newer TLS 1.3 is faster and safer.',
      untestedOld: '{{host}} accepts {{versions}}, but whether it still accepts {{untested}} could not be tested, so Weerbaar cannot confirm that the old versions are switched off.',
      fail: '{{host}} still accepts {{old}}: outdated versions of the encryption protocol with known weaknesses.',
      disableOld: `Turn off {{old}} on {{host}} and keep only TLS 1.2 and TLS 1.3 (nginx: ${PROTOCOLS_NGINX}; Apache: ${PROTOCOLS_APACHE}). ${WHERE_TLS_LIVES.en}`,
      enable13: `Turn on TLS 1.3 on {{host}} next to TLS 1.2 (nginx: ${PROTOCOLS_NGINX}; Apache: ${PROTOCOLS_APACHE}), or ask your hosting provider.`,
    },
    nl: {
      title: 'TLS-versies',
      verifies:
        'De webserver accepteert alleen TLS 1.2 en TLS 1.3, de versies van het versleutelingsprotocol die nog veilig zijn, en weigert SSLv2, SSLv3, TLS 1.0 en TLS 1.1.',
      pass: '{{host}} accepteert alleen veilige TLS-versies ({{versions}}).',
      passNo13: '{{host}} accepteert alleen TLS 1.2; dat is voldoende, maar het nieuwere TLS 1.3 is sneller en veiliger.',
      untestedOld: '{{host}} accepteert {{versions}}, maar of het ook nog {{untested}} accepteert kon niet worden getest, dus Weerbaar kan niet bevestigen dat de oude versies uit staan.',
      fail: '{{host}} accepteert nog {{old}}: verouderde versies van het versleutelingsprotocol met bekende zwakheden.',
      disableOld: `Zet {{old}} uit op {{host}} en houd alleen TLS 1.2 en TLS 1.3 aan (nginx: ${PROTOCOLS_NGINX}; Apache: ${PROTOCOLS_APACHE}). ${WHERE_TLS_LIVES.nl}`,
      enable13: `Zet TLS 1.3 aan op {{host}}, naast TLS 1.2 (nginx: ${PROTOCOLS_NGINX}; Apache: ${PROTOCOLS_APACHE}), of vraag het uw hostingprovider.`,
    },
    sv: {
      title: 'TLS-versioner',
      verifies:
        'Webbservern accepterar bara TLS 1.2 och TLS 1.3, de versioner av krypteringsprotokollet som fortfarande är säkra, och vägrar SSLv2, SSLv3, TLS 1.0 och TLS 1.1.',
      pass: '{{host}} accepterar bara säkra TLS-versioner ({{versions}}).',
      passNo13: '{{host}} accepterar bara TLS 1.2; det räcker, men det nyare TLS 1.3 är snabbare och säkrare.',
      untestedOld: '{{host}} accepterar {{versions}}, men om den fortfarande accepterar {{untested}} kunde inte testas, så Weerbaar kan inte bekräfta att de gamla versionerna är avstängda.',
      fail: '{{host}} accepterar fortfarande {{old}}: föråldrade versioner av krypteringsprotokollet med kända svagheter.',
      disableOld: `Stäng av {{old}} på {{host}} och behåll bara TLS 1.2 och TLS 1.3 (nginx: ${PROTOCOLS_NGINX}; Apache: ${PROTOCOLS_APACHE}). ${WHERE_TLS_LIVES.sv}`,
      enable13: `Slå på TLS 1.3 på {{host}} vid sidan av TLS 1.2 (nginx: ${PROTOCOLS_NGINX}; Apache: ${PROTOCOLS_APACHE}), eller fråga ditt webbhotell.`,
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
