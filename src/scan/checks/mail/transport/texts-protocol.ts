/**
 * Mail wording for the protocol-level TLS checks (version, ciphers, cipher order, key
 * exchange, renegotiation). Keys and placeholders are those of the web twins' judgements
 * (src/scan/checks/web/tls); neutral sentences ("{{host}} accepts only ...") are taken
 * from the web twin, everything that speaks of browsers, visitors or nginx is said here.
 */
import type { Lang } from '../../../../core/lang.js';
import { POSTFIX_TLS, quoteConfig } from '../../web/tls/server-config.js';

/** Postfix lines per check, quoted the way every TLS advice quotes config (see server-config.ts). */
const POSTFIX = {
  protocols: quoteConfig(POSTFIX_TLS.protocols),
  ciphers: quoteConfig(POSTFIX_TLS.ciphers),
  cipherOrder: quoteConfig(POSTFIX_TLS.cipherOrder),
  curves: quoteConfig(POSTFIX_TLS.curves),
};

type MailTexts = Record<Lang, Record<string, string>>;

/** Where a mail server's TLS settings live, for advice texts. */
export const WHERE_MAIL_TLS_LIVES: Record<Lang, string> = {
  en: 'Postfix lines go in main.cf, replacing any line with the same name (or set each with postconf -e), followed by postfix reload; Exchange uses the Windows TLS settings (e.g. with IIS Crypto). If someone else runs your mail, ask them.',
  nl: 'Postfix-regels horen in main.cf, in plaats van een regel met dezelfde naam (of zet ze elk met postconf -e), gevolgd door postfix reload; Exchange gebruikt de TLS-instellingen van Windows (bijvoorbeeld met IIS Crypto). Beheert iemand anders uw mail, vraag het dan aan hen.',
  sv: 'Postfix-rader hör hemma i main.cf och ersätter en rad med samma namn (eller sätt var och en med postconf -e), följt av postfix reload; Exchange använder TLS-inställningarna i Windows (till exempel med IIS Crypto). Sköter någon annan din e-post, fråga dem.',
};

export const VERSION_TEXTS: MailTexts = {
  en: {
    title: 'TLS versions (mail)',
    verifies: 'Each mail server accepts only TLS 1.2 and TLS 1.3 over STARTTLS and refuses SSLv2, SSLv3, TLS 1.0 and TLS 1.1.',
    disableOld: `Turn off {{old}} on the mail server {{host}} (Postfix: ${POSTFIX.protocols}). ${WHERE_MAIL_TLS_LIVES.en}`,
    enable13: 'Turn on TLS 1.3 on the mail server {{host}} next to TLS 1.2: a current Postfix with OpenSSL 1.1.1 or newer does this by itself; on Exchange, update Windows Server.',
  },
  nl: {
    title: 'TLS-versies (mail)',
    verifies: 'Elke mailserver accepteert via STARTTLS alleen TLS 1.2 en TLS 1.3 en weigert SSLv2, SSLv3, TLS 1.0 en TLS 1.1.',
    disableOld: `Zet {{old}} uit op de mailserver {{host}} (Postfix: ${POSTFIX.protocols}). ${WHERE_MAIL_TLS_LIVES.nl}`,
    enable13: 'Zet TLS 1.3 aan op de mailserver {{host}}, naast TLS 1.2: een actuele Postfix met OpenSSL 1.1.1 of nieuwer doet dat vanzelf; werk bij Exchange Windows Server bij.',
  },
  sv: {
    title: 'TLS-versioner (e-post)',
    verifies: 'Varje e-postserver accepterar bara TLS 1.2 och TLS 1.3 över STARTTLS och vägrar SSLv2, SSLv3, TLS 1.0 och TLS 1.1.',
    disableOld: `Stäng av {{old}} på e-postservern {{host}} (Postfix: ${POSTFIX.protocols}). ${WHERE_MAIL_TLS_LIVES.sv}`,
    enable13: 'Slå på TLS 1.3 på e-postservern {{host}} vid sidan av TLS 1.2: en aktuell Postfix med OpenSSL 1.1.1 eller nyare gör det själv; på Exchange uppdaterar du Windows Server.',
  },
};

