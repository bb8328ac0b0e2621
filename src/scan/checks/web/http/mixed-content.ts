/**
 * web.mixed-content: the HTTPS home page must not load parts over plain http://.
 * Scripts, stylesheets, frames, plug-in objects and form targets are "active" mixed
 * content (they can change the page; browsers block most of it, breaking the shop);
 * images, audio and video are "passive" (they leak what is viewed and can be swapped).
 * URLs are resolved against <base href>, as browsers do.
 */
import { insideTemplate, sharedHtml } from '../../../html.js';
import { msg, type Check, type MessageRef } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { hasDirective, metaPolicies, parseCspHeaders } from './csp-policy.js';
import { finalHttpsResponse, firstHeaderValue, headerValues, headSeen, hostVerdict, incompleteReason, judgeEachHost, type HostVerdict } from './hosts.js';

const MAX_ADVICE_URLS = 10;


/** [selector, attribute, active?] */
const REFERENCES: readonly [string, string, boolean][] = [
  ['script[src]', 'src', true],
  ['iframe[src]', 'src', true],
  ['frame[src]', 'src', true],
  ['object[data]', 'data', true],
  ['embed[src]', 'src', true],
  ['form[action]', 'action', true],
  ['img[src]', 'src', false],
  ['input[type=image][src]', 'src', false],
  ['audio[src]', 'src', false],
  ['video[src]', 'src', false],
  ['video[poster]', 'poster', false],
  ['audio source[src]', 'src', false],
  ['video source[src]', 'src', false],
  ['track[src]', 'src', false],
];

export interface MixedContent {
  active: string[];
  passive: string[];
}

export function findMixedContent(html: string, pageUrl: string): MixedContent {
  const $ = sharedHtml(html);
  let base: URL = new URL(pageUrl);
  const baseHref = $('base[href]').first().attr('href');
  if (baseHref !== undefined) {
    try {
      base = new URL(baseHref.trim(), pageUrl);
    } catch {
      // An invalid <base href> is ignored by browsers too.
    }
  }
  const active = new Set<string>();
  const passive = new Set<string>();
  const consider = (value: string | undefined, isActive: boolean): void => {
    if (value === undefined || value.trim() === '') return;
    let url: URL;
    try {
      url = new URL(value.trim(), base);
    } catch {
      return;
    }
    if (url.protocol === 'http:') (isActive ? active : passive).add(url.href);
  };
  // A <template>'s content is inert: nothing in it loads until a script clones it.
  const loads = (selector: string) => $(selector).filter((_, element) => !insideTemplate(element));
  for (const [selector, attribute, isActive] of REFERENCES) {
    loads(selector).each((_, element) => consider($(element).attr(attribute), isActive));
  }
  loads('link[href]').each((_, element) => {
    const rel = ($(element).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) consider($(element).attr('href'), true);
  });
  loads('img[srcset], source[srcset]').each((_, element) => {
    for (const candidate of ($(element).attr('srcset') ?? '').split(',')) consider(candidate.trim().split(/\s+/)[0], false);
  });
  return { active: [...active], passive: [...passive] };
}

function listAdvice(key: string, host: string, urls: string[]): MessageRef[] {
  const advice = [msg(key, { host, urls: urls.slice(0, MAX_ADVICE_URLS).join(', ') })];
  if (urls.length > MAX_ADVICE_URLS) advice.push(msg('moreUrls', { host, count: urls.length - MAX_ADVICE_URLS }));
  return advice;
}

function judge(host: WebHostEvidence): HostVerdict {
  const response = finalHttpsResponse(host);
  if (!('hop' in response)) return response;
  const { hop, chain } = response;
  if (!hop.url.startsWith('https:')) return hostVerdict(host.host, 'skip', 'finalNotHttps', { url: hop.url });
  const contentType = firstHeaderValue(hop, 'content-type') ?? '';
  if (contentType !== '' && !/html/i.test(contentType)) return hostVerdict(host.host, 'skip', 'notHtml', { type: contentType });
  const found = findMixedContent(chain.body ?? '', hop.url);
  const policies = parseCspHeaders([...headerValues(hop, 'content-security-policy'), ...metaPolicies(chain.body)]);
  const upgrade = hasDirective(policies, 'upgrade-insecure-requests');
  const incomplete = incompleteReason(chain);
  const evidence = { url: hop.url, ...found, upgradeInsecureRequests: upgrade, bodyTruncated: chain.bodyTruncated, ...(incomplete ? { incomplete } : {}) };
  const count = found.active.length + found.passive.length;
  // Half a page proves nothing clean; what it does contain still counts, unless a policy
  // (upgrade-insecure-requests in a <meta> of the unseen <head>) could change the verdict.
  if (incomplete && (count === 0 || !headSeen(chain.body))) {
    return hostVerdict(host.host, 'error', 'incomplete', { reason: incomplete }, [msg('checkComplete', { host: host.host })], evidence);
  }
  if (count === 0) return hostVerdict(host.host, 'pass', 'pass', {}, [], evidence);
  const advice = [
    ...(found.active.length > 0 ? listAdvice('fixActive', host.host, found.active) : []),
    ...(found.passive.length > 0 ? listAdvice('fixPassive', host.host, found.passive) : []),
    msg('whereToFix'),
  ];
  // Browsers fetch these over HTTPS instead, so nothing travels unencrypted; the links still need fixing.
  if (upgrade) return hostVerdict(host.host, 'warn', 'upgraded', { count }, advice, evidence);
  if (found.active.length > 0) return hostVerdict(host.host, 'fail', 'active', { count: found.active.length }, advice, evidence);
  return hostVerdict(host.host, 'warn', 'passive', { count: found.passive.length }, advice, evidence);
}

