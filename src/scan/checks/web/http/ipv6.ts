/**
 * web.ipv6: the site has an IPv6 address (AAAA record) and HTTPS answers on it.
 * Like internet.nl, a site without IPv6 fails: a growing share of visitors (mobile
 * networks especially) reach the internet mainly over IPv6.
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { hostVerdict, judgeEachHost, type HostVerdict } from './hosts.js';

function judge(host: WebHostEvidence): HostVerdict {
  const { dns } = host;
  const evidence = { a: dns.a, aaaa: dns.aaaa, httpsIpv6: host.httpsIpv6 };
  if (dns.a.length === 0 && dns.aaaa.length === 0) {
    return dns.error
      ? hostVerdict(host.host, 'skip', 'noAddressDns', { reason: dns.error }, [], evidence)
      : hostVerdict(host.host, 'skip', 'noAddress', {}, [], evidence);
  }
  if (dns.aaaa.length === 0) return hostVerdict(host.host, 'fail', 'noAaaa', {}, [msg('addAaaa', { host: host.host })], evidence);
  const test = host.httpsIpv6;
  if (!test) {
    const refusedV6 = host.refused.some((r) => r.address.includes(':'));
    return hostVerdict(host.host, refusedV6 ? 'skip' : 'error', refusedV6 ? 'refused' : 'notCollected', {}, [], evidence);
  }
  if (test.ok) return hostVerdict(host.host, 'pass', 'pass', { address: test.address }, [], evidence);
  return hostVerdict(
    host.host,
    'fail',
    'noAnswer',
    { address: test.address, reason: test.error ?? 'no response' },
    [msg('fixIpv6', { host: host.host, address: test.address })],
    evidence,
  );
}

export const ipv6: Check = {
  id: 'web.ipv6',
  texts: withCommonTexts({
    en: {
      title: 'Reachable over IPv6',
      verifies: 'The website has an IPv6 address and answers over HTTPS on it, so visitors on modern (often mobile) networks reach it directly.',
      pass: '{{host}} answers over HTTPS on its IPv6 address {{address}}.',
      noAaaa: '{{host}} has no IPv6 address (no AAAA record), so it is only reachable over the older IPv4.',
      noAnswer: '{{host}} has the IPv6 address {{address}}, but HTTPS does not answer there ({{reason}}), so some visitors may not reach the shop or wait for a slow fallback.',
      addAaaa:
        'Ask your hosting provider for an IPv6 address for {{host}} and add it as an AAAA record in your DNS (in the DNS settings of your domain registrar or hosting panel). Most hosting providers offer IPv6 at no extra cost.',
      fixIpv6:
        'Make the web server of {{host}} listen on {{address}} too (nginx: listen [::]:443 ssl; Apache: Listen [::]:443), or remove the AAAA record until it works. If you cannot change this, ask your hosting provider.',
    },
    nl: {
      title: 'Bereikbaar via IPv6',
      verifies: 'De website heeft een IPv6-adres en antwoordt daarop via HTTPS, zodat bezoekers op moderne (vaak mobiele) netwerken haar rechtstreeks bereiken.',
      pass: '{{host}} antwoordt via HTTPS op het IPv6-adres {{address}}.',
      noAaaa: '{{host}} heeft geen IPv6-adres (geen AAAA-record), dus de site is alleen bereikbaar via het oudere IPv4.',
      noAnswer: '{{host}} heeft het IPv6-adres {{address}}, maar HTTPS antwoordt daar niet ({{reason}}), dus sommige bezoekers bereiken de winkel niet of wachten op een trage terugval.',
      addAaaa:
        'Vraag uw hostingprovider om een IPv6-adres voor {{host}} en zet dat als AAAA-record in uw DNS (bij de DNS-instellingen van uw domeinregistrar of in het hostingpaneel). De meeste hostingproviders bieden IPv6 zonder meerkosten.',
      fixIpv6:
        'Laat de webserver van {{host}} ook luisteren op {{address}} (nginx: listen [::]:443 ssl; Apache: Listen [::]:443), of haal het AAAA-record weg tot het werkt. Kunt u dit niet zelf aanpassen, vraag het dan uw hostingprovider.',
    },
    sv: {
      title: 'Nåbar över IPv6',
      verifies: 'Webbplatsen har en IPv6-adress och svarar över HTTPS på den, så att besökare på moderna (ofta mobila) nät når den direkt.',
      pass: '{{host}} svarar över HTTPS på sin IPv6-adress {{address}}.',
      noAaaa: '{{host}} har ingen IPv6-adress (ingen AAAA-post), så den nås bara över det äldre IPv4.',
      noAnswer: '{{host}} har IPv6-adressen {{address}}, men HTTPS svarar inte där ({{reason}}), så en del besökare når kanske inte butiken eller får vänta på en långsam reservväg.',
      addAaaa:
        'Be ditt webbhotell om en IPv6-adress för {{host}} och lägg in den som en AAAA-post i din DNS (i DNS-inställningarna hos din domänregistrar eller i webbhotellets kontrollpanel). De flesta webbhotell erbjuder IPv6 utan extra kostnad.',
      fixIpv6:
        'Låt webbservern för {{host}} lyssna även på {{address}} (nginx: listen [::]:443 ssl; Apache: Listen [::]:443), eller ta bort AAAA-posten tills det fungerar. Om du inte kan ändra det själv, fråga ditt webbhotell.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
