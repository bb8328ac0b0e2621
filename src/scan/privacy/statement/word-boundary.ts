/**
 * Unicode word boundaries for the statement patterns, as cheap as the pattern allows.
 *
 * JS `\b` only knows ASCII letters, so every `\b` becomes a boundary that knows å, ä, ö, é, ü. The full
 * boundary (`(?<!W)(?=W)|(?<=W)(?!W)`) tried at every position of every sentence was most of the
 * analyser's time: V8 cannot skip ahead to a pattern's first letters behind it. Where the pattern
 * itself says which side is the word (`\bfoo`, `\b(?:foo|bar)`, `foo\b`), half of it is enough and
 * the same: `(?<!W)` before a word that starts there, `(?!W)` after a word that ends there.
 */

/**
 * A letter or digit of the Latin script the five statement languages are written in
 * (Latin-1, Latin Extended-A/B and Additional, the fi/fl ligatures PDFs produce), with the
 * Latin-1 digits and fractions. It stands in for [\p{L}\p{N}]: compiling that class with
 * case folding, four times for every \b, cost 3 ms per pattern and 700 ms for a scan's first
 * statement; this one costs 0.1 ms. Other scripts count as non-letters, which no EN/NL/SV/
 * DE/FR statement notices.
 */
const WORD = '[0-9A-Za-z\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF\\uFB00-\\uFB06]';
const FULL_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
const WORD_STARTS = `(?<!${WORD})`;
const WORD_ENDS = `(?!${WORD})`;

/** A literal letter or digit in a pattern's source (not an escape, not a quantified one). */
const LITERAL_WORD_CHAR = /[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/u;
const QUANTIFIER = /[?*{]/u;

/** Does the source at `index` certainly start with a literal letter: `foo`, or `(?:foo|bar)` with every branch so? */
function startsWithLetter(source: string, index: number): boolean {
  const char = source[index] ?? '';
  if (LITERAL_WORD_CHAR.test(char)) return !QUANTIFIER.test(source[index + 1] ?? '');
  if (!source.startsWith('(?:', index)) return false;
  let depth = 0;
  let branchStart = index + 3;
  for (let at = index + 3; at < source.length; at += 1) {
    const current = source[at];
    if (current === '\\') {
      at += 1;
      continue;
    }
    if (current === '[') return false;
    if (current === '(') depth += 1;
    else if (current === ')' && depth > 0) depth -= 1;
    else if ((current === '|' || current === ')') && depth === 0) {
      if (!startsWithLetter(source, branchStart)) return false;
      if (current === ')') return !QUANTIFIER.test(source[at + 1] ?? '');
      branchStart = at + 1;
    }
  }
  return false;
}

/** Does the source end, just before `index`, with a literal letter (not one of an escape such as `\d`)? */
function endsWithLetter(source: string, index: number): boolean {
  return LITERAL_WORD_CHAR.test(source[index - 1] ?? '') && source[index - 2] !== '\\';
}

/** The pattern source with each `\b` made a Unicode boundary, half a boundary where that is the same. */
export function unicodeBoundaries(source: string): string {
  let result = '';
  let from = 0;
  for (let at = source.indexOf('\\b'); at >= 0; at = source.indexOf('\\b', at + 2)) {
    // An escaped backslash followed by "b" is no boundary.
    let backslashes = 0;
    while (source[at - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 1) continue;
    const boundary = startsWithLetter(source, at + 2) ? WORD_STARTS : endsWithLetter(source, at) ? WORD_ENDS : FULL_BOUNDARY;
    result += source.slice(from, at) + boundary;
    from = at + 2;
  }
  return result + source.slice(from);
}
