/**
 * mail.dmarc: a valid DMARC record applies to the domain (at _dmarc.<domain> or its
 * organisational domain); p=quarantine or reject passes, p=none warns; external report
 * destinations must have agreed to receive the reports (RFC 7489 7.1).
 */
import { mergeTexts, msg, verdict, type Check, type MessageRef, type Status } from '../../../check.js';
import type { MailEvidence } from '../../../evidence/mail.js';
import type { DmarcPolicy, DmarcRecord } from '../../../evidence/mail-policy.js';
import { policyRank } from '../../../mail-policy/dmarc.js';
import { acceptsNoMail, effectiveDmarcPolicy, list, lookupFailedVerdict, noMailVerdict, POLICY_SHARED_TEXTS, signalsNoMail } from './shared.js';

/**
 * A record to show in advice: the domain's own report addresses kept, else one at the domain
 * itself, unless the domain has no mail servers (reports could not arrive there).
 */
function exampleRecord(policy: DmarcPolicy, record: DmarcRecord | undefined, mail: MailEvidence): string {
  const uris = record?.rua.map((uri) => uri.uri) ?? [];
  const rua = uris.length > 0 ? uris.join(',') : acceptsNoMail(mail) ? undefined : `mailto:dmarc-reports@${mail.domain}`;
  return rua === undefined ? `v=DMARC1; p=${policy};` : `v=DMARC1; p=${policy}; rua=${rua}`;
}

/** Report addresses at the domain itself (or below it) when it accepts no mail: those reports cannot arrive. */
function undeliverableReports(mail: MailEvidence, record: DmarcRecord): MessageRef[] {
  if (!acceptsNoMail(mail)) return [];
  const own = record.rua.filter((uri) => uri.domain !== undefined && (uri.domain === mail.domain || uri.domain.endsWith(`.${mail.domain}`)));
  return own.map((uri) => msg('ruaUndeliverable', { uri: uri.uri, domain: mail.domain }));
}

