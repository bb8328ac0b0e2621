/**
 * Phrasings found on batch b7 (issue 14, round four), by kind, in all five languages; tried after
 * every other language pattern, so the clearer sentence is cited:
 * - rights as nouns listed before the verb ("den Zugang zu Ihren Informationen, die Korrektur ...
 *   beantragen"), portability as a file to take elsewhere ("in einem gängigen Format erhalten",
 *   "en exporterad fil", "mee te nemen naar een ander bedrijf", "pour les confier à un autre");
 * - the same rights in everyday words: data sent on to another company, not used "for now", saying no;
 * - the requirement as a field that is voluntary ("ist freiwillig", "est facultatif", "är frivilligt");
 * - legitimate interests described after the basis (", eftersom vi vill ...") or after a dash;
 * - retention as long as the account is active ("solange Ihr Konto aktiv ist");
 * - consent withdrawn by "zurückziehen", the basis as "part of our contract", "with your consent",
 *   "eftersom det behövs för att ... leverera", "uppfylla kontraktet", "vårt berättigade intresse";
 * - the one-person shop's purposes in its own voice ("Deine Adresse nutze ich, um", "On utilise ... pour")
 *   and its controller line ("der Mensch hinter der Plattenkiste", "Det är jag ... som driver den");
 * - no automated decisions as "a human always decides" (found, with the note none), automated decisions as a verdict taken
 *   automatically ("scored automatically for fraud risk", "suspendre automatiquement une annonce");
 * - nothing leaving the EU, storage within the EU; servers in a named third country, a supplier there
 *   that gets the address; data forwarded to the seller; a shop introducing itself names the controller.
 */
import { once } from '../../../core/once.js';
import { u, type PatternKey } from './pattern-types.js';
import type { StatementLang } from './types.js';

type Extra = Partial<Record<PatternKey, RegExp[]>>;

