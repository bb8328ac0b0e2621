/** Runs one-sentence cases through the statement analyser: each case's status, cited sentence and note. */
import { describe, expect, it } from 'vitest';
import { analyseStatement, type ElementFinding, type ElementId, type ElementStatus } from '../src/scan/privacy/statement/index.js';

/** [language, element, expected status or { cite }, text, expected note]. */
export type Case = [string, ElementId, ElementStatus | { cite: string }, string, ElementFinding['note']?];

const norm = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

export function describeCases(title: string, cases: Record<string, Case[]>): void {
  describe(title, () => {
    for (const [kind, kindCases] of Object.entries(cases)) {
      describe(kind, () => {
        for (const [lang, id, expected, text, note] of kindCases) {
          it(`${lang}: ${id} in "${text.replace(/\n/g, ' / ').slice(0, 90)}"`, () => {
            const finding = analyseStatement(text).elements.find((element) => element.id === id);
            const status = typeof expected === 'string' ? expected : 'found';
            expect(finding?.status, `cited: ${finding?.sentences[0]}`).toBe(status);
            if (typeof expected !== 'string') expect(norm(finding?.sentences[0] ?? ''), 'cites').toContain(norm(expected.cite));
            if (note !== undefined) expect(finding?.note).toBe(note);
          });
        }
      });
    }
  });
}
