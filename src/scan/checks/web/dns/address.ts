/**
 * web.address: does the shop's domain point to a server at all? Pass with any A or
 * AAAA record (also ones the scan refused to connect to: they exist), fail when the
 * name does not exist or has no address, error when DNS itself failed.
 */
import { msg, verdict, type Check, type MessageRef } from '../../../check.js';
import type { AddressEvidence, WebHostEvidence } from '../../../evidence/index.js';
import { DNS_FAILURE_TEXTS, dnsFailureVerdict, notCollectedVerdict } from './dns-failure.js';

/** At most this many addresses are named in the summary; evidence has them all. */
const SHOWN_ADDRESSES = 4;

function hostFacts(host: WebHostEvidence): Record<string, unknown> {
  const dns: AddressEvidence = host.dns;
  return {
    host: host.host,
    a: dns.a,
    aaaa: dns.aaaa,
    ...(dns.cnames.length > 0 ? { cnames: dns.cnames } : {}),
    ...(dns.error !== undefined ? { error: dns.error } : {}),
  };
}

function hasNoAddress(host: WebHostEvidence): boolean {
  const { a, aaaa, error } = host.dns;
  return a.length + aaaa.length === 0 && (error === undefined || error === 'NXDOMAIN' || error === 'cname-loop');
}

