/**
 * web.tls.renegotiation (NCSC 3.4.2 as internet.nl applies it): renegotiation exists only
 * in TLS 1.2 and lower. The server must support secure renegotiation (RFC 5746: it echoes
 * renegotiation_info), otherwise an attacker can splice their own request in front of a
 * visitor's. A server that lets the client start renegotiations is reported with a warning
 * (each one costs the server an expensive handshake: a denial-of-service lever).
 */
import { msg, type Check } from '../../../check.js';
import type { TlsEvidence } from '../../../evidence/index.js';
import { withTlsTexts } from './common-texts.js';
import { hostVerdict, judgeTlsHosts, type HostVerdict } from './hosts.js';

/** The per-host judgement, shared with the mail twin (src/scan/checks/mail/transport). */
export function judge(host: string, tls: TlsEvidence): HostVerdict {
  const { secure, clientInitiated, error } = tls.renegotiation;
  const legacy = tls.versions.SSLv3 === true || tls.versions.TLSv1 === true || tls.versions['TLSv1.1'] === true || tls.versions['TLSv1.2'] === true;
  const evidence = { secure, clientInitiated, ...(error ? { error } : {}) };
  if (!legacy) return hostVerdict(host, 'pass', 'onlyTls13', {}, [], evidence);
  if (secure === false) return hostVerdict(host, 'fail', 'insecure', {}, [msg('fixInsecure', { host })], evidence);
  if (clientInitiated === true) return hostVerdict(host, 'warn', 'clientInitiated', {}, [msg('fixClientInitiated', { host })], evidence);
  if (secure === null) return hostVerdict(host, 'info', 'unknown', {}, [], evidence);
  if (clientInitiated === null) return hostVerdict(host, 'pass', 'passPartial', { reason: error ?? 'not determined' }, [], evidence);
  return hostVerdict(host, 'pass', 'pass', {}, [], evidence);
}

export const tlsRenegotiation: Check = {
  id: 'web.tls.renegotiation',
  texts: withTlsTexts({
    en: {
      title: 'TLS renegotiation',
      verifies:
        'The web server supports only secure renegotiation of the encrypted connection (RFC 5746) and does not let visitors start renegotiations themselves.',
      pass: '{{host}} supports secure renegotiation only and refuses renegotiations started by the visitor.',
      passPartial: '{{host}} supports secure renegotiation; whether it refuses renegotiations started by the visitor could not be tested ({{reason}}).',
      onlyTls13: '{{host}} speaks only TLS 1.3, which has no renegotiation, so this risk does not exist.',
      unknown: 'It could not be determined whether {{host}} supports secure renegotiation.',
      insecure:
        '{{host}} does not support secure renegotiation (RFC 5746), so an attacker can slip their own request in front of a visitor\'s on the same encrypted connection.',
      clientInitiated:
        '{{host}} lets visitors restart the encrypted handshake (client-initiated renegotiation); each restart costs the server effort, which attackers can abuse to overload it.',
      fixInsecure:
        'Update the web server software or its TLS library (OpenSSL) on {{host}}: every version since 2010 supports secure renegotiation. On shared hosting, ask your hosting provider.',
      fixClientInitiated:
        'Refuse client-initiated renegotiation on {{host}}: current nginx and Apache versions do this by default, so updating the web server usually fixes it; otherwise ask your hosting provider or the vendor of the server or load balancer.',
    },
    nl: {
      title: 'TLS-heronderhandeling',
      verifies:
        'De webserver ondersteunt alleen veilige heronderhandeling van de versleutelde verbinding (RFC 5746) en laat bezoekers niet zelf een heronderhandeling starten.',
      pass: '{{host}} ondersteunt alleen veilige heronderhandeling en weigert heronderhandelingen die de bezoeker start.',
      passPartial: '{{host}} ondersteunt veilige heronderhandeling; of heronderhandelingen die de bezoeker start worden geweigerd, kon niet worden getest ({{reason}}).',
      onlyTls13: '{{host}} spreekt alleen TLS 1.3, waarin heronderhandeling niet bestaat, dus dit risico is er niet.',
      unknown: 'Niet vast te stellen of {{host}} veilige heronderhandeling ondersteunt.',
      insecure:
        '{{host}} ondersteunt geen veilige heronderhandeling (RFC 5746), waardoor een aanvaller op dezelfde versleutelde verbinding een eigen verzoek vóór dat van een bezoeker kan plaatsen.',
      clientInitiated:
        '{{host}} laat bezoekers de versleutelde handshake opnieuw starten (heronderhandeling door de client); elke herstart kost de server moeite, wat aanvallers kunnen misbruiken om hem te overbelasten.',
      fixInsecure:
        'Werk de webserversoftware of de TLS-bibliotheek (OpenSSL) op {{host}} bij: elke versie sinds 2010 ondersteunt veilige heronderhandeling. Bij gedeelde hosting vraagt u het aan uw hostingprovider.',
      fixClientInitiated:
        'Weiger heronderhandeling door de client op {{host}}: actuele versies van nginx en Apache doen dat standaard, dus de webserver bijwerken lost het meestal op; vraag het anders aan uw hostingprovider of de leverancier van de server of loadbalancer.',
    },
    sv: {
      title: 'TLS-omförhandling',
      verifies:
        'Webbservern stöder bara säker omförhandling av den krypterade anslutningen (RFC 5746) och låter inte besökare själva starta omförhandlingar.',
      pass: '{{host}} stöder bara säker omförhandling och vägrar omförhandlingar som besökaren startar.',
      passPartial: '{{host}} stöder säker omförhandling; om den vägrar omförhandlingar som besökaren startar kunde inte testas ({{reason}}).',
      onlyTls13: '{{host}} talar bara TLS 1.3, som saknar omförhandling, så den här risken finns inte.',
      unknown: 'Det gick inte att avgöra om {{host}} stöder säker omförhandling.',
      insecure:
        '{{host}} stöder inte säker omförhandling (RFC 5746), så en angripare kan smyga in en egen begäran före en besökares på samma krypterade anslutning.',
      clientInitiated:
        '{{host}} låter besökare starta om den krypterade handskakningen (klientinitierad omförhandling); varje omstart kostar servern arbete, vilket angripare kan utnyttja för att överbelasta den.',
      fixInsecure:
        'Uppdatera webbserverns programvara eller dess TLS-bibliotek (OpenSSL) på {{host}}: alla versioner sedan 2010 stöder säker omförhandling. På delat webbhotell frågar du din leverantör.',
      fixClientInitiated:
        'Vägra klientinitierad omförhandling på {{host}}: aktuella versioner av nginx och Apache gör det som standard, så att uppdatera webbservern löser det oftast; fråga annars ditt webbhotell eller leverantören av servern eller lastbalanseraren.',
    },
  }),
  run: (evidence) => judgeTlsHosts(evidence, judge),
};
