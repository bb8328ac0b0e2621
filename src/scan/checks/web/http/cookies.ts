/**
 * web.cookies: every cookie set over HTTPS (on any hop of the https:// chains of the
 * apex and www) has Secure; session cookies have HttpOnly; all have SameSite; the
 * __Secure-/__Host- prefix rules hold. Severity follows Mozilla's Observatory where it
 * is certain (no Secure; a known session cookie readable by scripts) and warns where
 * we guess (a cookie that merely has no expiry date) or browsers already help
 * (missing SameSite defaults to Lax in Chromium-based browsers).
 */
import { msg, verdict, type Check, type CheckContext, type CheckVerdict, type MessageRef } from '../../../check.js';
import type { ScanEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { isDeletion, parseSetCookie, prefixViolation, sessionLike, type ParsedCookie } from './cookie-parse.js';
import { combine, firstHttpsResponse, headerValues, judgedHosts, type HostVerdict } from './hosts.js';

const MAX_ADVICE_COOKIES = 10;

interface CookieFinding {
  name: string;
  host: string;
  url: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  session: 'known' | 'lifetime' | false;
  add: string[];
  prefixProblem?: string;
  severity: 'fail' | 'warn' | 'pass';
}

function judgeCookie(cookie: ParsedCookie, host: string, url: string): CookieFinding {
  const session = sessionLike(cookie);
  const add: string[] = [];
  let severity: CookieFinding['severity'] = 'pass';
  const raise = (to: 'fail' | 'warn'): void => {
    if (severity !== 'fail') severity = to;
  };
  if (!cookie.secure) {
    add.push('Secure');
    raise('fail');
  }
  if (!cookie.httpOnly && session !== false) {
    add.push('HttpOnly');
    raise(session === 'known' ? 'fail' : 'warn');
  }
  if (!['strict', 'lax', 'none'].includes(cookie.sameSite ?? '')) {
    add.push('SameSite=Lax');
    raise('warn');
  }
  const prefixProblem = prefixViolation(cookie);
  if (prefixProblem) raise('warn');
  return {
    name: cookie.name,
    host,
    url,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    ...(cookie.sameSite !== undefined ? { sameSite: cookie.sameSite } : {}),
    session,
    add,
    ...(prefixProblem ? { prefixProblem } : {}),
    severity,
  };
}

function adviceFor(finding: CookieFinding): MessageRef[] {
  const params = { cookie: finding.name || '(empty name)', host: finding.host };
  const advice: MessageRef[] = [];
  if (finding.sameSite === 'none' && !finding.secure) advice.push(msg('sameSiteNone', params));
  else if (finding.add.length > 0) advice.push(msg('fixCookie', { ...params, add: finding.add.join('; ') }));
  if (finding.prefixProblem?.endsWith('Domain')) advice.push(msg('prefixDomain', params));
  else if (finding.prefixProblem?.endsWith('Path=/')) advice.push(msg('prefixPath', params));
  return advice;
}

function run(evidence: ScanEvidence, context: CheckContext): CheckVerdict {
  const hosts = judgedHosts(evidence);
  if (!hosts) return combine([]);
  const answered = hosts.filter((host) => 'hop' in firstHttpsResponse(host));
  if (answered.length === 0) {
    return combine(hosts.map((host) => firstHttpsResponse(host)).filter((r): r is HostVerdict => !('hop' in r)));
  }
  const seen = new Set<string>();
  const findings: CookieFinding[] = [];
  const deleted: string[] = [];
  for (const host of answered) {
    for (const hop of host.https?.hops ?? []) {
      if (hop.status === undefined || !hop.url.startsWith('https:')) continue;
      const hostname = new URL(hop.url).hostname;
      for (const header of headerValues(hop, 'set-cookie')) {
        if (seen.has(`${hostname}\n${header}`)) continue;
        seen.add(`${hostname}\n${header}`);
        const cookie = parseSetCookie(header);
        if (!cookie) continue;
        if (isDeletion(cookie, context.now)) deleted.push(cookie.name);
        else findings.push(judgeCookie(cookie, hostname, hop.url));
      }
    }
  }
  const facts = { hosts: answered.map((host) => host.host), cookies: findings, deleted };
  if (findings.length === 0) return verdict('pass', 'noCookies', {}, [], facts);
  // Counted per shop: the same cookie set by the apex and by www is one cookie (named per host only when they differ).
  const shop = perShop(findings);
  const total = new Set(shop.map((f) => f.name)).size;
  const failing = new Set(shop.filter((f) => f.severity === 'fail').map((f) => f.name));
  const warning = new Set(shop.filter((f) => f.severity === 'warn' && !failing.has(f.name)).map((f) => f.name));
  const problems = shop.filter((f) => f.severity !== 'pass').sort((a, b) => Number(b.severity === 'fail') - Number(a.severity === 'fail'));
  if (problems.length === 0) return verdict('pass', 'pass', { count: total }, [], facts);
  const advice = problems.slice(0, MAX_ADVICE_COOKIES).flatMap(adviceFor);
  if (problems.length > MAX_ADVICE_COOKIES) advice.push(msg('moreCookies', { count: problems.length - MAX_ADVICE_COOKIES }));
  advice.push(msg('whereToFix'));
  // "1 of 1 cookies" is no sentence: when every cookie has the problem, say "all" (or "the only").
  if (failing.size > 0) return failing.size === total ? verdict('fail', 'failAll', { count: total }, advice, facts) : verdict('fail', 'fail', { count: failing.size, total }, advice, facts);
  return warning.size === total ? verdict('warn', 'warnAll', { count: total }, advice, facts) : verdict('warn', 'warn', { count: warning.size, total }, advice, facts);
}

/** Findings with the same cookie name and the same problems on several hosts become one, naming those hosts. */
function perShop(findings: CookieFinding[]): CookieFinding[] {
  const merged = new Map<string, CookieFinding>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.name, finding.severity, finding.add, finding.prefixProblem ?? '', finding.sameSite ?? '', finding.secure]);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...finding });
    else if (!seen.host.split(', ').includes(finding.host)) seen.host = `${seen.host}, ${finding.host}`;
  }
  return [...merged.values()];
}