export const CIPHERS_TEXTS: MailTexts = {
  en: {
    title: 'TLS cipher suites (mail)',
    verifies: 'Each mail server accepts only cipher suites that the Dutch NCSC rates as good or sufficient: modern encryption with forward secrecy.',
    where: `To offer only good and sufficient suites over TLS 1.2 and older, Postfix: ${POSTFIX.ciphers}. Suites are named in OpenSSL's syntax: Postfix passes them to OpenSSL, which ignores the IANA names used above. ${WHERE_MAIL_TLS_LIVES.en}`,
    where13: '{{host}} also offers {{suites}} over TLS 1.3, which has its own list of suites, outside Postfix\'s cipher settings; OpenSSL\'s default list is good, so remove the Ciphersuites setting in the OpenSSL configuration that added these.',
  },
  nl: {
    title: 'TLS-cipher-suites (mail)',
    verifies: 'Elke mailserver accepteert alleen cipher suites die het Nederlandse NCSC goed of voldoende vindt: moderne versleuteling met forward secrecy.',
    where: `Om via TLS 1.2 en ouder alleen goede en voldoende suites aan te bieden, Postfix: ${POSTFIX.ciphers}. De suites staan in de schrijfwijze van OpenSSL: Postfix geeft ze door aan OpenSSL, dat de IANA-namen hierboven negeert. ${WHERE_MAIL_TLS_LIVES.nl}`,
    where13: '{{host}} biedt via TLS 1.3 ook {{suites}} aan; TLS 1.3 heeft een eigen lijst van suites, buiten de cipherinstellingen van Postfix. De standaardlijst van OpenSSL is goed, dus verwijder de Ciphersuites-instelling in de OpenSSL-configuratie die deze heeft toegevoegd.',
  },
  sv: {
    title: 'TLS-chiffersviter (e-post)',
    verifies: 'Varje e-postserver accepterar bara chiffersviter som nederländska NCSC bedömer som bra eller tillräckliga: modern kryptering med forward secrecy.',
    where: `För att bara erbjuda bra och tillräckliga sviter över TLS 1.2 och äldre, Postfix: ${POSTFIX.ciphers}. Sviterna skrivs som OpenSSL skriver dem: Postfix skickar dem vidare till OpenSSL, som ignorerar IANA-namnen ovan. ${WHERE_MAIL_TLS_LIVES.sv}`,
    where13: '{{host}} erbjuder också {{suites}} över TLS 1.3, som har en egen lista med sviter, utanför Postfix chifferinställningar; OpenSSL:s standardlista är bra, så ta bort Ciphersuites-inställningen i OpenSSL-konfigurationen som lade till dem.',
  },
};

export const CIPHER_ORDER_TEXTS: MailTexts = {
  en: {
    title: 'TLS cipher order (mail)',
    verifies: 'Each mail server chooses the cipher suite itself and prefers the better suites over those being phased out, so that sending servers get the strongest encryption both sides support.',
    clientOrder:
      '{{host}} lets the sending server choose the cipher suite, so a sender listing the phase-out suite {{chosen}} first gets it instead of the better {{expected}} ({{version}}).',
    noPhaseOutClientOrder:
      '{{host}} lets the sending server choose the cipher suite, but offers no suites that are being phased out next to its better ones ({{version}}), so there is no order to get wrong.',
    fixOrder: `Put the strongest cipher suites first on the mail server {{host}}; simplest is a list without phase-out suites, which no order can get wrong. Postfix: ${POSTFIX.cipherOrder}. ${WHERE_MAIL_TLS_LIVES.en}`,
    enforceOrder: `Make the mail server {{host}} choose the cipher suite itself, from a list without phase-out suites. Postfix: ${POSTFIX.cipherOrder}. ${WHERE_MAIL_TLS_LIVES.en}`,
  },
  nl: {
    title: 'Volgorde van TLS-cipher-suites (mail)',
    verifies: 'Elke mailserver kiest zelf de cipher suite en geeft de voorkeur aan betere suites boven suites die worden uitgefaseerd, zodat verzendende servers de sterkste versleuteling krijgen die beide kanten ondersteunen.',
    clientOrder:
      '{{host}} laat de verzendende server de cipher suite kiezen, dus een afzender die de uit te faseren suite {{chosen}} vooraan zet, krijgt die in plaats van de betere {{expected}} ({{version}}).',
    noPhaseOutClientOrder:
      '{{host}} laat de verzendende server de cipher suite kiezen, maar biedt naast de betere suites geen suites aan die worden uitgefaseerd ({{version}}), dus er is geen volgorde die fout kan gaan.',
    fixOrder: `Zet de sterkste cipher suites vooraan op de mailserver {{host}}; het eenvoudigst is een lijst zonder uit te faseren suites, die geen volgorde fout kan zetten. Postfix: ${POSTFIX.cipherOrder}. ${WHERE_MAIL_TLS_LIVES.nl}`,
    enforceOrder: `Laat de mailserver {{host}} zelf de cipher suite kiezen, uit een lijst zonder uit te faseren suites. Postfix: ${POSTFIX.cipherOrder}. ${WHERE_MAIL_TLS_LIVES.nl}`,
  },
  sv: {
    title: 'Ordning för TLS-chiffersviter (e-post)',
    verifies: 'Varje e-postserver väljer själv chiffersvit och föredrar de bättre sviterna framför dem som fasas ut, så att avsändande servrar får den starkaste kryptering som båda sidor stöder.',
    clientOrder:
      '{{host}} låter den avsändande servern välja chiffersvit, så en avsändare som sätter sviten {{chosen}}, som fasas ut, först får den i stället för den bättre {{expected}} ({{version}}).',
    noPhaseOutClientOrder:
      '{{host}} låter den avsändande servern välja chiffersvit, men erbjuder inga sviter som fasas ut vid sidan av sina bättre ({{version}}), så det finns ingen ordning som kan bli fel.',
    fixOrder: `Sätt de starkaste chiffersviterna först på e-postservern {{host}}; enklast är en lista utan sviter som fasas ut, som ingen ordning kan göra fel. Postfix: ${POSTFIX.cipherOrder}. ${WHERE_MAIL_TLS_LIVES.sv}`,
    enforceOrder: `Låt e-postservern {{host}} själv välja chiffersvit, ur en lista utan sviter som fasas ut. Postfix: ${POSTFIX.cipherOrder}. ${WHERE_MAIL_TLS_LIVES.sv}`,
  },
};

