/**
 * web.https.redirect: http://host/ must first redirect to https:// on the same host
 * (as internet.nl requires), or not answer plain HTTP at all. Going straight to
 * https on another host skips the HSTS policy of the host the visitor typed.
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { firstHeaderValue, hostVerdict, judgeEachHost, unreachable, type HostVerdict } from './hosts.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The first plain http:// request made after an HTTPS answer, in the https:// chain or in the
 * http:// chain once it reached HTTPS: a visitor crosses plain HTTP there again (https -> http ->
 * https), where anyone on the network can read the request and send them elsewhere.
 */
export function plainHopAfterHttps(host: WebHostEvidence): { url: string; from: string } | undefined {
  for (const chain of [host.https, host.http]) {
    const hops = chain?.hops ?? [];
    const firstHttps = hops.findIndex((hop) => hop.url.startsWith('https:') && hop.status !== undefined);
    if (firstHttps < 0) continue;
    for (let i = firstHttps + 1; i < hops.length; i++) {
      const hop = hops[i];
      if (hop?.url.startsWith('http:')) return { url: hop.url, from: hops[i - 1]?.url ?? '' };
    }
  }
  return undefined;
}

/** A downgrade inside a chain is a failure whatever the first redirect did. */
function judge(host: WebHostEvidence): HostVerdict {
  const verdict = judgeFirstRedirect(host);
  const downgrade = plainHopAfterHttps(host);
  if (!downgrade) return verdict;
  const advice = [msg('keepHttps', { host: host.host, url: downgrade.url }), ...verdict.advice];
  const evidence = { ...verdict.evidence, plainHttpHop: downgrade.url, after: downgrade.from };
  if (verdict.status === 'fail') return { ...verdict, advice, evidence };
  return hostVerdict(host.host, 'fail', 'plainHopInChain', { url: downgrade.url, from: downgrade.from }, advice, evidence);
}

function judgeFirstRedirect(host: WebHostEvidence): HostVerdict {
  const missing = unreachable(host, host.http);
  if (missing) return missing;
  const first = host.http?.hops[0];
  const fix = [msg('addRedirect', { host: host.host })];
  if (first?.status === undefined) {
    const kind = first?.error?.kind;
    if (kind === 'refused-private') return hostVerdict(host.host, 'skip', 'refused');
    const evidence = { error: first?.error?.message };
    // Closed (refused, or no TCP connection at all) is fine: nobody can be served over plain HTTP.
    if (kind === 'connect') return hostVerdict(host.host, 'pass', 'httpClosed', {}, [], evidence);
    return hostVerdict(host.host, 'error', 'httpBroken', { reason: first?.error?.message ?? 'no response' }, [], evidence);
  }
  const location = firstHeaderValue(first, 'location');
  const evidence = { httpStatus: first.status, location };
  if (!REDIRECTS.has(first.status) || location === undefined) {
    return hostVerdict(host.host, 'fail', 'noRedirect', { status: first.status }, fix, evidence);
  }
  let target: URL;
  try {
    target = new URL(location.trim(), first.url);
  } catch {
    return hostVerdict(host.host, 'fail', 'badRedirect', { target: location.slice(0, 200) }, fix, evidence);
  }
  const sameHost = target.hostname === new URL(first.url).hostname;
  if (target.protocol === 'https:' && sameHost) {
    return hostVerdict(host.host, 'pass', 'pass', { target: target.href }, [], evidence);
  }
  if (target.protocol === 'https:') {
    return hostVerdict(host.host, 'fail', 'otherHost', { target: target.href }, [msg('redirectSameHostFirst', { host: host.host })], evidence);
  }
  return hostVerdict(host.host, 'fail', 'notToHttps', { target: target.href.slice(0, 200) }, fix, evidence);
}

