/**
 * web.hsts: Strict-Transport-Security on the FIRST HTTPS answer (even a redirect),
 * as internet.nl checks: the first answer is what a visitor's browser sees first.
 * Only the first header counts (RFC 6797 section 8.1); a header with a repeated or
 * malformed directive is invalid as a whole (section 6.1), so browsers ignore it.
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { firstHttpsResponse, headerValues, hostVerdict, judgeEachHost, type HostVerdict } from './hosts.js';

const ONE_YEAR = 31_536_000;

export interface HstsPolicy {
  maxAge?: number;
  includeSubDomains: boolean;
  preload: boolean;
  /** Why the header is invalid (browsers then ignore it), if it is. */
  invalid?: string;
}

export function parseHsts(value: string): HstsPolicy {
  const policy: HstsPolicy = { includeSubDomains: false, preload: false };
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const name = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    const raw = eq < 0 ? undefined : trimmed.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (seen.has(name)) return { ...policy, invalid: `the directive ${name} appears twice` };
    seen.add(name);
    if (name === 'max-age') {
      if (raw === undefined || !/^\d+$/.test(raw)) return { ...policy, invalid: 'max-age has no valid number' };
      policy.maxAge = Number(raw);
    } else if (name === 'includesubdomains') policy.includeSubDomains = true;
    else if (name === 'preload') policy.preload = true;
  }
  if (policy.maxAge === undefined && !policy.invalid) return { ...policy, invalid: 'max-age is missing' };
  return policy;
}

function judge(host: WebHostEvidence): HostVerdict {
  const first = firstHttpsResponse(host);
  if (!('hop' in first)) return first;
  const values = headerValues(first.hop, 'strict-transport-security');
  const add = [msg('addHsts', { host: host.host })];
  const laterHops = (host.https?.hops ?? []).slice(1).filter((hop) => headerValues(hop, 'strict-transport-security').length > 0);
  const base = { url: first.hop.url, httpStatus: first.hop.status, headers: values, laterHopsWithHsts: laterHops.map((hop) => hop.url) };
  const [header] = values;
  if (header === undefined) {
    return hostVerdict(host.host, 'fail', laterHops.length > 0 ? 'missingOnFirst' : 'missing', {}, add, base);
  }
  const policy = parseHsts(header);
  const evidence = { ...base, ...policy };
  if (policy.invalid !== undefined || policy.maxAge === undefined) {
    return hostVerdict(host.host, 'fail', 'invalid', { reason: policy.invalid ?? 'max-age is missing' }, add, evidence);
  }
  if (policy.maxAge === 0) return hostVerdict(host.host, 'fail', 'zero', {}, add, evidence);
  const days = Math.floor(policy.maxAge / 86_400);
  if (policy.maxAge < ONE_YEAR) {
    return hostVerdict(host.host, 'warn', 'short', { count: days }, [msg('raiseMaxAge', { host: host.host, count: days })], evidence);
  }
  return hostVerdict(host.host, 'pass', 'pass', { count: days }, [], evidence);
}

