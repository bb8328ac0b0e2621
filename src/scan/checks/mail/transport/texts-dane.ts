/** Texts of mail.dane in EN/NL/SV. */
import type { Lang } from '../../../../core/lang.js';
import type { CheckTexts } from '../../../check.js';

export const DANE_TEXTS: Record<Lang, CheckTexts> = {
  en: {
    title: 'DANE for the mail servers',
    verifies:
      'Each mail server publishes its certificate fingerprint in DNS (a TLSA record at _25._tcp.<server>), signed with DNSSEC, and the fingerprint matches the certificate the server presents. Sending servers can then be sure they talk to the real mail server and encrypt the mail.',
    pass: 'DANE works for the mail server {{host}}: the signed TLSA record at {{name}} matches its certificate.',
    passRollover: 'DANE works for the mail server {{host}}: the signed TLSA records at {{name}} match its certificate and keep working when the certificate is replaced.',
    none: 'There is no TLSA record at {{name}}, so sending servers cannot verify that they talk to the real mail server {{host}} (no DANE).',
    insecure: 'The TLSA records at {{name}} are not protected by DNSSEC, so sending servers ignore them: DANE does not work for {{host}}.',
    bogus: 'The DNSSEC signatures of the TLSA records at {{name}} are broken ({{reason}}); servers that use DANE will hold back all mail to {{host}}.',
    indeterminate: 'Whether the TLSA records at {{name}} are protected by DNSSEC could not be determined ({{reason}}).',
    lookupFailed: 'The TLSA records at {{name}} could not be looked up: {{reason}}',
    noUsable: 'The TLSA records at {{name}} ({{records}}) are of kinds that mail servers do not use (only usages 2 and 3 count for e-mail), so DANE does not work for {{host}}.',
    tlsaWithoutStarttls: 'There are TLSA records at {{name}}, but the mail server {{host}} does not offer working STARTTLS: servers that use DANE will not deliver mail to it at all.',
    noMatch: 'None of the TLSA records at {{name}} matches the certificate the mail server {{host}} presents, so servers that use DANE will hold back mail to it.',
    taName: 'A TLSA record at {{name}} names the certificate authority of {{host}}, but the server certificate is not issued for the name {{host}}, so servers that use DANE reject it.',
    publish:
      'Publish a TLSA record at {{name}} for the certificate of {{host}}, usually "3 1 1" followed by the SHA-256 of the public key, plus a second record for the next key or the issuing authority ("2 1 1"). Your DNS or mail provider can do this; the zone must be signed with DNSSEC.',
    signZone: 'Turn on DNSSEC for the zone of {{host}} (in your DNS provider\'s or registrar\'s control panel), otherwise TLSA records have no effect.',
    fixBogus: 'Repair DNSSEC for {{name}} with your DNS provider (expired signatures or a wrong DS record are the usual cause); until then servers that use DANE cannot deliver mail to {{host}}.',
    enableStarttls: 'Turn on STARTTLS on the mail server {{host}} right away, or remove its TLSA records until it works; see the STARTTLS check.',
    updateTlsa:
      'Update the TLSA records at {{name}} to the certificate {{host}} uses now (for "3 1 1": the SHA-256 of its public key). Publish the new record before you change a certificate or key, and remove the old one only after the change.',
    fixTaName: 'Install a certificate on {{host}} that is issued for that exact name, or use a "3 1 1" record for the server\'s own key instead.',
    dropPkix: 'Remove the TLSA records at {{name}} that e-mail does not use ({{records}}): usages 0 and 1 are for the web, not for mail servers.',
    rollover:
      'Add a second TLSA record at {{name}}, for the next key ("3 1 1") or for the issuing authority ("2 1 1"), so that DANE keeps working when the certificate is renewed.',
  },
  nl: {
    title: 'DANE voor de mailservers',
    verifies:
      'Elke mailserver publiceert de vingerafdruk van zijn certificaat in DNS (een TLSA-record op _25._tcp.<server>), ondertekend met DNSSEC, en die vingerafdruk past bij het certificaat dat de server toont. Verzendende servers weten dan zeker dat ze met de echte mailserver praten en versleutelen de mail.',
    pass: 'DANE werkt voor de mailserver {{host}}: het ondertekende TLSA-record op {{name}} past bij het certificaat.',
    passRollover: 'DANE werkt voor de mailserver {{host}}: de ondertekende TLSA-records op {{name}} passen bij het certificaat en blijven werken als het certificaat wordt vervangen.',
    none: 'Er is geen TLSA-record op {{name}}, dus verzendende servers kunnen niet controleren of ze met de echte mailserver {{host}} praten (geen DANE).',
    insecure: 'De TLSA-records op {{name}} worden niet door DNSSEC beschermd, dus verzendende servers negeren ze: DANE werkt niet voor {{host}}.',
    bogus: 'De DNSSEC-handtekeningen van de TLSA-records op {{name}} zijn kapot ({{reason}}); servers die DANE gebruiken, houden alle mail aan {{host}} tegen.',
    indeterminate: 'Of de TLSA-records op {{name}} door DNSSEC worden beschermd, kon niet worden vastgesteld ({{reason}}).',
    lookupFailed: 'De TLSA-records op {{name}} konden niet worden opgevraagd: {{reason}}',
    noUsable: 'De TLSA-records op {{name}} ({{records}}) zijn van een soort die mailservers niet gebruiken (voor e-mail tellen alleen gebruik 2 en 3), dus DANE werkt niet voor {{host}}.',
    tlsaWithoutStarttls: 'Er staan TLSA-records op {{name}}, maar de mailserver {{host}} biedt geen werkende STARTTLS: servers die DANE gebruiken, leveren daar helemaal geen mail meer af.',
    noMatch: 'Geen van de TLSA-records op {{name}} past bij het certificaat dat de mailserver {{host}} toont, dus servers die DANE gebruiken, houden mail aan deze server tegen.',
    taName: 'Een TLSA-record op {{name}} noemt de certificaatautoriteit van {{host}}, maar het servercertificaat is niet uitgegeven voor de naam {{host}}, dus servers die DANE gebruiken, weigeren het.',
    publish:
      'Publiceer een TLSA-record op {{name}} voor het certificaat van {{host}}, meestal "3 1 1" gevolgd door de SHA-256 van de publieke sleutel, plus een tweede record voor de volgende sleutel of de uitgevende autoriteit ("2 1 1"). Uw DNS- of mailprovider kan dit doen; de zone moet met DNSSEC zijn ondertekend.',
    signZone: 'Zet DNSSEC aan voor de zone van {{host}} (in het controlepaneel van uw DNS-provider of registrar), anders hebben TLSA-records geen effect.',
    fixBogus: 'Herstel DNSSEC voor {{name}} met uw DNS-provider (verlopen handtekeningen of een verkeerd DS-record zijn de gebruikelijke oorzaak); tot dan kunnen servers die DANE gebruiken geen mail afleveren bij {{host}}.',
    enableStarttls: 'Zet STARTTLS direct aan op de mailserver {{host}}, of verwijder de TLSA-records tot het werkt; zie de STARTTLS-controle.',
    updateTlsa:
      'Werk de TLSA-records op {{name}} bij naar het certificaat dat {{host}} nu gebruikt (voor "3 1 1": de SHA-256 van de publieke sleutel). Publiceer het nieuwe record voordat u een certificaat of sleutel vervangt, en verwijder het oude pas daarna.',
    fixTaName: 'Installeer op {{host}} een certificaat dat voor precies die naam is uitgegeven, of gebruik in plaats daarvan een "3 1 1"-record voor de eigen sleutel van de server.',
    dropPkix: 'Verwijder de TLSA-records op {{name}} die e-mail niet gebruikt ({{records}}): gebruik 0 en 1 zijn voor het web, niet voor mailservers.',
    rollover:
      'Voeg een tweede TLSA-record toe op {{name}}, voor de volgende sleutel ("3 1 1") of voor de uitgevende autoriteit ("2 1 1"), zodat DANE blijft werken als het certificaat wordt vernieuwd.',
  },
  sv: {
    title: 'DANE för e-postservrarna',
    verifies:
      'Varje e-postserver publicerar sitt certifikats fingeravtryck i DNS (en TLSA-post på _25._tcp.<server>), signerad med DNSSEC, och fingeravtrycket stämmer med certifikatet servern visar. Avsändande servrar vet då säkert att de talar med den riktiga e-postservern och krypterar e-posten.',
    pass: 'DANE fungerar för e-postservern {{host}}: den signerade TLSA-posten på {{name}} stämmer med certifikatet.',
    passRollover: 'DANE fungerar för e-postservern {{host}}: de signerade TLSA-posterna på {{name}} stämmer med certifikatet och fortsätter att fungera när certifikatet byts.',
    none: 'Det finns ingen TLSA-post på {{name}}, så avsändande servrar kan inte kontrollera att de talar med den riktiga e-postservern {{host}} (ingen DANE).',
    insecure: 'TLSA-posterna på {{name}} skyddas inte av DNSSEC, så avsändande servrar ignorerar dem: DANE fungerar inte för {{host}}.',
    bogus: 'DNSSEC-signaturerna för TLSA-posterna på {{name}} är trasiga ({{reason}}); servrar som använder DANE håller inne all e-post till {{host}}.',
    indeterminate: 'Om TLSA-posterna på {{name}} skyddas av DNSSEC kunde inte avgöras ({{reason}}).',
    lookupFailed: 'TLSA-posterna på {{name}} kunde inte slås upp: {{reason}}',
    noUsable: 'TLSA-posterna på {{name}} ({{records}}) är av ett slag som e-postservrar inte använder (för e-post räknas bara användning 2 och 3), så DANE fungerar inte för {{host}}.',
    tlsaWithoutStarttls: 'Det finns TLSA-poster på {{name}}, men e-postservern {{host}} erbjuder ingen fungerande STARTTLS: servrar som använder DANE levererar inte någon e-post dit alls.',
    noMatch: 'Ingen av TLSA-posterna på {{name}} stämmer med certifikatet som e-postservern {{host}} visar, så servrar som använder DANE håller inne e-post till den.',
    taName: 'En TLSA-post på {{name}} anger certifikatutfärdaren för {{host}}, men servercertifikatet är inte utfärdat för namnet {{host}}, så servrar som använder DANE avvisar det.',
    publish:
      'Publicera en TLSA-post på {{name}} för certifikatet för {{host}}, oftast "3 1 1" följt av SHA-256 av den publika nyckeln, plus en andra post för nästa nyckel eller för utfärdaren ("2 1 1"). Din DNS- eller e-postleverantör kan göra det; zonen måste vara signerad med DNSSEC.',
    signZone: 'Slå på DNSSEC för zonen för {{host}} (i kontrollpanelen hos din DNS-leverantör eller registrar), annars har TLSA-poster ingen verkan.',
    fixBogus: 'Reparera DNSSEC för {{name}} med din DNS-leverantör (utgångna signaturer eller en felaktig DS-post är den vanliga orsaken); till dess kan servrar som använder DANE inte leverera e-post till {{host}}.',
    enableStarttls: 'Slå på STARTTLS på e-postservern {{host}} genast, eller ta bort dess TLSA-poster tills det fungerar; se STARTTLS-kontrollen.',
    updateTlsa:
      'Uppdatera TLSA-posterna på {{name}} till certifikatet som {{host}} använder nu (för "3 1 1": SHA-256 av den publika nyckeln). Publicera den nya posten innan du byter certifikat eller nyckel, och ta bort den gamla först efteråt.',
    fixTaName: 'Installera ett certifikat på {{host}} som är utfärdat för exakt det namnet, eller använd i stället en "3 1 1"-post för serverns egen nyckel.',
    dropPkix: 'Ta bort TLSA-posterna på {{name}} som e-post inte använder ({{records}}): användning 0 och 1 är till för webben, inte för e-postservrar.',
    rollover:
      'Lägg till en andra TLSA-post på {{name}}, för nästa nyckel ("3 1 1") eller för utfärdaren ("2 1 1"), så att DANE fortsätter att fungera när certifikatet förnyas.',
  },
};
