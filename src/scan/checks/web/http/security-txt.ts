/**
 * web.security-txt: https://<apex>/.well-known/security.txt per RFC 9116: answered
 * with 200 and Content-Type text/plain, at least one Contact, exactly one Expires in
 * the future. RFC 9116 section 2.5.5 recommends Expires less than a year ahead, so a
 * later date warns. The file tells people who find a vulnerability how to reach you.
 */
import { msg, verdict, type Check, type CheckContext, type CheckVerdict, type MessageRef } from '../../../check.js';
import type { FetchChain, ScanEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { firstHeaderValue, incompleteReason, unreachable } from './hosts.js';
import { parseRfc3339, parseSecurityTxt } from './security-txt-parse.js';

const DAY = 86_400_000;

/** The chain ended in a whole-or-partial 200 text/plain answer: a file to judge. */
function isTextFile(chain: FetchChain | undefined): boolean {
  const last = chain?.hops.at(-1);
  const type = (last ? (firstHeaderValue(last, 'content-type') ?? '') : '').split(';')[0]?.trim().toLowerCase();
  return chain !== undefined && !chain.error && last?.status === 200 && type === 'text/plain';
}

function run(evidence: ScanEvidence, context: CheckContext): CheckVerdict {
  const apex = evidence.web?.hosts.find((host) => host.role === 'apex');
  if (!apex) return verdict('error', 'noWeb');
  const missing = unreachable(apex, apex.paths);
  if (missing) return verdict(missing.status, missing.summary.key, missing.summary.params);
  const chain = apex.paths?.securityTxt;
  const first = chain?.hops[0];
  const host = apex.host;
  if (first?.status === undefined) {
    return verdict('skip', first?.error?.kind === 'refused-private' ? 'refused' : 'noHttps', { host });
  }
  const example = new Date(context.now.getTime() + 330 * DAY).toISOString().slice(0, 10) + 'T00:00:00Z';
  const publish = [msg('publish', { host, example })];
  // RFC 9116 section 3: the legacy top-level /security.txt is allowed, but /.well-known/ is where it belongs.
  const legacy = !isTextFile(chain) && isTextFile(apex.paths?.securityTxtLegacy);
  const judged = legacy ? apex.paths?.securityTxtLegacy : chain;
  const last = judged?.hops.at(-1);
  const base = { url: last?.url, status: last?.status, contentType: last ? firstHeaderValue(last, 'content-type') : undefined, ...(legacy ? { legacyLocation: true } : {}) };
  if (judged?.error || last?.status === undefined) {
    return verdict('fail', 'broken', { host, reason: judged?.error?.message ?? 'no response' }, publish, base);
  }
  if (last.status !== 200) return verdict('fail', 'missing', { host, status: last.status }, publish, base);
  const contentType = (base.contentType ?? '').toLowerCase();
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  if (mediaType !== 'text/plain') return verdict('fail', 'wrongType', { host, type: mediaType || '-' }, publish, base);
  const incomplete = incompleteReason(judged);
  if (incomplete) return verdict('error', 'incomplete', { host, reason: incomplete }, [], { ...base, incomplete });

  const parsed = parseSecurityTxt(judged?.body ?? '');
  const values = (name: string): string[] => parsed.fields.filter((f) => f.name === name).map((f) => f.value);
  const contacts = values('contact');
  const expiresValues = values('expires');
  const expires = expiresValues.length === 1 ? parseRfc3339(expiresValues[0] ?? '') : undefined;
  const facts = { ...base, signed: parsed.signed, contacts, expires: expiresValues, fields: parsed.fields.slice(0, 30), badLines: parsed.badLines };

  const fails: MessageRef[] = [];
  const warns: MessageRef[] = legacy ? [msg('moveToWellKnown', { host })] : [];
  if (contacts.length === 0) fails.push(msg('noContact', { host }));
  if (expiresValues.length === 0) fails.push(msg('noExpires', { example }));
  else if (expiresValues.length > 1) fails.push(msg('multipleExpires'));
  else if (!expires) fails.push(msg('badExpires', { value: expiresValues[0] ?? '', example }));
  else if (expires.getTime() <= context.now.getTime()) fails.push(msg('expired', { date: expires.toISOString().slice(0, 10), example }));
  else if (expires.getTime() - context.now.getTime() > 365 * DAY) warns.push(msg('expiresFar', { date: expires.toISOString().slice(0, 10) }));
  const badContacts = contacts.filter((contact) => !/^(mailto:|https:\/\/|tel:)/i.test(contact));
  if (badContacts.length > 0) warns.push(msg('contactNotUri', { values: badContacts.join(', ') }));
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') warns.push(msg('charset', { charset }));

  if (fails.length > 0) return verdict('fail', 'invalid', { host }, [...fails, ...warns], facts);
  if (legacy) return verdict('warn', 'legacyOnly', { host }, warns, facts);
  if (warns.length > 0) return verdict('warn', 'warn', { host }, warns, facts);
  return verdict('pass', 'pass', { host, date: expires?.toISOString().slice(0, 10) ?? '' }, [], facts);
}

export const securityTxt: Check = {
  id: 'web.security-txt',
  texts: withCommonTexts({
    en: {
      title: 'security.txt',
      verifies:
        'The site publishes /.well-known/security.txt (RFC 9116): a small text file that tells people who find a security problem how to reach you, with an expiry date so it stays up to date.',
      pass: '{{host}} publishes a valid security.txt, valid until {{date}}.',
      warn: 'The security.txt of {{host}} works, but could be better.',
      invalid: 'The security.txt of {{host}} is incomplete or out of date, so people who find a problem may not know how to reach you.',
      missing: '{{host}} has no security.txt (the address answers with status {{status}}).',
      wrongType: '{{host}} does not serve a security.txt file: the address returns {{type}} instead of plain text, probably an ordinary web page.',
      legacyOnly: '{{host}} publishes its security.txt only at the old address /security.txt, not at /.well-known/security.txt where the standard (RFC 9116) says to look first.',
      incomplete: 'Weerbaar did not receive the whole security.txt of {{host}} ({{reason}}), so its contents could not be judged.',
      moveToWellKnown: 'Put the file at https://{{host}}/.well-known/security.txt (or redirect /security.txt there), so tools and researchers that look in the standard place find it.',
      broken: 'The security.txt address of {{host}} could not be loaded ({{reason}}).',
      publish:
        'Publish a plain text file at https://{{host}}/.well-known/security.txt with at least a Contact line (for example Contact: mailto:security@{{host}}) and an Expires line less than a year ahead (for example Expires: {{example}}). securitytxt.org has a generator; upload the file with your hosting file manager or a CMS plugin, and set a reminder to renew the date.',
      noContact: 'Add a Contact line, such as Contact: mailto:security@{{host}} or a https:// web form address.',
      noExpires: 'Add an Expires line with a date less than a year ahead, such as Expires: {{example}}.',
      multipleExpires: 'Keep only one Expires line; the standard allows exactly one.',
      badExpires: 'The Expires value "{{value}}" is not a valid date and time; write it like {{example}}.',
      expired: 'The Expires date {{date}} has passed, so the file must be treated as stale. Check the contact details and set a new date, such as {{example}}.',
      expiresFar: 'The Expires date {{date}} is more than a year away; a date within a year is recommended, so the file is checked regularly.',
      contactNotUri: 'Write each Contact as a full address starting with mailto:, https:// or tel: (now: {{values}}).',
      charset: 'Serve the file as UTF-8 text (it is now marked as {{charset}}).',
    },
    nl: {
      title: 'security.txt',
      verifies:
        'De site publiceert /.well-known/security.txt (RFC 9116): een klein tekstbestand dat mensen die een beveiligingsprobleem vinden vertelt hoe ze u kunnen bereiken, met een vervaldatum zodat het actueel blijft.',
      pass: '{{host}} publiceert een geldige security.txt, geldig tot {{date}}.',
      warn: 'De security.txt van {{host}} werkt, maar kan beter.',
      invalid: 'De security.txt van {{host}} is onvolledig of verouderd, dus mensen die een probleem vinden weten misschien niet hoe ze u kunnen bereiken.',
      missing: '{{host}} heeft geen security.txt (het adres antwoordt met status {{status}}).',
      wrongType: '{{host}} levert geen security.txt-bestand: het adres geeft {{type}} terug in plaats van platte tekst, waarschijnlijk een gewone webpagina.',
      legacyOnly: '{{host}} publiceert zijn security.txt alleen op het oude adres /security.txt, niet op /.well-known/security.txt waar de standaard (RFC 9116) eerst laat zoeken.',
      incomplete: 'Weerbaar heeft de security.txt van {{host}} niet volledig ontvangen ({{reason}}), dus de inhoud kon niet worden beoordeeld.',
      moveToWellKnown: 'Zet het bestand op https://{{host}}/.well-known/security.txt (of stuur /security.txt daarheen door), zodat hulpmiddelen en onderzoekers die op de standaardplek kijken het vinden.',
      broken: 'Het security.txt-adres van {{host}} kon niet worden geladen ({{reason}}).',
      publish:
        'Publiceer een tekstbestand op https://{{host}}/.well-known/security.txt met minstens een Contact-regel (bijvoorbeeld Contact: mailto:security@{{host}}) en een Expires-regel minder dan een jaar vooruit (bijvoorbeeld Expires: {{example}}). Op securitytxt.org staat een generator; upload het bestand met de bestandsbeheerder van uw hosting of een CMS-plugin, en zet een herinnering om de datum te vernieuwen.',
      noContact: 'Voeg een Contact-regel toe, zoals Contact: mailto:security@{{host}} of het https://-adres van een webformulier.',
      noExpires: 'Voeg een Expires-regel toe met een datum minder dan een jaar vooruit, zoals Expires: {{example}}.',
      multipleExpires: 'Houd maar één Expires-regel over; de standaard staat er precies één toe.',
      badExpires: 'De Expires-waarde "{{value}}" is geen geldige datum en tijd; schrijf hem zoals {{example}}.',
      expired: 'De Expires-datum {{date}} is verstreken, dus het bestand geldt als verouderd. Controleer de contactgegevens en zet een nieuwe datum, zoals {{example}}.',
      expiresFar: 'De Expires-datum {{date}} ligt meer dan een jaar vooruit; een datum binnen een jaar wordt aangeraden, zodat het bestand regelmatig wordt nagekeken.',
      contactNotUri: 'Schrijf elke Contact als volledig adres dat begint met mailto:, https:// of tel: (nu: {{values}}).',
      charset: 'Lever het bestand als UTF-8-tekst (nu is het gemarkeerd als {{charset}}).',
    },
    sv: {
      title: 'security.txt',
      verifies:
        'Webbplatsen publicerar /.well-known/security.txt (RFC 9116): en liten textfil som talar om för den som hittar ett säkerhetsproblem hur du nås, med ett utgångsdatum så att den hålls aktuell.',
      pass: '{{host}} publicerar en giltig security.txt, giltig till {{date}}.',
      warn: 'Filen security.txt för {{host}} fungerar, men kan bli bättre.',
      invalid: 'Filen security.txt för {{host}} är ofullständig eller inaktuell, så den som hittar ett problem vet kanske inte hur du nås.',
      missing: '{{host}} har ingen security.txt (adressen svarar med status {{status}}).',
      wrongType: '{{host}} levererar ingen security.txt-fil: adressen returnerar {{type}} i stället för ren text, troligen en vanlig webbsida.',
      legacyOnly: '{{host}} publicerar sin security.txt bara på den gamla adressen /security.txt, inte på /.well-known/security.txt där standarden (RFC 9116) säger att man ska leta först.',
      incomplete: 'Weerbaar tog inte emot hela security.txt för {{host}} ({{reason}}), så innehållet kunde inte bedömas.',
      moveToWellKnown: 'Lägg filen på https://{{host}}/.well-known/security.txt (eller omdirigera /security.txt dit), så att verktyg och forskare som letar på standardplatsen hittar den.',
      broken: 'Adressen till security.txt för {{host}} kunde inte laddas ({{reason}}).',
      publish:
        'Publicera en textfil på https://{{host}}/.well-known/security.txt med minst en Contact-rad (till exempel Contact: mailto:security@{{host}}) och en Expires-rad mindre än ett år framåt (till exempel Expires: {{example}}). På securitytxt.org finns en generator; ladda upp filen med webbhotellets filhanterare eller ett CMS-tillägg, och lägg in en påminnelse om att förnya datumet.',
      noContact: 'Lägg till en Contact-rad, till exempel Contact: mailto:security@{{host}} eller https://-adressen till ett webbformulär.',
      noExpires: 'Lägg till en Expires-rad med ett datum mindre än ett år framåt, till exempel Expires: {{example}}.',
      multipleExpires: 'Behåll bara en Expires-rad; standarden tillåter exakt en.',
      badExpires: 'Expires-värdet "{{value}}" är inte ett giltigt datum och klockslag; skriv det som {{example}}.',
      expired: 'Expires-datumet {{date}} har passerat, så filen räknas som inaktuell. Kontrollera kontaktuppgifterna och ange ett nytt datum, till exempel {{example}}.',
      expiresFar: 'Expires-datumet {{date}} ligger mer än ett år fram; ett datum inom ett år rekommenderas, så att filen ses över regelbundet.',
      contactNotUri: 'Skriv varje Contact som en fullständig adress som börjar med mailto:, https:// eller tel: (nu: {{values}}).',
      charset: 'Leverera filen som UTF-8-text (nu är den märkt som {{charset}}).',
    },
  }),
  run,
};