export const mixedContent: Check = {
  id: 'web.mixed-content',
  texts: withCommonTexts({
    en: {
      title: 'Mixed content',
      verifies:
        'The HTTPS home page loads all its scripts, styles, frames, forms and images over HTTPS too; anything loaded over plain http:// can be read or changed on the way.',
      pass: 'The HTTPS home page of {{host}} loads nothing over unencrypted http://.',
      active_one: 'The HTTPS home page of {{host}} loads {{count}} script, style, frame or form over unencrypted http://; browsers block it, and it could be tampered with.',
      active_other: 'The HTTPS home page of {{host}} loads {{count}} scripts, styles, frames or forms over unencrypted http://; browsers block them, and they could be tampered with.',
      passive_one: 'The HTTPS home page of {{host}} loads {{count}} image or media file over unencrypted http://.',
      passive_other: 'The HTTPS home page of {{host}} loads {{count}} images or media files over unencrypted http://.',
      upgraded_one: 'The HTTPS home page of {{host}} links {{count}} item over http://, but its policy (upgrade-insecure-requests) makes browsers fetch it over HTTPS.',
      upgraded_other: 'The HTTPS home page of {{host}} links {{count}} items over http://, but its policy (upgrade-insecure-requests) makes browsers fetch them over HTTPS.',
      finalNotHttps: 'The HTTPS address of {{host}} ends on an unencrypted page ({{url}}), so there is no HTTPS page to check.',
      incomplete: 'Weerbaar did not receive the whole HTTPS home page of {{host}} ({{reason}}), so it cannot say whether the page loads anything over http://.',
      checkComplete:
        'Open https://{{host}}/ in a browser and check that it loads completely and quickly. A page that stops halfway is usually a slow or overloaded server, a plugin that crashes, or a firewall that cuts connections: ask your hosting provider to look at it.',
      notHtml: 'The HTTPS home page of {{host}} is not a web page ({{type}}), so there is nothing to check.',
      fixActive: 'Change these addresses on {{host}} to https:// (scripts, styles, frames or forms): {{urls}}',
      fixPassive: 'Change these image or media addresses on {{host}} to https://: {{urls}}',
      moreUrls: 'And {{count}} more on {{host}}; the full list is in the details.',
      whereToFix:
        'Such links usually sit in the theme, in page or product texts or in plugin settings. A search-and-replace of http:// with https:// for your own domain in the CMS (WordPress has plugins for this) fixes most of them; for outside services, use their https:// address. Adding upgrade-insecure-requests to your Content-Security-Policy is a useful safety net.',
    },
    nl: {
      title: 'Gemengde inhoud',
      verifies:
        'De HTTPS-homepage laadt ook al haar scripts, stijlen, frames, formulieren en afbeeldingen via HTTPS; alles wat via gewoon http:// wordt geladen, kan onderweg worden meegelezen of veranderd.',
      pass: 'De HTTPS-homepage van {{host}} laadt niets via onversleuteld http://.',
      active_one: 'De HTTPS-homepage van {{host}} laadt {{count}} script, stijl, frame of formulier via onversleuteld http://; browsers blokkeren dat, en er kan mee worden geknoeid.',
      active_other: 'De HTTPS-homepage van {{host}} laadt {{count}} scripts, stijlen, frames of formulieren via onversleuteld http://; browsers blokkeren die, en er kan mee worden geknoeid.',
      passive_one: 'De HTTPS-homepage van {{host}} laadt {{count}} afbeelding of mediabestand via onversleuteld http://.',
      passive_other: 'De HTTPS-homepage van {{host}} laadt {{count}} afbeeldingen of mediabestanden via onversleuteld http://.',
      upgraded_one: 'De HTTPS-homepage van {{host}} linkt {{count}} onderdeel via http://, maar het beleid (upgrade-insecure-requests) laat browsers het via HTTPS ophalen.',
      upgraded_other: 'De HTTPS-homepage van {{host}} linkt {{count}} onderdelen via http://, maar het beleid (upgrade-insecure-requests) laat browsers ze via HTTPS ophalen.',
      finalNotHttps: 'Het HTTPS-adres van {{host}} eindigt op een onversleutelde pagina ({{url}}), dus er is geen HTTPS-pagina om te controleren.',
      incomplete: 'Weerbaar heeft de HTTPS-homepage van {{host}} niet volledig ontvangen ({{reason}}), dus kan niet zeggen of de pagina iets via http:// laadt.',
      checkComplete:
        'Open https://{{host}}/ in een browser en controleer of de pagina volledig en snel laadt. Een pagina die halverwege stopt, komt meestal door een trage of overbelaste server, een plugin die vastloopt of een firewall die verbindingen afbreekt: vraag uw hostingprovider ernaar te kijken.',
      notHtml: 'De HTTPS-homepage van {{host}} is geen webpagina ({{type}}), dus er valt niets te controleren.',
      fixActive: 'Verander deze adressen op {{host}} in https:// (scripts, stijlen, frames of formulieren): {{urls}}',
      fixPassive: 'Verander deze afbeeldings- of media-adressen op {{host}} in https://: {{urls}}',
      moreUrls: 'En nog {{count}} op {{host}}; de volledige lijst staat in de details.',
      whereToFix:
        'Zulke links staan meestal in het thema, in pagina- of productteksten of in plugininstellingen. Zoeken en vervangen van http:// door https:// voor uw eigen domein in het CMS (voor WordPress bestaan daar plugins voor) lost de meeste op; gebruik voor externe diensten hun https://-adres. upgrade-insecure-requests toevoegen aan uw Content-Security-Policy is een nuttig vangnet.',
    },
    sv: {
      title: 'Blandat innehåll',
      verifies:
        'HTTPS-startsidan laddar även alla sina skript, stilar, ramar, formulär och bilder över HTTPS; allt som laddas över vanlig http:// kan läsas eller ändras på vägen.',
      pass: 'HTTPS-startsidan för {{host}} laddar ingenting över okrypterad http://.',
      active_one: 'HTTPS-startsidan för {{host}} laddar {{count}} skript, stil, ram eller formulär över okrypterad http://; webbläsare blockerar det, och det kan manipuleras.',
      active_other: 'HTTPS-startsidan för {{host}} laddar {{count}} skript, stilar, ramar eller formulär över okrypterad http://; webbläsare blockerar dem, och de kan manipuleras.',
      passive_one: 'HTTPS-startsidan för {{host}} laddar {{count}} bild eller mediefil över okrypterad http://.',
      passive_other: 'HTTPS-startsidan för {{host}} laddar {{count}} bilder eller mediefiler över okrypterad http://.',
      upgraded_one: 'HTTPS-startsidan för {{host}} länkar {{count}} del över http://, men dess policy (upgrade-insecure-requests) får webbläsare att hämta den över HTTPS.',
      upgraded_other: 'HTTPS-startsidan för {{host}} länkar {{count}} delar över http://, men dess policy (upgrade-insecure-requests) får webbläsare att hämta dem över HTTPS.',
      finalNotHttps: 'HTTPS-adressen för {{host}} slutar på en okrypterad sida ({{url}}), så det finns ingen HTTPS-sida att kontrollera.',
      incomplete: 'Weerbaar tog inte emot hela HTTPS-startsidan för {{host}} ({{reason}}), så det går inte att säga om sidan laddar något över http://.',
      checkComplete:
        'Öppna https://{{host}}/ i en webbläsare och kontrollera att sidan laddas helt och snabbt. En sida som stannar halvvägs beror oftast på en långsam eller överbelastad server, ett tillägg som kraschar eller en brandvägg som bryter anslutningar: be ditt webbhotell att titta på det.',
      notHtml: 'HTTPS-startsidan för {{host}} är ingen webbsida ({{type}}), så det finns inget att kontrollera.',
      fixActive: 'Ändra de här adresserna på {{host}} till https:// (skript, stilar, ramar eller formulär): {{urls}}',
      fixPassive: 'Ändra de här bild- eller medieadresserna på {{host}} till https://: {{urls}}',
      moreUrls: 'Och {{count}} till på {{host}}; hela listan finns i detaljerna.',
      whereToFix:
        'Sådana länkar finns oftast i temat, i sid- eller produkttexter eller i inställningar för tillägg. Sök och ersätt http:// med https:// för din egen domän i ditt CMS (för WordPress finns tillägg för det) så löser du de flesta; för externa tjänster använder du deras https://-adress. Att lägga till upgrade-insecure-requests i din Content-Security-Policy är ett bra skyddsnät.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
