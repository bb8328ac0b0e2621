/**
 * Runs the statement analyser and the privacy.statement.contents check on every statement in
 * test/privacy-corpus/ and compares with the expectations file beside it (<name>.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { Expectation } from '../bench/privacy-statement-corpus.js';
import { analyseStatement, ELEMENT_IDS, type ElementId } from '../src/scan/privacy/statement/index.js';

const CORPUS = join(import.meta.dirname, 'privacy-corpus');
const items = readdirSync(CORPUS)
  .filter((name) => (name.endsWith('.txt') || name.endsWith('.md')) && name !== 'README.md')
  .map((name) => ({ name, expectation: JSON.parse(readFileSync(join(CORPUS, name.replace(/\.(txt|md)$/, '.json')), 'utf8')) as Expectation }));

function evidenceFor(text: string, declaredLang?: string): ScanEvidence {
  const statement = { url: 'https://shop.test/privacy', format: 'html' as const, text, ...(declaredLang ? { declaredLang } : {}) };
  return { target: 'shop.test', collectedAt: '2026-01-01T00:00:00Z', privacy: { crawl: { statement }, browser: {} } };
}

describe('privacy statement corpus', () => {
  it('has at least one complete and one incomplete statement per language, plus tricky ones', () => {
    for (const lang of ['en', 'nl', 'sv', 'de', 'fr']) {
      expect(items.some((item) => item.name === `${lang}-complete.txt`), `${lang}-complete`).toBe(true);
      expect(items.some((item) => item.name === `${lang}-incomplete.txt`), `${lang}-incomplete`).toBe(true);
    }
    expect(items.filter((item) => item.name.includes('tricky')).length).toBeGreaterThanOrEqual(3);
  });

  for (const { name, expectation } of items) {
    describe(name, () => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const analysis = analyseStatement(text, expectation.declaredLang ? { declaredLang: expectation.declaredLang } : {});
      const byId = new Map(analysis.elements.map((element) => [element.id, element]));

      it(`detects the language (${expectation.lang})`, () => {
        expect(analysis.language.lang).toBe(expectation.lang);
        expect(analysis.language.confidence).toBeGreaterThan(expectation.minConfidence ?? 0.3);
      });

      it('reports every element once', () => {
        expect(analysis.elements.map((element) => element.id)).toEqual([...ELEMENT_IDS]);
      });

      for (const [status, ids] of [
        ['found', expectation.found],
        ['missing', expectation.missing],
        ['denied', expectation.denied],
        ['notApplicable', expectation.notApplicable],
      ] as const) {
        for (const id of ids ?? []) {
          it(`${id} is ${status}`, () => {
            const element = byId.get(id);
            expect(element?.status, JSON.stringify(element)).toBe(status);
            if (status === 'found' || status === 'denied') {
              // The evidence is a sentence from the statement itself.
              expect(element?.sentences.length).toBeGreaterThan(0);
              const first = (element?.sentences[0] ?? '').split(' — ')[0]?.replace(/…$/, '') ?? '';
              expect(text.replace(/\s+/g, ' ')).toContain(first.slice(0, 60));
            }
          });
        }
      }

      for (const [id, note] of Object.entries(expectation.notes ?? {})) {
        it(`${id} has note ${note}`, () => {
          expect(byId.get(id as ElementId)?.note).toBe(note);
        });
      }

      if (expectation.complete) {
        it('is complete: every applicable required element is found', () => {
          const gaps = analysis.elements.filter(
            (element) => ['core', 'required', 'conditional'].includes(element.requirement) && element.status !== 'found' && element.status !== 'notApplicable',
          );
          expect(gaps.map((element) => element.id)).toEqual([]);
        });
      }

      it(`privacy.statement.contents gives ${expectation.check}`, () => {
        const result = privacyContents.run(evidenceFor(text, expectation.declaredLang), { now: new Date('2026-01-01T00:00:00Z') });
        expect(result.status).toBe(expectation.check);
      });
    });
  }
});
