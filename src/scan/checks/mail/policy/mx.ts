/**
 * mail.mx: the MX records resolve. Each exchange must be a host name (not an IP
 * literal, RFC 5321 5.1) that has an address of its own, not through a CNAME
 * (RFC 2181 10.3). A Null MX (RFC 7505) is a clear "no mail here" and passes.
 */
import { isIP } from 'node:net';
import { mergeTexts, msg, verdict, type Check, type MessageRef } from '../../../check.js';
import { list, noMailVerdict, POLICY_SHARED_TEXTS } from './shared.js';

export const mailMx: Check = {
  id: 'mail.mx',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'Mail servers (MX)',
      verifies: 'The domain names its mail servers in MX records, and each of them can be found: it has its own address, is not an IP address and not an alias (CNAME). A Null MX, the standard way to say "this domain receives no e-mail", also passes.',
      pass_one: 'The one mail server of {{domain}} can be found: {{hosts}}.',
      pass_other: 'All {{count}} mail servers of {{domain}} can be found: {{hosts}}.',
      passChecked: 'The {{checked}} mail servers of {{domain}} that Weerbaar looked up can be found: {{hosts}}. Weerbaar looks up at most {{checked}} of the {{count}} MX records; the rest ({{unchecked}}) were not looked up.',
      nullMx: '{{domain}} has a Null MX: it says clearly that it accepts no e-mail.',
      nullMixed: '{{domain}} has a Null MX ("no mail here") together with other MX records, which contradict each other.',
      noMx: '{{domain}} has no MX records. Senders then try to deliver to the address of {{domain}} itself, which is rarely what you want.',
      broken: 'Not every mail server of {{domain}} can be used: {{hosts}}.',
      allBroken: 'None of the mail servers of {{domain}} can be used: {{hosts}}.',
      mxFailed: 'The MX records of {{domain}} could not be looked up ({{error}}), so this could not be checked.',
      adviseNullMx: 'If {{domain}} should receive no e-mail, publish a Null MX so senders know at once: {{domain}}. MX 0 . — otherwise publish MX records for the servers that receive your mail.',
      removeNullMix: 'Decide whether {{domain}} receives e-mail. If it does, remove the record "MX 0 ."; if it does not, remove the other MX records.',
      fixNoAddress: 'The mail server {{host}} has no address in the DNS. Give it an A (and AAAA) record, or remove it from the MX records of the domain.',
      fixCname: 'The MX record points to {{host}}, which is an alias (CNAME). MX records must point to a name with its own A/AAAA record: point the MX record to the final name instead.',
      fixIpLiteral: 'The MX record contains the IP address {{host}}, but MX records must contain a host name. Create a name such as mail.{{domain}} with that address and use the name in the MX record.',
    },
    nl: {
      title: 'Mailservers (MX)',
      verifies: 'Het domein noemt zijn mailservers in MX-records, en elk daarvan is te vinden: met een eigen adres, geen IP-adres en geen alias (CNAME). Een Null MX, de standaardmanier om te zeggen "dit domein ontvangt geen e-mail", is ook goed.',
      pass_one: 'De enige mailserver van {{domain}} is te vinden: {{hosts}}.',
      pass_other: 'Alle {{count}} mailservers van {{domain}} zijn te vinden: {{hosts}}.',
      passChecked: 'De {{checked}} mailservers van {{domain}} die Weerbaar opzocht, zijn te vinden: {{hosts}}. Weerbaar zoekt hooguit {{checked}} van de {{count}} MX-records op; de rest ({{unchecked}}) is niet opgezocht.',
      nullMx: '{{domain}} heeft een Null MX: het zegt duidelijk dat het geen e-mail ontvangt.',
      nullMixed: '{{domain}} heeft een Null MX ("hier geen e-mail") naast andere MX-records; die spreken elkaar tegen.',
      noMx: '{{domain}} heeft geen MX-records. Verzenders proberen dan af te leveren op het adres van {{domain}} zelf, en dat is zelden de bedoeling.',
      broken: 'Niet elke mailserver van {{domain}} is bruikbaar: {{hosts}}.',
      allBroken: 'Geen van de mailservers van {{domain}} is bruikbaar: {{hosts}}.',
      mxFailed: 'De MX-records van {{domain}} konden niet worden opgevraagd ({{error}}), dus dit kon niet worden gecontroleerd.',
      adviseNullMx: 'Als {{domain}} geen e-mail hoort te ontvangen, publiceer dan een Null MX zodat verzenders dat meteen weten: {{domain}}. MX 0 . — anders publiceert u MX-records voor de servers die uw e-mail ontvangen.',
      removeNullMix: 'Beslis of {{domain}} e-mail ontvangt. Zo ja, verwijder dan het record "MX 0 ."; zo nee, verwijder dan de andere MX-records.',
      fixNoAddress: 'De mailserver {{host}} heeft geen adres in de DNS. Geef hem een A- (en AAAA-)record, of haal hem uit de MX-records van het domein.',
      fixCname: 'Het MX-record wijst naar {{host}}, en dat is een alias (CNAME). MX-records moeten wijzen naar een naam met een eigen A/AAAA-record: laat het MX-record naar de uiteindelijke naam wijzen.',
      fixIpLiteral: 'Het MX-record bevat het IP-adres {{host}}, maar in een MX-record hoort een hostnaam. Maak een naam zoals mail.{{domain}} met dat adres en gebruik die naam in het MX-record.',
    },
    sv: {
      title: 'E-postservrar (MX)',
      verifies: 'Domänen anger sina e-postservrar i MX-poster, och var och en går att hitta: med en egen adress, ingen IP-adress och inget alias (CNAME). En Null MX, standardsättet att säga "den här domänen tar inte emot e-post", godkänns också.',
      pass_one: 'Den enda e-postservern för {{domain}} går att hitta: {{hosts}}.',
      pass_other: 'Alla {{count}} e-postservrar för {{domain}} går att hitta: {{hosts}}.',
      passChecked: 'De {{checked}} e-postservrar för {{domain}} som Weerbaar slog upp går att hitta: {{hosts}}. Weerbaar slår upp högst {{checked}} av de {{count}} MX-posterna; resten ({{unchecked}}) slogs inte upp.',
      nullMx: '{{domain}} har en Null MX: den säger tydligt att den inte tar emot e-post.',
      nullMixed: '{{domain}} har en Null MX ("ingen e-post här") tillsammans med andra MX-poster, och de motsäger varandra.',
      noMx: '{{domain}} har inga MX-poster. Avsändare försöker då leverera till adressen för {{domain}} själv, vilket sällan är meningen.',
      broken: 'Inte alla e-postservrar för {{domain}} går att använda: {{hosts}}.',
      allBroken: 'Ingen av e-postservrarna för {{domain}} går att använda: {{hosts}}.',
      mxFailed: 'MX-posterna för {{domain}} kunde inte slås upp ({{error}}), så detta kunde inte kontrolleras.',
      adviseNullMx: 'Om {{domain}} inte ska ta emot e-post, publicera en Null MX så att avsändare vet det direkt: {{domain}}. MX 0 . — annars publicerar du MX-poster för servrarna som tar emot din e-post.',
      removeNullMix: 'Bestäm om {{domain}} tar emot e-post. Om ja, ta bort posten "MX 0 ."; om nej, ta bort de andra MX-posterna.',
      fixNoAddress: 'E-postservern {{host}} har ingen adress i DNS. Ge den en A- (och AAAA-)post, eller ta bort den från domänens MX-poster.',
      fixCname: 'MX-posten pekar på {{host}}, som är ett alias (CNAME). MX-poster måste peka på ett namn med en egen A/AAAA-post: låt MX-posten peka på det slutliga namnet.',
      fixIpLiteral: 'MX-posten innehåller IP-adressen {{host}}, men en MX-post ska innehålla ett värdnamn. Skapa ett namn som mail.{{domain}} med den adressen och använd namnet i MX-posten.',
    },
  }),
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return noMailVerdict();
    const { domain, mx } = mail;
    const records = mx.records.map((record) => ({ preference: record.preference, exchange: record.exchange }));
    if (mx.error !== undefined) return verdict('error', 'mxFailed', { domain, error: mx.error }, [], { error: mx.error });
    if (mx.nullMx) return verdict('pass', 'nullMx', { domain }, [], { records, nullMx: true });
    if (records.some((record) => record.exchange === '')) {
      return verdict('fail', 'nullMixed', { domain }, [msg('removeNullMix', { domain })], { records });
    }
    if (records.length === 0) return verdict('info', 'noMx', { domain }, [msg('adviseNullMx', { domain })], { records });

    const faults: { host: string; fault: 'ip-literal' | 'no-address' | 'cname'; detail?: string }[] = [];
    for (const record of records) {
      const host = record.exchange;
      if (isIP(host)) {
        faults.push({ host, fault: 'ip-literal' });
        continue;
      }
      const server = mail.servers.find((candidate) => candidate.host === host);
      if (!server) continue; // beyond the probe cap: not looked up, not judged
      if (server.dns.a.length + server.dns.aaaa.length === 0) {
        faults.push({ host, fault: 'no-address', ...(server.dns.error ? { detail: server.dns.error } : {}) });
      } else if (server.dns.cnames.length > 0) {
        faults.push({ host, fault: 'cname', detail: server.dns.cnames.join(' -> ') });
      }
    }
    const hosts = records.map((record) => record.exchange);
    // Hosts beyond the probe cap were never looked up: "all can be found" would claim more than was seen.
    const seen = hosts.filter((host) => isIP(host) || mail.servers.some((server) => server.host === host));
    const evidenceOut = { records, faults, ...(seen.length < hosts.length ? { notLookedUp: hosts.filter((host) => !seen.includes(host)) } : {}) };
    if (faults.length === 0 && seen.length < hosts.length) {
      const params = { domain, checked: seen.length, unchecked: hosts.length - seen.length, count: hosts.length, hosts: list(seen) };
      return verdict('pass', 'passChecked', params, [], evidenceOut);
    }
    if (faults.length === 0) return verdict('pass', 'pass', { domain, count: hosts.length, hosts: list(hosts) }, [], evidenceOut);
    const advice: MessageRef[] = faults.map(({ host, fault }) =>
      msg(fault === 'ip-literal' ? 'fixIpLiteral' : fault === 'cname' ? 'fixCname' : 'fixNoAddress', { host, domain }),
    );
    const unusable = faults.filter((fault) => fault.fault !== 'cname');
    const faultList = list(faults.map((fault) => `${fault.host} (${fault.fault}${fault.detail ? `: ${fault.detail}` : ''})`));
    // Mail still flows when a backup MX is broken or an MX is an alias; it does not when none can be used.
    if (unusable.length === records.length) return verdict('fail', 'allBroken', { domain, hosts: faultList }, advice, evidenceOut);
    return verdict('warn', 'broken', { domain, hosts: faultList }, advice, evidenceOut);
  },
};
