/** Shape of one language's patterns, and a helper for Unicode-aware word boundaries. */

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

const WORD = '[\\p{L}\\p{N}]';
/** JS `\b` only knows ASCII letters; this boundary knows å, ä, ö, é, ü. */
const UNICODE_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;

/** Compile a regex literal with Unicode word boundaries, case-insensitive unless `caseSensitive`. */
export function u(pattern: RegExp, caseSensitive = false): RegExp {
  return new RegExp(pattern.source.replaceAll('\\b', UNICODE_BOUNDARY), caseSensitive ? 'u' : 'iu');
}

/**
 * Language-independent: named supervisory authorities. Case-sensitive, so "AP" and "ICO" do not
 * match ordinary words.
 */
export const AUTHORITY_NAMES = u(
  /\b(?:Autoriteit Persoonsgegevens|AP|Integritetsskyddsmyndigheten|IMY|Datainspektionen|CNIL|BfDI|Bundesbeauftragten? für den Datenschutz|Landesdatenschutzbeauftragten?|Landesbeauftragten? für (?:den )?Datenschutz|Datenschutzbehörde|ICO|Information Commissioner(?:'s|’s)? Office|Gegevensbeschermingsautoriteit|GBA|APD|Data Protection Commission|EDPB)\b/,
  true,
);

/** Contact details: an e-mail address, a phone number or a postal code. */
export const CONTACT_DETAILS = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u,
  /(?:\+\d{1,3}[\s-]?)?(?:\(0\)\s?)?\d{2,4}[\s-]?\d{3,4}[\s-]?\d{2,4}/u,
  /\b\d{4}\s?[A-Z]{2}\b|\b\d{3}\s\d{2}\b|\b\d{5}\b/u,
];
