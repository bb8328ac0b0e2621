/**
 * Texts of privacy.statement.contents: the verdicts, per GDPR art. 13 element its name (the
 * summary lists the elements missing or denied, joined per language by the renderer) and what
 * to add. Plain words for a shop owner; Dutch uses the formal "u". `someMissing` and
 * `coreMissing` are no longer given but stay for scans stored before the summary named the elements.
 */
import type { CheckTexts } from '../../check.js';
import type { Lang } from '../../../core/lang.js';

export const CONTENTS_TEXTS: Record<Lang, CheckTexts> = {
  en: {
    title: 'What the privacy statement says',
    verifies:
      'The privacy statement tells visitors everything the GDPR (article 13) requires: who you are and how to reach you, why and on what basis you use their data, who receives it, how long you keep it, their rights and where to complain. Each element found is shown with the sentence that says it.',
    notCollected: 'The privacy part of the scan was not collected, so this could not be checked.',
    noStatement: 'No privacy statement was found to read, so its contents could not be checked. See the check on the link to the privacy statement.',
    unreadable: 'The privacy statement at {{url}} could not be read ({{reason}}), so its contents could not be checked.',
    complete: 'The privacy statement at {{url}} contains all {{total}} elements the law asks for.',
    someMissing: 'The privacy statement at {{url}} misses {{count}} of the {{total}} elements the law asks for.',
    coreMissing: 'The privacy statement at {{url}} misses {{count}} of the {{total}} elements the law asks for, at least one of them essential.',
    gaps_one: 'The privacy statement at {{url}} does not state one of the {{total}} elements the law asks for: {{missing}}.',
    gaps_other: 'The privacy statement at {{url}} does not state {{count}} of the {{total}} elements the law asks for: {{missing}}.',
    denies: 'The privacy statement at {{url}} takes away {{denied}}, which the GDPR gives every visitor.',
    gapsAndDenies_one:
      'The privacy statement at {{url}} takes away {{denied}}, which the GDPR gives every visitor, and does not state one of the {{total}} elements the law asks for: {{missing}}.',
    gapsAndDenies_other:
      'The privacy statement at {{url}} takes away {{denied}}, which the GDPR gives every visitor, and does not state {{count}} of the {{total}} elements the law asks for: {{missing}}.',
    errorPage: 'The privacy statement link {{url}} answers with status {{status}}: an error page, not the statement, so its contents were not read.',
    notFoundPage: 'The privacy statement link {{url}} opens a page that says “{{phrase}}” instead of the statement, so its contents were not read.',
    homePage: 'The privacy statement link {{url}} leads to the home page, not the statement, so its contents were not read.',
    element_controller: 'who is responsible for the data',
    element_controllerContact: 'contact details for privacy questions',
    element_dpo: 'the data protection officer’s contact details',
    element_purposes: 'what the data is used for (the purposes)',
    element_legalBasis: 'the legal basis',
    element_legitimateInterests: 'which legitimate interest is meant',
    element_recipients: 'who receives the data',
    element_transfersSafeguard: 'what protects data sent outside the EEA',
    element_transfersMention: 'whether data leaves the EEA',
    element_retention: 'how long the data is kept',
    element_rightAccess: 'the right of access',
    element_rightRectification: 'the right to rectification',
    element_rightErasure: 'the right to erasure',
    element_rightRestriction: 'the right to restriction',
    element_rightObjection: 'the right to object',
    element_rightPortability: 'the right to data portability',
    element_withdrawConsent: 'the right to withdraw consent',
    element_complaint: 'the right to complain to the data protection authority',
    element_requirement: 'whether people must give their data',
    element_automatedDecisions: 'whether decisions are automated',
    element_breachPolicy: 'what you do after a data breach',
    denied:
      'Your statement says: “{{sentence}}”. The GDPR gives people this right; a statement may not take it away. Describe the right and how to use it instead.',
    add_controller:
      'Say who is responsible for the data: the full name of your business, its address, and an e-mail address or phone number for privacy questions.',
    add_controllerContact: 'Add contact details for privacy questions next to your business name: an e-mail address, a phone number or a postal address.',
    add_dpo: 'If you have a data protection officer, give their contact details. If you do not have one, you may say so.',
    add_purposes: 'Explain what you use personal data for, for example: delivering orders, sending invoices, the newsletter.',
    add_legalBasis:
      'For each use, name the legal basis from the GDPR: the contract with the customer, a legal obligation (such as tax law), consent, or your legitimate interest.',
    add_legitimateInterests:
      'You rely on a “legitimate interest”. Say which interest that is, for example preventing fraud or keeping your shop secure.',
    add_recipients: 'Say who receives the data, by name or by type: for example the parcel service, the payment provider, your web host.',
    add_transfersSafeguard:
      'The statement says data goes outside the European Economic Area. Say what protects it there: an adequacy decision of the European Commission (for example the EU-US Data Privacy Framework) or standard contractual clauses.',
    add_transfersMention:
      'Say whether personal data leaves the European Economic Area (for example through an American e-mail or analytics service), and if so, what protects it. If it does not, say that too.',
    add_retention: 'Say how long you keep personal data, or how you decide that (for example: invoices seven years because of tax law).',
    add_rightAccess: 'Tell people they can ask which personal data you have about them and get a copy (right of access).',
    add_rightRectification: 'Tell people they can have incorrect data corrected (right to rectification).',
    add_rightErasure: 'Tell people they can ask you to delete their data (right to erasure).',
    add_rightRestriction: 'Tell people they can ask you to temporarily stop using their data, for example while a disagreement is sorted out (right to restriction).',
    add_rightObjection: 'Tell people they can object to the use of their data, in particular for direct marketing (right to object).',
    add_rightPortability: 'Tell people they can receive their data in a common file format or have it sent to another company (right to data portability).',
    add_withdrawConsent: 'You ask for consent (for example for the newsletter). Say that people can withdraw it at any time, and how.',
    add_complaint: 'Tell people they can complain to the data protection authority of your country, and name that authority.',
    add_complaintAuthority: 'Tell people they can complain to the data protection authority, and name it: for your shop that is {{authority}} ({{website}}).',
    add_complaintFederalState:
      'Tell people they can complain to a data protection authority, and name the one of the German federal state (Land) where your business is established; the federal commissioner lists them at {{website}}.',
    add_requirement:
      'Say whether people must give their data and what happens if they do not (for example: without an address we cannot deliver the order).',
    add_automatedDecisions: 'Say whether you make automated decisions about people, including profiling. If you do not, say so in one sentence.',
    add_breachPolicy:
      'Recommended: say what you do if personal data leaks (a data breach), for example that you report it to the authority within 72 hours and inform the people affected.',
  },
  nl: {
    title: 'Wat de privacyverklaring zegt',
    verifies:
      'De privacyverklaring vertelt bezoekers alles wat de AVG (artikel 13) vraagt: wie u bent en hoe men u bereikt, waarvoor en op welke grondslag u gegevens gebruikt, wie ze ontvangt, hoe lang u ze bewaart, welke rechten men heeft en waar men kan klagen. Elk gevonden onderdeel wordt getoond met de zin waarin het staat.',
    notCollected: 'Het privacydeel van de scan is niet verzameld, dus dit kon niet worden gecontroleerd.',
    noStatement: 'Er is geen privacyverklaring gevonden om te lezen, dus de inhoud kon niet worden gecontroleerd. Zie de controle op de link naar de privacyverklaring.',
    unreadable: 'De privacyverklaring op {{url}} kon niet worden gelezen ({{reason}}), dus de inhoud kon niet worden gecontroleerd.',
    complete: 'De privacyverklaring op {{url}} bevat alle {{total}} onderdelen die de wet vraagt.',
    someMissing: 'In de privacyverklaring op {{url}} ontbreken {{count}} van de {{total}} onderdelen die de wet vraagt.',
    coreMissing: 'In de privacyverklaring op {{url}} ontbreken {{count}} van de {{total}} onderdelen die de wet vraagt, waarvan ten minste één essentieel.',
    gaps_one: 'In de privacyverklaring op {{url}} ontbreekt één van de {{total}} onderdelen die de wet vraagt: {{missing}}.',
    gaps_other: 'In de privacyverklaring op {{url}} ontbreken {{count}} van de {{total}} onderdelen die de wet vraagt: {{missing}}.',
    denies: 'De privacyverklaring op {{url}} ontzegt bezoekers {{denied}}, terwijl de AVG iedereen daar recht op geeft.',
    gapsAndDenies_one:
      'De privacyverklaring op {{url}} ontzegt bezoekers {{denied}}, terwijl de AVG iedereen daar recht op geeft, en er ontbreekt één van de {{total}} onderdelen die de wet vraagt: {{missing}}.',
    gapsAndDenies_other:
      'De privacyverklaring op {{url}} ontzegt bezoekers {{denied}}, terwijl de AVG iedereen daar recht op geeft, en er ontbreken {{count}} van de {{total}} onderdelen die de wet vraagt: {{missing}}.',
    errorPage: 'De link naar de privacyverklaring {{url}} antwoordt met status {{status}}: een foutpagina, niet de verklaring, dus de inhoud is niet gelezen.',
    notFoundPage: 'De link naar de privacyverklaring {{url}} opent een pagina die “{{phrase}}” zegt in plaats van de verklaring, dus de inhoud is niet gelezen.',
    homePage: 'De link naar de privacyverklaring {{url}} leidt naar de startpagina, niet naar de verklaring, dus de inhoud is niet gelezen.',
    element_controller: 'wie verantwoordelijk is voor de gegevens',
    element_controllerContact: 'contactgegevens voor privacyvragen',
    element_dpo: 'de contactgegevens van de functionaris gegevensbescherming',
    element_purposes: 'waarvoor de gegevens worden gebruikt (de doelen)',
    element_legalBasis: 'de grondslag',
    element_legitimateInterests: 'welk gerechtvaardigd belang bedoeld is',
    element_recipients: 'wie de gegevens ontvangt',
    element_transfersSafeguard: 'wat gegevens buiten de EER beschermt',
    element_transfersMention: 'of gegevens buiten de EER gaan',
    element_retention: 'hoe lang de gegevens worden bewaard',
    element_rightAccess: 'het recht op inzage',
    element_rightRectification: 'het recht op rectificatie',
    element_rightErasure: 'het recht op vergetelheid',
    element_rightRestriction: 'het recht op beperking van de verwerking',
    element_rightObjection: 'het recht van bezwaar',
    element_rightPortability: 'het recht op dataportabiliteit',
    element_withdrawConsent: 'het recht om toestemming in te trekken',
    element_complaint: 'het recht om te klagen bij de toezichthouder',
    element_requirement: 'of mensen hun gegevens moeten geven',
    element_automatedDecisions: 'of er geautomatiseerde besluiten worden genomen',
    element_breachPolicy: 'wat u doet bij een datalek',
    denied:
      'Uw verklaring zegt: “{{sentence}}”. De AVG geeft mensen dit recht; een privacyverklaring kan het niet afnemen. Beschrijf in plaats daarvan het recht en hoe men het gebruikt.',
    add_controller:
      'Vermeld wie verantwoordelijk is voor de gegevens: de volledige naam van uw bedrijf, het adres, en een e-mailadres of telefoonnummer voor privacyvragen.',
    add_controllerContact: 'Zet contactgegevens voor privacyvragen bij uw bedrijfsnaam: een e-mailadres, een telefoonnummer of een postadres.',
    add_dpo: 'Heeft u een functionaris gegevensbescherming, vermeld dan zijn of haar contactgegevens. Heeft u er geen, dan mag u dat vermelden.',
    add_purposes: 'Leg uit waarvoor u persoonsgegevens gebruikt, bijvoorbeeld: bestellingen bezorgen, facturen sturen, de nieuwsbrief.',
    add_legalBasis:
      'Noem voor elk gebruik de grondslag uit de AVG: de overeenkomst met de klant, een wettelijke plicht (zoals de fiscale bewaarplicht), toestemming, of uw gerechtvaardigd belang.',
    add_legitimateInterests:
      'U beroept zich op een “gerechtvaardigd belang”. Vermeld welk belang dat is, bijvoorbeeld fraude voorkomen of uw webwinkel beveiligen.',
    add_recipients: 'Vermeld wie de gegevens ontvangt, bij naam of soort: bijvoorbeeld de pakketdienst, de betaalprovider, uw hostingbedrijf.',
    add_transfersSafeguard:
      'De verklaring zegt dat gegevens buiten de Europese Economische Ruimte gaan. Vermeld wat ze daar beschermt: een adequaatheidsbesluit van de Europese Commissie (bijvoorbeeld het EU-US Data Privacy Framework) of modelcontractbepalingen.',
    add_transfersMention:
      'Vermeld of persoonsgegevens buiten de Europese Economische Ruimte gaan (bijvoorbeeld via een Amerikaanse e-mail- of analysedienst) en zo ja, wat ze beschermt. Gebeurt dat niet, vermeld dat dan ook.',
    add_retention: 'Vermeld hoe lang u persoonsgegevens bewaart, of hoe u dat bepaalt (bijvoorbeeld: facturen zeven jaar vanwege de fiscale bewaarplicht).',
    add_rightAccess: 'Vertel mensen dat zij kunnen vragen welke persoonsgegevens u van hen heeft en daarvan een kopie krijgen (recht op inzage).',
    add_rightRectification: 'Vertel mensen dat zij onjuiste gegevens kunnen laten verbeteren (recht op rectificatie).',
    add_rightErasure: 'Vertel mensen dat zij u kunnen vragen hun gegevens te verwijderen (recht op vergetelheid).',
    add_rightRestriction:
      'Vertel mensen dat zij u kunnen vragen hun gegevens tijdelijk niet te gebruiken, bijvoorbeeld zolang een meningsverschil loopt (recht op beperking van de verwerking).',
    add_rightObjection: 'Vertel mensen dat zij bezwaar kunnen maken tegen het gebruik van hun gegevens, zeker voor direct marketing (recht van bezwaar).',
    add_rightPortability:
      'Vertel mensen dat zij hun gegevens in een gangbaar bestandsformaat kunnen krijgen of laten doorsturen naar een ander bedrijf (recht op dataportabiliteit).',
    add_withdrawConsent: 'U vraagt toestemming (bijvoorbeeld voor de nieuwsbrief). Vermeld dat men die op elk moment kan intrekken, en hoe.',
    add_complaint: 'Vertel mensen dat zij een klacht kunnen indienen bij de toezichthouder voor gegevensbescherming van uw land, en noem die toezichthouder.',
    add_complaintAuthority:
      'Vertel mensen dat zij een klacht kunnen indienen bij de toezichthouder voor gegevensbescherming, en noem die: voor uw webwinkel is dat {{authority}} ({{website}}).',
    add_complaintFederalState:
      'Vertel mensen dat zij een klacht kunnen indienen bij een toezichthouder, en noem die van de Duitse deelstaat (Land) waar uw bedrijf gevestigd is; de federale toezichthouder somt ze op via {{website}}.',
    add_requirement:
      'Vermeld of mensen hun gegevens moeten geven en wat er gebeurt als zij dat niet doen (bijvoorbeeld: zonder adres kunnen wij de bestelling niet bezorgen).',
    add_automatedDecisions:
      'Vermeld of u geautomatiseerde besluiten over mensen neemt, inclusief profilering. Doet u dat niet, zeg dat dan in één zin.',
    add_breachPolicy:
      'Aanbevolen: vermeld wat u doet als persoonsgegevens uitlekken (een datalek), bijvoorbeeld dat u het binnen 72 uur meldt bij de toezichthouder en de betrokkenen informeert.',
  },
  sv: {
    title: 'Vad integritetspolicyn säger',
    verifies:
      'Integritetspolicyn berättar allt som GDPR (artikel 13) kräver: vem du är och hur man når dig, varför och med vilken rättslig grund du använder uppgifterna, vem som får dem, hur länge du sparar dem, vilka rättigheter man har och var man kan klaga. Varje del som hittas visas med meningen där den står.',
    notCollected: 'Integritetsdelen av skanningen samlades inte in, så detta kunde inte kontrolleras.',
    noStatement: 'Ingen integritetspolicy hittades att läsa, så innehållet kunde inte kontrolleras. Se kontrollen av länken till integritetspolicyn.',
    unreadable: 'Integritetspolicyn på {{url}} kunde inte läsas ({{reason}}), så innehållet kunde inte kontrolleras.',
    complete: 'Integritetspolicyn på {{url}} innehåller alla {{total}} delar som lagen kräver.',
    someMissing: 'Integritetspolicyn på {{url}} saknar {{count}} av de {{total}} delar som lagen kräver.',
    coreMissing: 'Integritetspolicyn på {{url}} saknar {{count}} av de {{total}} delar som lagen kräver, varav minst en grundläggande.',
    gaps_one: 'Integritetspolicyn på {{url}} saknar en av de {{total}} delar som lagen kräver: {{missing}}.',
    gaps_other: 'Integritetspolicyn på {{url}} saknar {{count}} av de {{total}} delar som lagen kräver: {{missing}}.',
    denies: 'Integritetspolicyn på {{url}} fråntar besökarna {{denied}}, som GDPR ger alla.',
    gapsAndDenies_one: 'Integritetspolicyn på {{url}} fråntar besökarna {{denied}}, som GDPR ger alla, och saknar en av de {{total}} delar som lagen kräver: {{missing}}.',
    gapsAndDenies_other:
      'Integritetspolicyn på {{url}} fråntar besökarna {{denied}}, som GDPR ger alla, och saknar {{count}} av de {{total}} delar som lagen kräver: {{missing}}.',
    errorPage: 'Länken till integritetspolicyn {{url}} svarar med status {{status}}: en felsida, inte policyn, så innehållet lästes inte.',
    notFoundPage: 'Länken till integritetspolicyn {{url}} öppnar en sida som säger ”{{phrase}}” i stället för policyn, så innehållet lästes inte.',
    homePage: 'Länken till integritetspolicyn {{url}} leder till startsidan, inte till policyn, så innehållet lästes inte.',
    element_controller: 'vem som är ansvarig för uppgifterna',
    element_controllerContact: 'kontaktuppgifter för integritetsfrågor',
    element_dpo: 'dataskyddsombudets kontaktuppgifter',
    element_purposes: 'vad uppgifterna används till (ändamålen)',
    element_legalBasis: 'den rättsliga grunden',
    element_legitimateInterests: 'vilket berättigat intresse det gäller',
    element_recipients: 'vem som får uppgifterna',
    element_transfersSafeguard: 'vad som skyddar uppgifter utanför EU/EES',
    element_transfersMention: 'om uppgifter förs utanför EU/EES',
    element_retention: 'hur länge uppgifterna sparas',
    element_rightAccess: 'rätten till tillgång',
    element_rightRectification: 'rätten till rättelse',
    element_rightErasure: 'rätten till radering',
    element_rightRestriction: 'rätten till begränsning',
    element_rightObjection: 'rätten att invända',
    element_rightPortability: 'rätten till dataportabilitet',
    element_withdrawConsent: 'rätten att återkalla samtycke',
    element_complaint: 'rätten att klaga hos tillsynsmyndigheten',
    element_requirement: 'om man måste lämna sina uppgifter',
    element_automatedDecisions: 'om automatiserade beslut fattas',
    element_breachPolicy: 'vad du gör vid en personuppgiftsincident',
    denied:
      'Din policy säger: ”{{sentence}}”. GDPR ger människor den här rättigheten; en integritetspolicy kan inte ta bort den. Beskriv i stället rättigheten och hur man använder den.',
    add_controller:
      'Ange vem som är ansvarig för uppgifterna: företagets fullständiga namn, adress och en e-postadress eller ett telefonnummer för integritetsfrågor.',
    add_controllerContact: 'Lägg till kontaktuppgifter för integritetsfrågor vid företagsnamnet: en e-postadress, ett telefonnummer eller en postadress.',
    add_dpo: 'Om du har ett dataskyddsombud, ange hur man når det. Har du inget får du gärna skriva det.',
    add_purposes: 'Förklara vad du använder personuppgifter till, till exempel att leverera beställningar, skicka fakturor, nyhetsbrevet.',
    add_legalBasis:
      'Ange för varje användning den rättsliga grunden i GDPR: avtalet med kunden, en rättslig förpliktelse (som bokföringslagen), samtycke eller ditt berättigade intresse.',
    add_legitimateInterests:
      'Du stöder dig på ett ”berättigat intresse”. Ange vilket intresse det är, till exempel att förhindra bedrägerier eller skydda din butik.',
    add_recipients: 'Ange vem som får uppgifterna, med namn eller typ: till exempel fraktbolaget, betalleverantören, ditt webbhotell.',
    add_transfersSafeguard:
      'Policyn säger att uppgifter förs utanför EU/EES. Ange vad som skyddar dem där: ett beslut om adekvat skyddsnivå från EU-kommissionen (till exempel EU-US Data Privacy Framework) eller standardavtalsklausuler.',
    add_transfersMention:
      'Ange om personuppgifter förs utanför EU/EES (till exempel via en amerikansk e-post- eller analystjänst) och i så fall vad som skyddar dem. Sker det inte, skriv det också.',
    add_retention: 'Ange hur länge du sparar personuppgifter, eller hur du bestämmer det (till exempel: bokföringsunderlag i sju år enligt bokföringslagen).',
    add_rightAccess: 'Berätta att man kan fråga vilka personuppgifter du har om en och få en kopia (rätt till tillgång, registerutdrag).',
    add_rightRectification: 'Berätta att man kan få felaktiga uppgifter rättade (rätt till rättelse).',
    add_rightErasure: 'Berätta att man kan be dig radera sina uppgifter (rätt till radering).',
    add_rightRestriction:
      'Berätta att man kan be dig att tillfälligt sluta använda uppgifterna, till exempel medan en oenighet reds ut (rätt till begränsning).',
    add_rightObjection: 'Berätta att man kan invända mot att uppgifterna används, särskilt för direktmarknadsföring (rätt att invända).',
    add_rightPortability: 'Berätta att man kan få ut sina uppgifter i ett vanligt filformat eller få dem skickade till ett annat företag (rätt till dataportabilitet).',
    add_withdrawConsent: 'Du ber om samtycke (till exempel för nyhetsbrevet). Skriv att man när som helst kan återkalla det, och hur.',
    add_complaint: 'Berätta att man kan klaga hos dataskyddsmyndigheten i ditt land, och ange vilken myndighet det är.',
    add_complaintAuthority: 'Berätta att man kan klaga hos dataskyddsmyndigheten och ange vilken: för din butik är det {{authority}} ({{website}}).',
    add_complaintFederalState:
      'Berätta att man kan klaga hos en dataskyddsmyndighet och ange myndigheten i den tyska delstat (Land) där företaget är etablerat; den federala myndigheten listar dem på {{website}}.',
    add_requirement:
      'Ange om man måste lämna sina uppgifter och vad som händer om man inte gör det (till exempel: utan adress kan vi inte leverera beställningen).',
    add_automatedDecisions: 'Ange om du fattar automatiserade beslut om personer, inklusive profilering. Gör du inte det, skriv det i en mening.',
    add_breachPolicy:
      'Rekommendation: beskriv vad du gör om personuppgifter läcker (en personuppgiftsincident), till exempel att du anmäler den till tillsynsmyndigheten inom 72 timmar och informerar de berörda.',
  },
};