export const KEY_EXCHANGE_TEXTS: MailTexts = {
  en: {
    title: 'TLS key exchange (mail)',
    verifies: 'The temporary keys each mail server agrees with a sending server use strong elliptic curves or large enough standard Diffie-Hellman groups.',
    offGroups: `Turn off the elliptic curves {{groups}} on the mail server {{host}} and keep X25519, P-256 and P-384 (Postfix: ${POSTFIX.curves}), or ask your mail provider.`,
    fixDh:
      `The Diffie-Hellman group of the mail server {{host}} ({{dh}}) is too weak. Best is to turn off the DHE suites (anonymous ones included) and rely on ECDHE, with a cipher list without them (Postfix: ${POSTFIX.ciphers}); if you must keep DHE, point smtpd_tls_dh1024_param_file at the standard ffdhe3072 group (RFC 7919). Or ask your mail provider.`,
    phaseOutDh: `The DHE cipher suites of the mail server {{host}} (group {{dh}}) are being phased out: plan to turn them off and rely on ECDHE (Postfix: ${POSTFIX.ciphers}).`,
  },
  nl: {
    title: 'TLS-sleuteluitwisseling (mail)',
    verifies: 'De tijdelijke sleutels die elke mailserver met een verzendende server afspreekt, gebruiken sterke elliptische krommen of voldoende grote standaard-Diffie-Hellmangroepen.',
    offGroups: `Zet de elliptische krommen {{groups}} uit op de mailserver {{host}} en houd X25519, P-256 en P-384 aan (Postfix: ${POSTFIX.curves}), of vraag het uw mailprovider.`,
    fixDh:
      `De Diffie-Hellmangroep van de mailserver {{host}} ({{dh}}) is te zwak. Het beste is de DHE-suites (ook de anonieme) uit te zetten en op ECDHE te vertrouwen, met een cipherlijst zonder die suites (Postfix: ${POSTFIX.ciphers}); moet DHE blijven, laat smtpd_tls_dh1024_param_file dan naar de standaardgroep ffdhe3072 (RFC 7919) wijzen. Of vraag het uw mailprovider.`,
    phaseOutDh: `De DHE-cipher-suites van de mailserver {{host}} (groep {{dh}}) worden uitgefaseerd: plan ze uit te zetten en op ECDHE te vertrouwen (Postfix: ${POSTFIX.ciphers}).`,
  },
  sv: {
    title: 'TLS-nyckelutbyte (e-post)',
    verifies: 'De tillfälliga nycklar som varje e-postserver kommer överens om med en avsändande server använder starka elliptiska kurvor eller tillräckligt stora standardgrupper för Diffie-Hellman.',
    offGroups: `Stäng av de elliptiska kurvorna {{groups}} på e-postservern {{host}} och behåll X25519, P-256 och P-384 (Postfix: ${POSTFIX.curves}), eller fråga din e-postleverantör.`,
    fixDh:
      `Diffie-Hellman-gruppen för e-postservern {{host}} ({{dh}}) är för svag. Bäst är att stänga av DHE-sviterna (även de anonyma) och förlita dig på ECDHE, med en chifferlista utan dem (Postfix: ${POSTFIX.ciphers}); måste DHE finnas kvar, peka smtpd_tls_dh1024_param_file på standardgruppen ffdhe3072 (RFC 7919). Eller fråga din e-postleverantör.`,
    phaseOutDh: `DHE-chiffersviterna för e-postservern {{host}} (grupp {{dh}}) håller på att fasas ut: planera att stänga av dem och förlita dig på ECDHE (Postfix: ${POSTFIX.ciphers}).`,
  },
};

