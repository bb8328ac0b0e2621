/**
 * web.tls.ciphers: every cipher suite the server accepts, graded with internet.nl's
 * tables (src/scan/tls-policy.ts). Insufficient suites (RC4, 3DES, NULL, EXPORT,
 * anonymous, static RSA, CBC with SHA-1, ...) fail; phase-out suites warn. The advice
 * names each offending suite, grouped by what is wrong with it.
 */
import { msg, type Check, type MessageRef } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { suiteGrade, suiteWeaknesses, type SuiteWeakness } from '../../../tls-policy.js';
import { WHERE_TLS_LIVES, withTlsTexts } from './common-texts.js';
import { hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';
import { APACHE_TLS, NGINX_TLS, quoteConfig } from './server-config.js';

const CIPHERS_NGINX = quoteConfig(NGINX_TLS.ciphers);
const CIPHERS_APACHE = quoteConfig(APACHE_TLS.ciphers);
const TLS13_NGINX = quoteConfig(NGINX_TLS.tls13);
const TLS13_APACHE = quoteConfig(APACHE_TLS.tls13);

/** Advice text per weakness; a suite is listed under its most serious one. */
const ADVICE_KEY: Record<SuiteWeakness, string> = {
  'no-encryption': 'offNull',
  export: 'offExport',
  anonymous: 'offAnon',
  rc4: 'offRc4',
  des: 'offOldCipher',
  '3des': 'offOldCipher',
  'old-cipher': 'offOldCipher',
  'static-rsa': 'offStaticKx',
  'static-dh': 'offStaticKx',
  md5: 'offOther',
  'sha1-cbc': 'offSha1Cbc',
  'short-tag': 'offOther',
  'not-recommended': 'offOther',
};
const ADVICE_ORDER = ['offNull', 'offExport', 'offAnon', 'offRc4', 'offOldCipher', 'offStaticKx', 'offSha1Cbc', 'offOther'];

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const names = [...new Set(tls.ciphers.map((suite) => suite.iana))];
  const insufficient = names.filter((name) => suiteGrade(name) === 'insufficient');
  const phaseOut = names.filter((name) => suiteGrade(name) === 'phase-out');
  const evidence = { accepted: names, insufficient, phaseOut };
  const advice: MessageRef[] = [];
  const groups = new Map<string, string[]>();
  for (const name of insufficient) {
    const key = ADVICE_KEY[suiteWeaknesses(name)[0] ?? 'not-recommended'];
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  for (const key of ADVICE_ORDER) {
    const suites = groups.get(key);
    if (suites) advice.push(msg(key, { host, suites: suites.join(', ') }));
  }
  if (phaseOut.length > 0) advice.push(msg('offPhaseOut', { host, suites: phaseOut.join(', ') }));
  if (advice.length > 0) advice.push(msg('where'));
  // TLS 1.3 suites have their own setting: the cipher list above does not reach them.
  const weak13 = tls.ciphers.filter((suite) => suite.version === 'TLSv1.3' && suiteGrade(suite.iana) !== 'good' && suiteGrade(suite.iana) !== 'sufficient');
  if (weak13.length > 0) advice.push(msg('where13', { host, suites: [...new Set(weak13.map((suite) => suite.iana))].join(', ') }));
  if (insufficient.length > 0) return hostVerdict(host, 'fail', 'fail', { count: insufficient.length }, advice, evidence);
  if (phaseOut.length > 0) return hostVerdict(host, 'warn', 'warn', { count: phaseOut.length }, advice, evidence);
  return hostVerdict(host, 'pass', 'pass', { count: names.length }, [], evidence);
}

export const tlsCiphers: Check = {
  id: 'web.tls.ciphers',
  texts: withTlsTexts({
    en: {
      title: 'TLS cipher suites',
      verifies:
        'The web server accepts only cipher suites (the combinations of encryption methods for the connection) that the Dutch NCSC rates as good or sufficient: modern encryption with forward secrecy.',
      pass_one: '{{host}} accepts only secure cipher suites ({{count}} suite).',
      pass_other: '{{host}} accepts only secure cipher suites ({{count}} suites).',
      warn_one: '{{host}} still accepts {{count}} cipher suite that is being phased out: not broken, but due to be replaced.',
      warn_other: '{{host}} still accepts {{count}} cipher suites that are being phased out: not broken, but due to be replaced.',
      fail_one: '{{host}} accepts {{count}} weak cipher suite, with which an attacker may be able to read or alter the traffic.',
      fail_other: '{{host}} accepts {{count}} weak cipher suites, with which an attacker may be able to read or alter the traffic.',
      offNull: 'Turn off these suites on {{host}}; they do not encrypt at all: {{suites}}.',
      offExport: 'Turn off these deliberately weakened "export" suites on {{host}}: {{suites}}.',
      offAnon: 'Turn off these anonymous suites on {{host}}; they do not check who the server is: {{suites}}.',
      offRc4: 'Turn off these suites with the broken RC4 cipher on {{host}}: {{suites}}.',
      offOldCipher: 'Turn off these suites with outdated ciphers (3DES, DES, RC2, IDEA or SEED) on {{host}}: {{suites}}.',
      offStaticKx:
        'Turn off these suites without forward secrecy on {{host}} (whoever gets the server key later can decrypt recorded traffic): {{suites}}.',
      offSha1Cbc: 'Turn off these older CBC suites with SHA-1 on {{host}}: {{suites}}.',
      offOther: 'Turn off these suites on {{host}}; they are not on the recommended list: {{suites}}.',
      offPhaseOut: 'Plan to turn off these suites on {{host}}, which are being phased out: {{suites}}.',
      where: `To offer only good and sufficient suites over TLS 1.2 and older: nginx: ${CIPHERS_NGINX}; Apache: ${CIPHERS_APACHE}. ${WHERE_TLS_LIVES.en}`,
      where13: `{{host}} also offers {{suites}} over TLS 1.3, which has its own list of suites; OpenSSL's default is good. To set it explicitly: nginx: ${TLS13_NGINX}; Apache: ${TLS13_APACHE}.`,
    },
    nl: {
      title: 'TLS-cipher-suites',
      verifies:
        'De webserver accepteert alleen cipher suites (de combinaties van versleutelingsmethoden voor de verbinding) die het Nederlandse NCSC goed of voldoende vindt: moderne versleuteling met forward secrecy.',
      pass_one: '{{host}} accepteert alleen veilige cipher suites ({{count}} suite).',
      pass_other: '{{host}} accepteert alleen veilige cipher suites ({{count}} suites).',
      warn_one: '{{host}} accepteert nog {{count}} cipher suite die wordt uitgefaseerd: niet gebroken, maar wel aan vervanging toe.',
      warn_other: '{{host}} accepteert nog {{count}} cipher suites die worden uitgefaseerd: niet gebroken, maar wel aan vervanging toe.',
      fail_one: '{{host}} accepteert {{count}} zwakke cipher suite, waarmee een aanvaller het verkeer mogelijk kan meelezen of wijzigen.',
      fail_other: '{{host}} accepteert {{count}} zwakke cipher suites, waarmee een aanvaller het verkeer mogelijk kan meelezen of wijzigen.',
      offNull: 'Zet deze suites uit op {{host}}; ze versleutelen helemaal niets: {{suites}}.',
      offExport: 'Zet deze bewust verzwakte "export"-suites uit op {{host}}: {{suites}}.',
      offAnon: 'Zet deze anonieme suites uit op {{host}}; ze controleren niet wie de server is: {{suites}}.',
      offRc4: 'Zet deze suites met het gebroken RC4-algoritme uit op {{host}}: {{suites}}.',
      offOldCipher: 'Zet deze suites met verouderde versleuteling (3DES, DES, RC2, IDEA of SEED) uit op {{host}}: {{suites}}.',
      offStaticKx:
        'Zet deze suites zonder forward secrecy uit op {{host}} (wie later de serversleutel in handen krijgt, kan opgenomen verkeer ontsleutelen): {{suites}}.',
      offSha1Cbc: 'Zet deze oudere CBC-suites met SHA-1 uit op {{host}}: {{suites}}.',
      offOther: 'Zet deze suites uit op {{host}}; ze staan niet op de aanbevolen lijst: {{suites}}.',
      offPhaseOut: 'Plan het uitzetten van deze suites op {{host}}; ze worden uitgefaseerd: {{suites}}.',
      where: `Om via TLS 1.2 en ouder alleen goede en voldoende suites aan te bieden: nginx: ${CIPHERS_NGINX}; Apache: ${CIPHERS_APACHE}. ${WHERE_TLS_LIVES.nl}`,
      where13: `{{host}} biedt via TLS 1.3 ook {{suites}} aan; TLS 1.3 heeft een eigen lijst van suites, en de standaardlijst van OpenSSL is goed. Om hem expliciet in te stellen: nginx: ${TLS13_NGINX}; Apache: ${TLS13_APACHE}.`,
    },
    sv: {
      title: 'TLS-chiffersviter',
      verifies:
        'Webbservern accepterar bara chiffersviter (kombinationerna av krypteringsmetoder för anslutningen) som nederländska NCSC bedömer som bra eller tillräckliga: modern kryptering med forward secrecy.',
      pass_one: '{{host}} accepterar bara säkra chiffersviter ({{count}} svit).',
      pass_other: '{{host}} accepterar bara säkra chiffersviter ({{count}} sviter).',
      warn_one: '{{host}} accepterar fortfarande {{count}} chiffersvit som håller på att fasas ut: inte knäckt, men dags att ersätta.',
      warn_other: '{{host}} accepterar fortfarande {{count}} chiffersviter som håller på att fasas ut: inte knäckta, men dags att ersätta.',
      fail_one: '{{host}} accepterar {{count}} svag chiffersvit, med vilken en angripare kan läsa eller ändra trafiken.',
      fail_other: '{{host}} accepterar {{count}} svaga chiffersviter, med vilka en angripare kan läsa eller ändra trafiken.',
      offNull: 'Stäng av dessa sviter på {{host}}; de krypterar inte alls: {{suites}}.',
      offExport: 'Stäng av dessa avsiktligt försvagade "export"-sviter på {{host}}: {{suites}}.',
      offAnon: 'Stäng av dessa anonyma sviter på {{host}}; de kontrollerar inte vem servern är: {{suites}}.',
      offRc4: 'Stäng av dessa sviter med det knäckta chiffret RC4 på {{host}}: {{suites}}.',
      offOldCipher: 'Stäng av dessa sviter med föråldrade chiffer (3DES, DES, RC2, IDEA eller SEED) på {{host}}: {{suites}}.',
      offStaticKx:
        'Stäng av dessa sviter utan forward secrecy på {{host}} (den som senare får tag i servernyckeln kan dekryptera inspelad trafik): {{suites}}.',
      offSha1Cbc: 'Stäng av dessa äldre CBC-sviter med SHA-1 på {{host}}: {{suites}}.',
      offOther: 'Stäng av dessa sviter på {{host}}; de finns inte på den rekommenderade listan: {{suites}}.',
      offPhaseOut: 'Planera att stänga av dessa sviter på {{host}}, som håller på att fasas ut: {{suites}}.',
      where: `För att bara erbjuda bra och tillräckliga sviter över TLS 1.2 och äldre: nginx: ${CIPHERS_NGINX}; Apache: ${CIPHERS_APACHE}. ${WHERE_TLS_LIVES.sv}`,
      where13: `{{host}} erbjuder också {{suites}} över TLS 1.3, som har en egen lista med sviter; OpenSSL:s standardlista är bra. För att ställa in den uttryckligen: nginx: ${TLS13_NGINX}; Apache: ${TLS13_APACHE}.`,
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