export const webAddress: Check = {
  id: 'web.address',
  texts: {
    en: {
      title: 'Website address in DNS',
      verifies:
        'The shop’s domain points to at least one server address (an A record for IPv4 or an AAAA record for IPv6), so visitors can reach the website.',
      pass_one: '{{host}} points to {{count}} address: {{addresses}}.',
      pass_other: '{{host}} points to {{count}} addresses: {{addresses}}.',
      nxdomain: '{{host}} does not exist in DNS (NXDOMAIN): nobody can reach a website at this name.',
      noAddress: '{{host}} exists in DNS but has no address record (A or AAAA), so browsers cannot find the website.',
      cnameLoop:
        'The DNS name {{host}} is an alias (CNAME) that points in a circle or through too many steps, so it never reaches an address.',
      checkRegistration:
        'Check at your domain registrar that the domain is registered, paid and uses the right name servers; then add an A record for {{host}} with your web server’s IP address at your DNS provider (often the hosting control panel).',
      addA:
        'Add an A record for {{host}} with your web server’s IPv4 address (and an AAAA record if it has IPv6) at your DNS provider, usually in the hosting control panel. Your hosting provider can tell you the address.',
      fixCname:
        'At your DNS provider, make {{host}} point straight to your web server (an A record) or to a CNAME target that exists; ask your hosting provider which name or address to use.',
      wwwMissing:
        '{{www}} has no address, so visitors who type www. get an error. Add a CNAME record for {{www}} pointing to {{host}} at your DNS provider.',
      ...DNS_FAILURE_TEXTS.en,
    },
    nl: {
      title: 'Adres van de website in DNS',
      verifies:
        'Het domein van de webshop verwijst naar minstens één serveradres (een A-record voor IPv4 of een AAAA-record voor IPv6), zodat bezoekers de website kunnen bereiken.',
      pass_one: '{{host}} verwijst naar {{count}} adres: {{addresses}}.',
      pass_other: '{{host}} verwijst naar {{count}} adressen: {{addresses}}.',
      nxdomain: '{{host}} bestaat niet in DNS (NXDOMAIN): niemand kan op deze naam een website bereiken.',
      noAddress: '{{host}} bestaat in DNS maar heeft geen adresrecord (A of AAAA), dus browsers kunnen de website niet vinden.',
      cnameLoop:
        'De DNS-naam {{host}} is een alias (CNAME) die in een kringetje of via te veel stappen verwijst, waardoor hij nooit bij een adres uitkomt.',
      checkRegistration:
        'Controleer bij uw domeinregistrar dat het domein geregistreerd en betaald is en de juiste naamservers gebruikt; voeg daarna bij uw DNS-provider (vaak het controlepaneel van uw hosting) een A-record voor {{host}} toe met het IP-adres van uw webserver.',
      addA:
        'Voeg bij uw DNS-provider, meestal in het controlepaneel van uw hosting, een A-record voor {{host}} toe met het IPv4-adres van uw webserver (en een AAAA-record als die IPv6 heeft). Uw hostingprovider kan u het adres geven.',
      fixCname:
        'Laat {{host}} bij uw DNS-provider rechtstreeks naar uw webserver verwijzen (een A-record) of naar een CNAME-doel dat wel bestaat; vraag uw hostingprovider welke naam of welk adres u moet gebruiken.',
      wwwMissing:
        '{{www}} heeft geen adres, dus bezoekers die www. intypen krijgen een foutmelding. Voeg bij uw DNS-provider een CNAME-record voor {{www}} toe dat naar {{host}} verwijst.',
      ...DNS_FAILURE_TEXTS.nl,
    },
    sv: {
      title: 'Webbplatsens adress i DNS',
      verifies:
        'Butikens domän pekar på minst en serveradress (en A-post för IPv4 eller en AAAA-post för IPv6), så att besökare kan nå webbplatsen.',
      pass_one: '{{host}} pekar på {{count}} adress: {{addresses}}.',
      pass_other: '{{host}} pekar på {{count}} adresser: {{addresses}}.',
      nxdomain: '{{host}} finns inte i DNS (NXDOMAIN): ingen kan nå en webbplats på det här namnet.',
      noAddress: '{{host}} finns i DNS men har ingen adresspost (A eller AAAA), så webbläsare kan inte hitta webbplatsen.',
      cnameLoop:
        'DNS-namnet {{host}} är ett alias (CNAME) som pekar i en cirkel eller via för många steg, så det når aldrig någon adress.',
      checkRegistration:
        'Kontrollera hos din domänregistrar att domänen är registrerad, betald och använder rätt namnservrar; lägg sedan till en A-post för {{host}} med webbserverns IP-adress hos din DNS-leverantör (ofta i webbhotellets kontrollpanel).',
      addA:
        'Lägg till en A-post för {{host}} med webbserverns IPv4-adress (och en AAAA-post om den har IPv6) hos din DNS-leverantör, oftast i webbhotellets kontrollpanel. Ditt webbhotell kan ge dig adressen.',
      fixCname:
        'Låt {{host}} peka direkt på din webbserver (en A-post) eller på ett CNAME-mål som finns, hos din DNS-leverantör; fråga ditt webbhotell vilket namn eller vilken adress du ska använda.',
      wwwMissing:
        '{{www}} har ingen adress, så besökare som skriver www. får ett felmeddelande. Lägg till en CNAME-post för {{www}} som pekar på {{host}} hos din DNS-leverantör.',
      ...DNS_FAILURE_TEXTS.sv,
    },
  },

  run(evidence) {
    const apex = evidence.web?.hosts.find((host) => host.role === 'apex');
    if (!apex) return notCollectedVerdict(evidence.target);
    const www = evidence.web?.hosts.find((host) => host.role === 'www');
    const facts: Record<string, unknown> = {
      apex: hostFacts(apex),
      ...(www ? { www: hostFacts(www) } : {}),
      refused: evidence.web?.hosts.flatMap((host) => host.refused.map((refused) => ({ host: host.host, ...refused }))) ?? [],
    };
    const host = apex.host;
    const addresses = [...apex.dns.a, ...apex.dns.aaaa];

    if (addresses.length > 0) {
      const advice: MessageRef[] = www && hasNoAddress(www) ? [msg('wwwMissing', { www: www.host, host })] : [];
      const shown = addresses.slice(0, SHOWN_ADDRESSES).join(', ') + (addresses.length > SHOWN_ADDRESSES ? ', …' : '');
      return verdict('pass', 'pass', { host, count: addresses.length, addresses: shown }, advice, facts);
    }
    switch (apex.dns.error) {
      case undefined:
        return verdict('fail', 'noAddress', { host }, [msg('addA', { host })], facts);
      case 'NXDOMAIN':
        return verdict('fail', 'nxdomain', { host }, [msg('checkRegistration', { host })], facts);
      case 'cname-loop':
        return verdict('fail', 'cnameLoop', { host }, [msg('fixCname', { host })], facts);
      default:
        return dnsFailureVerdict(apex.dns.error, host, facts);
    }
  },
};