export const httpsRedirect: Check = {
  id: 'web.https.redirect',
  texts: withCommonTexts({
    en: {
      title: 'HTTP redirects to HTTPS',
      verifies: 'Visitors who type the address without https:// are sent straight to the encrypted HTTPS version of the same address, and no redirect on the way leads back to unencrypted http://.',
      pass: 'http://{{host}} redirects to {{target}}.',
      httpClosed: '{{host}} does not answer unencrypted HTTP at all, so nothing is ever sent without encryption.',
      httpBroken: 'http://{{host}} gave a broken answer ({{reason}}), so its redirect could not be checked.',
      noRedirect: 'http://{{host}} shows a page over an unencrypted connection (status {{status}}) instead of sending visitors to HTTPS.',
      badRedirect: 'http://{{host}} redirects to an invalid address ({{target}}).',
      plainHopInChain: 'After answering over HTTPS, {{from}} redirects visitors to the unencrypted address {{url}}: on that step anyone on the network can read the request or send the visitor elsewhere.',
      keepHttps:
        'Make every redirect of {{host}} point to an https:// address. The step to {{url}} usually comes from a site address in the shop or CMS settings that still starts with http://, or from an old redirect rule (.htaccess, nginx return/rewrite): change it to https://.',
      otherHost:
        'http://{{host}} redirects straight to {{target}}, another host name. The first step should stay on {{host}}, so browsers learn to always use HTTPS for {{host}} (its HSTS setting).',
      notToHttps: 'http://{{host}} redirects to {{target}}, which is still not an encrypted HTTPS address.',
      addRedirect:
        'Make http://{{host}} send every visitor to https://{{host}} with a permanent redirect (status 301). Most hosting control panels and shop systems have a "force HTTPS" setting; in nginx it is a port-80 server block with return 301 https://$host$request_uri; and in Apache a rewrite rule in .htaccess.',
      redirectSameHostFirst:
        'Let http://{{host}} first redirect to https://{{host}} (same name), and only from there to the other host name. In the web server or hosting panel, this means the HTTPS redirect comes before the redirect to the preferred name.',
    },
    nl: {
      title: 'HTTP stuurt door naar HTTPS',
      verifies: 'Bezoekers die het adres zonder https:// intypen, gaan direct naar de versleutelde HTTPS-versie van hetzelfde adres, en geen doorverwijzing onderweg gaat terug naar onversleuteld http://.',
      pass: 'http://{{host}} stuurt door naar {{target}}.',
      httpClosed: '{{host}} antwoordt helemaal niet via onversleuteld HTTP, dus er gaat nooit iets onversleuteld over de lijn.',
      httpBroken: 'http://{{host}} gaf een kapot antwoord ({{reason}}), dus de doorverwijzing kon niet worden gecontroleerd.',
      noRedirect: 'http://{{host}} toont een pagina via een onversleutelde verbinding (status {{status}}) in plaats van bezoekers naar HTTPS te sturen.',
      badRedirect: 'http://{{host}} stuurt door naar een ongeldig adres ({{target}}).',
      plainHopInChain: 'Na een antwoord via HTTPS stuurt {{from}} bezoekers door naar het onversleutelde adres {{url}}: bij die stap kan iedereen op het netwerk het verzoek meelezen of de bezoeker ergens anders heen sturen.',
      keepHttps:
        'Laat elke doorverwijzing van {{host}} naar een https://-adres gaan. De stap naar {{url}} komt meestal van een siteadres in de instellingen van de winkel of het CMS dat nog met http:// begint, of van een oude doorverwijsregel (.htaccess, nginx return/rewrite): verander die in https://.',
      otherHost:
        'http://{{host}} stuurt direct door naar {{target}}, een andere hostnaam. De eerste stap hoort op {{host}} te blijven, zodat browsers leren altijd HTTPS te gebruiken voor {{host}} (de HSTS-instelling).',
      notToHttps: 'http://{{host}} stuurt door naar {{target}}, en dat is nog steeds geen versleuteld HTTPS-adres.',
      addRedirect:
        'Laat http://{{host}} elke bezoeker met een permanente doorverwijzing (status 301) naar https://{{host}} sturen. De meeste hostingpanelen en winkelsystemen hebben een instelling "HTTPS afdwingen"; in nginx is het een serverblok voor poort 80 met return 301 https://$host$request_uri; en in Apache een rewrite-regel in .htaccess.',
      redirectSameHostFirst:
        'Laat http://{{host}} eerst doorsturen naar https://{{host}} (dezelfde naam) en pas daarna naar de andere hostnaam. In de webserver of het hostingpaneel betekent dit dat de HTTPS-doorverwijzing vóór de doorverwijzing naar de voorkeursnaam komt.',
    },
    sv: {
      title: 'HTTP omdirigerar till HTTPS',
      verifies: 'Besökare som skriver adressen utan https:// skickas direkt till den krypterade HTTPS-versionen av samma adress, och ingen omdirigering på vägen leder tillbaka till okrypterad http://.',
      pass: 'http://{{host}} omdirigerar till {{target}}.',
      httpClosed: '{{host}} svarar inte alls på okrypterad HTTP, så inget skickas någonsin utan kryptering.',
      httpBroken: 'http://{{host}} gav ett trasigt svar ({{reason}}), så omdirigeringen kunde inte kontrolleras.',
      noRedirect: 'http://{{host}} visar en sida över en okrypterad anslutning (status {{status}}) i stället för att skicka besökarna till HTTPS.',
      badRedirect: 'http://{{host}} omdirigerar till en ogiltig adress ({{target}}).',
      plainHopInChain: 'Efter att ha svarat över HTTPS omdirigerar {{from}} besökare till den okrypterade adressen {{url}}: i det steget kan vem som helst på nätverket läsa begäran eller skicka besökaren någon annanstans.',
      keepHttps:
        'Låt varje omdirigering för {{host}} gå till en https://-adress. Steget till {{url}} kommer oftast från en webbplatsadress i butikens eller CMS:ets inställningar som fortfarande börjar med http://, eller från en gammal omdirigeringsregel (.htaccess, nginx return/rewrite): ändra den till https://.',
      otherHost:
        'http://{{host}} omdirigerar direkt till {{target}}, ett annat värdnamn. Första steget bör stanna på {{host}}, så att webbläsare lär sig att alltid använda HTTPS för {{host}} (dess HSTS-inställning).',
      notToHttps: 'http://{{host}} omdirigerar till {{target}}, som fortfarande inte är en krypterad HTTPS-adress.',
      addRedirect:
        'Låt http://{{host}} skicka varje besökare till https://{{host}} med en permanent omdirigering (status 301). De flesta kontrollpaneler och butikssystem har en inställning för att "tvinga HTTPS"; i nginx är det ett serverblock för port 80 med return 301 https://$host$request_uri; och i Apache en rewrite-regel i .htaccess.',
      redirectSameHostFirst:
        'Låt http://{{host}} först omdirigera till https://{{host}} (samma namn) och först därefter till det andra värdnamnet. I webbservern eller kontrollpanelen betyder det att HTTPS-omdirigeringen kommer före omdirigeringen till det föredragna namnet.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
