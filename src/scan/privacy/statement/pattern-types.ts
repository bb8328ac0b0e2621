/** Shape of one language's patterns, and a helper for Unicode-aware word boundaries. */
import { once } from '../../../core/once.js';
import { unicodeBoundaries } from './word-boundary.js';

/** What the patterns look for. Most keys are art. 13 elements; a few are facts that decide conditional elements. */
export type PatternKey =
  | 'controllerRole'
  | 'dpo'
  | 'purposes'
  | 'legalBasis'
  | 'legitimateInterestBasis'
  | 'legitimateInterestDescribed'
  | 'consentBasis'
  | 'recipients'
  | 'transfers'
  | 'transfersNone'
  | 'safeguard'
  | 'retention'
  | 'rightAccess'
  | 'rightRectification'
  | 'rightErasure'
  | 'rightRestriction'
  | 'rightObjection'
  | 'rightPortability'
  | 'withdrawConsent'
  | 'complaint'
  | 'requirement'
  | 'automatedDecisions'
  | 'breachPolicy';

export interface LanguagePatterns {
  /** Negation words; a cue in the same clause shortly before a match negates it. */
  negation: RegExp;
  /** Negation after the match ("... does not apply"). */
  negationAfter: RegExp;
  /** Phrases with a negation word that do not negate ("no later than", "do not hesitate"); removed first. */
  benign: RegExp;
  /** Words that start a new clause ("but"), in addition to , ; : ( ). */
  clauseBreak: RegExp;
  /** Says the sentence is about a data-subject right ("you have the right", "you can ask us"). */
  rightCue: RegExp;
  patterns: Record<PatternKey, RegExp[]>;
}

/** Compile a regex literal with Unicode word boundaries, case-insensitive unless `caseSensitive`. */
export function u(pattern: RegExp, caseSensitive = false): RegExp {
  return new RegExp(unicodeBoundaries(pattern.source), caseSensitive ? 'u' : 'iu');
}

/** Two capitals after a four-digit number are a Dutch postcode ("3511 AB"), not a legal form. */
const NOT_POSTCODE = '(?<!\\d{4}\\s)';

/** A postal code: Dutch 1234 AB, four digits before a town (DK, BE, AT: "9000 Aalborg"), Swedish 123 45, five digits (DE/FR), Irish Eircode, Luxembourg L-1234. */
const POSTAL_CODE = /\b\d{4}\s?[A-Z]{2}\b|\b\d{4} [A-ZÀ-Þ][a-zß-ÿ]{2,}|\b\d{3}\s\d{2}\b|\b\d{5}\b|\b[A-Z]\d{2}\s?[A-Z0-9]{4}\b|\bL-\d{4}\b/u;

/**
 * The language-independent patterns, compiled on first use: compiling the analyser's
 * patterns was most of the CLI's start-up, paid even by `weerbaar checks`.
 */
