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

export const PLAIN_PATTERNS = once(
  (): Record<StatementLang, Extra> => ({
    en: {
      automatedDecisions: [u(/\bdecisions?\b[^.;]{0,60}\bautomated (?:processing|means)\b/)],
      purposes: [
        u(new RegExp(`\\b${EN_USE}\\b[^.;]{0,60}\\b(?:to|so that|so we can|in order to) (?:\\p{L}+ )?(?:send|deliver|ship|process|handle|contact|call|answer|reply|invoice|bill|pay|check|verify|improve|show|tell|inform|let|keep|prevent|offer|confirm|arrange|create|manage|run|give|register|remind|email|e-mail)\\b`)),
        u(/\b(?:is|are) (?:only |also )?used (?:to|for)\b/),
        u(/\bso (?:that )?(?:the courier|the carrier|the delivery (?:driver|service)|our courier|we) can (?:deliver|reach|contact|send|ship|process|handle)\b/),
      ],
      legalBasis: [
        u(/\bas (?:the |our |your )?(?:contract|agreement|law)\b[^.;]{0,60}\brequires?\b/),
        u(/\bbecause\b(?=[^.;]{0,60}\b(?:need(?:ed|s)?|necessary|required|requires?|obliges?|obliged|interests?)\b)(?=[^.;]{0,80}\b(?:orders?|purchases?|contract|agreement|delivery|law|laws|legally|business|tax)\b)/),
        u(/(?<!as long as (?:it is |is )?)\b(?:needed|necessary|required) (?:for|to (?:complete|process|deliver|handle|fulfil|fulfill)) (?:your|the|an?) (?:order|purchase|contract|delivery)\b/),
        u(/\b(?:with|based on) your (?:consent|permission)\b/),
        u(/\bthe law (?:requires|obliges)\b/),
      ],
      legitimateInterestBasis: [u(/\b(?:our|a) (?:business|commercial) interests?\b/)],
      legitimateInterestDescribed: [u(/\binterests? (?:lies|lie|consists?) in\b/), u(/\b(?:legitimate|business|commercial) interests?\s?:\s?\p{L}/u), u(/\b(?:business|commercial) interests? (?:to|in)\b/)],
      requirement: [
        u(/\bwithout (?:it|them|this|these|that|those|such (?:data|information|details))\b[^.;]{0,40}\b(?:cannot|can't|can not|are unable|is not possible|could not|won't be able)\b/),
        u(/\b(?:fields?|boxes) (?:marked|with)\b[^.;]{0,40}\b(?:required|mandatory|obligatory|compulsory|must)\b/),
        u(/\b(?:required|mandatory|obligatory|compulsory) fields?\b/),
        u(/\bprovi(?:sion|ding|de) (?:of )?(?:(?:your|the|this|these|such|personal|us with) )*(?:data|information|details)\b[^.;]{0,80}\b(?:required|necessary|mandatory|obligatory|needed|voluntary|optional|obliged)\b/),
        u(/\b(?:legally|contractually) (?:required|obliged)\b/),
      ],
      rightAccess: [u(/\b(?:see|view|consult|inspect|look at)\b(?=[^.;]{0,50}\b(?:data|information|details)\b)/)],
      rightRectification: [u(/\b(?:have|get) (?:it|them|this|that) (?:corrected|fixed|updated|changed|rectified)\b/), u(/\b(?:change|correct|update|fix|amend|modify)\b(?=[^.;]{0,50}\b(?:data|information|details)\b)/)],
      rightErasure: [u(/\b(?:be|been|have (?:it|them)|get (?:it|them)) (?:deleted|erased|removed)\b/), u(/\b(?:delete|erase|remove)\b(?=[^.;]{0,50}\b(?:data|information|details|account)\b)/)],
      rightRestriction: [u(/\b(?:limit|restrict)\b(?=[^.;]{0,50}\b(?:use|using|processing|data)\b)/)],
      rightObjection: [u(/\bstop (?:using|processing)\b/)],
      rightPortability: [u(/\b(?:receive|get)\b[^.;]{0,50}\b(?:file|format)\b[^.;]{0,60}\b(?:another|other|elsewhere|new)\b/)],
    },
    nl: {
      rightErasure: [u(/^(?:verwijderen|wissen)\b/), u(/\b(?:laten|kunt|kan|mag|kun) (?:\p{L}+ ){0,3}(?:verwijderen|wissen|weghalen)\b/u), u(/\bweg te (?:laten )?halen\b/)],
      recipients: [u(/\bgeven (?:wij|we) (?:\p{L}+ )?door aan\b/u), u(/\bkoeriers?\b/)],
      purposes: [
        u(/\b(?:gebruiken|gebruikt|verwerken|verwerkt|nodig|verzamelen|vragen|hebben (?:we|wij) nodig)\b[^.;]{0,60}\b(?:om|zodat)\b[^.;]{0,60}\b(?:te|kunnen|kan)\b/),
        u(/\b(?:wordt|worden) (?:alleen |ook )?(?:gebruikt|verwerkt) (?:om|voor)\b/),
      ],
      legalBasis: [
        u(/\b(?:koop)?overeenkomst\b[^.;]{0,30}\b(?:uit te voeren|na te komen|uitvoeren|nakomen)\b/),
        u(/\bomdat\b(?=[^.;]{0,60}\b(?:nodig|noodzakelijk|verplicht|verplichting|belang)\b)(?=[^.;]{0,80}(?:bestelling|overeenkomst|koop|levering|wet|wettelijk|belasting|zakelijk))/),
        u(/(?<!zolang (?:dat |als )?(?:het )?)\b(?:nodig|noodzakelijk) (?:is |zijn )?(?:voor|om) (?:de |je |jouw |uw )?(?:bestelling|levering|overeenkomst|koop)\b/),
        u(/\b(?:met|na) (?:uw|je|jouw) toestemming\b/),
        u(/\bde wet (?:verplicht|schrijft)\b/),
      ],
      legitimateInterestBasis: [u(/\b(?:zakelijk|bedrijfs|commercieel) belang\b/)],
      legitimateInterestDescribed: [u(/\bbelang (?:is )?(?:om|bij)\b/), u(/\bbelang\s?:\s?\p{L}/u), u(/\b(?:zakelijk|bedrijfs|commercieel) belang (?:om|bij)\b/)],
      requirement: [
        u(/\bzonder (?:die|deze|dat|dit|jouw|je|uw|de)? ?(?:\p{L}+ )?(?:gegevens|informatie|adres|naam|e-mailadres)\b/u),
        u(/\bzonder (?:die|deze|dat|dit|ze)\b[^.;]{0,40}\b(?:niet|geen)\b/),
        u(/\bverplichte velden\b/),
        u(/\b(?:velden|vakjes) (?:met|gemarkeerd met)\b[^.;]{0,30}\b(?:verplicht|sterretje)\b/),
        u(/\bverstrekken van (?:uw |je |jouw |de )?(?:persoons)?gegevens\b[^.;]{0,60}\b(?:verplicht|noodzakelijk|nodig|vrijwillig)\b/),
        u(/\b(?:wettelijk|contractueel) verplicht\b/),
      ],
      rightAccess: [u(/\b(?:in ?zien|inkijken|bekijken|opvragen)\b/)],
      rightRectification: [u(/\blaten (?:aanpassen|wijzigen|corrigeren|verbeteren|veranderen)\b/), u(/\bte (?:wijzigen|corrigeren|verbeteren|aanpassen|veranderen)\b/), u(/\b(?:wijzigen|aanpassen|veranderen)\b(?=[^.;]{0,40}\bgegevens\b)/)],
      rightRestriction: [u(/\bbeperken\b/)],
      rightObjection: [u(/\b(?:stoppen met|niet meer) (?:het )?(?:gebruiken|gebruik|verwerken)\b/)],
    },
    de: {
      recipients: [u(/\bSpedition\b/), u(/\b(?:geben|leiten) wir\b[^.;]{0,60}\bweiter\b/)],
      automatedDecisions: [u(/\bEntscheidung(?:en)?\b[^.;]{0,60}\bautomatisierte[rn]? Verarbeitung\b/)],
      purposes: [
        u(/\b(?:brauchen|benötigen|nutzen|verwenden|verarbeiten|erheben|erfassen)\b[^.;]{0,60}\b(?:um|damit)\b/),
        u(/\b(?:genutzt|verwendet|verarbeitet|benötigt|gebraucht)(?:,? um\b| (?:für|zur|zum)\b)/),
      ],
      legalBasis: [
        u(/\b(?:für|zur) (?:die )?(?:Abwicklung |Erfüllung )?(?:Ihre[rn]? |der |des |den )?(?:Bestellung|Vertrag(?:es|s)?|Kaufvertrag(?:es|s)?|Lieferung) (?:nötig|notwendig|erforderlich)\b/),
        u(/(?<!solange (?:dies |es |das )?)\b(?:nötig|notwendig|erforderlich) (?:für|zur) (?:die )?(?:Erfüllung |Abwicklung )?(?:Ihre[rn]? |der |des |den |unseres )?(?:Bestellung|Vertrag(?:es|s)?|Kaufvertrag(?:es|s)?|Lieferung)\b/),
        u(/\bweil\b(?=[^.;]{0,60}\b(?:brauchen|benötigen|nötig|notwendig|erforderlich|verpflichtet|vorschreibt|verlangt|Interesse)\b)/),
        u(/\bVertragserfüllung\b/),
        u(/\b(?:mit|nach) Ihrer (?:Einwilligung|Zustimmung)\b/),
      ],
      legitimateInterestBasis: [u(/\b(?:geschäftliche(?:s|n)?|wirtschaftliche(?:s|n)?) Interesse(?:n|s)?\b/)],
      legitimateInterestDescribed: [u(/\bInteresse(?:n)? (?:liegt|liegen|besteht|bestehen)\b/), u(/\bInteresse(?:n)?\s?:\s?\p{L}/u), u(/\b(?:geschäftliche(?:s|n)?|wirtschaftliche(?:s|n)?) Interesse(?:n|s)? (?:an|daran)\b/)],
      requirement: [u(/\b(?:Daten|Angaben) nicht (?:bereitgestellt|angegeben|mitgeteilt)\b/), 
        u(/\bPflicht(?:felder|feld|angaben|angabe)\b/),
        u(/\bmit (?:einem )?(?:\*|Sternchen)\b/),
        u(/\bohne (?:diese|Ihre|die|sie)\b(?! (?:\p{L}+ )?(?:Einwilligung|Zustimmung))[^.;]{0,40}\b(?:nicht|kein(?:e|en)?)\b/u),
      ],
      rightAccess: [u(/\b(?:einsehen|einzusehen|Einsicht)\b/)],
      rightRectification: [u(/\b(?:ändern|Änderung)\b/)],
      rightErasure: [u(/\b(?:zu )?löschen\b/)],
      rightPortability: [u(/\b(?:an|zu) einem anderen (?:Anbieter|Händler|Shop|Unternehmen|Verantwortlichen)\b/)],
    },
    fr: {
      legitimateInterestDescribed: [u(/\bintérêts? (?:\p{L}+ )?(?:légitimes?|commercial)\s?:\s?\p{L}/u), u(/\bintérêt commercial (?:de|d['’]|à)/)],
      rightErasure: [u(/\b(?:supprimons|effaçons)\b/)],
      purposes: [
        u(/\b(?:utilisons|utilisées?|utilisés?|traitons|collectons|servent|sert|besoin)\b[^.;]{0,60}\bpour (?:vous |nous |la |le |les |l['’])?\p{L}+(?:er|ir|re)\b/u),
      ],
      legalBasis: [
        u(/\bdans le cadre (?:du|d['’]un|de notre|de votre|de la) (?:contrat|commande|relation contractuelle)/),
        u(/\b(?:exécution|exécuter) (?:les |la |ce |votre |nos |vos )contrats?\b/),
        u(/\b(?:parce que|puisque|car)\b(?=[^.;]{0,60}\b(?:besoin|nécessaires?|obligatoires?|oblige|exige|intérêt)\b)/),
        u(/(?<!que )\bnécessaires? (?:à|pour) (?:la |l['’]|votre )?(?:commande|exécution|livraison|contrat)/),
        u(/\bla loi (?:nous )?(?:oblige|impose|exige)\b/),
      ],
      legitimateInterestBasis: [u(/\bintérêt commercial\b/)],
      requirement: [u(/\bsans (?:ces|vos|votre|cette|ce|les|la|le|elles|eux)\b(?! (?:\p{L}+ )?(?:consentement|accord|frais))[^.;]{0,40}\b(?:ne|pas|impossible)\b/u), u(/\bchamps? (?:marqués?|signalés?)\b/)],
      rightAccess: [u(/\bvoir\b(?=[^.;]{0,50}\b(?:données|informations)\b)/), u(/\bconsulter\b/)],
      rightRectification: [u(/\b(?:modifier|mettre à jour)\b/)],
      rightPortability: [u(/\bformat (?:courant|standard|structuré|usuel|numérique)\b/)],
    },
    sv: {
      legitimateInterestDescribed: [u(/\bberättiga(?:t|d|de) intresse(?:n|t)?\s?:\s?\p{L}/u), u(/\baffärsintresse(?:t)? (?:att|av)\b/)],
      automatedDecisions: [u(/\bbeslut\b[^.;]{0,60}\bautomatiserad behandling\b/)],
      rightRestriction: [u(/\bbegränsar (?:behandlingen|användningen)\b/)],
      rightErasure: [u(/\b(?:korrigeras|uppdateras|rättas|ändras),? (?:\p{L}+,? ){0,2}(?:eller|och) (?:raderas|tas bort)\b/u), u(/\b(?:få|begära att) (?:\p{L}+ ){0,3}(?:raderade|raderas|borttagna)\b/u)],
      purposes: [
        u(/\b(?:använder|behandlar|behöver|samlar in|sparar)\b[^.;]{0,60}\b(?:för att|så att)\b/),
        u(/\b(?:används|behandlas) (?:för|till|endast för)\b/),
      ],
      legalBasis: [
        u(/\beftersom\b(?=[^.;]{0,60}\b(?:behöver|nödvändig\p{L}*|krävs|kräver|skyldiga|intresse)\b)/u),
        u(/(?<!så länge (?:det )?(?:är )?)\b(?:nödvändig\p{L}*|behövs) för (?:din |att fullgöra |vårt |ditt )?(?:beställning|köp|avtal)/u),
        u(/\blagen kräver\b/),
      ],
      legitimateInterestBasis: [u(/\baffärsintresse\b/)],
      requirement: [u(/\b(?:lämnar|uppger|anger) du (?:\p{L}+ ){0,2}inte\b/u), u(/\butan (?:dessa|dem|dina|din|ditt|de|den|det)\b(?! (?:\p{L}+ )?(?:samtycke|tillstånd|medgivande|kostnad|extra kostnad))/u), u(/\bobligatoriska (?:fält|uppgifter)\b/), u(/\b(?:frivilligt|obligatoriskt) att (?:lämna|uppge)\b/)],
      rightAccess: [u(/\b(?:visa|se|ta del av)\b(?=[^.;]{0,50}\buppgifter)/), u(/\btillgång till (?:\p{L}+ )?(?:information|uppgifter|personuppgifter|data)\b/u), u(/\brätt(?:en)? till tillgång\b/), u(/\bfå (?:information|veta) om vilka\b/)],
      rightRectification: [u(/\bändra\b(?=[^.;]{0,40}\buppgifter)/), u(/\brätta\b/), u(/\b(?:korrigeras|uppdateras|rättas|ändras)\b/)],
      rightPortability: [u(/\böverförda\b/), u(/\ben annan (?:leverantör|butik|aktör|personuppgiftsansvarig)\b/)],
    },
  }),
);