export const B7_KIND_PATTERNS = once(
  (): Record<StatementLang, Extra> => ({
    en: {
      controllerRole: [u(/\b[Tt]he (?:person|people|woman|man|maker|one) behind (?:\p{Lu}|(?:this|the|our) (?:shop|store|site|website|brand|business)\b)/u, true), u(/\b(?:I|we) (?:run|own) (?:this|the) (?:shop|store|web ?shop|site|website)\b/), u(/\b(?:policy|notice) describes how [^.;]{2,60}\bcollects\b/), u(/\b(?:is|are) an? (?:(?:small|little|family|independent) )?(?:shop|store|web ?shop|online shop)\b|\b(?:is|are) an? (?:small|little|family|independent) (?:business|company)\b/)],
      legalBasis: [u(/\b(?:is|are) part of (?:our|the|your) (?:contract|agreement)\b/), u(/\bwe ask (?:for )?your (?:explicit |express )?consent\b/)],
      consentBasis: [u(/\bwe ask (?:for )?your (?:explicit |express )?consent\b/)],
      retention: [u(/\bas long as your (?:customer )?account (?:is|remains|stays) (?:active|open)\b/)],
      rightPortability: [u(/\b(?:in|as) a (?:common|standard|usual|portable) (?:file )?format\b/), u(/\b(?:take|move|give) (?:them|it|your data) to another (?:company|shop|provider|seller|business)\b/), u(/\b(?:send|transfer|transmit|pass)\b[^.;]{0,40}\bto another (?:company|provider|shop|business|controller|service|seller)\b/)],
      transfersNone: [u(/\bnothing (?:leaves|goes outside|is sent outside) the (?:EU|EEA|European Union)\b/), u(/\b(?:stored|kept|processed|hosted) (?:on \p{L}+ )?(?:servers )?(?:of \p{L}+ )?within the (?:EU|EEA|European Union)\b/u)],
      recipients: [u(/\b(?:forward|pass|send)(?:ed)? (?:them |it )?(?:on )?to the (?:seller|vendor|maker|merchant)\b/)],
      automatedDecisions: [u(/\b(?:scored|assessed|rated|blocked|suspended|rejected|declined|refused) automatically\b/), u(/\bautomatically (?:scored|assessed|rated|blocked|suspended|rejected|declined|refused)\b/), u(/\b(?:a|one of us|a real) (?:human|person)(?: being)? (?:always )?(?:decides|makes (?:the|every|all) decisions?)\b/)],
      purposes: [u(/\bwhy do you (?:use|need|collect|process|keep) (?:my|our)\b/)],
      transfers: [u(/\b(?:servers|data cent(?:er|re)s) in (?:Singapore|China|Hong Kong|India|Canada|Japan|Australia|the United States|the US|the USA)\b/)],
      rightRestriction: [u(/\b(?:temporarily|for now|for the time being) (?:stop|pause|cease) (?:using|processing)\b/)],
      rightObjection: [u(/\bsay no to (?:us |our )?(?:using|use of|processing)\b/)],
      legitimateInterestDescribed: [u(/\blegitimate interests?,? (?:because|as|since) we (?:want|wish|would like)\b/), u(/^legitimate interests?\s?[–—-]\s?(?:we|to)\b/)],
    },
    nl: {
      controllerRole: [u(/\b[Dd]e (?:persoon|mens|maker) achter (?:\p{Lu}|(?:deze|de|het|onze) (?:winkel|webshop|webwinkel|site|website|zaak|merk)\b)/u, true), u(/\bis een (?:kleine |onafhankelijke )?(?:winkel|webwinkel|webshop) (?:uit|in)\b|\bis een (?:klein |familie)bedrijf\b/)],
      retention: [u(/\bzolang (?:uw|je|jouw) (?:klant)?(?:account|profiel) (?:actief|open) is\b/)],
      rightPortability: [u(/\b(?:in een|als) (?:\p{L}+ )?bestand om (?:ze|die|het) mee te nemen\b/u), u(/\bmee(?: te)? nemen naar een (?:ander|andere) (?:bedrijf|winkel|aanbieder|partij)\b/), u(/\b(?:overdragen|overzetten|sturen|doorsturen|meenemen)\b[^.;]{0,20}\bnaar een (?:andere|ander) (?:partij|bedrijf|aanbieder|winkel|dienst)\b|\bnaar een (?:andere|ander) (?:partij|bedrijf|aanbieder|winkel|dienst) (?:over te dragen|te sturen|mee te nemen)\b/)],
      transfersNone: [u(/\bniets (?:verlaat|gaat buiten) de (?:EU|EER|Europese Unie)\b/), u(/\b(?:opgeslagen|bewaard|verwerkt|gehost)\b[^.;]{0,60}\bbinnen de (?:EU|EER|Europese Unie)\b/), u(/\bverlaten (?:nooit|niet) (?:Europa|de EU|de EER|de Europese Unie)\b|\bverlaten (?:Europa|de EU|de EER|de Europese Unie) (?:nooit|niet)\b/)],
      recipients: [u(/\b(?:doorsturen|doorgestuurd|doorgeven|doorgegeven|sturen door) (?:aan|naar) (?:de|het) (?:verkoper|koper|maker|winkelier)\b/)],
      automatedDecisions: [u(/\bautomatisch (?:beoordeeld|geblokkeerd|afgewezen|geweigerd|opgeschort|gescoord)\b/), u(/\b(?:beslist|beslissen) (?:bij ons )?(?:altijd|steeds) (?:een )?mens(?:en)?\b/)],
      purposes: [u(/\bwaarom (?:gebruiken|verwerken|verzamelen|bewaren) (?:jullie|jij|u|we|wij) (?:mijn|onze)\b/), u(/\b(?:gegevens|adres|e-?mailadres|telefoonnummer)\b[^.;]{0,30}\b(?:dienen|dient) (?:om|voor|ter)\b/)],
      transfers: [u(/\b(?:servers|datacenters) in (?:de VS|de Verenigde Staten|China|Hongkong|India|Singapore|Canada|Japan|Australië)\b/)],
      rightRestriction: [u(/\btijdelijk (?:niet (?:meer )?(?:te )?gebruiken|(?:te )?stoppen met (?:het )?gebruik\p{L}*)\b/u)],
      rightObjection: [u(/\bnee zeggen tegen (?:het )?(?:gebruik|verwerking)\b/)],
      legitimateInterestDescribed: [u(/\bgerechtvaardigde? belang(?:en)?,? (?:omdat|want) (?:we|wij)\b[^.;]{0,60}\b(?:willen|graag)\b/), u(/^gerechtvaardigde? belang(?:en)?\s?[–—-]\s?(?:we|wij|om)\b/)],
      requirement: [u(/\b(?:invullen|opgeven|verstrekken|telefoonnummer|geboortedatum|e-?mailadres|veld)\b[^.;]{0,40}\bis (?:niet verplicht|vrijwillig|optioneel)\b/)],
    },
    de: {
      controllerRole: [u(/\bder Mensch hinter\b/), u(/\bist ein (?:kleiner )?(?:Laden|Shop|Onlineshop) (?:aus|in)\b|\bist ein (?:kleines Unternehmen|Familienbetrieb)\b/)],
      retention: [u(/\bsolange (?:Ihr|dein) (?:Kunden)?konto (?:aktiv|besteht|geöffnet)\b/)],
      withdrawConsent: [u(/\bEinwilligung\b[^.;]{0,80}\bzurückzieh\p{L}*/u)],
      legalBasis: [u(/\b(?:mit|auf Basis|auf Grundlage) (?:Ihrer|deiner) (?:ausdrücklichen )?Einwilligung\b/), u(/\b(?:zur|für die) Erfüllung (?:des|eines|unseres|Ihres) (?:Kauf|Liefer|Dienst)?vertrags\b/), u(/\b(?:nötig|notwendig|erforderlich),? (?:um|damit) (?:wir )?(?:den|Ihren|deinen) (?:Kauf|Kaufvertrag|Vertrag|Bestellung) (?:abzuwickeln|abwickeln|abschließen|erfüllen|zu erfüllen)\b/), u(/\bGrundlage (?:dafür |hierfür |der Verarbeitung )?ist\b[^.;]{0,40}\b(?:Vertrag|Kaufvertrag|Einwilligung|Interesse|Pflicht)\p{L}*/u)],
      consentBasis: [u(/\b(?:mit|auf Basis|auf Grundlage) (?:Ihrer|deiner) (?:ausdrücklichen )?Einwilligung\b/)],
      purposes: [u(/\b(?:nutze|verwende|brauche|benötige|speichere) ich\b[^.;]{0,40}\b(?:um|damit)\b/), u(/\bwarum (?:nutzt|verwendet|verarbeitet|speichert|braucht|benötigt) (?:ihr|Sie) (?:meine|unsere)\b/), u(/\b(?:Daten|Angaben|Adresse|E-Mail-Adresse|Telefonnummer)\b[^.;]{0,30}\b(?:dienen|dient) (?:uns )?(?:der|dem|zur|zum)\b/)],
      rightAccess: [u(/\bZugang zu (?:Ihren|deinen|den) (?:\p{L}+ )?(?:Informationen|Daten)\b/u)],
      rightRectification: [u(/\bKorrektur\b(?=[^.;]{0,100}\b(?:beantragen|verlangen|fordern)\b)/)],
      rightPortability: [u(/\bin einem (?:gängigen|üblichen|portablen|standardisierten) (?:\p{L}+ )?Format\b/u), u(/\ban (?:einen|eine) (?:anderen|andere|neuen|neue) (?:Anbieter|Händler|Unternehmen|Shop|Verantwortlichen|Dienst)\b[^.;]{0,20}\b(?:übertragen|übermitteln|weitergeben|schicken|senden)\b/)],
      complaint: [u(/\bbeschwer\p{L}*\b[^.;]{0,100}\bDatenschutz-? (?:und \p{L}+)?(?:beauftragte|aufsicht)\p{L}*/u)],
      transfersNone: [u(/\bnichts verlässt die (?:EU|Europäische Union|EWR)\b/), u(/\b(?:gespeichert|verarbeitet|gehostet)\b[^.;]{0,60}\binnerhalb der (?:EU|Europäischen Union|EWR)\b/), u(/\bverlassen (?:nie|niemals|nicht) (?:Europa|die EU|den EWR|die Europäische Union)\b/), u(/\b(?:bleibt|bleiben) (?:alles |alle Daten |Ihre Daten |deine Daten )?(?:nur |ausschließlich )?in (?:Deutschland|Österreich|Luxemburg|Belgien|den Niederlanden|Frankreich|Schweden|Dänemark|Finnland|Irland|Italien|Spanien|Polen|der EU|Europa|der Europäischen Union|dem EWR)\b/)],
      automatedDecisions: [u(/\bautomatisch (?:bewertet|gesperrt|abgelehnt|blockiert|eingestuft)\b/), u(/\bautomatische (?:Entscheidung(?:en)?|Einzelentscheidung(?:en)?)\b/), u(/\b(?:entscheidet|entscheiden) (?:bei uns )?(?:immer|stets|ausschließlich) (?:ein )?Mensch(?:en)?\b/)],
      transfers: [u(/\b(?:Servern?|Rechenzentren) in (?:den USA|den Vereinigten Staaten|Singapur|China|der Volksrepublik China|Indien|Hongkong|Kanada|Japan|Australien)\b/u)],
      rightRestriction: [u(/\b(?:vorerst|vorübergehend|vorläufig|einstweilen)\b[^.;]{0,30}\bnicht (?:mehr |weiter )?(?:nutzen|verwenden|verarbeiten)\b/), u(/\bSperrung\b/), u(/\b(?:Verarbeitung|Daten)\b[^.;]{0,20}\bsperren (?:zu )?lassen\b/)],
      rightObjection: [u(/\bNein sagen zu(?:r)? (?:Nutzung|Verwendung|Verarbeitung)\b/)],
      requirement: [u(/\b(?:Angabe|Eingabe|Telefonnummer|Geburtsdatum|E-Mail-Adresse|Feld(?:er)?)\b[^.;]{0,40}\b(?:ist|sind) freiwillig\b/), u(/\bohne (?:Ihre?n? |deine?n? |die |den |das )?[\p{L}-]*(?:adresse|angaben?|daten|namen?|nummer|datum),? (?:ist|sind|können|kann)\b[^.;]{0,40}\b(?:keine|nicht|unmöglich)\b/u), u(/\b(?:müssen|musst) (?:Sie |du )?(?:uns )?(?:Ihre?n? |deine?n? )?[\p{L}-]+ angeben\b/u)],
      legitimateInterestDescribed: [u(/\bberechtigte(?:n|s)? Interesse(?:n|s)?,? (?:weil|da) wir\b[^.;]{0,60}\b(?:möchten|wollen)\b/), u(/^berechtigte(?:s)? Interesse(?:n)?\s?[–—-]\s?(?:wir|um)\b/)],
      rightErasure: [u(/\b(?:verlangen|beantragen|bitten),? dass (?:wir|ich)\b[^.;]{0,40}\bentfernen\b/)],
    },
    fr: {
      controllerRole: [u(/\b[Ll]a personne (?:derrière|qui tient) (?:\p{Lu}|(?:la|cette|notre) boutique\b|(?:le|ce) site\b)/u, true), u(/\best une (?:petite )?(?:boutique|friperie|épicerie|librairie) (?:\p{L}+ )?(?:qui|de|à|basée)\b|\best une petite (?:entreprise|société)\b/u)],
      purposes: [u(/\bon (?:utilise|traite|collecte|garde)\b[^.;]{0,60}\bpour (?:vous |\p{L}+er\b)/u), u(/\bpourquoi (?:utilisez|traitez|collectez|conservez)-vous (?:mes|nos)\b/), u(/\b(?:données|adresse|informations|coordonnées)\b[^.;]{0,30}\b(?:servent|sert) (?:à|uniquement à)\b/)],
      retention: [u(/\btant que votre compte (?:est|reste) (?:actif|ouvert)\b/)],
      rightAccess: [u(/\bnous demander ce que (?:l['’])?on sait\b/)],
      rightPortability: [u(/\b(?:recevoir|obtenir|récupérer)\b[^.;]{0,30}\bfichier\b[^.;]{0,40}\b(?:confier|transmettre|donner) à un autre\b/), u(/\b(?:transmettre|transférer|envoyer)\b[^.;]{0,40}\bà un autre (?:prestataire|commerçant|fournisseur|responsable|service|site)\b/)],
      transfersNone: [u(/\brien ne (?:sort|quitte)\b[^.;]{0,10}\b(?:de )?l['’](?:Union|UE|EEE)\b/), u(/\b(?:reste|restent|demeure|demeurent) (?:uniquement |toujours )?(?:en France|en Belgique|au Luxembourg|en Europe|dans l['’]Union européenne|dans l['’]UE|en Allemagne|aux Pays-Bas|en Irlande|en Suède)\b/)],
      automatedDecisions: [u(/\b(?:suspend\p{L}*|bloqu\p{L}*|rejet\p{L}*|refus\p{L}*|évalu\p{L}*) automatiquement\b/u), u(/\bdécisions? automatiques?\b/), u(/\bc['’]est toujours (?:un humain|une personne|un être humain) qui (?:décide|prend)\b/)],
      transfers: [u(/\b(?:serveurs|centres de données) (?:situés )?(?:en Chine|à Hong Kong|à Singapour|en Inde|au Canada|au Japon|en Australie|aux États-Unis)\b/)],
      rightRestriction: [u(/\b(?:cesser|arrêter|suspendre) temporairement (?:d['’]utiliser|l['’]utilisation|le traitement)\b/)],
      rightObjection: [u(/\bdire non à (?:l['’]utilisation|l['’]usage|ce que nous utilisions|leur utilisation)\b/)],
      legitimateInterestDescribed: [u(/\bintérêts? légitimes?,? (?:car|parce que|puisque) nous (?:voulons|souhaitons)\b/), u(/^intérêts? légitimes?\s?[–—-]\s?(?:nous|pour)\b/)],
      requirement: [u(/\b(?:numéro de téléphone|date de naissance|champ|adresse e-?mail|renseigner)\b[^.;]{0,30}\best (?:facultati(?:f|ve)|optionnel(?:le)?)\b/)],
    },
    sv: {
      controllerRole: [u(/\bsom driver (?:den|butiken|sajten|webbplatsen|det|loppisen)\b/), u(/\b[Pp]ersonen bakom (?:\p{Lu}|(?:butiken|sajten|webbplatsen|företaget)\b)/u, true), u(/\bär en (?:liten )?(?:butik|webbutik) (?:i|från)\b|\bär ett (?:litet|familje)företag\b/)],
      purposes: [u(/\bsamlar (?:vi|jag) in\b[^.;]{0,140}\bför att\b/), u(/\bvarför (?:använder|behandlar|samlar|sparar) (?:ni|du) (?:in )?(?:mina|våra)\b/)],
      legalBasis: [u(/\beftersom det (?:behövs|krävs)\b[^.;]{0,60}\b(?:leverera|beställning\p{L}*|köp\p{L}*)/u), u(/\buppfylla (?:kontraktet|köpekontraktet)\b/), u(/\bvårt berättigade intresse\b/), u(/\b(?:behövs|krävs|nödvändigt) för att (?:vi ska kunna |kunna )?(?:genomföra|fullfölja|slutföra) (?:köpet|beställningen|affären|avtalet)\b/), u(/\bgrunden? för (?:detta|det|behandlingen) är\b[^.;]{0,40}\b(?:avtal|samtycke|intresse|förpliktelse)\p{L}*/u), u(/\bstöd(?:jer|er) (?:vi )?oss på (?:ditt samtycke|avtalet|köpeavtalet|vårt berättigade intresse|en rättslig förpliktelse)\b/), u(/\beftersom du (?:har )?(?:handlat|handlar|beställt|köpt)\b/)],
      legitimateInterestBasis: [u(/\bvårt berättigade intresse\b/), u(/^berättigat intresse\s?[–—:-]\s?\p{L}/u)],
      legitimateInterestDescribed: [u(/\bför att\b[^.;]{0,80}\bvilket är vårt berättigade intresse\b/), u(/^berättigat intresse\s?[–—:-]\s?(?:vi|för att)\b/), u(/\bberättigat intresse,? (?:eftersom|då) vi (?:vill|önskar)\b/)],
      retention: [u(/\bså länge (?:ditt|ert) (?:kund)?konto (?:är|förblir) (?:aktivt|öppet)\b/)],
      rightRectification: [u(/\b(?:vi|jag) rättar (?:felaktiga|fel)\b/)],
      rightPortability: [u(/\bexporterad fil\b/), u(/\b(?:ta med|flytta|överföra|skicka)\b[^.;]{0,40}\btill (?:ett annat (?:företag|ställe)|en annan (?:butik|leverantör|aktör|tjänst))\b/)],
      rightAccess: [u(/\bexporterad fil (?:av|med) (?:de |dina )?(?:person)?uppgifter\b/)],
      transfersNone: [u(/\binget lämnar (?:EU|EES)\b/), u(/\blämnar (?:aldrig|inte) (?:Europa|EU|EES)\b/)],
      automatedDecisions: [u(/\bautomatiskt (?:bedöms|spärras|avvisas|stängs av)\b/), u(/\bautomatiska beslut\b/), u(/\b(?:(?:fattar|tar) (?:alltid )?en människa (?:alltid )?(?:besluten|beslut)|en människa (?:fattar|tar) (?:alltid )?(?:besluten|beslut)|besluten fattas (?:alltid )?av (?:en )?människ(?:a|or))\b/)],
      transfers: [u(/\b(?:servrar|leverantörer|underleverantörer|partner) i (?:USA|Kina|Hongkong|Indien|Singapore|Kanada|Japan|Australien)\b[^.;]{0,60}\b(?:uppgifter|personuppgifter|adress|namn|sparas|lagras)\b/)],
      rightRestriction: [u(/\b(?:tillfälligt|tills vidare) (?:sluta|slutar|upphöra med att) (?:använda|behandla)\b/)],
      rightObjection: [u(/\bsäga nej till (?:att vi (?:använder|behandlar)|användningen|behandlingen)\b/)],
      requirement: [u(/\b(?:telefonnummer|födelsedatum|e-?postadress|fältet|uppgiften)\b[^.;]{0,30}\bär (?:frivilligt|frivillig|valfritt|valfri)\b/), u(/\butan (?:din |ditt |dina |en |ett )?[\p{L}-]*(?:adress|uppgifter|namn|nummer|datum|e-?post),? (?:kan|går)\b[^.;]{0,40}\b(?:inte|ej)\b/u), u(/\b(?:måste|behöver) (?:du )?(?:uppge|lämna|ange|fylla i)\b/)],
      consentBasis: [u(/\bstöd(?:jer|er) (?:vi )?oss på ditt samtycke\b/)],
      rightErasure: [u(/\btar (?:vi|jag) bort (?:allt|dem|dina uppgifter|uppgifterna)\b/)],
      recipients: [u(/(?<!\b(?:vi|jag|du) )\bfår (?:ditt namn|din adress|dina (?:person)?uppgifter|din e-?post(?:adress)?)\b/)],
    },
  }),
);
