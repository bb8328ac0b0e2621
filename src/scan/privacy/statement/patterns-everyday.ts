/**
 * Everyday phrasings found on blind batch b5 (issue 14), by kind, in all five languages; tried after
 * each language's own and plain-words patterns:
 * - a field and its use ("The address is for the delivery van");
 * - the basis as the visitor's own order ("because you've asked us to sell you something") or a
 *   contract in the plural ("um Verträge zu erfüllen"), the article cited in words ("artikel 6, eerste lid");
 * - the requirement as a precondition, as leaving a field out, or as "otherwise it does not arrive";
 * - recipients as whoever sees or gets the details ("Wie krijgt uw gegevens?", "går till Schenker");
 * - rights as what the visitor asks ("a copy", "fix errors") ("ask us what we hold", "send you a copy", "fix anything that's
 *   wrong", "delete it", "qu'on limite leur utilisation", separable "schränken ... ein");
 * - a table's bare "Why" label (its value follows on the next line once split off).
 */
import { once } from '../../../core/once.js';
import { u, type PatternKey } from './pattern-types.js';
import type { StatementLang } from './types.js';

type Extra = Partial<Record<PatternKey, RegExp[]>>;

export const EVERYDAY_PATTERNS = once(
  (): Record<StatementLang, Extra> => ({
    en: {
      // An EEA country named as where the data stays is no transfer outside the EEA.
      transfersNone: [u(/\b(?:stays?|remains?|stored|kept|processed|hosted) (?:only |exclusively )?(?:with)?in (?:the )?(?:Netherlands|Belgium|Luxembourg|Germany|Austria|France|Sweden|Denmark|Finland|Norway|Iceland|Ireland|Spain|Portugal|Italy|Malta|Greece|Cyprus|Poland|Czechia|Czech Republic|Slovakia|Slovenia|Croatia|Hungary|Romania|Bulgaria|Estonia|Latvia|Lithuania|Liechtenstein)\b/), u(/\bservers? (?:\p{L}+ )?in (?:the )?(?:Netherlands|Belgium|Luxembourg|Germany|Austria|France|Sweden|Denmark|Finland|Norway|Iceland|Ireland|Spain|Portugal|Italy|Malta|Greece|Cyprus|Poland|Czechia|Czech Republic|Slovakia|Slovenia|Croatia|Hungary|Romania|Bulgaria|Estonia|Latvia|Lithuania|Liechtenstein)\b/u)],
      // A country with an adequacy decision is a transfer; a derogation of art. 49 is its safeguard.
      transfers: [u(/\b(?:country|countries) (?:with|that (?:has|have)|covered by) an adequacy decision\b/)],
      safeguard: [u(/\b(?:Article|Art\.) ?49\b/)],
      purposes: [
        u(/\b(?:name|address|e-?mail(?: address)?|phone(?: number)?|number|details)\b (?:is|are) (?:only |just |also )?(?:for|needed for)\b/),
        u(/^(?:why|what for)$/), u(/\bwhat (?:do|will|does) (?:you|we|it) (?:use|need) (?:my|your|the|it|them|this) ?(?:data|details|information)? for\b/),
        // A purpose put first, then the processing ("To deliver your order, we use your address").
        u(/^(?:to|for) [^.;]{3,100}\bwe (?:use|process|collect|keep|store|need)\b/),
      ],
      legalBasis: [
        u(/\b(?:because|since)\b[^.;]{0,40}\b(?:ordered|bought|purchased|asked us to (?:sell|send|make|deliver)|placed an order|buy from us|order from us)\b/),
        u(/\bneed (?:it|them|this|these|your \p{L}+) (?:to|for) (?:carry out|complete|perform|fulfil|fulfill|deliver|process) (?:a|the|your) (?:purchase|order|sale)\b/u),
        u(/\bto (?:perform|fulfil|fulfill|carry out) (?:our|the|a|your|any) (?:\p{L}+ )?(?:contracts?|agreements?)\b/u),
        u(/\bso (?:that )?we (?:can|are able to) (?:perform|fulfil|fulfill|carry out) (?:our|the|your) (?:contract|agreement|purchase|sale)\b/),
      ],
      requirement: [
        u(/\bleave (?:(?:your|the|it|them|this) (?:\p{L}+ ){0,2})?out\b/u),
        u(/\b(?:is|are) (?:a )?(?:precondition|prerequisite|condition) (?:for|of)\b/),
        u(/\botherwise\b[^.;]{0,40}\b(?:cannot|can't|won't|will not|not)\b/),
      ],
      recipients: [
        u(/\bwho (?:else )?(?:sees?|gets?|receives?|handles?) (?:my|your|the) (?:details|data|information|name|address)\b/),
        u(/\b(?:gets|receives|sees) (?:your|the customer's) (?:name|address|details|data|information|e-?mail|phone)\b/),
      ],
      rightAccess: [
        u(/\bask (?:us )?(?:what|which)\b[^.;]{0,30}\b(?:we|you) (?:hold|have|keep|store|know|process)\b/),
        u(/\b(?:send|give|e-?mail) (?:you|me) a copy\b|\b(?:get|receive|request|ask for) a copy\b/),
        u(/\baccess to(?:,| and| or)/),
      ],
      rightRectification: [u(/\bfix (?:anything|whatever|something|what|mistakes|errors)\b/)],
      rightErasure: [u(/\b(?:delete|erase|remove) (?:it|them|everything|anything|whatever|what)\b/)],
      withdrawConsent: [u(/\bunsubscribe\b[^.;]{0,40}\bwhenever you (?:like|want|wish)\b/)],
      automatedDecisions: [u(/\bdecisions?\b[^.;]{0,40}\bby (?:an )?algorithms?\b/)],
    },
    nl: {
      transfersNone: [u(/\b(?:blijven|blijft|opgeslagen|bewaard|verwerkt|gehost) (?:alleen |uitsluitend )?in (?:Nederland|België|Luxemburg|Duitsland|Oostenrijk|Frankrijk|Zweden|Denemarken|Finland|Noorwegen|Ierland|Spanje|Portugal|Italië|Polen|Estland)\b/)],
      transfers: [u(/\blanden? (?:met|waarvoor) een adequaatheidsbesluit\b/)],
      safeguard: [u(/\bartikel 49\b/)],
      purposes: [
        u(/\b(?:naam|adres|e-?mailadres|telefoonnummer|nummer|gegevens)\b (?:is|zijn) (?:alleen |ook )?(?:voor|bedoeld voor|nodig voor)\b/),
        u(/^(?:waarom|waarvoor)$/), u(/\bwaarvoor (?:\p{L}+ ){0,3}(?:gebruikt|gebruiken|nodig)\b/u),
        u(/^(?:voor|om|ter|ten behoeve van) [^.;]{3,100}\b(?:verwerken|gebruiken|bewaren|verzamelen) (?:wij|we)\b/),
      ],
      legalBasis: [
        u(/\b(?:omdat|want)\b[^.;]{0,40}\b(?:besteld|bestelt|bestellen|gekocht|koopt|kopen)\b/),
        u(/\b(?:contracten|overeenkomsten)\b[^.;]{0,30}\b(?:na te komen|nakomen|uit te voeren|uitvoeren)\b/),
        u(/\bartikel 6,? (?:eerste lid|lid 1)\b/),
      ],
      requirement: [
        u(/\bverplicht\b[^.;]{0,60}\bte (?:verstrekken|geven|vermelden|op te geven)\b/),
        u(/^(?:verstrekt|geeft|vult) (?:u|je) (?:\p{L}+ ){0,3}niet\b/u),
        u(/\banders\b[^.;]{0,40}\b(?:niet|geen)\b/),
        u(/\b(?:is|zijn) een (?:voor)?waarde (?:voor|om)\b/),
        u(/\blaat (?:je|u) (?:\p{L}+ ){0,3}weg\b|\bweglaten\b/u),
      ],
      recipients: [u(/\b(?:krijgt|krijgen|ontvangt|ontvangen|ziet|zien) (?:uw|je|jouw) (?:persoons)?gegevens\b/), u(/\bboekhoud(?:kantoor|er|ers|ster)\b/)],
      rightAccess: [u(/\b(?:een kopie|vragen wat (?:we|wij) (?:van (?:je|jou|u) )?(?:hebben|bewaren|weten))\b/), u(/\btoegang (?:te krijgen )?tot (?:de |uw |je |jouw )?(?:persoonlijke |persoons)?(?:gegevens|informatie)\b/)],
      rightRectification: [u(/\bpassen (?:we|wij) (?:het|dat|ze|die|dit)? ?aan\b/), u(/\bfouten\b[^.;]{0,30}\b(?:verbeteren|herstellen|corrigeren|aanpassen)\b/)],
      rightRestriction: [u(/\b(?:gebruik|verwerking)\b[^.;]{0,30}\bbeperkt\b/)],
      rightPortability: [u(/\bmachineleesbare\b/)],
      withdrawConsent: [u(/\btoestemming\b[^.;]{0,60}\b(?:intrekken|in te trekken)\b/)],
      automatedDecisions: [u(/\b(?:besluit\p{L}*|beslissing\p{L}*)\b[^.;]{0,40}\bdoor een algoritme\b/u)],
    },
    de: {
      transfersNone: [u(/\b(?:ausschließlich |nur )?(?:in|auf Servern in) (?:Deutschland|Österreich|den Niederlanden|Belgien|Luxemburg|Frankreich|Schweden|Dänemark|Finnland|Irland|Spanien|Italien|Polen) (?:gespeichert|verarbeitet|gehostet)\b/), u(/\bbleiben (?:\p{L}+ )?in (?:Deutschland|Österreich|den Niederlanden|Belgien|Luxemburg|Frankreich|Schweden|Dänemark|Finnland|Irland|Spanien|Italien|Polen)\b/u)],
      transfers: [u(/\b(?:Land|Länder|Staat|Staaten)\b[^.;]{0,30}\bAngemessenheitsbeschluss/)],
      safeguard: [u(/\bArt(?:ikel|\.)? ?49\b/)],
      purposes: [
        u(/\b(?:Name|Adresse|Anschrift|E-Mail-Adresse|Telefonnummer|Nummer|Daten|Angaben)\b (?:ist|sind|brauchen wir|benötigen wir) (?:nur |auch )?(?:für|dafür)\b/),
        u(/^(?:wofür|wozu|warum)$/), u(/\b(?:wofür|wozu) (?:nutzen|verwenden|brauchen|benötigen|verarbeiten) (?:Sie|ihr|wir)\b/),
        u(/^(?:zur|zum|für|um) [^.;]{3,100}\b(?:verarbeiten|nutzen|verwenden|speichern|erheben) wir\b/),
      ],
      legalBasis: [
        u(/\b(?:weil|da)\b[^.;]{0,40}\b(?:bestellt|gekauft|kaufen|bestellen|Bestellung|Kauf)\b/),
        u(/\bVerträge\b[^.;]{0,30}\b(?:erfüllen|abwickeln|durchführen)\b/),
      ],
      requirement: [
        u(/\b(?:ist|sind) (?:eine )?Voraussetzung für\b/),
        u(/\b(?:ansonsten|andernfalls|sonst)\b[^.;]{0,40}\b(?:nicht|kein\p{L}*|nichts)\b/u),
        u(/\bweglassen\b|\blassen Sie (?:\p{L}+ ){0,3}weg\b/u),
      ],
      recipients: [u(/\bwer (?:\p{L}+ )?(?:erhält|bekommt|sieht) (?:Ihre|meine) (?:\p{L}+)?[Dd]aten\b/u)],
      rightAccess: [
        u(/\b(?:fragen|erfahren|wissen),? was wir (?:über Sie )?(?:gespeichert|wissen|haben|speichern)\b/),
        u(/\b(?:zuzugreifen|zugreifen|Zugriff (?:auf|zu))\b/),
        u(/\beine Kopie\b/),
      ],
      rightRestriction: [u(/\bschränken (?:wir|Sie)\b[^.;]{0,60}\bein\b/)],
      rightPortability: [u(/\bmaschinenlesbar\p{L}*/u)],
      complaint: [u(/\b(?:beschweren|Beschwerde)\b[^.;]{0,60}\bbei (?:der|dem|einer|einem|den)\b/)],
      automatedDecisions: [u(/\bEntscheidung(?:en)?\b[^.;]{0,40}\b(?:von einem|durch einen) (?:Algorithmus|Computer)\b/)],
    },
    fr: {
      transfersNone: [u(/\b(?:restent|stockées|hébergées|traitées|conservées) (?:uniquement |exclusivement )?(?:en|au|aux) (?:France|Belgique|Luxembourg|Allemagne|Autriche|Pays-Bas|Suède|Danemark|Finlande|Irlande|Espagne|Italie|Portugal|Pologne)\b/)],
      transfers: [u(/\bpays (?:\p{L}+ )?(?:bénéficiant d['’]une|couverts? par une|disposant d['’]une) décision d['’]adéquation\b/u)],
      safeguard: [u(/\barticle 49\b/)],
      purposes: [
        u(/\bpour (?:vous|nous) (?:expédier|envoyer|livrer|contacter|informer|facturer|rembourser|répondre)\b/),
        u(/\b(?:nom|adresse|e-?mail|numéro(?: de téléphone)?|coordonnées)\b (?:est|sont) (?:uniquement |seulement )?(?:pour|destinée?s? à)\b/),
        u(/^(?:pourquoi)$/), u(/\bà quoi (?:servent|sert|servira)\b|\bpourquoi (?:avez-vous|vous faut-il) besoin\b/),
        u(/^(?:pour|afin de?) [^.;]{3,100}\bnous (?:traitons|utilisons|collectons|conservons)\b/),
      ],
      legalBasis: [u(/\b(?:parce que|puisque|car)\b[^.;]{0,40}\b(?:commandé|commande|acheté|achat)\b/)],
      requirement: [
        u(/\b(?:est|sont) (?:une )?condition (?:nécessaire|préalable|indispensable)\b/),
        u(/\bsans (?:\p{L}+ )?(?:adresse|nom|données|informations|coordonnées)\b[^.;]{0,40}\bimpossible\b/u),
        u(/\bsi vous (?:omettez|ne (?:remplissez|renseignez|indiquez|donnez) pas)\b/),
      ],
      recipients: [u(/\bqui (?:reçoit|voit|a accès à) (?:vos|mes) (?:données|informations|coordonnées)\b/), u(/\bpartent chez\b/)],
      rightAccess: [u(/\bune copie\b/), u(/\bce que nous (?:savons|avons|conservons|détenons) (?:de|sur) vous\b/)],
      rightRestriction: [u(/\blimit\p{L}*\b[^.;]{0,20}\b(?:utilisation|usage|traitement)\b/u)],
      withdrawConsent: [u(/\brevenir sur (?:cet|votre|ce|son) (?:accord|consentement|choix)\b/)],
      consentBasis: [u(/\b(?:votre|cet) accord (?:préalable|exprès)\b|\bavec votre accord\b/)],
      automatedDecisions: [u(/\bdécisions?\b[^.;]{0,40}\bpar un (?:algorithme|ordinateur|logiciel)\b/)],
    },
    sv: {
      transfersNone: [u(/\b(?:stannar|lagras|sparas|behandlas) (?:bara |endast )?i (?:Sverige|Finland|Danmark|Norge|Tyskland|Nederländerna|Irland|Frankrike|Estland)\b/)],
      transfers: [u(/\b(?:land|länder) med (?:ett )?beslut om adekvat skyddsnivå\b/)],
      safeguard: [u(/\bartikel 49\b/)],
      purposes: [
        u(/\b(?:namn(?:et)?|adress(?:en)?|e-?post(?:adressen)?|telefonnumret|telefonnummer|uppgifter(?:na)?)\b (?:är|används) (?:bara |endast |också )?(?:till|för)\b/),
        u(/^(?:varför|vad till)$/), u(/\bvad (?:använder|behöver) (?:ni|du|vi) (?:\p{L}+ ){0,2}till\b/u),
        u(/^(?:för att|för|till) [^.;]{3,100}\b(?:behandlar|använder|sparar|samlar in) vi\b/),
      ],
      legalBasis: [
        u(/\beftersom\b[^.;]{0,40}\b(?:beställt|beställer|köpt|köper|beställning|köp)\b/),
        u(/\beftersom (?:lagen|Skatteverket|bokföringslagen)\b/),
      ],
      requirement: [
        u(/\b(?:är|utgör) en förutsättning för\b/),
        u(/^lämnas (?:\p{L}+ ){0,2}inte\b/u),
        u(/\b(?:utelämnar|hoppar över)\b/),
        u(/\bannars\b[^.;]{0,40}\b(?:inte|ingen|inget)\b/),
      ],
      recipients: [
        u(/\b(?:uppgifter(?:na)?|namn|adress(?:en)?)\b[^.;]{0,30}\b(?:går|skickas|förs över) (?:vidare )?till\b/),
        u(/\bvem (?:får|ser|tar del av) (?:dina|mina) (?:person)?uppgifter\b/),
        u(/\bsköts av\b/),
      ],
      rightAccess: [u(/\btillgång till\b/), u(/\ben kopia\b/), u(/\bvad (?:vi|ni) (?:har (?:sparat )?|vet )om dig\b/)],
      rightRectification: [u(/\b(?:rätta|ändra|korrigera) (?:\p{L}+ )?fel\b/u)],
      rightErasure: [u(/\b(?:radera|raderar|ta bort|tar bort) (?:vi )?(?:dem|det|den|allt)\b/)],
      rightPortability: [u(/\bmaskinläsbar\p{L}*/u)],
      rightRestriction: [u(/\bbegränsa\b[^.;]{0,30}\b(?:användningen|behandlingen|hur vi använder)\b/)],
      withdrawConsent: [u(/\bsamtycke(?:t)?\b[^.;]{0,60}\b(?:återkalla|dra tillbaka|ta tillbaka)\b/)],
      automatedDecisions: [u(/\bbeslut\b[^.;]{0,40}\bav en (?:algoritm|dator)\b/)],
    },
  }),
);
