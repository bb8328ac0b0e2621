/** The controller element: who is responsible, and how to reach them. */
import { found, missing, type Search } from './findings.js';
import { LANGUAGE_PATTERNS } from './languages.js';
import { sharedPatterns } from './pattern-types.js';
import type { Sentence } from './sentences.js';
import type { ElementFinding, StatementLang } from './types.js';

/** The controller: named in its role with contact details, in an imprint-like line, or in a contact block. */
export function controllerFinding(role: Search, sentences: Sentence[], firstLang: StatementLang): ElementFinding {
  const identity = role.positive || role.negated ? undefined : identityLine(sentences);
  if (identity) return found('controller', 'core', [{ sentence: identity, lang: firstLang }]);
  const roleHit = role.positive ?? role.negated;
  // Prefer an e-mail address, then a phone number, then a postal code, anywhere in the text.
  let contact: Sentence | undefined;
  for (const pattern of sharedPatterns().CONTACT_DETAILS) {
    contact = sentences.find((sentence) => pattern.test(sentence.text));
    if (contact) break;
  }
  if (roleHit && contact) return found('controller', 'core', [roleHit, { sentence: contact, lang: roleHit.lang }]);
  const block = contactBlock(sentences);
  if (block) return found('controller', 'core', [{ sentence: block, lang: firstLang }]);
  if (roleHit) return missing('controller', 'core', 'noContact', [roleHit]);
  return missing('controller', 'core');
}

/**
 * Many shops name themselves only in an imprint-like line ("Shop BV, Kerkstraat 1, Utrecht, KvK
 * 12345678") or in a contact block ("contact us at ... or by mail: Shop, 14 rue des Lilas, 33000
 * Bordeaux"). A business name with a legal form or registration number, or a "contact us" sentence,
 * with contact details in it or in the next sentence identifies the controller. A sentence about
 * recipients names processors instead.
 */
function identityLine(sentences: Sentence[]): Sentence | undefined {
  const aboutRecipients = (text: string): boolean =>
    sharedPatterns().RECIPIENT_NAMES.test(text) || Object.values(LANGUAGE_PATTERNS).some((patterns) => patterns.patterns.recipients.some((pattern) => pattern.test(text)));
  return sentences.find((sentence) => {
    const withNext = `${sentence.text} ${sentences[sentence.index + 1]?.text ?? ''}`;
    // An address set one field per line ("Lumen Lamps B.V." / "Vaartweg 18" / "1211 JE Hilversum"): the next lines too.
    const withBlock = sentences.slice(sentence.index, sentence.index + 4).map((line) => line.text).join(' ');
    if (aboutRecipients(sentence.text)) return false;
    // A name with its full address in brackets ("Drukkerij Het Spoor (Stationsweg 5, 8011 CZ Zwolle, info@...) gebruikt ...").
    if (sharedPatterns().POSTAL_CODE.test(sentence.text) && sharedPatterns().CONTACT_DETAILS[0]!.test(sentence.text) && !aboutAuthority(sentence.text)) return true;
    if (sharedPatterns().LEGAL_ENTITY.test(sentence.text)) return sharedPatterns().CONTACT_DETAILS.some((pattern) => pattern.test(sentence.text.split(/\s+/).length <= BLOCK_LINE_WORDS ? withBlock : withNext));
    // The next sentence may hold the shop's address, unless it is the authority's ("... or complain to the AP, Postbus ...").
    const contactBlock = sharedPatterns().AUTHORITY_NAMES.test(withNext) ? sentence.text : withNext;
    return sharedPatterns().CONTACT_US.test(sentence.text) && sharedPatterns().POSTAL_CODE.test(contactBlock) && sharedPatterns().CONTACT_DETAILS[0]!.test(contactBlock);
  });
}

/** A contact block has at most this many lines after its name line. */
const CONTACT_BLOCK_LINES = 6;
const BLOCK_LINE_WORDS = 8;
/** A line that is only a phone number, perhaps with its label ("013 - 543 21 09", "Tel.: +46 8 123 45 67"). */
const PHONE_LINE = /^(?:(?:tel(?:efoon|efon)?|phone|tél(?:éphone)?)\.?:?\s*)?\+?[\d\s()/-]{8,}$/iu;

/** The complaint patterns of every language: an address block under them is the authority's. */
function aboutAuthority(text: string): boolean {
  return sharedPatterns().AUTHORITY_NAMES.test(text) || Object.values(LANGUAGE_PATTERNS).some((patterns) => patterns.patterns.complaint.some((pattern) => pattern.test(text)));
}

/**
 * The controller's details one per line, as shops set them: under a contact title ("Contact /
 * Bloemenhuis Jansen / Kerkstraat 1 / 3511 AB Utrecht / info@..."), ending in an e-mail address or
 * a postal code; or without a title, a name line, address lines and an e-mail address ("Salt & Wick
 * / Triq il-Kbira 12 / Birkirkara / hello@...") or a phone number after the postal code. Not the supervisory authority's address. The
 * evidence is the block's lines joined by " — ".
 */
function contactBlock(sentences: Sentence[]): Sentence | undefined {
  const shared = sharedPatterns();
  const email = shared.CONTACT_DETAILS[0]!;
  const shortLine = (sentence: Sentence | undefined): boolean =>
    sentence !== undefined &&
    sentence.text.split(/\s+/).length <= BLOCK_LINE_WORDS &&
    // A sentence is no address line; an abbreviation ("Hann. Münden", "B.V.") may end one.
    (!/[.!?]$/.test(sentence.text) || sentence.text.split(/\s+/).length <= 3 || shared.LEGAL_ENTITY.test(sentence.text) || email.test(sentence.text));
  for (const name of sentences) {
    const titled = shared.CONTACT_TITLE.test(sentences[name.index - 1]?.text ?? '');
    if (!shortLine(name) || email.test(name.text) || shared.CONTACT_TITLE.test(name.text) || /\?$/.test(name.text)) continue;
    const lines = sentences.slice(name.index + 1, name.index + 1 + CONTACT_BLOCK_LINES);
    // The block ends with an e-mail address, under a title with the postal code, or with a phone line after the postal code.
    const end = lines.findIndex(
      (line, at) => email.test(line.text) || (titled && shared.POSTAL_CODE.test(line.text)) || (PHONE_LINE.test(line.text) && lines.slice(0, at).some((before) => shared.POSTAL_CODE.test(before.text))),
    );
    if (end < 0 || !lines.slice(0, end + 1).every(shortLine)) continue;
    const block = [name, ...lines.slice(0, end + 1)];
    // Without a title, an address line (a number) before the e-mail says it is a postal address block.
    if (!titled && !block.slice(1, -1).some((line) => /\d/.test(line.text))) continue;
    const text = block.map((line) => line.text).join(' — ');
    if (aboutAuthority(`${sentences[name.index - 1]?.text ?? ''} ${text}`)) continue;
    return { ...name, text: titled ? `${sentences[name.index - 1]!.text} — ${text}` : text };
  }
  return undefined;
}
