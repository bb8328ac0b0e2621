/**
 * web.headers.frame: other sites must not be able to show the shop in a frame
 * (clickjacking). CSP frame-ancestors wins over X-Frame-Options when both are sent;
 * X-Frame-Options is read the way the HTML standard does ("check a navigation
 * response's adherence to X-Frame-Options": conflicting values block framing).
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { frameAncestors, parseCspHeaders } from './csp-policy.js';
import { finalHttpsResponse, headerValues, hostVerdict, judgeEachHost, type HostVerdict } from './hosts.js';

function judge(host: WebHostEvidence): HostVerdict {
  const response = finalHttpsResponse(host);
  if (!('hop' in response)) return response;
  const { hop } = response;
  const xfoHeaders = headerValues(hop, 'x-frame-options');
  const ancestors = frameAncestors(parseCspHeaders(headerValues(hop, 'content-security-policy')));
  const values = [...new Set(xfoHeaders.flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase()).filter(Boolean))];
  const evidence = { url: hop.url, xFrameOptions: xfoHeaders, frameAncestors: ancestors };
  const add = [msg('addFrameProtection', { host: host.host })];

  if (ancestors === 'restricted') return hostVerdict(host.host, 'pass', 'passCsp', {}, [], evidence);
  if (ancestors === 'open') return hostVerdict(host.host, 'fail', 'cspOpen', {}, add, evidence);
  if (values.length === 0) return hostVerdict(host.host, 'fail', 'missing', {}, add, evidence);
  const [only] = values;
  if (values.length === 1 && (only === 'deny' || only === 'sameorigin')) {
    return hostVerdict(host.host, 'pass', 'pass', { value: only.toUpperCase() }, [], evidence);
  }
  if (values.length > 1 && values.some((value) => ['deny', 'sameorigin', 'allowall'].includes(value))) {
    return hostVerdict(host.host, 'pass', 'passConflicting', { values: xfoHeaders.join(', ') }, [msg('cleanUpXfo', { host: host.host })], evidence);
  }
  return hostVerdict(host.host, 'fail', 'invalid', { values: xfoHeaders.join(', ') }, add, evidence);
}

export const frame: Check = {
  id: 'web.headers.frame',
  texts: withCommonTexts({
    en: {
      title: 'Protection against framing (clickjacking)',
      verifies:
        'The site tells browsers that other websites may not show it inside a frame, which stops tricks where visitors click on a hidden copy of your shop.',
      pass: '{{host}} forbids framing by other sites (X-Frame-Options: {{value}}).',
      passCsp: '{{host}} forbids framing by other sites (Content-Security-Policy frame-ancestors).',
      passConflicting:
        '{{host}} sends conflicting X-Frame-Options values ({{values}}); browsers then block all framing, which is safe but probably not intended.',
      cspOpen: 'The frame-ancestors rule of {{host}} allows any site to show it in a frame, and browsers then ignore X-Frame-Options.',
      missing: '{{host}} does not forbid framing, so another site could show your shop hidden in a frame and trick visitors into clicking.',
      invalid: 'The X-Frame-Options header of {{host}} has a value browsers do not use ({{values}}), so framing is not forbidden.',
      addFrameProtection:
        "Send X-Frame-Options: SAMEORIGIN from {{host}}, or better, add frame-ancestors 'self' to its Content-Security-Policy. Security plugins for your shop or CMS often have this option; in nginx use add_header X-Frame-Options SAMEORIGIN always; and in Apache Header always set X-Frame-Options SAMEORIGIN.",
      cleanUpXfo:
        'Make {{host}} send X-Frame-Options only once, with a single value (DENY or SAMEORIGIN); it is probably set both in the web server and in the shop software.',
    },
    nl: {
      title: 'Bescherming tegen inbedden (clickjacking)',
      verifies:
        'De site vertelt browsers dat andere websites haar niet in een frame mogen tonen. Dat voorkomt trucs waarbij bezoekers op een verborgen kopie van uw winkel klikken.',
      pass: '{{host}} verbiedt inbedden door andere sites (X-Frame-Options: {{value}}).',
      passCsp: '{{host}} verbiedt inbedden door andere sites (Content-Security-Policy frame-ancestors).',
      passConflicting:
        '{{host}} stuurt tegenstrijdige X-Frame-Options-waarden ({{values}}); browsers blokkeren dan elk inbedden. Dat is veilig, maar waarschijnlijk niet zo bedoeld.',
      cspOpen: 'De frame-ancestors-regel van {{host}} staat elke site toe haar in een frame te tonen, en browsers negeren dan X-Frame-Options.',
      missing: '{{host}} verbiedt inbedden niet, dus een andere site kan uw winkel verborgen in een frame tonen en bezoekers ergens op laten klikken.',
      invalid: 'De X-Frame-Options-header van {{host}} heeft een waarde die browsers niet gebruiken ({{values}}), dus inbedden is niet verboden.',
      addFrameProtection:
        "Laat {{host}} X-Frame-Options: SAMEORIGIN sturen, of beter: voeg frame-ancestors 'self' toe aan de Content-Security-Policy. Beveiligingsplugins voor uw winkel of CMS hebben vaak deze optie; in nginx gebruikt u add_header X-Frame-Options SAMEORIGIN always; en in Apache Header always set X-Frame-Options SAMEORIGIN.",
      cleanUpXfo:
        'Laat {{host}} X-Frame-Options maar één keer sturen, met één waarde (DENY of SAMEORIGIN); waarschijnlijk staat hij zowel in de webserver als in de winkelsoftware ingesteld.',
    },
    sv: {
      title: 'Skydd mot inramning (clickjacking)',
      verifies:
        'Webbplatsen talar om för webbläsare att andra webbplatser inte får visa den i en ram. Det stoppar knep där besökare klickar på en dold kopia av din butik.',
      pass: '{{host}} förbjuder inramning från andra webbplatser (X-Frame-Options: {{value}}).',
      passCsp: '{{host}} förbjuder inramning från andra webbplatser (Content-Security-Policy frame-ancestors).',
      passConflicting:
        '{{host}} skickar motstridiga X-Frame-Options-värden ({{values}}); webbläsare blockerar då all inramning, vilket är säkert men troligen inte avsiktligt.',
      cspOpen: 'Regeln frame-ancestors för {{host}} låter vilken webbplats som helst visa den i en ram, och webbläsare ignorerar då X-Frame-Options.',
      missing: '{{host}} förbjuder inte inramning, så en annan webbplats kan visa din butik dold i en ram och lura besökare att klicka.',
      invalid: 'X-Frame-Options-headern för {{host}} har ett värde som webbläsare inte använder ({{values}}), så inramning är inte förbjuden.',
      addFrameProtection:
        "Låt {{host}} skicka X-Frame-Options: SAMEORIGIN, eller hellre: lägg till frame-ancestors 'self' i dess Content-Security-Policy. Säkerhetstillägg för butiken eller ditt CMS har ofta det alternativet; i nginx använder du add_header X-Frame-Options SAMEORIGIN always; och i Apache Header always set X-Frame-Options SAMEORIGIN.",
      cleanUpXfo:
        'Låt {{host}} skicka X-Frame-Options bara en gång, med ett enda värde (DENY eller SAMEORIGIN); den är troligen inställd både i webbservern och i butiksprogrammet.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