export const cookies: Check = {
  id: 'web.cookies',
  texts: withCommonTexts({
    en: {
      title: 'Cookie security',
      verifies:
        'Cookies set by the home page over HTTPS are marked Secure (only sent over HTTPS), login and session cookies are hidden from scripts (HttpOnly), and all have SameSite, which stops other sites from sending them along.',
      pass_one: 'The only cookie set over HTTPS has the right safety settings.',
      pass_other: 'All {{count}} cookies set over HTTPS have the right safety settings.',
      noCookies: 'The HTTPS pages checked set no cookies, so there is nothing to protect here.',
      fail_one: '{{count}} of {{total}} cookies lacks an important safety setting, such as Secure or HttpOnly on a login cookie.',
      fail_other: '{{count}} of {{total}} cookies lack an important safety setting, such as Secure or HttpOnly on a login cookie.',
      warn_one: '{{count}} of {{total}} cookies lacks a recommended setting (HttpOnly or SameSite).',
      warn_other: '{{count}} of {{total}} cookies lack a recommended setting (HttpOnly or SameSite).',
      failAll_one: 'The only cookie set over HTTPS lacks an important safety setting, such as Secure or HttpOnly on a login cookie.',
      failAll_other: 'All {{count}} cookies set over HTTPS lack an important safety setting, such as Secure or HttpOnly on a login cookie.',
      warnAll_one: 'The only cookie set over HTTPS lacks a recommended setting (HttpOnly or SameSite).',
      warnAll_other: 'All {{count}} cookies set over HTTPS lack a recommended setting (HttpOnly or SameSite).',
      fixCookie: 'Add {{add}} to the cookie {{cookie}} set by {{host}}.',
      sameSiteNone:
        'The cookie {{cookie}} from {{host}} has SameSite=None without Secure; browsers reject such a cookie. Add Secure, or use SameSite=Lax if the cookie is not needed on other sites.',
      prefixDomain: 'The cookie {{cookie}} from {{host}} starts with __Host- but has a Domain setting, so browsers reject it. Remove the Domain setting.',
      prefixPath: 'The cookie {{cookie}} from {{host}} starts with __Host- but does not have Path=/, so browsers reject it. Set Path=/.',
      moreCookies_one: '{{count}} more cookie needs the same kind of fix; the full list is in the details.',
      moreCookies_other: '{{count}} more cookies need the same kind of fix; the full list is in the details.',
      whereToFix:
        'Secure keeps a cookie off unencrypted connections; HttpOnly hides it from scripts, so injected code cannot steal a login; SameSite=Lax keeps other sites from sending it along with their requests. These settings usually live in the shop software or CMS (cookie or session settings; for PHP: session.cookie_secure, session.cookie_httponly and session.cookie_samesite, often in the PHP settings of the hosting panel). Cookies from a plugin are fixed by updating or configuring that plugin; as a last resort the web server can add the flags (nginx proxy_cookie_flags, Apache Header edit Set-Cookie).',
    },
    nl: {
      title: 'Veiligheid van cookies',
      verifies:
        'Cookies die de homepage via HTTPS zet, zijn gemarkeerd als Secure (alleen via HTTPS verstuurd), inlog- en sessiecookies zijn afgeschermd voor scripts (HttpOnly) en alle cookies hebben SameSite, zodat andere sites ze niet kunnen meesturen.',
      pass_one: 'De enige cookie die via HTTPS wordt gezet, heeft de juiste veiligheidsinstellingen.',
      pass_other: 'Alle {{count}} cookies die via HTTPS worden gezet, hebben de juiste veiligheidsinstellingen.',
      noCookies: 'De gecontroleerde HTTPS-pagina’s zetten geen cookies, dus hier valt niets te beschermen.',
      fail_one: '{{count}} van de {{total}} cookies mist een belangrijke veiligheidsinstelling, zoals Secure of HttpOnly op een inlogcookie.',
      fail_other: '{{count}} van de {{total}} cookies missen een belangrijke veiligheidsinstelling, zoals Secure of HttpOnly op een inlogcookie.',
      warn_one: '{{count}} van de {{total}} cookies mist een aanbevolen instelling (HttpOnly of SameSite).',
      warn_other: '{{count}} van de {{total}} cookies missen een aanbevolen instelling (HttpOnly of SameSite).',
      failAll_one: 'De enige cookie die via HTTPS wordt gezet, mist een belangrijke veiligheidsinstelling, zoals Secure of HttpOnly op een inlogcookie.',
      failAll_other: 'Alle {{count}} cookies die via HTTPS worden gezet, missen een belangrijke veiligheidsinstelling, zoals Secure of HttpOnly op een inlogcookie.',
      warnAll_one: 'De enige cookie die via HTTPS wordt gezet, mist een aanbevolen instelling (HttpOnly of SameSite).',
      warnAll_other: 'Alle {{count}} cookies die via HTTPS worden gezet, missen een aanbevolen instelling (HttpOnly of SameSite).',
      fixCookie: 'Voeg {{add}} toe aan de cookie {{cookie}} die {{host}} zet.',
      sameSiteNone:
        'De cookie {{cookie}} van {{host}} heeft SameSite=None zonder Secure; browsers weigeren zo’n cookie. Voeg Secure toe, of gebruik SameSite=Lax als de cookie niet op andere sites nodig is.',
      prefixDomain: 'De cookie {{cookie}} van {{host}} begint met __Host- maar heeft een Domain-instelling, dus browsers weigeren hem. Haal de Domain-instelling weg.',
      prefixPath: 'De cookie {{cookie}} van {{host}} begint met __Host- maar heeft geen Path=/, dus browsers weigeren hem. Zet Path=/.',
      moreCookies_one: 'Nog {{count}} cookie heeft dezelfde soort aanpassing nodig; de volledige lijst staat in de details.',
      moreCookies_other: 'Nog {{count}} cookies hebben dezelfde soort aanpassing nodig; de volledige lijst staat in de details.',
      whereToFix:
        'Secure houdt een cookie weg van onversleutelde verbindingen; HttpOnly schermt hem af voor scripts, zodat geïnjecteerde code geen inlog kan stelen; SameSite=Lax voorkomt dat andere sites hem met hun verzoeken meesturen. Deze instellingen zitten meestal in de winkelsoftware of het CMS (cookie- of sessie-instellingen; voor PHP: session.cookie_secure, session.cookie_httponly en session.cookie_samesite, vaak bij de PHP-instellingen in het hostingpaneel). Cookies van een plugin lost u op door die plugin bij te werken of in te stellen; als laatste redmiddel kan de webserver de vlaggen toevoegen (nginx proxy_cookie_flags, Apache Header edit Set-Cookie).',
    },
    sv: {
      title: 'Säkra cookies',
      verifies:
        'Cookies som startsidan sätter över HTTPS är märkta Secure (skickas bara över HTTPS), inloggnings- och sessionscookies är dolda för skript (HttpOnly) och alla har SameSite, så att andra webbplatser inte kan skicka med dem.',
      pass_one: 'Den enda cookien som sätts över HTTPS har rätt säkerhetsinställningar.',
      pass_other: 'Alla {{count}} cookies som sätts över HTTPS har rätt säkerhetsinställningar.',
      noCookies: 'De kontrollerade HTTPS-sidorna sätter inga cookies, så här finns inget att skydda.',
      fail_one: '{{count}} av {{total}} cookies saknar en viktig säkerhetsinställning, till exempel Secure eller HttpOnly på en inloggningscookie.',
      fail_other: '{{count}} av {{total}} cookies saknar en viktig säkerhetsinställning, till exempel Secure eller HttpOnly på en inloggningscookie.',
      warn_one: '{{count}} av {{total}} cookies saknar en rekommenderad inställning (HttpOnly eller SameSite).',
      warn_other: '{{count}} av {{total}} cookies saknar en rekommenderad inställning (HttpOnly eller SameSite).',
      failAll_one: 'Den enda kakan som sätts över HTTPS saknar en viktig säkerhetsinställning, som Secure eller HttpOnly på en inloggningskaka.',
      failAll_other: 'Alla {{count}} kakor som sätts över HTTPS saknar en viktig säkerhetsinställning, som Secure eller HttpOnly på en inloggningskaka.',
      warnAll_one: 'Den enda kakan som sätts över HTTPS saknar en rekommenderad inställning (HttpOnly eller SameSite).',
      warnAll_other: 'Alla {{count}} kakor som sätts över HTTPS saknar en rekommenderad inställning (HttpOnly eller SameSite).',
      fixCookie: 'Lägg till {{add}} på cookien {{cookie}} som {{host}} sätter.',
      sameSiteNone:
        'Cookien {{cookie}} från {{host}} har SameSite=None utan Secure; webbläsare avvisar en sådan cookie. Lägg till Secure, eller använd SameSite=Lax om cookien inte behövs på andra webbplatser.',
      prefixDomain: 'Cookien {{cookie}} från {{host}} börjar med __Host- men har en Domain-inställning, så webbläsare avvisar den. Ta bort Domain-inställningen.',
      prefixPath: 'Cookien {{cookie}} från {{host}} börjar med __Host- men saknar Path=/, så webbläsare avvisar den. Ange Path=/.',
      moreCookies_one: 'Ytterligare {{count}} cookie behöver samma slags åtgärd; hela listan finns i detaljerna.',
      moreCookies_other: 'Ytterligare {{count}} cookies behöver samma slags åtgärd; hela listan finns i detaljerna.',
      whereToFix:
        'Secure håller en cookie borta från okrypterade anslutningar; HttpOnly döljer den för skript, så att inskjuten kod inte kan stjäla en inloggning; SameSite=Lax hindrar andra webbplatser från att skicka med den i sina anrop. Inställningarna finns oftast i butiksprogrammet eller ditt CMS (cookie- eller sessionsinställningar; för PHP: session.cookie_secure, session.cookie_httponly och session.cookie_samesite, ofta bland PHP-inställningarna i webbhotellets kontrollpanel). Cookies från ett tillägg åtgärdar du genom att uppdatera eller ställa in tillägget; som sista utväg kan webbservern lägga till flaggorna (nginx proxy_cookie_flags, Apache Header edit Set-Cookie).',
    },
  }),
  run,
};
