/**
 * Negation: a match does not state an element when its clause denies it ("U heeft geen recht op
 * inzage", "you cannot object", "Sie haben kein Recht auf Löschung"). The clause is the text
 * before the match back to the last ; : ( ) or "but"-word, or comma, except that a comma inside an
 * enumeration ("geen recht op inzage, rectificatie of wissing") does not end the negation's reach.
 */
import type { LanguagePatterns } from './pattern-types.js';

/** A negation word further back than this many words is taken to belong to something else. */
const WINDOW_WORDS = 10;
/** A comma segment this short, without a pronoun, is an enumeration item, not a new clause. */
const ENUMERATION_WORDS = 3;
const PRONOUNS = new Set(['you', 'we', 'i', 'they', 'it', 'u', 'wij', 'jij', 'ik', 'zij', 'ze', 'hij', 'du', 'vi', 'jag', 'han', 'hon', 'sie', 'wir', 'ich', 'er', 'es', 'vous', 'nous', 'je', 'il', 'elle', 'ils', 'elles', 'on']);

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];

function globalOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}

/** The clause that ends at the match: back to the last hard break, skipping over enumeration commas. */
function clauseBefore(before: string, patterns: LanguagePatterns): string {
  const segments = before.split(/([,;:()])/);
  // segments: text, separator, text, separator, ..., text
  let clause = segments.pop() ?? '';
  while (segments.length >= 2) {
    const separator = segments.pop() as string;
    const itemWords = words(clause);
    const enumerationItem = separator === ',' && itemWords.length <= ENUMERATION_WORDS && !itemWords.some((word) => PRONOUNS.has(word));
    if (!enumerationItem) break;
    clause = (segments.pop() ?? '') + separator + clause;
  }
  const breaks = [...clause.matchAll(globalOf(patterns.clauseBreak))];
  const lastBreak = breaks.at(-1);
  return lastBreak?.index !== undefined ? clause.slice(lastBreak.index + lastBreak[0].length) : clause;
}

export function isNegated(sentence: string, start: number, end: number, patterns: LanguagePatterns): boolean {
  const benign = globalOf(patterns.benign);
  const before = sentence.slice(0, start).replace(benign, ' ');
  const clause = clauseBefore(before, patterns);
  const window = (clause.match(/[^\s]+/g) ?? []).slice(-WINDOW_WORDS).join(' ');
  if (patterns.negation.test(window)) return true;
  const after = sentence.slice(end).split(/[;:()]/)[0] ?? '';
  return patterns.negationAfter.test(after.slice(0, 80));
}
