/**
 * mail.dkim: DKIM keys under the selectors given (--dkim-selector) and providers'
 * default selectors. A key is judged on what DNS shows: revoked, broken, RSA size,
 * Ed25519. When no selector has a key the verdict is information, never a guess: the
 * selector is only visible in signed mail, so "not found" proves nothing. Only revoked keys
 * is information too: a revoked key is what a key change leaves behind, and the new key may
 * sit under a selector not tried. A domain that signals it sends no mail (shared.ts) is
 * not applicable, as mail.non-sending and the DMARC advice treat it.
 */
import { mergeTexts, msg, verdict, type Check, type MessageRef, type Status } from '../../../check.js';
import type { DkimKeyEvidence } from '../../../evidence/mail-policy.js';
import { list, noMailSignal, noMailVerdict, POLICY_SHARED_TEXTS, signalsNoMail } from './shared.js';

function keyLabel(key: DkimKeyEvidence): string {
  const size = key.keyType === 'ed25519' ? 'Ed25519' : key.bits !== undefined ? `RSA ${key.bits}` : (key.keyType ?? 'rsa');
  return `${key.selector} (${size})`;
}

function judgeKey(key: DkimKeyEvidence): { status: Status; advice?: MessageRef } {
  const host = key.name;
  if (key.errors.length > 0) return { status: 'warn', advice: msg('fixBroken', { host, reason: key.errors.join('; ') }) };
  if (key.keyType === 'ed25519') return { status: 'pass' };
  const bits = key.bits ?? 0;
  if (bits < 1024) return { status: 'fail', advice: msg('replaceWeak', { host, bits }) };
  if (bits < 2048) return { status: 'warn', advice: msg('upgrade1024', { host, bits }) };
  return { status: 'pass' };
}

const ORDER: readonly Status[] = ['fail', 'warn', 'pass'];

