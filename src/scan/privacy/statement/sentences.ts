/**
 * Sentence splitting for statements: block boundaries (newlines) always end a sentence; inside a
 * block, . ! ? followed by space and a capital, digit or quote end one, except after common
 * abbreviations in the five languages ("e.g.", "bijv.", "t.ex.", "z.B.", "art.") and inside numbers.
 *
 * Section titles often arrive fused with the text under them, because an HTML <strong> title sits
 * inside the paragraph ("Your rights You can ask us ...", "Transfers: we never ..."). Such a head is
 * split off as a title of its own, so that a negation in the sentence also covers the topic words
 * that the title repeats ("Automated decisions We make no automated decisions").
 */
import { CONTINUING, splitFusedHead } from './fused-heads.js';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'art', 'no', 'nr', 'mr', 'mrs', 'dr', 'st', 'vs', 'incl', 'approx', 'cf', 'para', 'sec',
  'bijv', 'o.a', 'm.b.t', 'i.v.m', 'd.w.z', 'z.g.a', 'ca', 'resp', 'jl',
  't.ex', 'bl.a', 'm.m', 's.k', 'p.g.a', 'dvs', 'fr.o.m', 'kap', 'org.nr',
  'z.b', 'bzw', 'd.h', 'ggf', 'abs', 'u.a', 'usw', 'vgl', 'inkl', 'evtl', 'lit',
  'p.ex', 'env', 'mme',
  'b.v', 'n.v', 'v.o.f', 'c.v', 'e.v', 'inc', 'co', 'corp', 'ltd',
  // Legal forms ending in a dot mid-name: "Modaro Global Pte. Ltd.", "Markethall Europe S.à r.l.", "e.K.".
  'pte', 'pty', 'r.l', 's.a', 's.r.l', 's.p.a', 'e.k', 'o.o',
  'tel', 'tfn', 'fax', 'mob', 'str', 'hnr',
]);

// A letter marks a list item ("a) ...", "B. ..."); "I." and "V." are the Roman numbers of a generator's titles ("I. Name und Anschrift des Verantwortlichen").
const LIST_MARKER = /^\s*(?:[-*•·–—▪◦]|\d{1,2}[.)]|[a-z][.)]|[A-HJ-UWYZ][.)])\s+/u;

export interface Sentence {
  text: string;
  /** Index in document order. */
  index: number;
  /** The sentence is a list item (bullet or numbered line). */
  listItem: boolean;
}

/** Words that, ending a line, say the sentence goes on: negations ("Wir übermitteln keine" / "Daten ..."). */
const NEGATION_AT_END = new Set(['not', 'cannot', 'no', 'never', 'niet', 'geen', 'nooit', 'inte', 'ingen', 'inga', 'aldrig', 'nicht', 'kein', 'keine', 'keinen', 'niemals', 'pas', 'jamais', 'aucun', 'aucune']);

/**
 * Lines joined where a sentence runs on across a line break (a <br> or a wrapped PDF line): the
 * line does not end a sentence and the next starts in lower case, or the line ends in a word that
 * cannot end one ("to", "an", "kein"). Read apart, "We do not transfer" / "your data outside the
 * EEA." would be a denial and a transfer.
 */
function joinRunOnLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const rawLine of lines) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const previous = out.at(-1);
    const lastWord = previous?.match(/(\p{L}+)$/u)?.[1]?.toLowerCase() ?? '';
    const runsOn =
      previous !== undefined &&
      !/[.!?:;…]$/.test(previous) &&
      !LIST_MARKER.test(line) &&
      // An e-mail address or web address on its own line is a contact line, not the sentence's rest.
      !/^(?:[\p{L}\p{N}._%+-]+@|https?:\/\/|www\.)/u.test(line) &&
      (/^\p{Ll}/u.test(line) || (previous.split(' ').length >= 3 && (CONTINUING.has(lastWord) || NEGATION_AT_END.has(lastWord))));
    if (runsOn) out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of joinRunOnLines(text.split(/\r?\n|\u2028|\u2029/))) {
    // "2. Purposes" is a numbered section title, not a list item.
    const numberedTitle = /^\d{1,2}[.)]\s/.test(line) && !/[.!?:;]$/.test(line) && line.split(' ').length <= 8;
    const listItem = LIST_MARKER.test(line) && !numberedTitle;
    const body = line.replace(LIST_MARKER, '').trim();
    // List items keep their "label: text" shape; only running text carries fused titles. A colon
    // title is split per sentence, so that "Purpose: delivering your order. Legal basis: contract."
    // (a table row) keeps each short value with its label.
    const parts = listItem ? splitLine(body) : splitFusedHead(body, { noColon: true }).flatMap(splitLine).flatMap((part) => splitFusedHead(part, { colonOnly: true }));
    for (const part of parts) out.push({ text: part, index: out.length, listItem });
  }
  return out;
}

function splitLine(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const boundary = /[.!?…]+["'”’»)]*\s+(?=["'“‘«(]?[\p{Lu}\d])/gu;
  for (let match = boundary.exec(line); match; match = boundary.exec(line)) {
    const before = line.slice(start, match.index);
    const rawToken = (before.match(/(\S+)$/)?.[1] ?? '').replace(/^[("'“‘«]+/, '');
    if (match[0].startsWith('.') && ABBREVIATIONS.has(rawToken.toLowerCase())) continue;
    // A single capital letter before the dot is an initial ("J. Jansen"), not a sentence end.
    if (match[0].startsWith('.') && /^\p{Lu}$/u.test(rawToken)) continue;
    const end = match.index + match[0].trimEnd().length;
    parts.push(line.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = line.slice(start).trim();
  if (rest) parts.push(rest);
  return parts.filter((part) => part.length > 0);
}