export const hsts: Check = {
  id: 'web.hsts',
  texts: withCommonTexts({
    en: {
      title: 'HSTS (always use HTTPS)',
      verifies:
        'The first HTTPS answer carries a Strict-Transport-Security header of at least one year, so browsers never again try the unencrypted version of the site.',
      pass_one: '{{host}} tells browsers to use only HTTPS for {{count}} day (HSTS).',
      pass_other: '{{host}} tells browsers to use only HTTPS for {{count}} days (HSTS).',
      short_one: '{{host}} tells browsers to use only HTTPS for just {{count}} day; at least 365 days is recommended.',
      short_other: '{{host}} tells browsers to use only HTTPS for just {{count}} days; at least 365 days is recommended.',
      missing: '{{host}} does not send an HSTS header, so browsers may still try the unencrypted connection, where traffic can be intercepted.',
      missingOnFirst:
        'The first HTTPS answer of {{host}} has no HSTS header (only a later page has it), so a visitor who never gets past the first answer is not protected.',
      zero: 'The HSTS header of {{host}} has max-age=0, which switches the protection off.',
      invalid: 'The HSTS header of {{host}} is invalid ({{reason}}), so browsers ignore it.',
      addHsts:
        'Send the header Strict-Transport-Security: max-age=31536000 on every HTTPS answer of {{host}}, redirects included. Many hosting panels and CMS security plugins have an HSTS option; in nginx use add_header Strict-Transport-Security "max-age=31536000" always; and in Apache Header always set Strict-Transport-Security "max-age=31536000".',
      raiseMaxAge_one: 'Raise max-age in the Strict-Transport-Security header of {{host}} to at least 31536000 (one year); it is now {{count}} day. Start lower only while you are still testing HTTPS.',
      raiseMaxAge_other: 'Raise max-age in the Strict-Transport-Security header of {{host}} to at least 31536000 (one year); it is now {{count}} days. Start lower only while you are still testing HTTPS.',
    },
    nl: {
      title: 'HSTS (altijd HTTPS gebruiken)',
      verifies:
        'Het eerste HTTPS-antwoord bevat een Strict-Transport-Security-header van minstens een jaar, zodat browsers nooit meer de onversleutelde versie van de site proberen.',
      pass_one: '{{host}} vraagt browsers om {{count}} dag lang alleen HTTPS te gebruiken (HSTS).',
      pass_other: '{{host}} vraagt browsers om {{count}} dagen lang alleen HTTPS te gebruiken (HSTS).',
      short_one: '{{host}} vraagt browsers om maar {{count}} dag lang alleen HTTPS te gebruiken; minstens 365 dagen wordt aangeraden.',
      short_other: '{{host}} vraagt browsers om maar {{count}} dagen lang alleen HTTPS te gebruiken; minstens 365 dagen wordt aangeraden.',
      missing: '{{host}} stuurt geen HSTS-header, dus browsers kunnen nog de onversleutelde verbinding proberen, waar verkeer kan worden onderschept.',
      missingOnFirst:
        'Het eerste HTTPS-antwoord van {{host}} heeft geen HSTS-header (alleen een latere pagina wel), dus een bezoeker die niet verder komt dan dat eerste antwoord is niet beschermd.',
      zero: 'De HSTS-header van {{host}} heeft max-age=0, en dat zet de bescherming juist uit.',
      invalid: 'De HSTS-header van {{host}} is ongeldig ({{reason}}), dus browsers negeren hem.',
      addHsts:
        'Stuur de header Strict-Transport-Security: max-age=31536000 mee met elk HTTPS-antwoord van {{host}}, ook met doorverwijzingen. Veel hostingpanelen en beveiligingsplugins voor uw CMS hebben een HSTS-optie; in nginx gebruikt u add_header Strict-Transport-Security "max-age=31536000" always; en in Apache Header always set Strict-Transport-Security "max-age=31536000".',
      raiseMaxAge_one: 'Verhoog max-age in de Strict-Transport-Security-header van {{host}} naar minstens 31536000 (één jaar); nu is het {{count}} dag. Begin alleen lager zolang u HTTPS nog aan het testen bent.',
      raiseMaxAge_other: 'Verhoog max-age in de Strict-Transport-Security-header van {{host}} naar minstens 31536000 (één jaar); nu is het {{count}} dagen. Begin alleen lager zolang u HTTPS nog aan het testen bent.',
    },
    sv: {
      title: 'HSTS (använd alltid HTTPS)',
      verifies:
        'Det första HTTPS-svaret har en Strict-Transport-Security-header på minst ett år, så att webbläsare aldrig mer försöker med den okrypterade versionen av webbplatsen.',
      pass_one: '{{host}} säger åt webbläsare att bara använda HTTPS i {{count}} dag (HSTS).',
      pass_other: '{{host}} säger åt webbläsare att bara använda HTTPS i {{count}} dagar (HSTS).',
      short_one: '{{host}} säger åt webbläsare att bara använda HTTPS i endast {{count}} dag; minst 365 dagar rekommenderas.',
      short_other: '{{host}} säger åt webbläsare att bara använda HTTPS i endast {{count}} dagar; minst 365 dagar rekommenderas.',
      missing: '{{host}} skickar ingen HSTS-header, så webbläsare kan fortfarande försöka med den okrypterade anslutningen, där trafiken kan avlyssnas.',
      missingOnFirst:
        'Det första HTTPS-svaret från {{host}} saknar HSTS-header (bara en senare sida har den), så en besökare som aldrig kommer förbi det första svaret är inte skyddad.',
      zero: 'HSTS-headern för {{host}} har max-age=0, vilket stänger av skyddet.',
      invalid: 'HSTS-headern för {{host}} är ogiltig ({{reason}}), så webbläsare ignorerar den.',
      addHsts:
        'Skicka headern Strict-Transport-Security: max-age=31536000 med varje HTTPS-svar från {{host}}, även omdirigeringar. Många kontrollpaneler och säkerhetstillägg för CMS har ett HSTS-alternativ; i nginx använder du add_header Strict-Transport-Security "max-age=31536000" always; och i Apache Header always set Strict-Transport-Security "max-age=31536000".',
      raiseMaxAge_one: 'Höj max-age i Strict-Transport-Security-headern för {{host}} till minst 31536000 (ett år); nu är det {{count}} dag. Börja bara lägre medan du fortfarande testar HTTPS.',
      raiseMaxAge_other: 'Höj max-age i Strict-Transport-Security-headern för {{host}} till minst 31536000 (ett år); nu är det {{count}} dagar. Börja bara lägre medan du fortfarande testar HTTPS.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
