/**
 * web.tls.cipher-order: internet.nl's cipher-order rule (NCSC B2-5) on the highest
 * version below TLS 1.3: the server must prefer every good or sufficient suite over every
 * phase-out suite. Not applicable with only TLS 1.3 (the client's choice is always fine
 * there) or only good suites. The rule itself lives in src/scan/tls-policy.ts.
 */
import { msg, type Check } from '../../../check.js';
import { TLS_VERSIONS, type TlsEvidence } from '../../../evidence/index.js';
import { cipherOrderResult } from '../../../tls-policy.js';
import { withTlsTexts } from './common-texts.js';
import { hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';
import { VERSION_LABELS } from './version.js';

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const version = TLS_VERSIONS.filter((candidate) => candidate !== 'TLSv1.3' && tls.versions[candidate] === true).at(-1);
  if (!version) return hostVerdict(host, 'pass', 'onlyTls13');
  const accepted = tls.ciphers.filter((suite) => suite.version === version).map((suite) => suite.iana);
  const order = tls.cipherOrder[version] ?? { serverEnforced: null, preferred: [] };
  const result = cipherOrderResult({ accepted, serverEnforced: order.serverEnforced, preferred: order.preferred });
  const label = VERSION_LABELS[version];
  const evidence = { version: label, serverEnforced: order.serverEnforced, preferred: order.preferred, result: result.status };
  switch (result.status) {
    case 'not-applicable':
      return hostVerdict(host, 'pass', 'onlyGood', { version: label }, [], evidence);
    case 'good':
      return hostVerdict(host, 'pass', 'pass', { version: label }, [], evidence);
    case 'unknown':
      return hostVerdict(host, 'info', 'unknown', { version: label }, [], evidence);
    case 'bad': {
      const params = { version: label, chosen: result.chosen, expected: result.expected };
      const key = order.serverEnforced ? 'badOrder' : 'clientOrder';
      return hostVerdict(host, 'fail', key, params, [msg(order.serverEnforced ? 'fixOrder' : 'enforceOrder', { host })], { ...evidence, ...params });
    }
  }
}

export const tlsCipherOrder: Check = {
  id: 'web.tls.cipher-order',
  texts: withTlsTexts({
    en: {
      title: 'TLS cipher order',
      verifies:
        'The web server chooses the cipher suite itself and prefers the better suites over those being phased out, so that a visitor gets the strongest encryption both sides support.',
      pass: '{{host}} prefers its better cipher suites over those being phased out ({{version}}).',
      onlyGood: '{{host}} offers only good cipher suites over {{version}}, so the order does not matter.',
      onlyTls13: '{{host}} speaks only TLS 1.3, where every cipher suite is good, so the order does not matter.',
      unknown: 'It could not be determined whether {{host}} chooses the cipher suite itself ({{version}}).',
      badOrder: '{{host}} prefers the phase-out suite {{chosen}} over the better {{expected}} ({{version}}).',
      clientOrder:
        '{{host}} lets the visitor\'s software choose the cipher suite, so a client listing the phase-out suite {{chosen}} first gets it instead of the better {{expected}} ({{version}}).',
      fixOrder:
        'Put the strongest cipher suites first in the cipher list of {{host}} (nginx: ssl_ciphers; Apache: SSLCipherSuite), or ask your hosting provider. Mozilla\'s SSL Configuration Generator gives a list in the right order.',
      enforceOrder:
        'Make {{host}} choose the cipher suite itself and put the strongest suites first: nginx: ssl_prefer_server_ciphers on; Apache: SSLHonorCipherOrder on. On shared hosting, ask your hosting provider.',
    },
    nl: {
      title: 'Volgorde van TLS-cipher-suites',
      verifies:
        'De webserver kiest zelf de cipher suite en geeft de voorkeur aan betere suites boven suites die worden uitgefaseerd, zodat een bezoeker de sterkste versleuteling krijgt die beide kanten ondersteunen.',
      pass: '{{host}} geeft de voorkeur aan de betere cipher suites boven suites die worden uitgefaseerd ({{version}}).',
      onlyGood: '{{host}} biedt via {{version}} alleen goede cipher suites aan, dus de volgorde maakt niet uit.',
      onlyTls13: '{{host}} spreekt alleen TLS 1.3, waarin alle cipher suites goed zijn, dus de volgorde maakt niet uit.',
      unknown: 'Niet vast te stellen of {{host}} zelf de cipher suite kiest ({{version}}).',
      badOrder: '{{host}} geeft de voorkeur aan de uit te faseren suite {{chosen}} boven de betere {{expected}} ({{version}}).',
      clientOrder:
        '{{host}} laat de software van de bezoeker de cipher suite kiezen, dus een client die de uit te faseren suite {{chosen}} vooraan zet, krijgt die in plaats van de betere {{expected}} ({{version}}).',
      fixOrder:
        'Zet de sterkste cipher suites vooraan in de cipherlijst van {{host}} (nginx: ssl_ciphers; Apache: SSLCipherSuite), of vraag het uw hostingprovider. De SSL Configuration Generator van Mozilla geeft een lijst in de goede volgorde.',
      enforceOrder:
        'Laat {{host}} zelf de cipher suite kiezen en zet de sterkste suites vooraan: nginx: ssl_prefer_server_ciphers on; Apache: SSLHonorCipherOrder on. Bij gedeelde hosting vraagt u het aan uw hostingprovider.',
    },
    sv: {
      title: 'Ordning för TLS-chiffersviter',
      verifies:
        'Webbservern väljer själv chiffersvit och föredrar de bättre sviterna framför dem som fasas ut, så att en besökare får den starkaste kryptering som båda sidor stöder.',
      pass: '{{host}} föredrar sina bättre chiffersviter framför dem som fasas ut ({{version}}).',
      onlyGood: '{{host}} erbjuder bara bra chiffersviter över {{version}}, så ordningen spelar ingen roll.',
      onlyTls13: '{{host}} talar bara TLS 1.3, där alla chiffersviter är bra, så ordningen spelar ingen roll.',
      unknown: 'Det gick inte att avgöra om {{host}} själv väljer chiffersvit ({{version}}).',
      badOrder: '{{host}} föredrar sviten {{chosen}}, som fasas ut, framför den bättre {{expected}} ({{version}}).',
      clientOrder:
        '{{host}} låter besökarens programvara välja chiffersvit, så en klient som sätter sviten {{chosen}}, som fasas ut, först får den i stället för den bättre {{expected}} ({{version}}).',
      fixOrder:
        'Sätt de starkaste chiffersviterna först i chifferlistan för {{host}} (nginx: ssl_ciphers; Apache: SSLCipherSuite), eller fråga ditt webbhotell. Mozillas SSL Configuration Generator ger en lista i rätt ordning.',
      enforceOrder:
        'Låt {{host}} själv välja chiffersvit och sätt de starkaste sviterna först: nginx: ssl_prefer_server_ciphers on; Apache: SSLHonorCipherOrder on. På delat webbhotell frågar du din leverantör.',
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
