/**
 * What the three crawl checks share: reading the crawl evidence, the verdicts for a crawl
 * that did not happen, how to list pages in a message, and whether the statement link is
 * broken (an error page), judged once for all three.
 */
import type { Lang } from '../../../core/lang.js';
import type { CheckVerdict } from '../../check.js';
import type { ScanEvidence } from '../../evidence/index.js';
import type { CrawlEvidence, PageEvidence, StatementEvidence } from '../../evidence/privacy-crawl.js';
import { brokenStatement, type BrokenStatement } from '../../privacy/error-page.js';
import { analyseStatement, type StatementAnalysis } from '../../privacy/statement/index.js';

/** Pages named in a message at most; the evidence has the full list. */
export const MAX_LISTED = 10;

export function crawlOf(evidence: ScanEvidence): CrawlEvidence | undefined {
  return evidence.privacy?.crawl;
}

/** Skip verdicts when there is nothing to judge; undefined when there are pages. */
export function crawlSkip(crawl: CrawlEvidence | undefined): CheckVerdict | undefined {
  if (!crawl) return { status: 'skip', summary: { key: 'notCollected' }, advice: [], evidence: {} };
  if ((crawl.pages ?? []).length === 0) {
    return { status: 'skip', summary: { key: 'noPages', params: { error: crawl.error ?? 'no HTML page' } }, advice: [], evidence: { start: crawl.start, error: crawl.error } };
  }
  return undefined;
}

/** Pages that answered 2xx: the ones a visitor sees. */
export function livePages(crawl: CrawlEvidence): PageEvidence[] {
  return (crawl.pages ?? []).filter((page) => page.status !== undefined && page.status >= 200 && page.status < 300);
}

/** "a, b, c and 4 more" without language: the number is a separate placeholder. */
export function listed(items: string[]): { list: string; more: number } {
  return { list: items.slice(0, MAX_LISTED).join(', '), more: Math.max(0, items.length - MAX_LISTED) };
}

/** One analysis per recorded statement, however many checks read it (the analysis is pure). */
const analyses = new WeakMap<StatementEvidence, StatementAnalysis>();

export function statementAnalysis(statement: StatementEvidence): StatementAnalysis {
  let analysis = analyses.get(statement);
  if (!analysis) {
    analysis = analyseStatement(statement.text, statement.declaredLang ? { declaredLang: statement.declaredLang } : {});
    analyses.set(statement, analysis);
  }
  return analysis;
}

/** The statement link leads to an error page (a non-2xx status, or a "page not found" page). */
export function brokenLink(statement: StatementEvidence): BrokenStatement | undefined {
  return brokenStatement(statement, () => statementAnalysis(statement));
}

export const CRAWL_SHARED_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    notCollected: 'The website was not crawled in this scan, so this could not be checked.',
    noPages: 'No page of the website could be read ({{error}}), so this could not be checked.',
  },
  nl: {
    notCollected: 'De website is in deze scan niet doorlopen, dus dit kon niet worden gecontroleerd.',
    noPages: 'Geen enkele pagina van de website kon worden gelezen ({{error}}), dus dit kon niet worden gecontroleerd.',
  },
  sv: {
    notCollected: 'Webbplatsen genomsöktes inte i den här skanningen, så detta kunde inte kontrolleras.',
    noPages: 'Ingen sida på webbplatsen kunde läsas ({{error}}), så detta kunde inte kontrolleras.',
  },
};
