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
  'confidentialite', // fr: politique de confidentialité
  'donnees personnelles', // fr
  'protection des donnees', // fr
  'vie privee', // fr
  'personal data', // en: "How we use your personal data"
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
  'confidentialite',
  'donnees-personnelles',
  'donnees_personnelles',
  'vie-privee',
  'persoonsgegevens',
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
