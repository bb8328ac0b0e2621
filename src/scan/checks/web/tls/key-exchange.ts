/**
 * web.tls.key-exchange: the parameters of the ephemeral key exchange (what gives forward
 * secrecy). ECDHE groups: P-256/384/521, brainpool, X25519 and X448 good, P-224 phase out,
 * weaker curves insufficient. DHE: only the RFC 7919 groups ffdhe3072 and larger are
 * acceptable (phase out); ffdhe2048 and home-made groups are insufficient (internet.nl).
 */
import { msg, type Check, type MessageRef } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { dhGrade, ecGroupGrade } from '../../../tls-policy.js';
import { withTlsTexts } from './common-texts.js';
import { hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';
import { APACHE_TLS, NGINX_TLS, quoteConfig } from './server-config.js';

const CURVES = { nginx: quoteConfig(NGINX_TLS.curves), apache: quoteConfig(APACHE_TLS.curves) };
/** Turning DHE off is the cipher list without DHE suites. */
const NO_DHE = { nginx: quoteConfig(NGINX_TLS.ciphers), apache: quoteConfig(APACHE_TLS.ciphers) };

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const { groups, dhBits, dhGroup, error } = tls.keyExchange;
  const weakGroups = groups.filter((group) => ecGroupGrade(group) === 'insufficient');
  const phaseOutGroups = groups.filter((group) => ecGroupGrade(group) === 'phase-out');
  const dh = dhBits === undefined ? undefined : dhGrade({ bits: dhBits, ...(dhGroup !== undefined ? { group: dhGroup } : {}) });
  const dhName = dhGroup && dhGroup !== 'custom' ? dhGroup : `${dhBits ?? 0}-bit`;
  const evidence = { groups, dhBits, dhGroup, weakGroups, phaseOutGroups, dhGrade: dh };
  const advice: MessageRef[] = [];
  if (weakGroups.length > 0) advice.push(msg('offGroups', { host, groups: weakGroups.join(', ') }));
  if (dh === 'insufficient') advice.push(msg('fixDh', { host, dh: dhName }));
  if (phaseOutGroups.length > 0) advice.push(msg('offGroups', { host, groups: phaseOutGroups.join(', ') }));
  if (dh === 'phase-out') advice.push(msg('phaseOutDh', { host, dh: dhName }));

  if (weakGroups.length > 0 || dh === 'insufficient') {
    const what = [...weakGroups, ...(dh === 'insufficient' ? [`DHE ${dhName}`] : [])].join(', ');
    return hostVerdict(host, 'fail', 'fail', { what }, advice, evidence);
  }
  if (groups.length === 0 && dh === undefined) {
    return error ? hostVerdict(host, 'error', 'error', { reason: error }, [], evidence) : hostVerdict(host, 'info', 'noEphemeral', {}, [], evidence);
  }
  if (phaseOutGroups.length > 0 || dh === 'phase-out') {
    const what = [...phaseOutGroups, ...(dh === 'phase-out' ? [`DHE ${dhName}`] : [])].join(', ');
    return hostVerdict(host, 'warn', 'warn', { what }, advice, evidence);
  }
  if (error) return hostVerdict(host, 'pass', 'passPartial', { groups: groups.join(', '), reason: error }, [], evidence);
  return hostVerdict(host, 'pass', 'pass', { groups: groups.join(', ') }, [], evidence);
}

