/** Types of the privacy-statement analyser (GDPR art. 13 elements). */

export const STATEMENT_LANGS = ['en', 'nl', 'sv', 'de', 'fr'] as const;
export type StatementLang = (typeof STATEMENT_LANGS)[number];

export const RIGHT_ELEMENTS = [
  'rightAccess',
  'rightRectification',
  'rightErasure',
  'rightRestriction',
  'rightObjection',
  'rightPortability',
] as const;
export type RightElement = (typeof RIGHT_ELEMENTS)[number];

export const ELEMENT_IDS = [
  'controller',
  'dpo',
  'purposes',
  'legalBasis',
  'legitimateInterests',
  'recipients',
  'transfers',
  'retention',
  ...RIGHT_ELEMENTS,
  'withdrawConsent',
  'complaint',
  'requirement',
  'automatedDecisions',
  'breachPolicy',
] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

/**
 * How much an element matters:
 * - core: missing fails the check (controller, purposes, legal basis, complaint; the rights as a group);
 * - required: art. 13 requires it, missing warns;
 * - conditional: required only when the statement relies on it (legitimate interests, consent, transfers);
 * - optional: only where it exists (DPO), "not mentioned" is information;
 * - recommended: from the sources, not the law (breach-notification policy).
 */
export type Requirement = 'core' | 'required' | 'conditional' | 'optional' | 'recommended';

/**
 * found: a sentence states it. missing: nothing states it. denied: only sentences that deny it
 * (e.g. "you cannot object"). notApplicable: conditional element that the statement does not rely on.
 */
export type ElementStatus = 'found' | 'missing' | 'denied' | 'notApplicable';

export interface ElementFinding {
  id: ElementId;
  requirement: Requirement;
  status: ElementStatus;
  /** The sentence(s) that show the element (or, for 'denied', the denying sentence). */
  sentences: string[];
  /** Which language's patterns matched. */
  lang?: StatementLang;
  /**
   * Extra fact: 'none' when the statement says there is none (no transfers outside the EEA, no
   * automated decisions, no DPO); 'noSafeguard' when transfers are stated without a safeguard;
   * 'noContact' when the controller is named without contact details.
   */
  note?: 'none' | 'noSafeguard' | 'noContact';
}

export interface LanguageGuess {
  /** Detected language, or undefined when the text has too few known words. */
  lang: StatementLang | undefined;
  /** 0..1: share of the top language among all function-word hits, scaled by how many hits there were. */
  confidence: number;
  /** Function-word hits per language (the explanation). */
  hits: Record<StatementLang, number>;
  /** Words counted. */
  words: number;
}

export interface StatementAnalysis {
  language: LanguageGuess;
  /** The page's declared language (normalised to its primary subtag), when given. */
  declaredLang?: string;
  sentenceCount: number;
  /** Whether the statement relies on legitimate interests / consent (decides the conditional elements). */
  reliesOn: { legitimateInterests: boolean; consent: boolean };
  elements: ElementFinding[];
}
