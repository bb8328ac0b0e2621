/**
 * Plain-words patterns, tried after each language's own (which are listed strongest first): how a
 * small shop says the elements without the legal terms (issue 14). Purposes as an ordinary verb
 * phrase ("we use your address to send your parcel"), the legal basis as a reason ("because we need
 * it for your order", "our business interest"), the requirement as what happens without the data
 * ("without them we cannot deliver", "fields marked * are required"), rights as verbs the visitor
 * can ask for ("ask us to see, change or delete your data"; these only count in a rights context).
 */
import { once } from '../../../core/once.js';
import { u, type PatternKey } from './pattern-types.js';
import type { StatementLang } from './types.js';

type Extra = Partial<Record<PatternKey, RegExp[]>>;

/** A use verb, then within the clause a purpose connective. */
const EN_USE = '(?:use[sd]?|using|need(?:ed|s)?|process(?:ed|es)?|collect(?:ed|s)?|ask (?:you )?for|keep)';
/** What a use verb must have as its object to speak of personal data ("we use soy wax to ..." does not). */
const EN_OBJECT = '(?:your|it|them|this|these|data|information|details|address|e-?mail|phone(?: number)?|name)';
const NL_OBJECT = '(?:je|jouw|uw|\\p{L}*gegevens|\\p{L}*informatie|adres|naam|e-?mailadres|telefoonnummer)';
const DE_OBJECT = '(?:Ihre[nrm]?|\\p{L}*daten|\\p{L}*angaben|\\p{L}*informationen|Adresse|Anschrift|Namen?|E-Mail-Adresse|Telefonnummer)';
const FR_OBJECT = '(?:vos|votre|données|informations|adresse|coordonnées|nom|e-?mail)';
const SV_OBJECT = '(?:din|ditt|dina|\\p{L}*uppgifter(?:na)?|\\p{L}*information(?:en)?|adress(?:en)?|namn(?:et)?|e-?post(?:adress)?(?:en)?|telefonnummer|dem)';

/** A rights verb with a data word within the clause, before or after it ("Ihre Daten einzusehen, zu ändern"). */
function near(verb: string, dataWord: string): RegExp {
  return u(new RegExp(`\\b${verb}\\b(?=[^.;]{0,50}\\b${dataWord}\\b)|(?<=\\b${dataWord}\\b[^.;]{0,50})\\b${verb}\\b`, 'u'));
}

/**
 * A use verb with a personal-data object (before or after it, as in "Ihre Adresse brauchen wir"),
 * then a purpose connective in the same clause.
 */
function usedFor(verb: string, object: string, connective: string): RegExp {
  return u(new RegExp(`(?:\\b${object}\\b[^.;]{0,40}\\b${verb}\\b|\\b${verb}\\b[^.;]{0,40}\\b${object}\\b)[^.;]{0,50}?\\b${connective}\\b`, 'u'));
}

