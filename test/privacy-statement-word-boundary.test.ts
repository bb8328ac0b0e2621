/**
 * The statement patterns' cheaper word boundaries (issue 14, round three: speed) must match exactly
 * where the full Unicode boundary does: half a boundary only where the pattern fixes the word's side.
 */
import { describe, expect, it } from 'vitest';
import { unicodeBoundaries } from '../src/scan/privacy/statement/word-boundary.js';

const WORD = '[0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F]';
const FULL = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;

const matches = (source: string, text: string): string[] => [...text.matchAll(new RegExp(source, 'giu'))].map((match) => `${match.index}:${match[0]}`);

const TEXTS = ['Wir löschen Ihre Daten.', 'Öl und Äpfel, öl', 'sfoo foo xfoo', '"quote" a"b', 'rätten; rätt', 'a1 b22 ñandú', 'foo-bar foobar barfoo', 'x\\by'];
const PATTERNS = [
  String.raw`\blöschen\b`,
  String.raw`\b(?:öl|Äpfel)\b`,
  String.raw`\bs?foo\b`,
  String.raw`\b(?:"|foo)`,
  String.raw`\b(?:foo|bar)?foo\b`,
  String.raw`\b(?:rätt(?:en)?|x)\b`,
  String.raw`\b\d+\b`,
  String.raw`\b[a-z]\d\b`,
  String.raw`\bfoo(?:bar)*\b`,
  String.raw`x\\by`,
  String.raw`\s\b[a-z]`,
  String.raw`\b(?:\p{L}+ )?Daten\b`,
];

describe('unicodeBoundaries', () => {
  for (const pattern of PATTERNS) {
    it(`matches where the full boundary does: /${pattern}/`, () => {
      const cheap = unicodeBoundaries(pattern);
      const full = pattern.replace(/(?<!\\)\\b/g, FULL);
      for (const text of TEXTS) expect(matches(cheap, text), text).toEqual(matches(full, text));
    });
  }

  it('uses half a boundary where the word side is fixed, the full one elsewhere', () => {
    expect(unicodeBoundaries(String.raw`\bfoo\b`)).not.toContain('(?=');
    expect(unicodeBoundaries(String.raw`\b(?:"|foo)`)).toContain('(?=');
    expect(unicodeBoundaries(String.raw`\bs?foo`)).toContain('(?=');
  });
});