export const tlsKeyExchange: Check = {
  id: 'web.tls.key-exchange',
  texts: withTlsTexts({
    en: {
      title: 'TLS key exchange',
      verifies:
        'The temporary keys the web server agrees with each visitor (which keep recorded traffic secret even if the server key leaks later) use strong elliptic curves or large enough standard Diffie-Hellman groups.',
      pass: '{{host}} uses only strong parameters for the key exchange ({{groups}}).',
      passPartial: '{{host}} uses only strong parameters for the key exchange ({{groups}}), though not everything could be tested: {{reason}}',
      warn: '{{host}} still allows key-exchange parameters that are being phased out: {{what}}.',
      fail: '{{host}} allows weak key-exchange parameters: {{what}}. An attacker with enough computing power could break those keys.',
      noEphemeral:
        '{{host}} does not use temporary keys for the key exchange at all; see the cipher suite check for how to turn on forward secrecy.',
      error: 'The key exchange of {{host}} could not be examined: {{reason}}',
      offGroups:
        `Turn off the elliptic curves {{groups}} on {{host}} and keep X25519, P-256 and P-384 (nginx: ${CURVES.nginx}; Apache: ${CURVES.apache}), or ask your hosting provider.`,
      fixDh:
        `The Diffie-Hellman group of {{host}} ({{dh}}) is too weak. Best is to turn off the DHE cipher suites and rely on ECDHE, with a cipher list without DHE (nginx: ${NO_DHE.nginx}; Apache: ${NO_DHE.apache}); if you must keep DHE, give it the standard ffdhe3072 group (RFC 7919) as its DH parameters file. Ask your hosting provider if you cannot change it.`,
      phaseOutDh:
        `The DHE cipher suites of {{host}} (group {{dh}}) are being phased out: plan to turn them off and rely on ECDHE, with a cipher list without DHE (nginx: ${NO_DHE.nginx}; Apache: ${NO_DHE.apache}).`,
    },
    nl: {
      title: 'TLS-sleuteluitwisseling',
      verifies:
        'De tijdelijke sleutels die de webserver met elke bezoeker afspreekt (die opgenomen verkeer geheim houden, ook als de serversleutel later uitlekt) gebruiken sterke elliptische krommen of voldoende grote standaard-Diffie-Hellmangroepen.',
      pass: '{{host}} gebruikt alleen sterke parameters voor de sleuteluitwisseling ({{groups}}).',
      passPartial: '{{host}} gebruikt alleen sterke parameters voor de sleuteluitwisseling ({{groups}}), al kon niet alles worden getest: {{reason}}',
      warn: '{{host}} staat nog parameters voor de sleuteluitwisseling toe die worden uitgefaseerd: {{what}}.',
      fail: '{{host}} staat zwakke parameters voor de sleuteluitwisseling toe: {{what}}. Een aanvaller met genoeg rekenkracht kan die sleutels kraken.',
      noEphemeral:
        '{{host}} gebruikt helemaal geen tijdelijke sleutels voor de sleuteluitwisseling; zie de controle van de cipher suites voor hoe u forward secrecy aanzet.',
      error: 'De sleuteluitwisseling van {{host}} kon niet worden onderzocht: {{reason}}',
      offGroups:
        `Zet de elliptische krommen {{groups}} uit op {{host}} en houd X25519, P-256 en P-384 aan (nginx: ${CURVES.nginx}; Apache: ${CURVES.apache}), of vraag het uw hostingprovider.`,
      fixDh:
        `De Diffie-Hellmangroep van {{host}} ({{dh}}) is te zwak. Het beste is de DHE-cipher-suites uit te zetten en op ECDHE te vertrouwen, met een cipherlijst zonder DHE (nginx: ${NO_DHE.nginx}; Apache: ${NO_DHE.apache}); moet DHE blijven, geef het dan de standaardgroep ffdhe3072 (RFC 7919) als bestand met DH-parameters. Vraag het uw hostingprovider als u dit zelf niet kunt wijzigen.`,
      phaseOutDh:
        `De DHE-cipher-suites van {{host}} (groep {{dh}}) worden uitgefaseerd: plan ze uit te zetten en op ECDHE te vertrouwen, met een cipherlijst zonder DHE (nginx: ${NO_DHE.nginx}; Apache: ${NO_DHE.apache}).`,
    },
    sv: {
      title: 'TLS-nyckelutbyte',
      verifies:
        'De tillfälliga nycklar som webbservern kommer överens om med varje besökare (som håller inspelad trafik hemlig även om servernyckeln läcker senare) använder starka elliptiska kurvor eller tillräckligt stora standardgrupper för Diffie-Hellman.',
      pass: '{{host}} använder bara starka parametrar för nyckelutbytet ({{groups}}).',
      passPartial: '{{host}} använder bara starka parametrar för nyckelutbytet ({{groups}}), även om inte allt kunde testas: {{reason}}',
      warn: '{{host}} tillåter fortfarande parametrar för nyckelutbytet som håller på att fasas ut: {{what}}.',
      fail: '{{host}} tillåter svaga parametrar för nyckelutbytet: {{what}}. En angripare med tillräcklig datorkraft kan knäcka de nycklarna.',
      noEphemeral:
        '{{host}} använder inga tillfälliga nycklar alls för nyckelutbytet; se kontrollen av chiffersviter för hur du slår på forward secrecy.',
      error: 'Nyckelutbytet för {{host}} kunde inte undersökas: {{reason}}',
      offGroups:
        `Stäng av de elliptiska kurvorna {{groups}} på {{host}} och behåll X25519, P-256 och P-384 (nginx: ${CURVES.nginx}; Apache: ${CURVES.apache}), eller fråga ditt webbhotell.`,
      fixDh:
        `Diffie-Hellman-gruppen för {{host}} ({{dh}}) är för svag. Bäst är att stänga av DHE-chiffersviterna och förlita sig på ECDHE, med en chifferlista utan DHE (nginx: ${NO_DHE.nginx}; Apache: ${NO_DHE.apache}); måste DHE finnas kvar, ge det standardgruppen ffdhe3072 (RFC 7919) som fil med DH-parametrar. Fråga ditt webbhotell om du inte kan ändra det själv.`,
      phaseOutDh:
        `DHE-chiffersviterna för {{host}} (grupp {{dh}}) håller på att fasas ut: planera att stänga av dem och förlita dig på ECDHE, med en chifferlista utan DHE (nginx: ${NO_DHE.nginx}; Apache: ${NO_DHE.apache}).`,
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