export const PLAIN_PATTERNS = once(
  (): Record<StatementLang, Extra> => ({
    en: {
      withdrawConsent: [u(/\b(?:withdraw|revoke) (?:it|this|that)\b/), u(/\bunsubscribe\b[^.;]{0,40}\bat any (?:time|moment)\b/)],
      retention: [u(/:\s?(?:until|as long as)\b/), u(/\buntil you (?:unsubscribe|withdraw)\b/), u(/\buntil you (?:delete|close|remove|cancel)\b/), u(/\b(?:hold|keep|store|retain)\b[^.;]{0,40}\bas long as\b/), u(/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:days?|weeks?|months?|years?) (?:after|from|following)\b/)],
      recipients: [u(/\b(?:give|pass|send|forward|hand) (?:on )?(?:your |the )?(?:name|address|details|data|information|e-?mail(?: address)?|phone number)\b[^.;]{0,40}\bto (?:the |our |a )?\p{L}+/u), u(/\bdelivery (?:company|service|firm|partner)\b/)],
      automatedDecisions: [u(/\bcomputer (?:\p{L}+ )?decides?\b/u), u(/\bdecisions?\b[^.;]{0,60}\bautomated (?:processing|means)\b/)],
      purposes: [
        usedFor(EN_USE, EN_OBJECT, `(?:to|so that|so we can|in order to) (?:\\p{L}+ )?(?:send|deliver|ship|process|handle|contact|call|answer|reply|invoice|bill|pay|check|verify|improve|show|tell|inform|let|keep|prevent|offer|confirm|arrange|create|manage|run|give|register|remind|email|e-mail)`),
        u(/\b(?:is|are) (?:only |also )?used (?:to|for)\b/),
        u(/\bso (?:that )?(?:the courier|the carrier|the delivery (?:driver|service)|our courier|we) can (?:deliver|reach|contact|send|ship|process|handle)\b/),
        // A table row under a plain-words title ("Why: sending your parcel"); after the sentences, which say more.
        u(/\b(?:what (?:we use (?:it|them|your data|this) )?for|why we (?:use|need|process|collect) (?:it|them|this|your data)|why)\s?:\s?\p{L}/u),
      ],
      legalBasis: [u(/:\s?(?:contract|performance of (?:a |the )?contract|(?:your )?consent|legal obligation|legitimate interests?)\b/), u(/\bneed (?:it|them|this|these|your \p{L}+) to (?:deliver|process|complete|fulfil|fulfill|ship|handle) (?:your|the) order\b/u), 
        u(/\bas (?:the |our |your )?(?:contract|agreement|law)\b[^.;]{0,60}\brequires?\b/),
        u(/\bbecause\b(?=[^.;]{0,60}\b(?:need(?:ed|s)?|necessary|required|requires?|obliges?|obliged|interests?)\b)(?=[^.;]{0,80}\b(?:orders?|purchases?|contract|agreement|delivery|law|laws|legally|business|tax)\b)/),
        u(/(?<!as long as (?:it is |is )?)\b(?:needed|necessary|required) (?:for|to (?:complete|process|deliver|handle|fulfil|fulfill)) (?:your|the|an?) (?:order|purchase|contract|delivery)\b/),
        u(/\b(?:with|based on) your (?:consent|permission)\b/),
        u(/\bthe law (?:requires|obliges)\b/),
      ],
      legitimateInterestBasis: [u(/\b(?:our|a) (?:business|commercial) interests?\b/)],
      legitimateInterestDescribed: [u(/\blegitimate interests? \(\s?\p{L}/u), u(/\binterests? (?:lies|lie|consists?) in\b/), u(/\b(?:legitimate|business|commercial) interests?\s?:\s?\p{L}/u), u(/\b(?:business|commercial) interests? (?:to|in)\b/)],
      requirement: [u(/\b(?:providing|giving|to provide|to give)\b[^.;]{0,50}\b(?:is|are) (?:voluntary|optional|mandatory|required|compulsory)\b/), u(/\botherwise (?:we|you) (?:cannot|can't|can not|are unable|will not be able|won't be able)\b/), 
        u(/\bwithout (?:it|them|this|these|that|those|such (?:data|information|details))\b[^.;]{0,40}\b(?:cannot|can't|can not|are unable|is not possible|could not|won't be able)\b/),
        u(/\b(?:fields?|boxes) (?:marked|with)\b[^.;]{0,40}\b(?:required|mandatory|obligatory|compulsory|must)\b/),
        u(/\b(?:required|mandatory|obligatory|compulsory) fields?\b/),
        u(/\bprovi(?:sion|ding|de) (?:of )?(?:(?:your|the|this|these|such|personal|us with) )*(?:data|information|details)\b[^.;]{0,80}\b(?:required|necessary|mandatory|obligatory|needed|voluntary|optional|obliged)\b/),
        // Our own duty to keep records ("we keep invoices because we are legally required to") asks nothing of the visitor.
        u(/(?<!\b(?:keep|kept|keeps|retain|retained|store|stored|archive|hold)\b[^.;]{0,60})\b(?:legally|contractually) (?:required|obliged)\b(?![^.;]{0,40}\b(?:keep|retain|store|archive|hold)\b)/),
      ],
      rightAccess: [u(/\b(?:see|view|consult|inspect|look at)\b(?=[^.;]{0,50}\b(?:data|information|details)\b)/)],
      rightRectification: [u(/\b(?:have|get) (?:it|them|this|that) (?:corrected|fixed|updated|changed|rectified)\b/), u(/\b(?:change|correct|update|fix|amend|modify)\b(?=[^.;]{0,50}\b(?:data|information|details)\b)/)],
      rightErasure: [u(/\b(?:be|been|have (?:it|them)|get (?:it|them)) (?:deleted|erased|removed)\b/), u(/\b(?:delete|erase|remove)\b(?=[^.;]{0,50}\b(?:data|information|details|account)\b)/)],
      rightRestriction: [u(/\b(?:limit|restrict)\b(?=[^.;]{0,50}\b(?:use|using|processing|data)\b)/)],
      rightObjection: [u(/\b(?:stop|no longer) (?:receiving|sending|getting|using)\b[^.;]{0,30}\b(?:marketing|newsletters?|offers|advertising|advertisements)\b/), u(/\bstop (?:using|processing)\b/)],
      rightPortability: [u(/\b(?:receive|get)\b[^.;]{0,50}\b(?:file|format)\b[^.;]{0,60}\b(?:another|other|elsewhere|new)\b/)],
    },
    nl: {
      retention: [u(/:\s?(?:tot|totdat|zolang)\b/)],
      automatedDecisions: [u(/\b(?:besluit\p{L}*|beslissing\p{L}*|beslist)\b[^.;]{0,50}\bdoor een computer\b/u)],
      rightErasure: [u(/^(?:verwijderen|wissen)\b/), u(/\b(?:laten|kunt|kan|mag|kun) (?:\p{L}+ ){0,3}(?:verwijderen|wissen|weghalen)\b/u), u(/\bweg te (?:laten )?halen\b/)],
      recipients: [u(/\bgeven (?:wij|we) (?:\p{L}+ )?door aan\b/u), u(/\bkoeriers?\b/)],
      purposes: [
        usedFor('(?:gebruiken|gebruikt|verwerken|verwerkt)(?: (?:we|wij))?', NL_OBJECT, 'voor (?:de|het|je|jouw|uw|een|onze)'),
        usedFor('(?:gebruiken|gebruikt|verwerken|verwerkt|nodig|verzamelen|vragen)', NL_OBJECT, '(?:om|zodat)'),
        u(/\b(?:wordt|worden) (?:alleen |ook )?(?:gebruikt|verwerkt) (?:om|voor)\b/),
        // A table row under a plain-words title ("Why: sending your parcel"); after the sentences, which say more.
        u(/\b(?:waarvoor(?: \p{L}+){0,3}|waarom)\s?:\s?\p{L}/u),
      ],
      legalBasis: [u(/:\s?(?:overeenkomst|uitvoering (?:van (?:de |een )?)?overeenkomst|toestemming|wettelijke (?:plicht|verplichting)|gerechtvaardigd belang)\b/), 
        u(/\b(?:koop)?overeenkomst\b[^.;]{0,30}\b(?:uit te voeren|na te komen|uitvoeren|nakomen)\b/),
        u(/\bomdat\b(?=[^.;]{0,60}\b(?:nodig|noodzakelijk|verplicht|verplichting|belang)\b)(?=[^.;]{0,80}(?:bestelling|overeenkomst|koop|levering|wet|wettelijk|belasting|zakelijk))/),
        u(/(?<!zolang (?:dat |als )?(?:het )?)\b(?:nodig|noodzakelijk) (?:is |zijn )?(?:voor|om) (?:de |je |jouw |uw )?(?:bestelling|levering|overeenkomst|koop)\b/),
        u(/\b(?:met|na) (?:uw|je|jouw) toestemming\b/),
        u(/\bde wet (?:verplicht|schrijft)\b/),
      ],
      legitimateInterestBasis: [u(/\b(?:zakelijk|bedrijfs|commercieel) belang\b/)],
      legitimateInterestDescribed: [u(/\bgerechtvaardigde? belang(?:en)? \(\s?\p{L}/u), u(/\bbelang (?:is )?(?:om|bij)\b/), u(/\bbelang\s?:\s?\p{L}/u), u(/\b(?:zakelijk|bedrijfs|commercieel) belang (?:om|bij)\b/)],
      requirement: [u(/\bniet verplicht\b[^.;]{0,40}\b(?:geven|verstrekken|invullen|delen|op te geven)\b/), u(/\b(?:als|indien|wanneer) (?:je|u|jij) (?:\p{L}+ ){0,3}niet (?:verstrekt|geeft|invult|doorgeeft|opgeeft)\b/u), u(/\b(?:zonder(?: (?:die|deze|dat|dit|ze|het))?|anders) kunnen (?:we|wij)\b[^.;]{0,40}\bniet\b/), 
        u(/\bzonder (?:die|deze|dat|dit|jouw|je|uw|de)? ?(?:\p{L}+ )?(?:gegevens|informatie|adres|naam|e-mailadres)\b/u),
        u(/\bzonder (?:die|deze|dat|dit|ze)\b[^.;]{0,40}\b(?:niet|geen)\b/),
        u(/\bverplichte velden\b/),
        u(/\b(?:velden|vakjes) (?:met|gemarkeerd met)\b[^.;]{0,30}\b(?:verplicht|sterretje)\b/),
        u(/\bverstrekken van (?:uw |je |jouw |de )?(?:persoons)?gegevens\b[^.;]{0,60}\b(?:verplicht|noodzakelijk|nodig|vrijwillig)\b/),
        u(/(?<!\b(?:bewaren|bewaard|bewaart|bewaar|opslaan|archiveren|Belastingdienst|fiscus)\b[^.;]{0,60})\b(?:wettelijk|contractueel) verplicht\b(?![^.;]{0,40}\b(?:bewaren|bewaard|opslaan|archiveren)\b)/),
      ],
      rightAccess: [u(/\b(?:in ?zien|inkijken|bekijken|opvragen)\b/)],
      rightRectification: [u(/\blaten (?:aanpassen|wijzigen|corrigeren|verbeteren|veranderen)\b/), near('(?:te )?(?:wijzigen|corrigeren|verbeteren|aanpassen|veranderen)', 'gegevens')],
      rightRestriction: [u(/\bbeperken\b/)],
      rightObjection: [u(/\bgeen (?:reclame|nieuwsbrief|nieuwsbrieven|marketing|aanbiedingen|e-mails) meer\b/), u(/\b(?:stoppen met|niet meer) (?:het )?(?:gebruiken|gebruik|verwerken)\b/)],
    },
    de: {
      withdrawConsent: [u(/\bjederzeit\b[^.;]{0,40}\b(?:abmelden|austragen)\b|\b(?:abmelden|austragen)\b[^.;]{0,40}\bjederzeit\b/)],
      retention: [u(/:\s?(?:bis|solange)\b/), u(/\b(?:löschen|gelöscht)\b[^.;]{0,60}\b(?:nach Ablauf|sobald|spätestens)\b/)],
      rightObjection: [u(/\bkeine (?:Werbung|Newsletter|Werbe-?E-Mails) mehr\b/)],
      recipients: [u(/\b(?:Paketdienst|Lieferdienst|Zustelldienst|Logistikpartner|Versandpartner|Paketzusteller)\p{L}*/u), u(/\bSpedition\b/), u(/\b(?:geben|leiten) wir\b[^.;]{0,60}\bweiter\b/)],
      automatedDecisions: [u(/\bEntscheidung(?:en)?\b[^.;]{0,60}\bautomatisierte[rn]? Verarbeitung\b/)],
      purposes: [
        usedFor('(?:brauchen|benötigen|nutzen|verwenden|verarbeiten|erheben|erfassen)', DE_OBJECT, '(?:um|damit|für|zur|zum)'),
        u(/\b(?:genutzt|verwendet|verarbeitet|benötigt|gebraucht)(?:,? um\b| (?:für|zur|zum)\b)/),
        // A table row under a plain-words title ("Why: sending your parcel"); after the sentences, which say more.
        u(/\b(?:wofür(?: \p{L}+){0,3}|wozu|warum)\s?:\s?\p{L}/u),
      ],
      legalBasis: [u(/:\s?(?:Vertrag|Vertragserfüllung|Einwilligung|rechtliche Verpflichtung|gesetzliche (?:Pflicht|Verpflichtung)|berechtigtes Interesse)\b/), u(/\b(?:Kauf)?vertrag\p{L}*\b[^.;]{0,30}\b(?:erfüllen|abwickeln|durchführen|abschließen)\b/u), 
        u(/\b(?:für|zur) (?:die )?(?:Abwicklung |Erfüllung )?(?:Ihre[rn]? |der |des |den )?(?:Bestellung|Vertrag(?:es|s)?|Kaufvertrag(?:es|s)?|Lieferung) (?:nötig|notwendig|erforderlich)\b/),
        u(/(?<!solange (?:dies |es |das )?)\b(?:nötig|notwendig|erforderlich) (?:für|zur) (?:die )?(?:Erfüllung |Abwicklung )?(?:Ihre[rn]? |der |des |den |unseres )?(?:Bestellung|Vertrag(?:es|s)?|Kaufvertrag(?:es|s)?|Lieferung)\b/),
        u(/\bweil\b(?=[^.;]{0,60}\b(?:brauchen|benötigen|nötig|notwendig|erforderlich|verpflichtet|vorschreibt|verlangt|Interesse)\b)/),
        u(/\bVertragserfüllung\b/),
        u(/\b(?:mit|nach) Ihrer (?:Einwilligung|Zustimmung)\b/),
      ],
      legitimateInterestBasis: [u(/\b(?:geschäftliche(?:s|n)?|wirtschaftliche(?:s|n)?) Interesse(?:n|s)?\b/)],
      legitimateInterestDescribed: [u(/\bberechtigte(?:n|s)? Interesse(?:n|s)? \(\s?\p{L}/u), u(/\bInteresse(?:n)? (?:liegt|liegen|besteht|bestehen)\b/), u(/\bInteresse(?:n)?\s?:\s?\p{L}/u), u(/\b(?:geschäftliche(?:s|n)?|wirtschaftliche(?:s|n)?) Interesse(?:n|s)? (?:an|daran)\b/)],
      requirement: [u(/\b(?:ansonsten|andernfalls|sonst) können wir\b[^.;]{0,40}\bnicht\b/), u(/\b(?:Daten|Angaben) nicht (?:bereitgestellt|angegeben|mitgeteilt)\b/), 
        u(/\bPflicht(?:felder|feld|angaben|angabe)\b/),
        u(/\bmit (?:einem )?(?:\*|Sternchen)\b/),
        u(/\bohne (?:diese|Ihre|die|sie)\b(?! (?:\p{L}+ )?(?:Einwilligung|Zustimmung))[^.;]{0,40}\b(?:nicht|kein(?:e|en)?)\b/u),
      ],
      rightAccess: [u(/\b(?:fragen|nachfragen|erfragen),? welche (?:personenbezogenen )?Daten\b/), u(/\b(?:einsehen|einzusehen|Einsicht)\b/)],
      rightRectification: [near('(?:ändern|Änderung)', '(?:Daten|Angaben)')],
      rightErasure: [u(/\b(?:zu )?löschen\b/)],
      rightPortability: [u(/\b(?:an|zu) einem anderen (?:Anbieter|Händler|Shop|Unternehmen|Verantwortlichen)\b/)],
    },
    fr: {
      retention: [u(/:\s?(?:jusqu|tant que)/)],
      withdrawConsent: [u(/\bdésabonner\b[^.;]{0,30}\bà tout moment\b|\bà tout moment\b[^.;]{0,30}\bdésabonn/)],
      rightObjection: [u(/\bne plus recevoir\b/)],
      legitimateInterestDescribed: [u(/\bintérêts? légitimes? \(\s?\p{L}/u), u(/\bintérêts? (?:\p{L}+ )?(?:légitimes?|commercial)\s?:\s?\p{L}/u), u(/\bintérêt commercial (?:de|d['’]|à)/)],
      rightErasure: [u(/\b(?:supprimons|effaçons)\b/)],
      purposes: [
        u(/\b(?:sert|servent|servira|serviront) (?:uniquement |seulement |notamment )?à\b/),
        usedFor('(?:utilisons|utilisées?|utilisés?|traitons|collectons|servent|sert|besoin)', FR_OBJECT, "pour (?:vous |nous |la |le |les |l['’])?\\p{L}+(?:er|ir|re)"),
        // A table row under a plain-words title ("Why: sending your parcel"); after the sentences, which say more.
        u(/\b(?:pourquoi|à quoi (?:ça|cela|elles?) (?:sert|servent))\s?:\s?\p{L}/u),
      ],
      legalBasis: [u(/:\s?(?:contrat|exécution (?:du|d['’]un) contrat|consentement|obligation légale|intérêt légitime)\b/), u(/\b(?:exécuter|honorer) (?:votre|vos|la|les) commandes?\b/), 
        u(/\bdans le cadre (?:du|d['’]un|de notre|de votre|de la) (?:contrat|commande|relation contractuelle)/),
        u(/\b(?:exécution|exécuter) (?:les |la |ce |votre |nos |vos )contrats?\b/),
        u(/\b(?:parce que|puisque|car)\b(?=[^.;]{0,60}\b(?:besoin|nécessaires?|obligatoires?|oblige|exige|intérêt)\b)/),
        u(/(?<!que )\bnécessaires? (?:à|pour) (?:la |l['’]|votre )?(?:commande|exécution|livraison|contrat)/),
        u(/\bla loi (?:nous )?(?:oblige|impose|exige)\b/),
      ],
      legitimateInterestBasis: [u(/\bintérêt commercial\b/)],
      requirement: [u(/\bsinon,? nous ne (?:pouvons|pourrons)\b/), u(/\bsans (?:ces|vos|votre|cette|ce|les|la|le|elles|eux)\b(?! (?:\p{L}+ )?(?:consentement|accord|frais))[^.;]{0,40}\b(?:ne|pas|impossible)\b/u), u(/\bchamps? (?:marqués?|signalés?)\b/)],
      rightAccess: [u(/\bquelles (?:données|informations)\b/), u(/\bvoir\b(?=[^.;]{0,50}\b(?:données|informations)\b)/), u(/\bconsulter\b/)],
      rightRectification: [near('(?:modifier|mettre à jour)', '(?:données|informations)')],
      rightPortability: [u(/\bformat (?:courant|standard|structuré|usuel|numérique)\b/)],
    },
    sv: {
      retention: [u(/:\s?(?:tills|så länge)\b/)],
      rightObjection: [u(/\binte längre (?:vill )?(?:få|ta emot) (?:reklam|marknadsföring|nyhetsbrev)\b/)],
      recipients: [u(/\b(?:budfirma|fraktbolag|transportör|speditör|paketombud)\p{L}*/u)],
      legitimateInterestDescribed: [u(/\bberättiga(?:t|d|de) intressen? \(\s?\p{L}/u), u(/\bberättiga(?:t|d|de) intresse(?:n|t)?\s?:\s?\p{L}/u), u(/\baffärsintresse(?:t)? (?:att|av)\b/)],
      automatedDecisions: [u(/\bbeslut\b[^.;]{0,60}\bautomatiserad behandling\b/)],
      rightRestriction: [u(/\bbegränsar (?:behandlingen|användningen)\b/)],
      rightErasure: [u(/\b(?:korrigeras|uppdateras|rättas|ändras),? (?:\p{L}+,? ){0,2}(?:eller|och) (?:raderas|tas bort)\b/u), u(/\b(?:få|begära att) (?:\p{L}+ ){0,3}(?:raderade|raderas|borttagna)\b/u)],
      purposes: [
        usedFor('(?:använder|behandlar|behöver|samlar in|sparar)(?: vi)?', SV_OBJECT, '(?:för att|så att|för|till)'),
        u(/\b(?:används|behandlas) (?:för|till|endast för)\b/),
        // A table row under a plain-words title ("Why: sending your parcel"); after the sentences, which say more.
        u(/\b(?:varför|vad (?:vi använder (?:dem|den|det|uppgifterna) )?till)\s?:\s?\p{L}/u),
      ],
      legalBasis: [u(/:\s?(?:avtal|fullgörande av (?:ett )?avtal|samtycke|rättslig förpliktelse|berättigat intresse)\b/), u(/\bbehöver\b[^.;]{0,40}\bför att (?:kunna )?(?:leverera|fullgöra|skicka|hantera) (?:din|ditt|er|vår) (?:beställning|köp|order|avtal)\b/), 
        u(/\beftersom\b(?=[^.;]{0,60}\b(?:behöver|nödvändig\p{L}*|krävs|kräver|skyldiga|intresse)\b)/u),
        u(/(?<!så länge (?:det )?(?:är )?)\b(?:nödvändig\p{L}*|behövs) för (?:din |att fullgöra |vårt |ditt )?(?:beställning|köp|avtal)/u),
        u(/\blagen kräver\b/),
      ],
      legitimateInterestBasis: [u(/\baffärsintresse\b/)],
      requirement: [u(/\bannars kan vi (?:\p{L}+ )?inte\b/u), u(/\b(?:lämnar|uppger|anger) du (?:\p{L}+ ){0,2}inte\b/u), u(/\butan (?:dessa|dem|dina|din|ditt|de|den|det)\b(?! (?:\p{L}+ )?(?:samtycke|tillstånd|medgivande|kostnad|extra kostnad))/u), u(/\bobligatoriska (?:fält|uppgifter)\b/), u(/\b(?:frivilligt|obligatoriskt) att (?:lämna|uppge)\b/)],
      rightAccess: [u(/\bvilka (?:person)?uppgifter (?:vi|ni) (?:har|behandlar|sparar)\b/), u(/\b(?:visa|se|ta del av)\b(?=[^.;]{0,50}\buppgifter)/), u(/\btillgång till (?:\p{L}+ )?(?:information|uppgifter|personuppgifter|data)\b/u), u(/\brätt(?:en)? till tillgång\b/), u(/\bfå (?:information|veta) om vilka\b/)],
      rightRectification: [near('(?:ändra|rätta|korrigeras|uppdateras|rättas|ändras)', '(?:uppgifter(?:na)?|information(?:en)?)')],
      rightPortability: [u(/\böverförda\b/), u(/\ben annan (?:leverantör|butik|aktör|personuppgiftsansvarig)\b/)],
    },
  }),
);
