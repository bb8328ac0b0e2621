/**
 * web.headers.csp: a Content-Security-Policy header that meets the rules of Mozilla's
 * HTTP Observatory and internet.nl (see csp-policy.ts for the rules and sources).
 * Every broken rule gets its own advice. Only the header counts: a <meta> policy is
 * noted, but it cannot set frame-ancestors and applies only after parsing starts.
 */
import { msg, type Check, type MessageRef } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { combinedFailures, metaPolicies, parseCspHeaders, type CspRule } from './csp-policy.js';
import { finalHttpsResponse, headerValues, headSeen, hostVerdict, incompleteReason, judgeEachHost, type HostVerdict } from './hosts.js';

const RULE_ADVICE: Record<CspRule, string> = {
  'script-src-missing': 'ruleScriptSrcMissing',
  'script-unsafe-inline': 'ruleUnsafeInline',
  'script-unsafe-eval': 'ruleUnsafeEval',
  'script-broad': 'ruleScriptBroad',
  'unsafe-elsewhere': 'ruleUnsafeElsewhere',
  'insecure-scheme': 'ruleInsecureScheme',
  'object-src': 'ruleObjectSrc',
  'default-src': 'ruleDefaultSrc',
  'base-uri': 'ruleBaseUri',
  'frame-ancestors': 'ruleFrameAncestors',
  'form-action': 'ruleFormAction',
};

function judge(host: WebHostEvidence): HostVerdict {
  const response = finalHttpsResponse(host);
  if (!('hop' in response)) return response;
  const { hop, chain } = response;
  const headers = headerValues(hop, 'content-security-policy');
  const reportOnly = headerValues(hop, 'content-security-policy-report-only');
  const meta = metaPolicies(chain.body);
  const policies = parseCspHeaders(headers);
  const base = { url: hop.url, headers, reportOnly, meta };
  const add = msg('addCsp', { host: host.host });

  if (policies.length === 0) {
    if (headers.length > 0) return hostVerdict(host.host, 'fail', 'invalid', {}, [add], base);
    if (reportOnly.length > 0) return hostVerdict(host.host, 'fail', 'reportOnly', {}, [msg('enforceReportOnly', { host: host.host })], base);
    if (meta.length > 0) return hostVerdict(host.host, 'fail', 'metaOnly', {}, [msg('metaToHeader', { host: host.host })], base);
    // A <meta> policy may sit in the part of the <head> that never arrived: no header, but not "none at all".
    const incomplete = incompleteReason(chain);
    if (incomplete && !headSeen(chain.body)) return hostVerdict(host.host, 'fail', 'noHeaderHeadUnread', { reason: incomplete }, [add], { ...base, incomplete });
    return hostVerdict(host.host, 'fail', 'missing', {}, [add], base);
  }

  const failures = combinedFailures(policies);
  const evidence = {
    ...base,
    policies: policies.map((policy) => Object.fromEntries(policy.directives)),
    duplicates: [...new Set(policies.flatMap((policy) => policy.duplicates))],
    ...(policies.length > 1 ? { note: 'all policies are enforced; a rule counts as met when any policy meets it' } : {}),
    failures,
  };
  const advice: MessageRef[] = failures.map((failure) =>
    msg(RULE_ADVICE[failure.rule], { host: host.host, sources: failure.sources.join(' ') || '-' }),
  );
  const failed = failures.filter((failure) => failure.severity === 'fail').length;
  if (failed > 0) return hostVerdict(host.host, 'fail', 'failRules', { count: failures.length }, advice, evidence);
  if (failures.length > 0) return hostVerdict(host.host, 'warn', 'warnRules', { count: failures.length }, advice, evidence);
  return hostVerdict(host.host, 'pass', 'pass', {}, [], evidence);
}

