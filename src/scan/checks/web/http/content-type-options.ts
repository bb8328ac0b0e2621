/**
 * web.headers.content-type-options: X-Content-Type-Options: nosniff, so browsers do
 * not guess a file's type (an uploaded "image" run as a script). Per the Fetch
 * standard only the first value counts, as internet.nl also reads it.
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { finalHttpsResponse, headerValues, hostVerdict, judgeEachHost, type HostVerdict } from './hosts.js';

function judge(host: WebHostEvidence): HostVerdict {
  const response = finalHttpsResponse(host);
  if (!('hop' in response)) return response;
  const values = headerValues(response.hop, 'x-content-type-options');
  const first = values.flatMap((value) => value.split(','))[0]?.trim();
  const evidence = { url: response.hop.url, values };
  if (first?.toLowerCase() === 'nosniff') return hostVerdict(host.host, 'pass', 'pass', {}, [], evidence);
  const advice = [msg('addNosniff', { host: host.host })];
  if (first === undefined || first === '') return hostVerdict(host.host, 'fail', 'missing', {}, advice, evidence);
  return hostVerdict(host.host, 'fail', 'invalid', { value: first }, advice, evidence);
}

export const contentTypeOptions: Check = {
  id: 'web.headers.content-type-options',
  texts: withCommonTexts({
    en: {
      title: 'X-Content-Type-Options',
      verifies:
        'The site sends X-Content-Type-Options: nosniff, so browsers do not guess what kind of file they receive and cannot be tricked into running, say, an uploaded image as a script.',
      pass: '{{host}} sends X-Content-Type-Options: nosniff.',
      missing: '{{host}} does not send X-Content-Type-Options: nosniff, so browsers may guess file types and run a disguised file as a script.',
      invalid: 'The X-Content-Type-Options header of {{host}} has the value "{{value}}"; only nosniff has any effect.',
      addNosniff:
        'Send X-Content-Type-Options: nosniff with every answer of {{host}}. Security plugins for your shop or CMS often add it; in nginx use add_header X-Content-Type-Options nosniff always; and in Apache Header always set X-Content-Type-Options nosniff.',
    },
    nl: {
      title: 'X-Content-Type-Options',
      verifies:
        'De site stuurt X-Content-Type-Options: nosniff, zodat browsers niet gaan raden wat voor bestand ze ontvangen en niet kunnen worden verleid om bijvoorbeeld een geüploade afbeelding als script uit te voeren.',
      pass: '{{host}} stuurt X-Content-Type-Options: nosniff.',
      missing: '{{host}} stuurt geen X-Content-Type-Options: nosniff, dus browsers kunnen het bestandstype raden en een vermomd bestand als script uitvoeren.',
      invalid: 'De X-Content-Type-Options-header van {{host}} heeft de waarde "{{value}}"; alleen nosniff heeft effect.',
      addNosniff:
        'Stuur X-Content-Type-Options: nosniff mee met elk antwoord van {{host}}. Beveiligingsplugins voor uw winkel of CMS voegen hem vaak toe; in nginx gebruikt u add_header X-Content-Type-Options nosniff always; en in Apache Header always set X-Content-Type-Options nosniff.',
    },
    sv: {
      title: 'X-Content-Type-Options',
      verifies:
        'Webbplatsen skickar X-Content-Type-Options: nosniff, så att webbläsare inte gissar vilken sorts fil de får och inte kan luras att köra till exempel en uppladdad bild som ett skript.',
      pass: '{{host}} skickar X-Content-Type-Options: nosniff.',
      missing: '{{host}} skickar inte X-Content-Type-Options: nosniff, så webbläsare kan gissa filtyper och köra en förklädd fil som skript.',
      invalid: 'X-Content-Type-Options-headern för {{host}} har värdet "{{value}}"; bara nosniff har någon effekt.',
      addNosniff:
        'Skicka X-Content-Type-Options: nosniff med varje svar från {{host}}. Säkerhetstillägg för butiken eller ditt CMS lägger ofta till den; i nginx använder du add_header X-Content-Type-Options nosniff always; och i Apache Header always set X-Content-Type-Options nosniff.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