export const RENEGOTIATION_TEXTS: MailTexts = {
  en: {
    title: 'TLS renegotiation (mail)',
    verifies: 'Each mail server supports only secure renegotiation (RFC 5746) and does not let the sending side start renegotiations.',
    pass: '{{host}} supports secure renegotiation only and refuses renegotiations started by the sending side.',
    passPartial: '{{host}} supports secure renegotiation; whether it refuses renegotiations started by the sending side could not be tested ({{reason}}).',
    insecure: '{{host}} does not support secure renegotiation (RFC 5746), so an attacker could slip their own data in front of a sender\'s on the same encrypted connection.',
    clientInitiated: '{{host}} lets the sending side restart the encrypted handshake; each restart costs the server effort, which attackers can abuse to overload it.',
    fixInsecure: 'Update the mail server software or its TLS library (OpenSSL) on {{host}}: every version since 2010 supports secure renegotiation. If someone else runs your mail, ask them.',
    fixClientInitiated: 'Refuse client-initiated renegotiation on the mail server {{host}}: current Postfix versions with OpenSSL 1.1.1 or newer do this, so updating usually fixes it; otherwise ask your mail provider.',
  },
  nl: {
    title: 'TLS-heronderhandeling (mail)',
    verifies: 'Elke mailserver ondersteunt alleen veilige heronderhandeling (RFC 5746) en laat de verzendende kant niet zelf een heronderhandeling starten.',
    pass: '{{host}} ondersteunt alleen veilige heronderhandeling en weigert heronderhandelingen die de verzendende kant start.',
    passPartial: '{{host}} ondersteunt veilige heronderhandeling; of heronderhandelingen die de verzendende kant start worden geweigerd, kon niet worden getest ({{reason}}).',
    insecure: '{{host}} ondersteunt geen veilige heronderhandeling (RFC 5746), waardoor een aanvaller op dezelfde versleutelde verbinding eigen gegevens vóór die van een afzender kan plaatsen.',
    clientInitiated: '{{host}} laat de verzendende kant de versleutelde handshake opnieuw starten; elke herstart kost de server moeite, wat aanvallers kunnen misbruiken om hem te overbelasten.',
    fixInsecure: 'Werk de mailserversoftware of de TLS-bibliotheek (OpenSSL) op {{host}} bij: elke versie sinds 2010 ondersteunt veilige heronderhandeling. Beheert iemand anders uw mail, vraag het dan aan hen.',
    fixClientInitiated: 'Weiger heronderhandeling door de client op de mailserver {{host}}: actuele Postfix-versies met OpenSSL 1.1.1 of nieuwer doen dat, dus bijwerken lost het meestal op; vraag het anders aan uw mailprovider.',
  },
  sv: {
    title: 'TLS-omförhandling (e-post)',
    verifies: 'Varje e-postserver stöder bara säker omförhandling (RFC 5746) och låter inte den avsändande sidan starta omförhandlingar.',
    pass: '{{host}} stöder bara säker omförhandling och vägrar omförhandlingar som den avsändande sidan startar.',
    passPartial: '{{host}} stöder säker omförhandling; om den vägrar omförhandlingar som den avsändande sidan startar kunde inte testas ({{reason}}).',
    insecure: '{{host}} stöder inte säker omförhandling (RFC 5746), så en angripare kan smyga in egna data före en avsändares på samma krypterade anslutning.',
    clientInitiated: '{{host}} låter den avsändande sidan starta om den krypterade handskakningen; varje omstart kostar servern arbete, vilket angripare kan utnyttja för att överbelasta den.',
    fixInsecure: 'Uppdatera e-postserverns programvara eller dess TLS-bibliotek (OpenSSL) på {{host}}: alla versioner sedan 2010 stöder säker omförhandling. Sköter någon annan din e-post, fråga dem.',
    fixClientInitiated: 'Vägra klientinitierad omförhandling på e-postservern {{host}}: aktuella Postfix-versioner med OpenSSL 1.1.1 eller nyare gör det, så en uppdatering löser det oftast; fråga annars din e-postleverantör.',
  },
};