export const csp: Check = {
  id: 'web.headers.csp',
  texts: withCommonTexts({
    en: {
      title: 'Content Security Policy',
      verifies:
        'The site sends a strict Content-Security-Policy header: a list of where scripts and other content may come from, which blunts attacks that inject code into the shop (for example to steal card details).',
      pass: '{{host}} has a strict Content Security Policy.',
      warnRules_one: '{{host}} has a Content Security Policy, but {{count}} recommended rule is not met.',
      warnRules_other: '{{host}} has a Content Security Policy, but {{count}} recommended rules are not met.',
      failRules_one: 'The Content Security Policy of {{host}} breaks {{count}} rule and does not stop injected scripts well enough.',
      failRules_other: 'The Content Security Policy of {{host}} breaks {{count}} rules and does not stop injected scripts well enough.',
      noHeaderHeadUnread: '{{host}} sends no Content-Security-Policy header, so nothing limits which scripts may run if code is injected (the page itself did not arrive whole, {{reason}}, so a policy inside it could not be read).',
      missing: '{{host}} sends no Content Security Policy, so nothing limits which scripts may run if someone manages to inject code.',
      reportOnly: '{{host}} only has a Content-Security-Policy-Report-Only header: it reports problems but blocks nothing.',
      metaOnly: '{{host}} sets its Content Security Policy only inside the page (a meta tag), not as a header; a meta tag cannot stop framing and takes effect late.',
      invalid: 'The Content-Security-Policy header of {{host}} contains no valid rules, so browsers ignore it.',
      addCsp:
        "Add a Content-Security-Policy header to {{host}}. A good start is: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'. Then add the outside services your shop really uses (payment provider, analytics). Try it first as Content-Security-Policy-Report-Only. Shop systems and CMS security plugins often have a CSP setting; otherwise set it in the web server (nginx add_header, Apache Header set).",
      enforceReportOnly:
        'When the reports for {{host}} show that nothing important would break, rename the header Content-Security-Policy-Report-Only to Content-Security-Policy so the policy is actually enforced.',
      metaToHeader:
        'Send the policy of {{host}} as a Content-Security-Policy HTTP header as well, set in the web server, the hosting panel or a CMS security plugin.',
      ruleScriptSrcMissing:
        "The policy of {{host}} has no script-src or default-src, so scripts from anywhere may run. Add script-src 'self' plus the few outside addresses your shop really needs.",
      ruleUnsafeInline:
        "Remove 'unsafe-inline' from the script sources of {{host}}: it lets injected scripts run. Move inline scripts into files, or give them a nonce or hash (a one-time code or fingerprint); many CMS security plugins can do this.",
      ruleUnsafeEval:
        "Remove 'unsafe-eval' from the script sources of {{host}}: it lets scripts turn text into code. If a plugin needs it, ask its maker for a version that does not.",
      ruleUnsafeElsewhere:
        "The policy of {{host}} allows {{sources}} outside the script sources (for example in style-src). Injected styles can then read and leak page content. Move inline styles into style sheet files, or give them a nonce or hash; CMS security plugins can often do this.",
      ruleScriptBroad:
        'The script sources of {{host}} allow {{sources}}, which means scripts from almost anywhere. Name the exact addresses instead, such as https://pay.example.',
      ruleInsecureScheme:
        'The policy of {{host}} allows loading over unencrypted HTTP ({{sources}}). Use only https:// addresses.',
      ruleObjectSrc:
        "Add object-src 'none' to the policy of {{host}}: old browser plug-ins such as Flash or Java are not needed and could run code.",
      ruleDefaultSrc:
        "Start the policy of {{host}} with a strict default-src, such as default-src 'self', so anything not named elsewhere only loads from your own site.",
      ruleBaseUri:
        "Add base-uri 'self' (or 'none') to the policy of {{host}}, so injected code cannot change the base address that the page's links and scripts are loaded from.",
      ruleFrameAncestors:
        "Add frame-ancestors 'self' (or 'none') to the policy of {{host}}, so other sites cannot show your shop inside a frame to trick visitors into clicking.",
      ruleFormAction:
        "Add form-action 'self' (plus your payment provider if forms post there) to the policy of {{host}}, so injected forms cannot send data such as passwords elsewhere.",
    },
    nl: {
      title: 'Content Security Policy',
      verifies:
        'De site stuurt een strikte Content-Security-Policy-header: een lijst van waar scripts en andere inhoud vandaan mogen komen. Dat maakt aanvallen die code in de winkel injecteren (bijvoorbeeld om kaartgegevens te stelen) veel minder effectief.',
      pass: '{{host}} heeft een strikte Content Security Policy.',
      warnRules_one: '{{host}} heeft een Content Security Policy, maar {{count}} aanbevolen regel wordt niet gevolgd.',
      warnRules_other: '{{host}} heeft een Content Security Policy, maar {{count}} aanbevolen regels worden niet gevolgd.',
      failRules_one: 'De Content Security Policy van {{host}} overtreedt {{count}} regel en houdt geïnjecteerde scripts onvoldoende tegen.',
      failRules_other: 'De Content Security Policy van {{host}} overtreedt {{count}} regels en houdt geïnjecteerde scripts onvoldoende tegen.',
      noHeaderHeadUnread: '{{host}} stuurt geen Content-Security-Policy-header, dus niets beperkt welke scripts mogen draaien als er code wordt binnengesmokkeld (de pagina zelf kwam niet volledig binnen, {{reason}}, dus een beleid daarin kon niet worden gelezen).',
      missing: '{{host}} stuurt geen Content Security Policy, dus niets beperkt welke scripts mogen draaien als iemand erin slaagt code te injecteren.',
      reportOnly: '{{host}} heeft alleen een Content-Security-Policy-Report-Only-header: die meldt problemen, maar blokkeert niets.',
      metaOnly: '{{host}} zet de Content Security Policy alleen in de pagina zelf (een meta-tag) en niet als header; een meta-tag kan inbedden in frames niet tegenhouden en werkt pas laat.',
      invalid: 'De Content-Security-Policy-header van {{host}} bevat geen geldige regels, dus browsers negeren hem.',
      addCsp:
        "Voeg een Content-Security-Policy-header toe aan {{host}}. Een goed begin is: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'. Voeg daarna de externe diensten toe die uw winkel echt gebruikt (betaalprovider, statistieken). Probeer het eerst als Content-Security-Policy-Report-Only. Winkelsystemen en beveiligingsplugins voor uw CMS hebben vaak een CSP-instelling; anders stelt u het in de webserver in (nginx add_header, Apache Header set).",
      enforceReportOnly:
        'Als de meldingen voor {{host}} laten zien dat er niets belangrijks stukgaat, hernoem dan de header Content-Security-Policy-Report-Only naar Content-Security-Policy, zodat het beleid ook echt wordt afgedwongen.',
      metaToHeader:
        'Stuur het beleid van {{host}} ook als HTTP-header Content-Security-Policy mee, in te stellen in de webserver, het hostingpaneel of een beveiligingsplugin voor uw CMS.',
      ruleScriptSrcMissing:
        "Het beleid van {{host}} heeft geen script-src of default-src, dus scripts van overal mogen draaien. Voeg script-src 'self' toe, plus de paar externe adressen die uw winkel echt nodig heeft.",
      ruleUnsafeInline:
        "Haal 'unsafe-inline' weg uit de scriptbronnen van {{host}}: daarmee kunnen geïnjecteerde scripts draaien. Zet inline scripts in aparte bestanden of geef ze een nonce of hash (een eenmalige code of vingerafdruk); veel beveiligingsplugins voor CMS'en kunnen dat.",
      ruleUnsafeEval:
        "Haal 'unsafe-eval' weg uit de scriptbronnen van {{host}}: daarmee kunnen scripts tekst omzetten in code. Heeft een plugin het nodig, vraag de maker dan om een versie zonder.",
      ruleUnsafeElsewhere:
        "Het beleid van {{host}} staat {{sources}} toe buiten de scriptbronnen (bijvoorbeeld in style-src). Geïnjecteerde stijlen kunnen dan pagina-inhoud uitlezen en doorlekken. Zet inline stijlen in stijlbestanden, of geef ze een nonce of hash; CMS-beveiligingsplugins kunnen dat vaak.",
      ruleScriptBroad:
        'De scriptbronnen van {{host}} staan {{sources}} toe, en dat betekent scripts van vrijwel overal. Noem in plaats daarvan de precieze adressen, zoals https://pay.example.',
      ruleInsecureScheme:
        'Het beleid van {{host}} staat laden via onversleuteld HTTP toe ({{sources}}). Gebruik alleen https://-adressen.',
      ruleObjectSrc:
        "Voeg object-src 'none' toe aan het beleid van {{host}}: oude browserplugins zoals Flash of Java zijn niet nodig en kunnen code uitvoeren.",
      ruleDefaultSrc:
        "Begin het beleid van {{host}} met een strikte default-src, zoals default-src 'self', zodat alles wat nergens anders genoemd wordt alleen van uw eigen site komt.",
      ruleBaseUri:
        "Voeg base-uri 'self' (of 'none') toe aan het beleid van {{host}}, zodat geïnjecteerde code het basisadres waarvan links en scripts worden geladen niet kan veranderen.",
      ruleFrameAncestors:
        "Voeg frame-ancestors 'self' (of 'none') toe aan het beleid van {{host}}, zodat andere sites uw winkel niet in een frame kunnen tonen om bezoekers ergens op te laten klikken.",
      ruleFormAction:
        "Voeg form-action 'self' (plus uw betaalprovider als formulieren daarheen gaan) toe aan het beleid van {{host}}, zodat geïnjecteerde formulieren gegevens zoals wachtwoorden niet ergens anders heen kunnen sturen.",
    },
    sv: {
      title: 'Content Security Policy',
      verifies:
        'Webbplatsen skickar en strikt Content-Security-Policy-header: en lista över varifrån skript och annat innehåll får komma. Det gör attacker som smyger in kod i butiken (till exempel för att stjäla kortuppgifter) mycket mindre verksamma.',
      pass: '{{host}} har en strikt Content Security Policy.',
      warnRules_one: '{{host}} har en Content Security Policy, men {{count}} rekommenderad regel följs inte.',
      warnRules_other: '{{host}} har en Content Security Policy, men {{count}} rekommenderade regler följs inte.',
      failRules_one: 'Content Security Policy för {{host}} bryter mot {{count}} regel och stoppar inte inskjutna skript tillräckligt bra.',
      failRules_other: 'Content Security Policy för {{host}} bryter mot {{count}} regler och stoppar inte inskjutna skript tillräckligt bra.',
      noHeaderHeadUnread: '{{host}} skickar inget Content-Security-Policy-huvud, så inget begränsar vilka skript som får köras om kod smugglas in (själva sidan kom inte fram hel, {{reason}}, så en policy i den kunde inte läsas).',
      missing: '{{host}} skickar ingen Content Security Policy, så inget begränsar vilka skript som får köras om någon lyckas smyga in kod.',
      reportOnly: '{{host}} har bara en Content-Security-Policy-Report-Only-header: den rapporterar problem men blockerar ingenting.',
      metaOnly: '{{host}} anger sin Content Security Policy bara i själva sidan (en meta-tagg) och inte som header; en meta-tagg kan inte hindra inramning och börjar gälla sent.',
      invalid: 'Content-Security-Policy-headern för {{host}} innehåller inga giltiga regler, så webbläsare ignorerar den.',
      addCsp:
        "Lägg till en Content-Security-Policy-header för {{host}}. En bra början är: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'. Lägg sedan till de externa tjänster som butiken verkligen använder (betalleverantör, statistik). Prova först som Content-Security-Policy-Report-Only. Butikssystem och säkerhetstillägg för CMS har ofta en CSP-inställning; annars anger du den i webbservern (nginx add_header, Apache Header set).",
      enforceReportOnly:
        'När rapporterna för {{host}} visar att inget viktigt går sönder, byt namn på headern Content-Security-Policy-Report-Only till Content-Security-Policy så att policyn verkligen tillämpas.',
      metaToHeader:
        'Skicka även policyn för {{host}} som HTTP-headern Content-Security-Policy, inställd i webbservern, webbhotellets kontrollpanel eller ett säkerhetstillägg för ditt CMS.',
      ruleScriptSrcMissing:
        "Policyn för {{host}} saknar script-src och default-src, så skript varifrån som helst får köras. Lägg till script-src 'self' plus de få externa adresser som butiken verkligen behöver.",
      ruleUnsafeInline:
        "Ta bort 'unsafe-inline' från skriptkällorna för {{host}}: det låter inskjutna skript köras. Flytta inbäddade skript till filer eller ge dem en nonce eller hash (en engångskod eller ett fingeravtryck); många säkerhetstillägg för CMS kan göra det.",
      ruleUnsafeEval:
        "Ta bort 'unsafe-eval' från skriptkällorna för {{host}}: det låter skript göra om text till kod. Om ett tillägg behöver det, be tillverkaren om en version utan.",
      ruleUnsafeElsewhere:
        "Policyn för {{host}} tillåter {{sources}} utanför skriptkällorna (till exempel i style-src). Injicerade stilar kan då läsa och läcka sidans innehåll. Flytta inline-stilar till stilmallsfiler, eller ge dem en nonce eller hash; CMS-säkerhetstillägg kan ofta göra det.",
      ruleScriptBroad:
        'Skriptkällorna för {{host}} tillåter {{sources}}, vilket betyder skript från nästan var som helst. Ange de exakta adresserna i stället, till exempel https://pay.example.',
      ruleInsecureScheme:
        'Policyn för {{host}} tillåter laddning över okrypterad HTTP ({{sources}}). Använd bara https://-adresser.',
      ruleObjectSrc:
        "Lägg till object-src 'none' i policyn för {{host}}: gamla webbläsartillägg som Flash eller Java behövs inte och kan köra kod.",
      ruleDefaultSrc:
        "Börja policyn för {{host}} med en strikt default-src, till exempel default-src 'self', så att allt som inte nämns någon annanstans bara laddas från din egen webbplats.",
      ruleBaseUri:
        "Lägg till base-uri 'self' (eller 'none') i policyn för {{host}}, så att inskjuten kod inte kan ändra basadressen som sidans länkar och skript laddas från.",
      ruleFrameAncestors:
        "Lägg till frame-ancestors 'self' (eller 'none') i policyn för {{host}}, så att andra webbplatser inte kan visa din butik i en ram för att lura besökare att klicka.",
      ruleFormAction:
        "Lägg till form-action 'self' (plus din betalleverantör om formulär skickas dit) i policyn för {{host}}, så att inskjutna formulär inte kan skicka uppgifter som lösenord någon annanstans.",
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
