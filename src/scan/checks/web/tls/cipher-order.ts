/**
 * web.tls.cipher-order: internet.nl's cipher-order rule (NCSC B2-5) on the highest
 * version below TLS 1.3: the server must prefer every good or sufficient suite over every
 * phase-out suite. Not applicable with only TLS 1.3 (the client's choice is always fine
 * there) or only good suites. The rule itself lives in src/scan/tls-policy.ts. A summary
 * claims that the server prefers its better suites only when the server was seen choosing
 * (serverEnforced true); without phase-out suites the order decides nothing and is not praised.
 */
import { msg, type Check } from '../../../check.js';
import { TLS_VERSIONS, type TlsEvidence } from '../../../evidence/index.js';
import { cipherOrderResult } from '../../../tls-policy.js';
import { withTlsTexts } from './common-texts.js';
import { hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';
import { APACHE_TLS, NGINX_TLS, quoteConfig } from './server-config.js';
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
    case 'no-phase-out':
      // Who chooses decides nothing here; the summary says so only when it was seen that the client does.
      return hostVerdict(host, 'pass', order.serverEnforced === false ? 'noPhaseOutClientOrder' : 'noPhaseOut', { version: label }, [], evidence);
    case 'no-better':
      return hostVerdict(host, 'pass', 'noBetter', { version: label }, [], evidence);
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

const ORDER = { nginx: quoteConfig(NGINX_TLS.cipherOrder), apache: quoteConfig(APACHE_TLS.cipherOrder) };

export const tlsCipherOrder: Check = {
  id: 'web.tls.cipher-order',
  texts: withTlsTexts({
    en: {
      title: 'TLS cipher order',
      verifies:
        'The web server chooses the cipher suite itself and prefers the better suites over those being phased out, so that a visitor gets the strongest encryption both sides support.',
      pass: '{{host}} chooses the cipher suite itself and prefers its better suites over those being phased out ({{version}}).',
      noPhaseOut: '{{host}} offers no cipher suites that are being phased out next to its better ones ({{version}}), so there is no order to get wrong.',
      noPhaseOutClientOrder:
        '{{host}} lets the visitor\'s software choose the cipher suite, but offers no suites that are being phased out next to its better ones ({{version}}), so there is no order to get wrong.',
      noBetter: '{{host}} offers no good or sufficient cipher suite over {{version}}, so there is nothing better to prefer; the cipher suite check says what to change.',
      onlyGood: '{{host}} offers only good cipher suites over {{version}}, so the order does not matter.',
      onlyTls13: '{{host}} speaks only TLS 1.3, where every cipher suite is good, so the order does not matter.',
      unknown: 'It could not be determined whether {{host}} chooses the cipher suite itself ({{version}}).',
      badOrder: '{{host}} prefers the phase-out suite {{chosen}} over the better {{expected}} ({{version}}).',
      clientOrder:
        '{{host}} lets the visitor\'s software choose the cipher suite, so a client listing the phase-out suite {{chosen}} first gets it instead of the better {{expected}} ({{version}}).',
      fixOrder: `Put the strongest cipher suites first in the cipher list of {{host}}; simplest is a list without phase-out suites, which no order can get wrong: nginx: ${ORDER.nginx}; Apache: ${ORDER.apache}. On shared hosting, ask your hosting provider.`,
      enforceOrder: `Make {{host}} choose the cipher suite itself, from a list without phase-out suites: nginx: ${ORDER.nginx}; Apache: ${ORDER.apache}. On shared hosting, ask your hosting provider.`,
    },
    nl: {
      title: 'Volgorde van TLS-cipher-suites',
      verifies:
        'De webserver kiest zelf de cipher suite en geeft de voorkeur aan betere suites boven suites die worden uitgefaseerd, zodat een bezoeker de sterkste versleuteling krijgt die beide kanten ondersteunen.',
      pass: '{{host}} kiest zelf de cipher suite en geeft de voorkeur aan de betere suites boven suites die worden uitgefaseerd ({{version}}).',
      noPhaseOut: '{{host}} biedt naast de betere cipher suites geen suites aan die worden uitgefaseerd ({{version}}), dus er is geen volgorde die fout kan gaan.',
      noPhaseOutClientOrder:
        '{{host}} laat de software van de bezoeker de cipher suite kiezen, maar biedt naast de betere suites geen suites aan die worden uitgefaseerd ({{version}}), dus er is geen volgorde die fout kan gaan.',
      noBetter: '{{host}} biedt via {{version}} geen goede of voldoende cipher suite aan, dus er is niets beters om voorrang te geven; de controle van de cipher suites zegt wat u moet veranderen.',
      onlyGood: '{{host}} biedt via {{version}} alleen goede cipher suites aan, dus de volgorde maakt niet uit.',
      onlyTls13: '{{host}} spreekt alleen TLS 1.3, waarin alle cipher suites goed zijn, dus de volgorde maakt niet uit.',
      unknown: 'Niet vast te stellen of {{host}} zelf de cipher suite kiest ({{version}}).',
      badOrder: '{{host}} geeft de voorkeur aan de uit te faseren suite {{chosen}} boven de betere {{expected}} ({{version}}).',
      clientOrder:
        '{{host}} laat de software van de bezoeker de cipher suite kiezen, dus een client die de uit te faseren suite {{chosen}} vooraan zet, krijgt die in plaats van de betere {{expected}} ({{version}}).',
      fixOrder: `Zet de sterkste cipher suites vooraan in de cipherlijst van {{host}}; het eenvoudigst is een lijst zonder uit te faseren suites, die geen volgorde fout kan zetten: nginx: ${ORDER.nginx}; Apache: ${ORDER.apache}. Bij gedeelde hosting vraagt u het aan uw hostingprovider.`,
      enforceOrder: `Laat {{host}} zelf de cipher suite kiezen, uit een lijst zonder uit te faseren suites: nginx: ${ORDER.nginx}; Apache: ${ORDER.apache}. Bij gedeelde hosting vraagt u het aan uw hostingprovider.`,
    },
    sv: {
      title: 'Ordning för TLS-chiffersviter',
      verifies:
        'Webbservern väljer själv chiffersvit och föredrar de bättre sviterna framför dem som fasas ut, så att en besökare får den starkaste kryptering som båda sidor stöder.',
      pass: '{{host}} väljer själv chiffersvit och föredrar sina bättre sviter framför dem som fasas ut ({{version}}).',
      noPhaseOut: '{{host}} erbjuder inga chiffersviter som fasas ut vid sidan av sina bättre ({{version}}), så det finns ingen ordning som kan bli fel.',
      noPhaseOutClientOrder:
        '{{host}} låter besökarens programvara välja chiffersvit, men erbjuder inga sviter som fasas ut vid sidan av sina bättre ({{version}}), så det finns ingen ordning som kan bli fel.',
      noBetter: '{{host}} erbjuder ingen bra eller tillräcklig chiffersvit över {{version}}, så det finns inget bättre att föredra; kontrollen av chiffersviter säger vad du ska ändra.',
      onlyGood: '{{host}} erbjuder bara bra chiffersviter över {{version}}, så ordningen spelar ingen roll.',
      onlyTls13: '{{host}} talar bara TLS 1.3, där alla chiffersviter är bra, så ordningen spelar ingen roll.',
      unknown: 'Det gick inte att avgöra om {{host}} själv väljer chiffersvit ({{version}}).',
      badOrder: '{{host}} föredrar sviten {{chosen}}, som fasas ut, framför den bättre {{expected}} ({{version}}).',
      clientOrder:
        '{{host}} låter besökarens programvara välja chiffersvit, så en klient som sätter sviten {{chosen}}, som fasas ut, först får den i stället för den bättre {{expected}} ({{version}}).',
      fixOrder: `Sätt de starkaste chiffersviterna först i chifferlistan för {{host}}; enklast är en lista utan sviter som fasas ut, som ingen ordning kan göra fel: nginx: ${ORDER.nginx}; Apache: ${ORDER.apache}. På delat webbhotell frågar du din leverantör.`,
      enforceOrder: `Låt {{host}} själv välja chiffersvit, ur en lista utan sviter som fasas ut: nginx: ${ORDER.nginx}; Apache: ${ORDER.apache}. På delat webbhotell frågar du din leverantör.`,
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
