/**
 * The statement bench's own measuring (bench/privacy-statement-corpus.ts): citations judged against
 * the `cites` of an expectation, `.html` items read as the crawler reads them, figures per language.
 * The targets are stated in these figures, so a bench that miscounts would hide a miss.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCorpus, evaluateItem, figuresByLanguage, loadCorpus, type CorpusItem, type Expectation } from '../bench/privacy-statement-corpus.js';

const COMPLAINT = 'We sell tea. You have the right to lodge a complaint with the Data Protection Commission. Our shop is in Cork.';

function item(name: string, text: string, expectation: Partial<Expectation>): CorpusItem {
  return { name, text, expectation: { lang: 'en', why: 'bench test', check: 'fail', ...expectation } };
}

describe('statement bench', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts a citation right only when the cited sentence holds the substring (case and spaces aside)', () => {
    const right = evaluateItem(item('right', COMPLAINT, { found: ['complaint'], cites: { complaint: 'LODGE   a complaint' } }));
    expect(right.cites).toEqual({ asserted: 1, met: 1 });
    expect(right.mismatches.filter((mismatch) => mismatch.kind === 'cite')).toEqual([]);

    const wrong = evaluateItem(item('wrong', COMPLAINT, { found: ['complaint'], cites: { complaint: 'We sell tea' } }));
    expect(wrong.cites).toEqual({ asserted: 1, met: 0 });
    const citeMiss = wrong.mismatches.find((mismatch) => mismatch.kind === 'cite');
    expect(citeMiss?.element).toBe('complaint');
    expect(citeMiss?.evidence).toContain('lodge a complaint');
  });

  it('accepts any of several citations, and judges none for an element that was not found', () => {
    const anyOf = evaluateItem(item('any', COMPLAINT, { found: ['complaint'], cites: { complaint: ['Our shop is in Cork', 'Data Protection Commission'] } }));
    expect(anyOf.cites).toEqual({ asserted: 1, met: 1 });
    const notFound = evaluateItem(item('absent', COMPLAINT, { found: ['dpo'], cites: { dpo: 'officer' } }));
    expect(notFound.cites).toEqual({ asserted: 0, met: 0 });
    expect(notFound.mismatches.some((mismatch) => mismatch.kind === 'status' && mismatch.element === 'dpo')).toBe(true);
  });

  it('reads an .html item through extractText, with its <html lang> as the declared language', () => {
    const html = '<html lang="en-GB"><body><nav>Home Shop Basket</nav><table><tr><th>Purpose</th><th>Retention</th></tr><tr><td>Delivering your order</td><td>6 years</td></tr></table></body></html>';
    writeFileSync(join(dir, 'b9-en-page.html'), html);
    writeFileSync(join(dir, 'b9-en-page.json'), JSON.stringify({ lang: 'en', why: 'html', check: 'fail' }));
    writeFileSync(join(dir, 'b9-en-plain.txt'), COMPLAINT);
    writeFileSync(join(dir, 'b9-en-plain.json'), JSON.stringify({ lang: 'en', why: 'txt', check: 'fail' }));
    const [page, plain] = loadCorpus(dir);
    expect(page?.name).toBe('b9-en-page');
    expect(page?.declaredLang).toBe('en-GB');
    // The crawler's reading: navigation dropped, the table row read with its column headers (i14-analyser).
    expect(page?.text).toBe('Purpose: Delivering your order. Retention: 6 years.');
    expect(plain?.text).toBe(COMPLAINT);
    expect(plain?.declaredLang).toBeUndefined();
  });

  it('gives recall, precision, check and citations per language', () => {
    const report = evaluateCorpus([
      item('en-1', COMPLAINT, { found: ['complaint', 'dpo'], cites: { complaint: 'lodge' } }),
      item('nl-1', 'U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.', { lang: 'nl', found: ['complaint'], missing: ['dpo'], cites: { complaint: 'Cork' } }),
    ]);
    const figures = figuresByLanguage(report);
    expect([...figures.keys()]).toEqual(['en', 'nl']);
    expect(figures.get('en')).toMatchObject({ statements: 1, found: { truePositive: 1, falsePositive: 0, falseNegative: 1 }, recall: 0.5, citationsRight: { asserted: 1, met: 1 } });
    expect(figures.get('nl')).toMatchObject({ statements: 1, found: { truePositive: 1, falsePositive: 0, falseNegative: 0 }, recall: 1, precision: 1, citationsRight: { asserted: 1, met: 0 } });
    expect(figures.get('nl')?.checkRight).toEqual({ asserted: 1, met: 1 });
  });
});
