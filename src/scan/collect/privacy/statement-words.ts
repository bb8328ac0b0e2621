/**
 * Which links point at the privacy statement, in EN, NL, SV, DE and FR (plus a few
 * neighbours). Text and URL are both read; a link whose text is only about cookies or about
 * privacy *settings* (a consent-manager button) is not the statement.
 */

/** Lower case, accents removed, whitespace collapsed: "Datenschutzerklärung" → "datenschutzerklarung". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words (folded) that name the statement in link text. "privacy" covers privacyverklaring, privacybeleid, privacy policy... */
const TEXT_WORDS = [
  'privacy', // en, nl: privacy policy/statement/notice, privacyverklaring, privacybeleid, privacyreglement
  'integritet', // sv: integritetspolicy, integritetsskydd
  'dataskydd', // sv
  'personuppgift', // sv: personuppgifter, personuppgiftspolicy, behandling av personuppgifter
  'datenschutz', // de: Datenschutz, Datenschutzerklärung, Datenschutzhinweise
  'privatsphare', // de: Privatsphäre
  'personenbezogene daten', // de
  'dsgvo', // de: the GDPR
  'confidentialite', // fr: politique de confidentialité
  'donnees personnelles', // fr
  'caractere personnel', // fr: données à caractère personnel
  'protection des donnees', // fr
  'protection de vos donnees', // fr
  'vie privee', // fr
  'rgpd', // fr: the GDPR
  'personal data', // en: "How we use your personal data"
  'personal information', // en
  'data protection', // en
  'persoonsgegevens', // nl: "Verwerking van persoonsgegevens"
  'gegevensbescherming', // nl
  'privatlivspolitik', // da
  'personvern', // no
  'privacidad', // es
  'riservatezza', // it
  'gdpr',
];

/** URL path fragments (folded, hyphens/underscores as spaces are not needed: we match substrings). */
const URL_WORDS = [
  'privacy',
  'privacidad',
  'integritet',
  'dataskydd',
  'personuppgift',
  'datenschutz',
  'privatsphare',
  'privatsphaere',
  'dsgvo',
  'confidentialite',
  'donnees-personnelles',
  'donnees_personnelles',
  'protection-des-donnees',
  'vie-privee',
  'rgpd',
  'persoonsgegevens',
  'gegevensbescherming',
  'personvern',
  'gdpr',
];

/** A link about privacy *settings* opens a consent manager, not the statement. */
const SETTINGS_WORDS = ['instelling', 'setting', 'einstellung', 'installning', 'parametre', 'preference', 'voorkeur', 'manage', 'beheer', 'hantera', 'verwalten', 'gerer'];

/**
 * How strongly a link looks like the statement: 0 none, 1 URL only, 2 text, 3 text and URL.
 * A text match counts more: the text is what a visitor reads.
 */
export function statementScore(text: string, url: URL): number {
  const folded = fold(text);
  const path = fold(decodeSafe(url.pathname + url.search));
  const textHit = TEXT_WORDS.some((word) => folded.includes(word)) && !SETTINGS_WORDS.some((word) => folded.includes(word));
  const urlHit = URL_WORDS.some((word) => path.includes(word)) && !/settings|instellingen|einstellungen/.test(path);
  // A settings button ("Privacy settings") with a statement-like URL is still a settings button.
  if (!textHit && urlHit && SETTINGS_WORDS.some((word) => folded.includes(word))) return 0;
  return (textHit ? 2 : 0) + (urlHit ? 1 : 0);
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Words around a statement word in a link that only names the statement ("Our privacy & cookie policy"). */
const LABEL_WORDS = new Set(
  [
    'a', 'and', 'cookie', 'cookies', 'data', 'how', 'information', 'notice', 'of', 'our', 'pdf', 'policy', 'protection', 'statement', 'the', 'use', 'we', 'your',
    'beleid', 'de', 'en', 'het', 'onze', 'ons', 'reglement', 'uw', 'van', 'verklaring', 'verwerking',
    'av', 'behandling', 'din', 'dina', 'hur', 'kakor', 'meddelande', 'och', 'om', 'var', 'vi',
    'daten', 'der', 'die', 'erklarung', 'hinweise', 'ihre', 'informationen', 'personenbezogene', 'richtlinie', 'und', 'unsere', 'zum', 'zur',
    'caractere', 'charte', 'des', 'donnees', 'du', 'et', 'la', 'le', 'les', 'nos', 'notre', 'personnel', 'personnelles', 'politique', 'privee', 'vie', 'vos', 'votre',
  ],
);
/** Single statement words that may start a compound ("privacyverklaring", "integritetspolicy"), and "cookie" ("cookiebeleid"). */
const COMPOUND_HEADS = [...TEXT_WORDS.filter((word) => !word.includes(' ')), 'cookie'];
/** What may follow a statement word inside one compound word; anything else ("privacyfolie") is a product. */
const COMPOUND_TAIL = /^s?(?:|verklaring|beleid|statement|policy|policyn|reglement|erklarung|erklaerung|hinweise?|informationen|information|richtlinien?|bestimmungen|skydd|skyddet|meddelande|er|erna|spolicy)$/;

/**
 * True when a link's text names the privacy statement and nothing else: "Privacy & cookies",
 * "Datenschutzerklärung", "Behandling av personuppgifter", but not "The Privacy Mug",
 * "Klarna's privacy notice" or "5 privacy tips". Used to prefer the footer link over a
 * product or blog post with "privacy" in its name when both are linked as often.
 */
export function isStatementLabel(text: string): boolean {
  const folded = fold(text);
  if (!TEXT_WORDS.some((word) => folded.includes(word)) || SETTINGS_WORDS.some((word) => folded.includes(word))) return false;
  const tokens = folded.split(/[^a-z0-9]+/).filter((token) => token !== '');
  return tokens.every((token) => {
    if (LABEL_WORDS.has(token)) return true;
    const head = COMPOUND_HEADS.find((word) => token.startsWith(word));
    return head !== undefined && COMPOUND_TAIL.test(token.slice(head.length));
  });
}
