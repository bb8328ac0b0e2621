/**
 * web.https.available: the site answers over HTTPS with a completed TLS handshake.
 * Certificate trust and TLS settings are judged by the web.tls.* and web.cert.* checks.
 */
import { msg, type Check } from '../../../check.js';
import type { WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { UNREADABLE, hostVerdict, judgeEachHost, unreachable, type HostVerdict } from './hosts.js';

function judge(host: WebHostEvidence): HostVerdict {
  const missing = unreachable(host, host.https ?? host.tls);
  if (missing) return missing;
  const first = host.https?.hops[0];
  const evidence = {
    address: first?.address ?? host.tls?.address,
    httpStatus: first?.status,
    protocol: first?.tls?.protocol ?? host.tls?.handshake.protocol,
    handshake: host.tls?.handshake.ok,
    error: first?.error?.message ?? host.tls?.handshake.error,
  };
  if (first?.status !== undefined) {
    return hostVerdict(host.host, 'pass', 'pass', { protocol: evidence.protocol ?? 'TLS' }, [], evidence);
  }
  // Not "did not answer": it answered with more header bytes than browsers accept (256 KB), so they show an error page.
  if (first?.error?.kind === 'headers-too-large') {
    return hostVerdict(host.host, 'warn', 'headersTooLarge', { reason: first.error.message }, [msg('shrinkHeaders', { host: host.host })], evidence);
  }
  if (host.tls?.handshake.ok) {
    const reason = first?.error?.message ?? 'no response';
    return hostVerdict(host.host, 'pass', 'passHandshakeOnly', { reason }, [], evidence);
  }
  if (first?.error?.kind === 'refused-private') return hostVerdict(host.host, 'skip', 'refused');
  const reason = first?.error?.message ?? host.tls?.handshake.error ?? host.tls?.error ?? 'no response';
  if (first?.error && UNREADABLE.has(first.error.kind)) {
    return hostVerdict(host.host, 'error', 'unanswered', { reason }, [msg('checkServer', { host: host.host })], evidence);
  }
  if (first?.error?.kind === 'tls') {
    return hostVerdict(host.host, 'fail', 'failHandshake', { reason }, [msg('fixHandshake', { host: host.host })], evidence);
  }
  return hostVerdict(host.host, 'fail', 'failClosed', { reason }, [msg('enableHttps', { host: host.host })], evidence);
}

export const httpsAvailable: Check = {
  id: 'web.https.available',
  texts: withCommonTexts({
    en: {
      title: 'HTTPS available',
      verifies: 'The website answers over HTTPS, the encrypted connection that keeps passwords, addresses and payment details private.',
      pass: '{{host}} answers over HTTPS ({{protocol}}).',
      passHandshakeOnly: '{{host}} completes the secure HTTPS connection, but the web page itself did not answer ({{reason}}).',
      failClosed: '{{host}} does not answer over HTTPS ({{reason}}), so visitors can only use an unencrypted connection.',
      failHandshake: 'The secure HTTPS connection to {{host}} fails ({{reason}}), so browsers show an error instead of the shop.',
      headersTooLarge: '{{host}} answers over HTTPS, but its response headers are too large ({{reason}}), so browsers show an error instead of the shop.',
      shrinkHeaders:
        'Find what makes the response headers of {{host}} so large: usually many or very large cookies, or a plugin that adds a header on every request. Remove what is not needed; ask your hosting provider or developer if you cannot find it.',
      unanswered: '{{host}} accepts connections on the HTTPS port but gave no usable answer ({{reason}}), so Weerbaar could not tell whether HTTPS works.',
      checkServer:
        'Open https://{{host}}/ in a browser. If it hangs or shows an error, the web server or a firewall in front of it is misbehaving: ask your hosting provider to look at it.',
      enableHttps:
        "Turn on HTTPS for {{host}}. Most hosting control panels have a switch for it that also installs a free certificate (for example from Let's Encrypt). If yours does not, ask your hosting provider to enable HTTPS.",
      fixHandshake:
        'The encrypted connection to {{host}} starts but breaks off. Check in your hosting control panel that HTTPS is switched on and a valid certificate is installed for exactly this name, or ask your hosting provider.',
    },
    nl: {
      title: 'HTTPS beschikbaar',
      verifies: 'De website antwoordt via HTTPS, de versleutelde verbinding die wachtwoorden, adressen en betaalgegevens afschermt.',
      pass: '{{host}} antwoordt via HTTPS ({{protocol}}).',
      passHandshakeOnly: '{{host}} maakt de beveiligde HTTPS-verbinding, maar de webpagina zelf gaf geen antwoord ({{reason}}).',
      failClosed: '{{host}} antwoordt niet via HTTPS ({{reason}}), dus bezoekers kunnen alleen een onversleutelde verbinding gebruiken.',
      failHandshake: 'De beveiligde HTTPS-verbinding met {{host}} mislukt ({{reason}}), dus browsers tonen een foutmelding in plaats van de winkel.',
      headersTooLarge: '{{host}} antwoordt via HTTPS, maar de antwoordheaders zijn te groot ({{reason}}), dus browsers tonen een foutmelding in plaats van de winkel.',
      shrinkHeaders:
        'Zoek uit waardoor de antwoordheaders van {{host}} zo groot zijn: meestal veel of heel grote cookies, of een plugin die bij elk verzoek een header toevoegt. Haal weg wat niet nodig is; vraag uw hostingprovider of ontwikkelaar als u het niet vindt.',
      unanswered: '{{host}} neemt verbindingen aan op de HTTPS-poort maar gaf geen bruikbaar antwoord ({{reason}}), dus Weerbaar kon niet vaststellen of HTTPS werkt.',
      checkServer:
        'Open https://{{host}}/ in een browser. Blijft die hangen of krijgt u een foutmelding, dan doet de webserver of een firewall ervoor het niet goed: vraag uw hostingprovider om ernaar te kijken.',
      enableHttps:
        "Zet HTTPS aan voor {{host}}. In de meeste hostingpanelen is daar een schakelaar voor die meteen een gratis certificaat installeert (bijvoorbeeld van Let's Encrypt). Lukt dat niet, vraag dan uw hostingprovider om HTTPS aan te zetten.",
      fixHandshake:
        'De versleutelde verbinding met {{host}} begint wel, maar breekt af. Controleer in uw hostingpaneel of HTTPS aanstaat en er een geldig certificaat voor precies deze naam is geïnstalleerd, of vraag het uw hostingprovider.',
    },
    sv: {
      title: 'HTTPS tillgängligt',
      verifies: 'Webbplatsen svarar över HTTPS, den krypterade anslutningen som skyddar lösenord, adresser och betaluppgifter.',
      pass: '{{host}} svarar över HTTPS ({{protocol}}).',
      passHandshakeOnly: '{{host}} upprättar den säkra HTTPS-anslutningen, men själva webbsidan svarade inte ({{reason}}).',
      failClosed: '{{host}} svarar inte över HTTPS ({{reason}}), så besökarna kan bara använda en okrypterad anslutning.',
      failHandshake: 'Den säkra HTTPS-anslutningen till {{host}} misslyckas ({{reason}}), så webbläsare visar ett felmeddelande i stället för butiken.',
      headersTooLarge: '{{host}} svarar över HTTPS, men svarshuvudena är för stora ({{reason}}), så webbläsare visar ett felmeddelande i stället för butiken.',
      shrinkHeaders:
        'Ta reda på vad som gör svarshuvudena från {{host}} så stora: oftast många eller mycket stora kakor, eller ett tillägg som lägger till ett huvud vid varje begäran. Ta bort det som inte behövs; fråga ditt webbhotell eller din utvecklare om du inte hittar det.',
      unanswered: '{{host}} tar emot anslutningar på HTTPS-porten men gav inget användbart svar ({{reason}}), så Weerbaar kunde inte avgöra om HTTPS fungerar.',
      checkServer:
        'Öppna https://{{host}}/ i en webbläsare. Om sidan hänger sig eller visar ett fel fungerar inte webbservern eller en brandvägg framför den som den ska: be ditt webbhotell att titta på det.',
      enableHttps:
        "Slå på HTTPS för {{host}}. I de flesta kontrollpaneler hos webbhotell finns ett reglage för det som också installerar ett gratis certifikat (till exempel från Let's Encrypt). Om ditt inte har det, be ditt webbhotell att slå på HTTPS.",
      fixHandshake:
        'Den krypterade anslutningen till {{host}} påbörjas men bryts. Kontrollera i webbhotellets kontrollpanel att HTTPS är påslaget och att ett giltigt certifikat är installerat för exakt det här namnet, eller fråga ditt webbhotell.',
    },
  }),
  run: (evidence) => judgeEachHost(evidence, judge),
};
