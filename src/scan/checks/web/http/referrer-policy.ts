/**
 * web.headers.referrer-policy: how much of the page address browsers pass on to
 * other sites. Per the Referrer Policy standard the header is a comma list and the
 * last value the browser recognises wins (unknown values are fallbacks for old ones).
 * Without a header, browsers use strict-origin-when-cross-origin.
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { finalHttpsResponse, headerValues, hostVerdict, judgeEachHost, type HostVerdict } from './hosts.js';

const GOOD = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);
const LOOSE = new Set(['origin', 'origin-when-cross-origin']);
const BAD = new Set(['unsafe-url', 'no-referrer-when-downgrade']);

export function effectiveReferrerPolicy(values: string[]): string | undefined {
  let policy: string | undefined;
  for (const token of values.flatMap((value) => value.split(','))) {
    const candidate = token.trim().toLowerCase();
    if (GOOD.has(candidate) || LOOSE.has(candidate) || BAD.has(candidate)) policy = candidate;
  }
  return policy;
}

function judge(host: WebHostEvidence): HostVerdict {
  const response = finalHttpsResponse(host);
  if (!('hop' in response)) return response;
  const values = headerValues(response.hop, 'referrer-policy');
  const policy = effectiveReferrerPolicy(values);
  const evidence = { url: response.hop.url, values, effective: policy };
  const advice = [msg('setPolicy', { host: host.host })];
  if (policy === undefined) {
    return hostVerdict(host.host, 'warn', values.length > 0 ? 'unrecognised' : 'missing', {}, advice, evidence);
  }
  if (GOOD.has(policy)) return hostVerdict(host.host, 'pass', 'pass', { policy }, [], evidence);
  if (LOOSE.has(policy)) return hostVerdict(host.host, 'warn', 'loose', { policy }, advice, evidence);
  return hostVerdict(host.host, 'fail', 'leaky', { policy }, advice, evidence);
}

export const referrerPolicy: Check = {
  id: 'web.headers.referrer-policy',
  texts: withCommonTexts({
    en: {
      title: 'Referrer-Policy',
      verifies:
        'The site limits what browsers tell other sites about the page a visitor came from, so addresses with order numbers or search terms do not leak to outside services.',
      pass: '{{host}} uses the Referrer-Policy {{policy}}, which does not leak full page addresses to other sites.',
      loose: '{{host}} uses the Referrer-Policy {{policy}}, which still tells other sites your domain even when leaving HTTPS for an unencrypted site.',
      leaky: '{{host}} uses the Referrer-Policy {{policy}}, which gives other sites the full address of the page, including anything in it such as order numbers.',
      missing:
        '{{host}} sends no Referrer-Policy. Modern browsers then use strict-origin-when-cross-origin, which is fine, but older browsers may pass on full page addresses.',
      unrecognised: 'The Referrer-Policy header of {{host}} holds no value that browsers recognise, so it has no effect.',
      setPolicy:
        'Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer for the strictest setting) from {{host}}. Shop and CMS security plugins often have this setting; in nginx use add_header Referrer-Policy strict-origin-when-cross-origin always; and in Apache Header always set Referrer-Policy strict-origin-when-cross-origin.',
    },
    nl: {
      title: 'Referrer-Policy',
      verifies:
        'De site beperkt wat browsers aan andere sites vertellen over de pagina waar een bezoeker vandaan kwam, zodat adressen met ordernummers of zoektermen niet uitlekken naar externe diensten.',
      pass: '{{host}} gebruikt de Referrer-Policy {{policy}}, die geen volledige paginaadressen aan andere sites doorgeeft.',
      loose: '{{host}} gebruikt de Referrer-Policy {{policy}}, die andere sites nog steeds uw domein vertelt, ook bij het verlaten van HTTPS naar een onversleutelde site.',
      leaky: '{{host}} gebruikt de Referrer-Policy {{policy}}, die andere sites het volledige adres van de pagina geeft, inclusief wat erin staat, zoals ordernummers.',
      missing:
        '{{host}} stuurt geen Referrer-Policy. Moderne browsers gebruiken dan strict-origin-when-cross-origin, en dat is prima, maar oudere browsers kunnen volledige paginaadressen doorgeven.',
      unrecognised: 'De Referrer-Policy-header van {{host}} bevat geen waarde die browsers herkennen, dus hij heeft geen effect.',
      setPolicy:
        'Laat {{host}} Referrer-Policy: strict-origin-when-cross-origin sturen (of no-referrer voor de strengste instelling). Beveiligingsplugins voor uw winkel of CMS hebben vaak deze instelling; in nginx gebruikt u add_header Referrer-Policy strict-origin-when-cross-origin always; en in Apache Header always set Referrer-Policy strict-origin-when-cross-origin.',
    },
    sv: {
      title: 'Referrer-Policy',
      verifies:
        'Webbplatsen begränsar vad webbläsare berättar för andra webbplatser om sidan som besökaren kom från, så att adresser med ordernummer eller sökord inte läcker till externa tjänster.',
      pass: '{{host}} använder Referrer-Policy {{policy}}, som inte lämnar ut fullständiga sidadresser till andra webbplatser.',
      loose: '{{host}} använder Referrer-Policy {{policy}}, som fortfarande berättar din domän för andra webbplatser, även när besökaren lämnar HTTPS för en okrypterad webbplats.',
      leaky: '{{host}} använder Referrer-Policy {{policy}}, som ger andra webbplatser sidans fullständiga adress, inklusive sådant som ordernummer.',
      missing:
        '{{host}} skickar ingen Referrer-Policy. Moderna webbläsare använder då strict-origin-when-cross-origin, vilket är bra, men äldre webbläsare kan lämna ut fullständiga sidadresser.',
      unrecognised: 'Referrer-Policy-headern för {{host}} innehåller inget värde som webbläsare känner igen, så den har ingen effekt.',
      setPolicy:
        'Låt {{host}} skicka Referrer-Policy: strict-origin-when-cross-origin (eller no-referrer för den striktaste inställningen). Säkerhetstillägg för butiken eller ditt CMS har ofta den inställningen; i nginx använder du add_header Referrer-Policy strict-origin-when-cross-origin always; och i Apache Header always set Referrer-Policy strict-origin-when-cross-origin.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