export const mailDmarc: Check = {
  id: 'mail.dmarc',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'Protection against forged mail (DMARC)',
      verifies: 'A DMARC record tells receiving mail servers what to do with e-mail that falsely claims to come from your domain (quarantine or reject), and where to send reports. Weerbaar checks that the record exists, is valid and asks for quarantine or reject.',
      pass: 'DMARC for {{domain}} is valid and asks receivers to {{policy}} forged e-mail (record at {{foundAt}}).',
      monitorOnly: 'DMARC for {{domain}} has {{tag}}=none: receivers only report forged e-mail and still deliver it (record at {{foundAt}}).',
      missing: '{{domain}} has no DMARC record, so receivers have no instruction for e-mail that falsely uses your domain.',
      invalid: 'The DMARC record at {{foundAt}} is not valid: {{reason}}. Receivers ignore it.',
      pctZero: 'DMARC for {{domain}} asks to {{policy}} forged e-mail, but with pct=0, so in practice nothing is done (record at {{foundAt}}).',
      unauthorised: 'DMARC for {{domain}} is valid, but report destinations have not agreed to receive the reports: {{destinations}}.',
      publish: 'Publish a DMARC record: _dmarc.{{domain}} TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@{{domain}}" (use an address whose reports you or your provider read). Start with p=none for a few weeks if you are unsure every legitimate sender is set up.',
      fixInvalid: 'Correct the record at {{foundAt}} ({{reason}}). A valid example: "{{example}}".',
      strengthen: 'Once the reports show that all your legitimate e-mail passes, change p=none to p=quarantine (later p=reject) at {{foundAt}}: "{{example}}".',
      pctNote: 'The policy applies to only {{pct}}% of failing e-mail (pct={{pct}}). Raise it to 100 (or remove pct) when you are confident.',
      spWeaker: 'Subdomains of {{domain}} get a weaker policy (sp={{sp}}) than the domain itself (p={{policy}}). Unless subdomains send e-mail through other routes, set sp to the same value or remove it.',
      authorise: 'The report address {{uri}} is in another domain ({{destination}}). That domain must publish {{queried}} TXT "v=DMARC1" to accept the reports; ask the receiver of the reports (often your DMARC report service) to add it.',
      addRua: 'Add a report address (rua=mailto:...) to the DMARC record, so you learn who sends e-mail in the name of {{domain}}.',
      passPartial: 'DMARC for {{domain}} is valid and asks receivers to {{policy}} forged e-mail, but only {{pct}}% of it (pct={{pct}}); the rest is delivered (record at {{foundAt}}).',
      publishParked: 'Publish this DMARC record: _dmarc.{{domain}} TXT "v=DMARC1; p=reject;". {{domain}} sends no e-mail, so there is nothing to try out with p=none first, and no report address is needed.',
      rejectParked: 'Change the record at {{foundAt}} to "v=DMARC1; p=reject;": {{domain}} sends no e-mail, so receivers can reject everything that claims to come from it.',
      publishNoInbound: 'Publish a DMARC record: _dmarc.{{domain}} TXT "v=DMARC1; p=quarantine;". {{domain}} has no mail servers, so reports cannot go to an address at {{domain}}: to receive them, add rua=mailto: with an address at a domain that receives e-mail. Start with p=none for a few weeks if you are unsure every legitimate sender is set up.',
      ruaUndeliverable: 'Reports sent to {{uri}} cannot arrive: {{domain}} has no mail servers (no MX records, or a Null MX). Use an address at a domain that receives e-mail, or leave the report address out.',
      authorisationUnknown: 'Whether the receiver of {{uri}} accepts the reports could not be looked up ({{queried}}: {{error}}). Scan again later.',
      orgDomainNote: 'The record was found at the organisational domain ({{foundAt}}), not at {{domain}} itself; the policy for subdomains (sp, else p) applies.',
    },
    nl: {
      title: 'Bescherming tegen vervalste mail (DMARC)',
      verifies: 'Een DMARC-record vertelt ontvangende mailservers wat ze moeten doen met e-mail die ten onrechte beweert van uw domein te komen (in quarantaine plaatsen of weigeren), en waar rapporten heen moeten. Weerbaar controleert dat het record bestaat, geldig is en om quarantaine of weigeren vraagt.',
      pass: 'DMARC voor {{domain}} is geldig en vraagt ontvangers om vervalste e-mail te behandelen met: {{policy}} (record op {{foundAt}}).',
      monitorOnly: 'DMARC voor {{domain}} heeft {{tag}}=none: ontvangers rapporteren vervalste e-mail alleen en bezorgen hem toch (record op {{foundAt}}).',
      missing: '{{domain}} heeft geen DMARC-record, dus ontvangers krijgen geen instructie voor e-mail die uw domein misbruikt.',
      invalid: 'Het DMARC-record op {{foundAt}} is niet geldig: {{reason}}. Ontvangers negeren het.',
      pctZero: 'DMARC voor {{domain}} vraagt om vervalste e-mail te behandelen met: {{policy}}, maar met pct=0, dus in de praktijk gebeurt er niets (record op {{foundAt}}).',
      unauthorised: 'DMARC voor {{domain}} is geldig, maar rapportbestemmingen hebben niet ingestemd met het ontvangen van de rapporten: {{destinations}}.',
      publish: 'Publiceer een DMARC-record: _dmarc.{{domain}} TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@{{domain}}" (gebruik een adres waarvan u of uw provider de rapporten leest). Begin een paar weken met p=none als u niet zeker weet of elke legitieme verzender goed is ingesteld.',
      fixInvalid: 'Verbeter het record op {{foundAt}} ({{reason}}). Een geldig voorbeeld: "{{example}}".',
      strengthen: 'Zodra de rapporten laten zien dat al uw legitieme e-mail slaagt, verandert u p=none in p=quarantine (later p=reject) op {{foundAt}}: "{{example}}".',
      pctNote: 'Het beleid geldt maar voor {{pct}}% van de afgekeurde e-mail (pct={{pct}}). Verhoog het naar 100 (of verwijder pct) zodra u zeker bent.',
      spWeaker: 'Subdomeinen van {{domain}} krijgen een zwakker beleid (sp={{sp}}) dan het domein zelf (p={{policy}}). Tenzij subdomeinen via andere wegen e-mail versturen, zet sp op dezelfde waarde of verwijder het.',
      authorise: 'Het rapportadres {{uri}} ligt in een ander domein ({{destination}}). Dat domein moet {{queried}} TXT "v=DMARC1" publiceren om de rapporten te accepteren; vraag de ontvanger van de rapporten (vaak uw DMARC-rapportdienst) dat toe te voegen.',
      addRua: 'Voeg een rapportadres (rua=mailto:...) toe aan het DMARC-record, zodat u ziet wie e-mail verstuurt uit naam van {{domain}}.',
      passPartial: 'DMARC voor {{domain}} is geldig en vraagt ontvangers om vervalste e-mail te behandelen met: {{policy}}, maar slechts {{pct}}% ervan (pct={{pct}}); de rest wordt bezorgd (record op {{foundAt}}).',
      publishParked: 'Publiceer dit DMARC-record: _dmarc.{{domain}} TXT "v=DMARC1; p=reject;". {{domain}} verstuurt geen e-mail, dus er valt niets eerst met p=none uit te proberen, en een rapportadres is niet nodig.',
      rejectParked: 'Verander het record op {{foundAt}} in "v=DMARC1; p=reject;": {{domain}} verstuurt geen e-mail, dus ontvangers kunnen alles weigeren wat beweert ervan te komen.',
      publishNoInbound: 'Publiceer een DMARC-record: _dmarc.{{domain}} TXT "v=DMARC1; p=quarantine;". {{domain}} heeft geen mailservers, dus rapporten kunnen niet naar een adres op {{domain}}: wilt u ze ontvangen, voeg dan rua=mailto: toe met een adres op een domein dat wel e-mail ontvangt. Begin een paar weken met p=none als u niet zeker weet of elke legitieme verzender goed is ingesteld.',
      ruaUndeliverable: 'Rapporten aan {{uri}} kunnen niet aankomen: {{domain}} heeft geen mailservers (geen MX-records, of een Null MX). Gebruik een adres op een domein dat e-mail ontvangt, of laat het rapportadres weg.',
      authorisationUnknown: 'Of de ontvanger van {{uri}} de rapporten accepteert, kon niet worden opgevraagd ({{queried}}: {{error}}). Scan later opnieuw.',
      orgDomainNote: 'Het record is gevonden op het organisatiedomein ({{foundAt}}), niet op {{domain}} zelf; het beleid voor subdomeinen (sp, anders p) geldt.',
    },
    sv: {
      title: 'Skydd mot förfalskad e-post (DMARC)',
      verifies: 'En DMARC-post talar om för mottagande e-postservrar vad de ska göra med e-post som felaktigt påstår sig komma från din domän (karantän eller avvisa), och vart rapporter ska skickas. Weerbaar kontrollerar att posten finns, är giltig och begär karantän eller avvisning.',
      pass: 'DMARC för {{domain}} är giltig och ber mottagare att hantera förfalskad e-post med: {{policy}} (post på {{foundAt}}).',
      monitorOnly: 'DMARC för {{domain}} har {{tag}}=none: mottagare rapporterar bara förfalskad e-post och levererar den ändå (post på {{foundAt}}).',
      missing: '{{domain}} har ingen DMARC-post, så mottagare får ingen instruktion för e-post som missbrukar din domän.',
      invalid: 'DMARC-posten på {{foundAt}} är inte giltig: {{reason}}. Mottagare ignorerar den.',
      pctZero: 'DMARC för {{domain}} ber om att hantera förfalskad e-post med: {{policy}}, men med pct=0, så i praktiken händer ingenting (post på {{foundAt}}).',
      unauthorised: 'DMARC för {{domain}} är giltig, men rapportmottagare har inte godkänt att ta emot rapporterna: {{destinations}}.',
      publish: 'Publicera en DMARC-post: _dmarc.{{domain}} TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@{{domain}}" (använd en adress vars rapporter du eller din leverantör läser). Börja med p=none några veckor om du är osäker på att alla legitima avsändare är rätt inställda.',
      fixInvalid: 'Rätta posten på {{foundAt}} ({{reason}}). Ett giltigt exempel: "{{example}}".',
      strengthen: 'När rapporterna visar att all din legitima e-post godkänns, ändra p=none till p=quarantine (senare p=reject) på {{foundAt}}: "{{example}}".',
      pctNote: 'Policyn gäller bara {{pct}} % av den underkända e-posten (pct={{pct}}). Höj till 100 (eller ta bort pct) när du är säker.',
      spWeaker: 'Underdomäner till {{domain}} får en svagare policy (sp={{sp}}) än domänen själv (p={{policy}}). Om inte underdomäner skickar e-post på andra vägar, sätt sp till samma värde eller ta bort den.',
      authorise: 'Rapportadressen {{uri}} ligger i en annan domän ({{destination}}). Den domänen måste publicera {{queried}} TXT "v=DMARC1" för att ta emot rapporterna; be mottagaren av rapporterna (ofta din DMARC-rapporttjänst) att lägga till den.',
      addRua: 'Lägg till en rapportadress (rua=mailto:...) i DMARC-posten, så att du ser vem som skickar e-post i namnet {{domain}}.',
      passPartial: 'DMARC för {{domain}} är giltig och ber mottagare att hantera förfalskad e-post med: {{policy}}, men bara {{pct}} % av den (pct={{pct}}); resten levereras (post på {{foundAt}}).',
      publishParked: 'Publicera den här DMARC-posten: _dmarc.{{domain}} TXT "v=DMARC1; p=reject;". {{domain}} skickar ingen e-post, så det finns inget att prova med p=none först, och ingen rapportadress behövs.',
      rejectParked: 'Ändra posten på {{foundAt}} till "v=DMARC1; p=reject;": {{domain}} skickar ingen e-post, så mottagare kan avvisa allt som påstår sig komma från den.',
      publishNoInbound: 'Publicera en DMARC-post: _dmarc.{{domain}} TXT "v=DMARC1; p=quarantine;". {{domain}} har inga e-postservrar, så rapporter kan inte gå till en adress på {{domain}}: för att få dem, lägg till rua=mailto: med en adress på en domän som tar emot e-post. Börja med p=none några veckor om du är osäker på att alla legitima avsändare är rätt inställda.',
      ruaUndeliverable: 'Rapporter som skickas till {{uri}} kan inte komma fram: {{domain}} har inga e-postservrar (inga MX-poster, eller en Null MX). Använd en adress på en domän som tar emot e-post, eller utelämna rapportadressen.',
      authorisationUnknown: 'Om mottagaren av {{uri}} tar emot rapporterna kunde inte slås upp ({{queried}}: {{error}}). Skanna igen senare.',
      orgDomainNote: 'Posten hittades på organisationsdomänen ({{foundAt}}), inte på {{domain}} själv; policyn för underdomäner (sp, annars p) gäller.',
    },
  }),
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return noMailVerdict();
    const { domain, dmarc } = mail;
    const facts = { ...dmarc };
    if (dmarc.error !== undefined) return lookupFailedVerdict(dmarc.foundAt ?? dmarc.queried ?? `_dmarc.${domain}`, dmarc.error, facts);
    const foundAt = dmarc.foundAt ?? `_dmarc.${domain}`;
    // A domain that signals it handles no mail gets the advice mail.non-sending gives: p=reject, no trial, no reports to itself.
    const parked = signalsNoMail(mail);
    if (dmarc.invalid !== undefined) {
      const reason = dmarc.invalid;
      const example = exampleRecord(parked ? 'reject' : 'quarantine', parked ? undefined : dmarc.record, mail);
      return verdict('fail', 'invalid', { foundAt, reason }, [msg('fixInvalid', { foundAt, reason, example })], facts);
    }
    const record = dmarc.record;
    const policy = effectiveDmarcPolicy(dmarc);
    if (!record || !policy) {
      const publish = parked ? 'publishParked' : acceptsNoMail(mail) ? 'publishNoInbound' : 'publish';
      return verdict('fail', 'missing', { domain }, [msg(publish, { domain })], facts);
    }

    const advice: MessageRef[] = [];
    let status: Status = 'pass';
    let summary = 'pass';
    if (policy === 'none') {
      status = 'warn';
      summary = 'monitorOnly';
      if (!parked) advice.push(msg('strengthen', { foundAt, example: exampleRecord('quarantine', record, mail) }));
    } else if (record.pct === 0) {
      status = 'warn';
      summary = 'pctZero';
    } else if (record.pct < 100) {
      summary = 'passPartial';
    }
    if (parked && policy !== 'reject') {
      // A record borrowed from the organisational domain covers that domain too: the domain gets its own record instead.
      advice.push(dmarc.source === 'organisational' ? msg('publishParked', { domain }) : msg('rejectParked', { foundAt, domain }));
    }
    if (policy !== 'none' && record.pct < 100) advice.push(msg('pctNote', { pct: record.pct }));
    if (dmarc.source === 'organisational') advice.push(msg('orgDomainNote', { domain, foundAt }));
    else if (record.sp !== undefined && policyRank(record.sp) < policyRank(record.p)) {
      advice.push(msg('spWeaker', { domain, sp: record.sp, policy: record.p }));
    }
    advice.push(...undeliverableReports(mail, record));
    // A destination whose authorisation lookup failed has not been seen to refuse: not "has not agreed".
    const unauthorised = (dmarc.externalReports ?? []).filter((report) => !report.authorised && report.error === undefined);
    for (const report of unauthorised) {
      advice.push(msg('authorise', { uri: report.uri, destination: report.domain, queried: report.queried }));
    }
    for (const report of (dmarc.externalReports ?? []).filter((candidate) => !candidate.authorised && candidate.error !== undefined)) {
      advice.push(msg('authorisationUnknown', { uri: report.uri, queried: report.queried, error: report.error ?? '' }));
    }
    // A domain that sends nothing needs no reports.
    if (record.rua.length === 0 && !parked) advice.push(msg('addRua', { domain }));
    if (unauthorised.length > 0 && status === 'pass') {
      return verdict('warn', 'unauthorised', { domain, destinations: list(unauthorised.map((report) => report.domain)) }, advice, facts);
    }
    const params: Record<string, string | number> = { domain, policy, foundAt };
    // The tag the effective policy came from: sp at an organisational domain's record, else p.
    if (summary === 'monitorOnly') params.tag = dmarc.source === 'organisational' && record.sp !== undefined ? 'sp' : 'p';
    if (summary === 'passPartial') params.pct = record.pct;
    return verdict(status, summary, params, advice, facts);
  },
};
