/**
 * Negation: a match does not state an element when its clause denies it ("U heeft geen recht op
 * inzage", "you cannot object", "Sie haben kein Recht auf Löschung"). The clause is the text
 * before the match back to the last ; : ( ) or "but"-word, or comma, except that a comma inside an
 * enumeration ("geen recht op inzage, rectificatie of wissing") does not end the negation's reach.
 */
import type { LanguagePatterns } from './pattern-types.js';

/** A negation word further back than this many words is taken to belong to something else. */
const WINDOW_WORDS = 14;
/** A comma segment this short, without a pronoun, is an enumeration item, not a new clause. */
const ENUMERATION_WORDS = 3;
const PRONOUNS = new Set(['you', 'we', 'i', 'they', 'it', 'u', 'wij', 'jij', 'ik', 'zij', 'ze', 'hij', 'du', 'vi', 'jag', 'han', 'hon', 'sie', 'wir', 'ich', 'er', 'es', 'vous', 'nous', 'je', 'il', 'elle', 'ils', 'elles', 'on']);

/**
 * "including" continues the negated object ("we make no automated decisions, including profiling"):
 * these words are left out before the negation window is counted.
 */
const INCLUDING = /(?<![\p{L}])(?:including|included|inclusief|daaronder begrepen|met inbegrip van|inklusive|inbegripet|einschließlich|y compris)(?![\p{L}])/giu;
/** Words that open a relative clause ("data that we no longer need", "uppgifter som inte behövs"). */
const RELATIVE_WORD = /(?<![\p{L}])(?:that|which|who|die|dat|welke|som|der|das|welche|qui|que|dont)(?![\p{L}])/iu;
/** A subject pronoun right after the first word of the match: that word is the verb of an inverted main clause. */
const INVERTED_SUBJECT = /^\s+(?:we|wij|ik|u|je|jij|vi|jag|du|ni|wir|ich|sie|nous|vous)(?![\p{L}])/iu;

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
    // An earlier list item with a relative clause ("radera uppgifter som inte längre behövs,
    // begränsa ...") keeps its negation to itself: only the part before the relative word carries over.
    const previousItem = segments.pop() ?? '';
    const relative = RELATIVE_WORD.exec(previousItem);
    clause = (relative ? previousItem.slice(0, relative.index) : previousItem) + separator + clause;
  }
  const breaks = [...clause.matchAll(globalOf(patterns.clauseBreak))];
  const lastBreak = breaks.at(-1);
  return lastBreak?.index !== undefined ? clause.slice(lastBreak.index + lastBreak[0].length) : clause;
}

export function isNegated(sentence: string, start: number, end: number, patterns: LanguagePatterns): boolean {
  const benign = globalOf(patterns.benign);
  const before = sentence.slice(0, start).replace(benign, ' ').replace(INCLUDING, ' ');
  // "..., beperken we de verwerking": a verb right after a comma with its subject behind it starts a
  // new main clause (Dutch, German and Swedish put the verb second), so a negation before the comma
  // belongs to the clause before ("als je het niet eens bent, beperken we ...").
  const startsMainClause = /,\s*$/.test(before) && INVERTED_SUBJECT.test(sentence.slice(start).replace(/^\S+/, ''));
  const clause = startsMainClause ? '' : clauseBefore(before, patterns);
  const window = (clause.match(/[^\s]+/g) ?? []).slice(-WINDOW_WORDS).join(' ');
  if (patterns.negation.test(window)) return true;
  const after = sentence.slice(end).split(/[;:()]/)[0] ?? '';
  return patterns.negationAfter.test(after.slice(0, 80));
}