export const mailDkim: Check = {
  id: 'mail.dkim',
  texts: mergeTexts(POLICY_SHARED_TEXTS, {
    en: {
      title: 'Signed mail (DKIM)',
      verifies: 'DKIM signs outgoing e-mail with a key whose public half is in the DNS, so receivers can tell real e-mail from forgeries. Weerbaar looks for keys under the selector names you give and the default names of common e-mail providers, and judges the keys it finds (RSA of at least 2048 bits, or Ed25519; not revoked).',
      pass: 'DKIM keys found for {{domain}}: {{keys}}.',
      weak: 'DKIM keys found for {{domain}}, but not all of them are in order: {{keys}}.',
      tooWeak: 'A DKIM key of {{domain}} is too weak to be trusted: {{keys}}.',
      allRevoked: 'The only DKIM keys found for {{domain}} have been revoked (empty p=): {{keys}}. No usable key was found under the {{count}} selector names tried.',
      allBroken: 'The DKIM key records found for {{domain}} cannot be used: {{keys}}.',
      notFound_one: 'No DKIM key was found for {{domain}} under the {{count}} selector name tried ({{selectors}}). That does not mean DKIM is missing: the selector name is only visible in signed e-mail, so Weerbaar cannot see keys under other names from outside.',
      notFound_other: 'No DKIM key was found for {{domain}} under the {{count}} selector names tried ({{selectors}}). That does not mean DKIM is missing: the selector name is only visible in signed e-mail, so Weerbaar cannot see keys under other names from outside.',
      notApplicable: '{{domain}} signals that it sends no e-mail ({{signal}}: no mail servers, and no SPF record that lets a server send), so DKIM does not apply.',
      revokedMeaning:
        'A revoked key (a record with an empty p=) means the key was withdrawn: receivers reject the DKIM signature of any e-mail still signed with it. That is right after a key change or when {{keys}} is no longer used. If you still send e-mail signed under {{keys}}, publish the current key there again from your e-mail provider; if you sign under another selector, scan again with --dkim-selector NAME to have that key checked.',
      'revokedMeaning.web':
        'A revoked key (a record with an empty p=) means the key was withdrawn: receivers reject the DKIM signature of any e-mail still signed with it. That is right after a key change or when {{keys}} is no longer used. If you still send e-mail signed under {{keys}}, publish the current key there again from your e-mail provider; if you sign under another selector, enter it under "DKIM selectors" on the domain\'s page and scan again to have that key checked.',
      lookupsFailed: 'No DKIM key was found for {{domain}} under {{count}} of the selector names tried ({{selectors}}); the lookup of {{failedCount}} more failed ({{failed}}), so a key there could not be seen.',
      giveSelector: 'To have your DKIM key checked, find the selector in an e-mail you sent (the s= value in the DKIM-Signature header, or ask your e-mail provider) and scan again with --dkim-selector NAME.',
      // The web has the domain page's selector field where the CLI has the flag.
      'giveSelector.web': 'To have your DKIM key checked, find the selector in an e-mail you sent (the s= value in the DKIM-Signature header, or ask your e-mail provider), enter it under "DKIM selectors" on the domain\'s page and scan again.',
      setUpDkim: 'If you do not sign your e-mail with DKIM yet, turn it on at your e-mail provider (Microsoft 365, Google Workspace and most newsletter services have a setting for it) and publish the records they give you.',
      fixBroken: 'The key record at {{host}} cannot be used ({{reason}}). Copy the record again from your e-mail provider, or remove it if the selector is no longer used.',
      replaceWeak: 'The key at {{host}} is RSA {{bits}} bits, which can be broken. Create a new key of 2048 bits at your e-mail provider, publish it, and revoke the old one (publish it with an empty p=).',
      upgrade1024: 'The key at {{host}} is RSA {{bits}} bits. That still counts, but 2048 bits is the current standard: create a 2048-bit key at your e-mail provider and switch to it.',
      revokeNote: 'Revoked keys found (this is fine after a key change): {{keys}}.',
      testingNote: 'The key at {{host}} is in test mode (t=y), so receivers treat failing signatures as unsigned. Remove t=y once DKIM works.',
    },
    nl: {
      title: 'Ondertekende mail (DKIM)',
      verifies: 'DKIM ondertekent uitgaande e-mail met een sleutel waarvan de publieke helft in de DNS staat, zodat ontvangers echte e-mail van vervalsingen kunnen onderscheiden. Weerbaar zoekt sleutels onder de selectornamen die u opgeeft en de standaardnamen van gangbare e-mailproviders, en beoordeelt de sleutels die het vindt (RSA van minstens 2048 bits, of Ed25519; niet ingetrokken).',
      pass: 'DKIM-sleutels gevonden voor {{domain}}: {{keys}}.',
      weak: 'DKIM-sleutels gevonden voor {{domain}}, maar niet alle zijn in orde: {{keys}}.',
      tooWeak: 'Een DKIM-sleutel van {{domain}} is te zwak om te vertrouwen: {{keys}}.',
      allRevoked: 'De enige gevonden DKIM-sleutels van {{domain}} zijn ingetrokken (lege p=): {{keys}}. Onder de {{count}} geprobeerde selectornamen is geen bruikbare sleutel gevonden.',
      allBroken: 'De gevonden DKIM-sleutelrecords van {{domain}} zijn onbruikbaar: {{keys}}.',
      notFound_one: 'Er is geen DKIM-sleutel gevonden voor {{domain}} onder de {{count}} geprobeerde selectornaam ({{selectors}}). Dat betekent niet dat DKIM ontbreekt: de selectornaam is alleen zichtbaar in ondertekende e-mail, dus Weerbaar kan sleutels onder andere namen van buitenaf niet zien.',
      notFound_other: 'Er is geen DKIM-sleutel gevonden voor {{domain}} onder de {{count}} geprobeerde selectornamen ({{selectors}}). Dat betekent niet dat DKIM ontbreekt: de selectornaam is alleen zichtbaar in ondertekende e-mail, dus Weerbaar kan sleutels onder andere namen van buitenaf niet zien.',
      notApplicable: '{{domain}} geeft aan geen e-mail te versturen ({{signal}}: geen mailservers, en geen SPF-record dat een server laat versturen), dus DKIM is niet van toepassing.',
      revokedMeaning:
        'Een ingetrokken sleutel (een record met een lege p=) betekent dat de sleutel is teruggetrokken: ontvangers keuren de DKIM-handtekening af van elke e-mail die er nog mee is ondertekend. Dat is juist na een sleutelwissel of als {{keys}} niet meer wordt gebruikt. Ondertekent u nog e-mail onder {{keys}}, publiceer daar dan opnieuw de huidige sleutel van uw e-mailprovider; ondertekent u onder een andere selector, scan dan opnieuw met --dkim-selector NAAM om die sleutel te laten controleren.',
      'revokedMeaning.web':
        'Een ingetrokken sleutel (een record met een lege p=) betekent dat de sleutel is teruggetrokken: ontvangers keuren de DKIM-handtekening af van elke e-mail die er nog mee is ondertekend. Dat is juist na een sleutelwissel of als {{keys}} niet meer wordt gebruikt. Ondertekent u nog e-mail onder {{keys}}, publiceer daar dan opnieuw de huidige sleutel van uw e-mailprovider; ondertekent u onder een andere selector, vul die dan in bij "DKIM-selectors" op de pagina van het domein en scan opnieuw om die sleutel te laten controleren.',
      lookupsFailed: 'Er is geen DKIM-sleutel gevonden voor {{domain}} onder {{count}} van de geprobeerde selectornamen ({{selectors}}); het opvragen van nog {{failedCount}} mislukte ({{failed}}), dus een sleutel daar kon niet worden gezien.',
      giveSelector: 'Om uw DKIM-sleutel te laten controleren, zoekt u de selector op in een e-mail die u hebt verstuurd (de waarde s= in de kop DKIM-Signature, of vraag het uw e-mailprovider) en scant u opnieuw met --dkim-selector NAAM.',
      'giveSelector.web': 'Om uw DKIM-sleutel te laten controleren, zoekt u de selector op in een e-mail die u hebt verstuurd (de waarde s= in de kop DKIM-Signature, of vraag het uw e-mailprovider), vult u die in bij "DKIM-selectors" op de pagina van het domein en scant u opnieuw.',
      setUpDkim: 'Als u uw e-mail nog niet met DKIM ondertekent, zet het dan aan bij uw e-mailprovider (Microsoft 365, Google Workspace en de meeste nieuwsbriefdiensten hebben er een instelling voor) en publiceer de records die u krijgt.',
      fixBroken: 'Het sleutelrecord op {{host}} is onbruikbaar ({{reason}}). Kopieer het record opnieuw van uw e-mailprovider, of verwijder het als de selector niet meer wordt gebruikt.',
      replaceWeak: 'De sleutel op {{host}} is RSA {{bits}} bits, en die is te kraken. Maak bij uw e-mailprovider een nieuwe sleutel van 2048 bits, publiceer die en trek de oude in (publiceer hem met een lege p=).',
      upgrade1024: 'De sleutel op {{host}} is RSA {{bits}} bits. Dat telt nog, maar 2048 bits is de huidige standaard: maak bij uw e-mailprovider een sleutel van 2048 bits en stap daarop over.',
      revokeNote: 'Ingetrokken sleutels gevonden (dat is in orde na een sleutelwissel): {{keys}}.',
      testingNote: 'De sleutel op {{host}} staat in testmodus (t=y), dus ontvangers behandelen afgekeurde handtekeningen als niet-ondertekend. Verwijder t=y zodra DKIM werkt.',
    },
    sv: {
      title: 'Signerad e-post (DKIM)',
      verifies: 'DKIM signerar utgående e-post med en nyckel vars publika del finns i DNS, så att mottagare kan skilja äkta e-post från förfalskningar. Weerbaar letar efter nycklar under de selektornamn du anger och standardnamnen hos vanliga e-postleverantörer, och bedömer nycklarna den hittar (RSA på minst 2048 bitar, eller Ed25519; inte återkallade).',
      pass: 'DKIM-nycklar hittades för {{domain}}: {{keys}}.',
      weak: 'DKIM-nycklar hittades för {{domain}}, men alla är inte i sin ordning: {{keys}}.',
      tooWeak: 'En DKIM-nyckel för {{domain}} är för svag för att lita på: {{keys}}.',
      allRevoked: 'De enda DKIM-nycklar som hittades för {{domain}} är återkallade (tomt p=): {{keys}}. Ingen användbar nyckel hittades under de {{count}} selektornamn som provades.',
      allBroken: 'De DKIM-nyckelposter som hittades för {{domain}} går inte att använda: {{keys}}.',
      notFound_one: 'Ingen DKIM-nyckel hittades för {{domain}} under det {{count}} selektornamn som provades ({{selectors}}). Det betyder inte att DKIM saknas: selektornamnet syns bara i signerad e-post, så Weerbaar kan inte se nycklar under andra namn utifrån.',
      notFound_other: 'Ingen DKIM-nyckel hittades för {{domain}} under de {{count}} selektornamn som provades ({{selectors}}). Det betyder inte att DKIM saknas: selektornamnet syns bara i signerad e-post, så Weerbaar kan inte se nycklar under andra namn utifrån.',
      notApplicable: '{{domain}} anger att den inte skickar e-post ({{signal}}: inga e-postservrar, och ingen SPF-post som låter en server skicka), så DKIM gäller inte.',
      revokedMeaning:
        'En återkallad nyckel (en post med tomt p=) betyder att nyckeln har dragits tillbaka: mottagare underkänner DKIM-signaturen på all e-post som fortfarande signeras med den. Det är rätt efter ett nyckelbyte eller när {{keys}} inte längre används. Om du fortfarande skickar e-post signerad under {{keys}}, publicera den aktuella nyckeln där igen från din e-postleverantör; om du signerar under en annan selektor, skanna igen med --dkim-selector NAMN för att få den nyckeln kontrollerad.',
      'revokedMeaning.web':
        'En återkallad nyckel (en post med tomt p=) betyder att nyckeln har dragits tillbaka: mottagare underkänner DKIM-signaturen på all e-post som fortfarande signeras med den. Det är rätt efter ett nyckelbyte eller när {{keys}} inte längre används. Om du fortfarande skickar e-post signerad under {{keys}}, publicera den aktuella nyckeln där igen från din e-postleverantör; om du signerar under en annan selektor, fyll i den under "DKIM-selektorer" på domänens sida och skanna igen för att få den nyckeln kontrollerad.',
      lookupsFailed: 'Ingen DKIM-nyckel hittades för {{domain}} under {{count}} av de selektornamn som provades ({{selectors}}); uppslaget av ytterligare {{failedCount}} misslyckades ({{failed}}), så en nyckel där kunde inte ses.',
      giveSelector: 'För att få din DKIM-nyckel kontrollerad, leta upp selektorn i ett e-postmeddelande du skickat (värdet s= i rubriken DKIM-Signature, eller fråga din e-postleverantör) och skanna igen med --dkim-selector NAMN.',
      'giveSelector.web': 'För att få din DKIM-nyckel kontrollerad, leta upp selektorn i ett e-postmeddelande du skickat (värdet s= i rubriken DKIM-Signature, eller fråga din e-postleverantör), fyll i den under "DKIM-selektorer" på domänens sida och skanna igen.',
      setUpDkim: 'Om du inte signerar din e-post med DKIM än, slå på det hos din e-postleverantör (Microsoft 365, Google Workspace och de flesta nyhetsbrevstjänster har en inställning för det) och publicera posterna du får.',
      fixBroken: 'Nyckelposten på {{host}} går inte att använda ({{reason}}). Kopiera posten igen från din e-postleverantör, eller ta bort den om selektorn inte längre används.',
      replaceWeak: 'Nyckeln på {{host}} är RSA {{bits}} bitar, vilket går att knäcka. Skapa en ny nyckel på 2048 bitar hos din e-postleverantör, publicera den och återkalla den gamla (publicera den med tomt p=).',
      upgrade1024: 'Nyckeln på {{host}} är RSA {{bits}} bitar. Det godkänns fortfarande, men 2048 bitar är dagens standard: skapa en nyckel på 2048 bitar hos din e-postleverantör och byt till den.',
      revokeNote: 'Återkallade nycklar hittades (det är i sin ordning efter ett nyckelbyte): {{keys}}.',
      testingNote: 'Nyckeln på {{host}} är i testläge (t=y), så mottagare behandlar underkända signaturer som osignerade. Ta bort t=y när DKIM fungerar.',
    },
  }),
  run(evidence) {
    const mail = evidence.mail;
    if (!mail) return noMailVerdict();
    const { domain, dkim } = mail;
    const facts = { ...dkim };
    if (signalsNoMail(mail)) {
      return { ...verdict('skip', 'notApplicable', { domain, signal: noMailSignal(mail) }, [], facts), notApplicable: true };
    }
    if (dkim.error !== undefined) {
      return { status: 'error', summary: msg('lookupFailed', { name: `_domainkey.${domain}`, error: dkim.error }), advice: [], evidence: facts };
    }
    const keys = dkim.keys ?? [];
    const live = keys.filter((key) => !key.revoked);
    const revoked = keys.filter((key) => key.revoked);
    const failed = dkim.failures ?? [];
    const tried = (dkim.tried ?? []).map((entry) => entry.selector);
    if (keys.length === 0) {
      const advice = [msg('giveSelector'), msg('setUpDkim')];
      if (failed.length === 0) return verdict('info', 'notFound', { domain, count: tried.length, selectors: list(tried) }, advice, facts);
      // Only the selectors that answered were seen: the summary must not claim the failed ones.
      const answered = tried.filter((selector) => !failed.some((failure) => failure.selector === selector));
      const params = { domain, count: answered.length, selectors: list(answered), failedCount: failed.length, failed: list(failed.map((failure) => `${failure.selector}: ${failure.error}`)) };
      return verdict('info', 'lookupsFailed', params, advice, facts);
    }
    if (live.length === 0) {
      const selectors = list([...new Set(revoked.map((key) => key.selector))]);
      return verdict('info', 'allRevoked', { domain, keys: selectors, count: tried.length }, [msg('revokedMeaning', { keys: selectors })], facts);
    }

    const judged = live.map((key) => ({ key, ...judgeKey(key) }));
    const usable = judged.filter((entry) => entry.key.errors.length === 0);
    const advice: MessageRef[] = judged.flatMap((entry) => (entry.advice ? [entry.advice] : []));
    for (const key of live.filter((candidate) => candidate.testing)) advice.push(msg('testingNote', { host: key.name }));
    if (revoked.length > 0) advice.push(msg('revokeNote', { keys: list(revoked.map((key) => key.selector)) }));
    const labels = list(live.map(keyLabel));
    if (usable.length === 0) return verdict('fail', 'allBroken', { domain, keys: list(live.map((key) => key.selector)) }, advice, facts);
    const worst = ORDER.find((status) => judged.some((entry) => entry.status === status)) ?? 'pass';
    const summary = worst === 'fail' ? 'tooWeak' : worst === 'warn' ? 'weak' : 'pass';
    return verdict(worst, summary, { domain, keys: labels }, advice, facts);
  },
};