export const sharedPatterns = once(() => ({
  /**
   * Named supervisory authorities. Case-sensitive, so "AP" and "ICO" do not match ordinary
   * words.
   */
  AUTHORITY_NAMES: u(
    /\b(?:Autoriteit Persoonsgegevens|AP|Integritetsskyddsmyndigheten|IMY|Datainspektionen|CNIL|BfDI|Bundesbeauftragten? für den Datenschutz|Landesdatenschutzbeauftragten?|Landesbeauftragten? für (?:den )?Datenschutz|Datenschutzbehörde|ICO|Information Commissioner(?:'s|’s)? Office|Gegevensbeschermingsautoriteit|GBA|APD|Data Protection Commission|EDPB|CNPD|IDPC|Data Protection Commissioner|Commission nationale (?:pour la protection des données|de l['’]informatique et des libertés)|Datatilsynet|AEPD|Garante (?:per la protezione dei dati personali|privacy)|UODO)\b/,
    true,
  ),
  POSTAL_CODE,
  /** Contact details: an e-mail address, a phone number or a postal code. */
  CONTACT_DETAILS: [
    /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u,
    /(?:\+\d{1,3}[\s-]?)?(?:\(0\)\s?)?\d{2,4}[\s-]?\d{3,4}[\s-]?\d{2,4}/u,
    POSTAL_CODE,
  ],
  /** "Contact us" in the five languages: a contact block that gives the shop's own address. */
  CONTACT_US: u(/\b(?:contact us|write to us|nous contacter|contactez-nous|écrivez-nous|contact met ons|neem contact|kontakta oss|kontaktieren Sie uns|schreiben Sie uns)\b/),
  /**
   * A legal form or a business-register number, which marks a sentence that names the
   * business itself ("Bloemenhuis Jansen B.V. · Kerkstraat 1 · KvK 12345678").
   */
  LEGAL_ENTITY: new RegExp(
    `(?<![\\p{L}\\p{N}.])(?:B\\.V\\.|N\\.V\\.|V\\.O\\.F\\.|S\\.à ?r\\.l\\.|S\\.A\\.|S\\.r\\.l\\.|S\\.p\\.A\\.|A\\/S|${NOT_POSTCODE}(?:BV|NV|VOF|AB|HB|AG|UG|KG|SA|SAS|SARL|Sàrl|SRL|EURL|SCA|ApS|Oy|LLC|Ltd|GmbH|OHG)|e\\.K\\.|` +
      '[Ee]enmanszaak|Limited|[Ee]nskild firma|[Ss]ole trader|[Ee]inzelunternehmen|Inhaber(?:in)?|[Ee]ntrepreneur individuel|[Aa]uto-entrepreneur|' +
      'KvK|Kamer van Koophandel|[Oo]rg\\.? ?nr|[Oo]rganisationsnummer|HRB|HRA|Handelsregister|RCS|SIRET|SIREN|BCE|KBO|[Cc]ompany (?:no|number|registration))(?![\\p{L}\\p{N}])',
    'u',
  ),
  /**
   * Parcel, payment and mailing services that webshops name as recipients. Case-sensitive
   * names, so "bring" or "stripe" as ordinary words do not match.
   */
  RECIPIENT_NAMES: u(
    /\b(?:PostNL|DHL|DPD|GLS|UPS|FedEx|PostNord|Bring|Budbee|Instabox|(?:DB )?Schenker|[Bb]post|Colissimo|Chronopost|Mondial Relay|La Poste|An Post|MaltaPost|Hermes|Sendcloud|Deutsche Post|Österreichische Post|Royal Mail|Evri|Posti|CTT|Correos|Mollie|Klarna|Stripe|PayPal|Adyen|Svea|Buckaroo|MultiSafepay|Swish|Vipps|MobilePay|Trustly|Qliro|Walley|Worldline|Nexi|Payone|Unzer|SumUp|Viva Wallet|Easypay|Mailchimp|Brevo|Sendinblue|Klaviyo)\b/,
    true,
  ),
  /**
   * An age limit ("children under 16 years", "kinderen jonger dan 16 jaar", "Kinder unter 16 Jahren",
   * "enfants de moins de 15 ans", "barn under 13 år"): its years are no retention period.
   */
  AGE_LIMIT: u(
    /\b(?:children|child|minors?|under the age|years? of age|years? old|aged? (?:under|below|over)|(?:younger|older) than|kinderen|kind|minderjarigen?|jonger|ouder dan|leeftijd|Kinder|Kindern|Minderjährige\p{L}*|Lebensjahr\p{L}*|Jahre alt|jünger|älter|Alter|enfants?|mineurs?|âgée?s?|âge|barn|minderåriga|år gammal|yngre|äldre|ålder)\b|\b(?:under|below|over|at least|unter|über|ab|mindestens|moins de|plus de|au moins|onder|vanaf|minstens|ten minste|över|från|minst)\s(?:\p{L}+\s)?\d{1,2}\s(?:years?|jaar|Jahren?|ans|år)\b/u,
  ),
  /**
   * Delivery and returns ("shipping takes two to three days", "return it within 14 days"): a period
   * in such a sentence is no retention period unless the sentence also speaks of data or records.
   */
  LOGISTICS: u(
    /\b(?:shipping|delivery|deliver(?:ed)?|dispatch(?:ed)?|return(?:ed|s)?|refund|withdraw from the (?:contract|purchase)|verzending|levering|geleverd|bezorging|bezorgd|retour\p{L}*|terugsturen|herroep\p{L}*|Versand|Lieferung|geliefert|Lieferzeit|Rücksendung|zurücksenden|Widerruf\p{L}*|livraison|livré|expédition|expédié|retour\p{L}*|rétractation|remboursement|leverans\p{L}*|levereras|frakt\p{L}*|retur\p{L}*|ångerrätt\p{L}*|returnera)\b/u,
  ),
  /**
   * The data "we hold about you" named inside a sentence about another thing ("het recht op toegang tot de
   * informatie die wij over u bewaren"): a keep verb there states no period, unless the sentence gives one.
   */
  HELD_ABOUT_YOU: u(
    /\b(?:(?:hold|keep|store|retain|have) (?:about|on) you|(?:die|welke|dat) (?:wij|we) (?:over|van) (?:u|je|jou) (?:\p{L}+ )?(?:bewaren|bewaard|opslaan|opgeslagen|hebben)|über Sie (?:\p{L}+ )?(?:gespeichert\p{L}*|speichern|aufbewahr\p{L}*)|que nous (?:conservons|détenons|stockons|avons) (?:sur vous|à votre sujet|vous concernant)|(?:sparar|lagrar|har|behåller) om dig)\b/u,
  ),
  /** A period or an end stated in words ("two years", "as long as", "until", "zolang", "så länge"). */
  PERIOD: u(
    /\b(?:(?:\d+|one|two|three|five|six|seven|ten|een|twee|drie|vijf|zes|zeven|tien|zwei|drei|fünf|sechs|sieben|zehn|un|deux|trois|cinq|dix|ett|två|tre|fem|sju|tio) (?:days?|weeks?|months?|years?|dagen|weken|maanden|jaar|jaren|Tagen?|Wochen?|Monate[n]?|Jahre[n]?|jours|semaines|mois|ans|années|dagar|veckor|månader|år)|as long as|until|as soon as|zolang|totdat|zodra|solange|so lange|sobald|tant que|jusqu|dès que|så länge|tills|så snart|bewaartermijn|Speicherdauer|durée de conservation|lagringstid|retention period)\b/,
  ),
  /** Words that make a period one of data or records ("invoices", "account data", "stored", "deleted"). */
  RECORDS: u(
    /\b(?:data|personal|information|details|account|invoices?|records?|keep|kept|store[sd]?|retain(?:ed)?|delete[sd]?|erased?|gegevens|bewaren|bewaard|opgeslagen|verwijder\p{L}*|factu\p{L}*|Daten|gespeichert|speichern|aufbewahr\p{L}*|gelöscht|löschen|Rechnung\p{L}*|Konto|données|conserv\p{L}*|supprim\p{L}*|compte|uppgifter\p{L}*|sparar|sparas|lagras|raderas|gallras|faktur\p{L}*|konto)\b/u,
  ),
  /**
   * A definition from the law ("'controller' means the natural or legal person which ... determines the
   * purposes and means"): it names the element's words without stating anything about this shop.
   */
  DEFINITION: u(
    new RegExp(
      /\b(?:natural or legal person|natürliche oder juristische Person|personne physique ou morale|natuurlijke (?:persoon )?of rechtspersoon|fysiska eller juridiska person(?:en)?)\b|["“'‘„«][^"”'’“»]{2,40}["”'’“»]\s*(?:means|refers to|bezeichnet|désigne|betekent|avses)\b|\bwordt (?:in deze \p{L}+ )?verstaan\b|\bMed \p{L}+ avses\b/u.source +
        // The controller defined as a role ("a controller is the body that determines the purposes and means").
        String.raw`|\b(?:is the (?:body|person|entity|organi[sz]ation|party|one) (?:that|who|which)|diejenige Stelle|ist die Stelle, die|is (?:degene|de partij|de organisatie|de instantie) die|är den som|est (?:la personne|l['’]organisme|l['’]entité) qui)\b[^.;]{0,110}\b(?:determines?|bestimmt|entscheidet|bepaalt|bestämmer|détermine)\b` +
        String.raw`|^(?:De|Der|Die|The|Le|La) (?:verwerkingsverantwoordelijke|Verantwortliche|controller|responsable du traitement) (?:bepaalt|bestimmt|entscheidet|determines|détermine)\b`,
      'u',
    ),
  ),
  /**
   * Sentences that name purposes without stating one: a reference back ("for the purposes stated
   * above", "für die genannten Zwecke"), the notice's own aim ("La présente notice a pour finalité de
   * vous informer"), a processor acting for us ("som behandlar dem för vår räkning"), and the
   * permission for a processing ("We mogen dit doen omdat ...", which states its basis).
   */
  NOT_A_PURPOSE: u(
    /\b(?:(?:above|aforementioned|stated|said|mentioned|these|those|such) purposes|purposes (?:mentioned|stated|set out|described|listed) above|(?:genannten|vorgenannten|angegebenen) Zweck\p{L}*|(?:genoemde|bovengenoemde|vermelde) doel\p{L}*|finalités? (?:mentionnées|susmentionnées|précitées|indiquées|décrites|ci-dessus|visées)|(?:angivna|nämnda|ovan nämnda) ändamål\p{L}*|ändamål\p{L}* som anges)\b|\b\p{L}*(?:notice|policy|policyn|statement|déclaration|politique|verklaring|erklärung|informationen?)\b[^.;]{0,30}\b(?:a pour (?:finalité|objet|but)|has the purpose|heeft (?:als|tot) doel|dient dazu|syftar till|har (?:till|som) syfte)\b|^(?:Zweck der (?:Weitergabe|Übermittlung)|purpose of (?:sharing|disclosure|the transfer)|doel van (?:de |het )?(?:verstrekking|delen|doorgifte)|syfte(?:t)? med (?:delningen|överföringen|utlämnandet)|finalité (?:du partage|de la (?:transmission|communication)))\b|\b(?:Auskunft|access|inzage|tillgång|accès)\b[^.;]{0,60}\b(?:Zweck\p{L}*|purposes?|doel\p{L}*|ändamål\p{L}*|finalités?)\b|\b(?:on our behalf|för vår räkning|in onze opdracht|namens ons|in unserem Auftrag|pour notre compte)\b|\b(?:may|mogen|mag|dürfen|darf|får|pouvons)\b[^.;]{0,25}\b(?:because|omdat|weil|eftersom|parce que|car)\b/u,
  ),
  /** A data breach named: a sentence about informing the authority after one is no complaint right. */
  BREACH: u(/\b(?:Datenpanne\p{L}*|Datenschutzverletzung\p{L}*|breach(?:es)?|datalek\p{L}*|dataintrång|personuppgiftsincident\p{L}*|violations? de (?:vos )?données|fuite de données)\b/u),
  /** The visitor's own details or possessive ("your address", "je naam", "Ihre E-Mail-Adresse", "dina uppgifter"). */
  PERSONAL: u(/\b(?:your|je|jouw|uw|Ihre?[nmrs]?|vos|votre|din|ditt|dina|address|adres|Adresse|Anschrift|adresse|adress(?:en)?|e-?mail\p{L}*|phone|telefoon\p{L}*|Telefon\p{L}*|téléphone|telefon\p{L}*|names?|naam|Namen?|nom|namn(?:et)?)\b/u),
  /** Worry about breaches ("Vi delar din oro för dataintrång") is no breach procedure. */
  CONCERN: u(/\b(?:concerns?|worr(?:y|ies)|oro|Sorgen?|zorgen?|inquiétudes?|préoccupations?)\b/),
  /**
   * A one-to-three-word title over the controller's contact block ("Contact", "Kontakt", "Contactgegevens",
   * "Coordonnées", "Impressum"), whose lines (name, street, postcode and town, e-mail) follow one per line.
   */
  CONTACT_TITLE: u(/^(?:contact(?: details| information| us)?|contactgegevens|contactinformatie|kontakt(?:uppgifter| information)?|kontaktdaten|impressum|anbieter|coordonnées|nous contacter|contactez-nous|contact et coordonnées)[:.]?$/),
  /** A title about data-subject rights, also as the end of a compound ("Betroffenenrechte", "Privacyrechten"). */
  RIGHTS_TITLE: /(?:rights|rechte|rechten|rättigheter(?:na)?|droits)(?![\p{L}])/iu,
  /** A sentence that speaks of a right ("you have the right not to be subject to ..."). */
  RIGHT_WORD: u(/\b(?:rights?|recht(?:en)?|rätt(?:ighet(?:er(?:na)?)?)?|droits?)\b/),
  /** A person always decides ("bei uns entscheidet immer ein Mensch"): no automated decisions, said positively. */
  HUMAN_DECIDES: u(
    /\b(?:(?:a|one of us|a real) (?:human|person|people)(?: being)? (?:always )?(?:decides?|makes? (?:the|every|all) decisions?)|(?:entscheidet|entscheiden) (?:bei uns )?(?:immer|stets|ausschließlich) (?:ein )?Mensch(?:en)?|(?:beslist|beslissen) (?:bij ons )?(?:altijd|steeds) (?:een )?mens(?:en)?|c['’]est toujours (?:un humain|une personne|un être humain) qui (?:décide|prend)|(?:fattar|tar) (?:alltid )?en människa (?:alltid )?(?:besluten|beslut)|en människa (?:fattar|tar) (?:alltid )?(?:besluten|beslut)|besluten fattas (?:alltid )?av (?:en )?människ(?:a|or))\b/,
  ),
}));
