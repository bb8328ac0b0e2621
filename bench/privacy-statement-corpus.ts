/**
 * Loading and evaluating the privacy-statement corpora (test/privacy-corpus/, test/privacy-corpus-blind/):
 * each item's expectation against the analyser and the privacy.statement.contents check. Used by
 * bench/privacy-statement-accuracy.ts and the corpus tests.
 *
 * An item is `<name>.txt`/`.md` (the text as the analyser gets it) or `<name>.html`: that goes through
 * `extractText`, the function the crawler uses, so tables and lists are read as a real page is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import { extractText } from '../src/scan/collect/privacy/statement.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { analyseStatement, ELEMENT_IDS, type ElementId, type ElementStatus, type StatementAnalysis } from '../src/scan/privacy/statement/index.js';

export interface Expectation {
  lang: string;
  why: string;
  declaredLang?: string;
  minConfidence?: number;
  complete?: boolean;
  found?: ElementId[];
  missing?: ElementId[];
  denied?: ElementId[];
  notApplicable?: ElementId[];
  notes?: Partial<Record<ElementId, string>>;
  /**
   * Per found element, a short substring the cited sentence (sentences[0]) must contain; a list when
   * several sentences state the element (each row of a table), any one of them is right.
   */
  cites?: Partial<Record<ElementId, string | string[]>>;
  check: 'pass' | 'warn' | 'fail';
}

export interface CorpusItem {
  name: string;
  text: string;
  /** The page's `<html lang>` for an .html item, passed on as the crawler does. */
  declaredLang?: string;
  expectation: Expectation;
}

/** One expectation the analyser did not meet. `element` is 'language' or 'check' for those. */
export interface Mismatch {
  item: string;
  element: ElementId | 'language' | 'check';
  kind: 'status' | 'note' | 'language' | 'check' | 'cite';
  expected: string;
  got: string;
  evidence?: string;
}

export interface FoundCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface Tally {
  asserted: number;
  met: number;
}

export interface ItemResult {
  item: CorpusItem;
  analysis: StatementAnalysis;
  checkStatus: string;
  mismatches: Mismatch[];
  /** This item's share of the found counts (filled by evaluateCorpus). */
  found: FoundCounts;
  /** Cited sentences checked (found elements with a `cites` entry) and right. */
  cites: Tally;
}

export interface CorpusReport {
  items: ItemResult[];
  perElement: Map<ElementId, FoundCounts>;
  statuses: Tally;
  notes: Tally;
  check: Tally;
  language: Tally;
  cites: Tally;
}

export const TUNED_CORPUS = join(import.meta.dirname, '..', 'test', 'privacy-corpus');
export const BLIND_CORPUS = join(import.meta.dirname, '..', 'test', 'privacy-corpus-blind');

const ITEM_FILE = /\.(txt|md|html)$/;

export function loadCorpus(dir: string): CorpusItem[] {
  return readdirSync(dir)
    .filter((name) => ITEM_FILE.test(name) && name !== 'README.md')
    .sort()
    .map((file) => {
      const name = file.replace(ITEM_FILE, '');
      const raw = readFileSync(join(dir, file), 'utf8');
      const expectation = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Expectation;
      if (!file.endsWith('.html')) return { name, text: raw, expectation };
      const { text, declaredLang } = extractText(raw);
      return { name, text, ...(declaredLang ? { declaredLang } : {}), expectation };
    });
}

function evidenceFor(text: string, declaredLang?: string): ScanEvidence {
  const statement = { url: 'https://shop.test/privacy', format: 'html' as const, text, ...(declaredLang ? { declaredLang } : {}) };
  return { target: 'shop.test', collectedAt: '2026-01-01T00:00:00Z', privacy: { crawl: { statement }, browser: {} } };
}

/** Expected status per element: the listed ones, and for a `complete` item every counted element not listed. */
export function expectedStatuses(expectation: Expectation): Map<ElementId, ElementStatus> {
  const expected = new Map<ElementId, ElementStatus>();
  for (const status of ['found', 'missing', 'denied', 'notApplicable'] as const) {
    for (const id of expectation[status] ?? []) expected.set(id, status);
  }
  return expected;
}

/** Lower case, one space for any run of white space: a citation is compared by its words. */
const normalised = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function evaluateItem(item: CorpusItem): ItemResult {
  const { expectation } = item;
  const declaredLang = expectation.declaredLang ?? item.declaredLang;
  const analysis = analyseStatement(item.text, declaredLang ? { declaredLang } : {});
  const byId = new Map(analysis.elements.map((element) => [element.id, element]));
  const mismatches: Mismatch[] = [];
  const evidenceOf = (id: ElementId): string | undefined => byId.get(id)?.sentences[0];

  const minConfidence = expectation.minConfidence ?? 0.3;
  if (analysis.language.lang !== expectation.lang || analysis.language.confidence <= minConfidence) {
    const got = `${analysis.language.lang ?? 'none'} (${analysis.language.confidence.toFixed(2)})`;
    mismatches.push({ item: item.name, element: 'language', kind: 'language', expected: `${expectation.lang} (> ${minConfidence})`, got });
  }
  for (const [id, status] of expectedStatuses(expectation)) {
    const got = byId.get(id)?.status ?? 'absent';
    if (got !== status) mismatches.push({ item: item.name, element: id, kind: 'status', expected: status, got, evidence: evidenceOf(id) });
  }
  if (expectation.complete) {
    const listed = expectedStatuses(expectation);
    for (const element of analysis.elements) {
      if (listed.has(element.id) || !['core', 'required', 'conditional'].includes(element.requirement)) continue;
      if (element.status === 'found' || element.status === 'notApplicable') continue;
      mismatches.push({ item: item.name, element: element.id, kind: 'status', expected: 'found (complete)', got: element.status, evidence: element.sentences[0] });
    }
  }
  for (const [id, note] of Object.entries(expectation.notes ?? {}) as [ElementId, string][]) {
    const got = byId.get(id)?.note ?? 'no note';
    if (got !== note) mismatches.push({ item: item.name, element: id, kind: 'note', expected: note, got, evidence: evidenceOf(id) });
  }
  // A citation is judged only where the element was found; a missed element is a status mismatch already.
  const cites: Tally = { asserted: 0, met: 0 };
  for (const [id, parts] of Object.entries(expectation.cites ?? {}) as [ElementId, string | string[]][]) {
    if (byId.get(id)?.status !== 'found') continue;
    const cited = normalised(evidenceOf(id) ?? '');
    const wanted = typeof parts === 'string' ? [parts] : parts;
    cites.asserted += 1;
    if (wanted.some((part) => cited.includes(normalised(part)))) cites.met += 1;
    else mismatches.push({ item: item.name, element: id, kind: 'cite', expected: `a sentence with « ${wanted.join(' » or « ')} »`, got: 'another sentence', evidence: evidenceOf(id) });
  }
  const result = privacyContents.run(evidenceFor(item.text, declaredLang), { now: new Date('2026-01-01T00:00:00Z') });
  if (result.status !== expectation.check) mismatches.push({ item: item.name, element: 'check', kind: 'check', expected: expectation.check, got: result.status });
  return { item, analysis, checkStatus: result.status, mismatches, found: { truePositive: 0, falsePositive: 0, falseNegative: 0 }, cites };
}

const emptyTally = (): Tally => ({ asserted: 0, met: 0 });

export function evaluateCorpus(items: CorpusItem[]): CorpusReport {
  const perElement = new Map<ElementId, FoundCounts>(ELEMENT_IDS.map((id) => [id, { truePositive: 0, falsePositive: 0, falseNegative: 0 }]));
  const report: CorpusReport = { items: [], perElement, statuses: emptyTally(), notes: emptyTally(), check: emptyTally(), language: emptyTally(), cites: emptyTally() };
  for (const item of items) {
    const result = evaluateItem(item);
    report.items.push(result);
    const byId = new Map(result.analysis.elements.map((element) => [element.id, element]));
    const expected = expectedStatuses(item.expectation);
    if (item.expectation.complete) {
      // A complete item expects every counted element that applies to be found.
      for (const element of result.analysis.elements) {
        if (!expected.has(element.id) && ['core', 'required', 'conditional'].includes(element.requirement) && element.status !== 'notApplicable') {
          expected.set(element.id, 'found');
        }
      }
    }
    for (const [id, status] of expected) {
      const got = byId.get(id)?.status;
      report.statuses.asserted += 1;
      if (got === status) report.statuses.met += 1;
      const key = status === 'found' ? (got === 'found' ? 'truePositive' : 'falseNegative') : got === 'found' && (status === 'missing' || status === 'denied') ? 'falsePositive' : undefined;
      if (!key) continue;
      perElement.get(id)![key] += 1;
      result.found[key] += 1;
    }
    const noteCount = Object.keys(item.expectation.notes ?? {}).length;
    report.notes.asserted += noteCount;
    report.notes.met += noteCount - result.mismatches.filter((mismatch) => mismatch.kind === 'note').length;
    report.check.asserted += 1;
    if (!result.mismatches.some((mismatch) => mismatch.kind === 'check')) report.check.met += 1;
    report.language.asserted += 1;
    if (!result.mismatches.some((mismatch) => mismatch.kind === 'language')) report.language.met += 1;
    report.cites.asserted += result.cites.asserted;
    report.cites.met += result.cites.met;
  }
  return report;
}

export function totalFound(report: CorpusReport): FoundCounts {
  const total: FoundCounts = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  for (const counts of report.perElement.values()) {
    total.truePositive += counts.truePositive;
    total.falsePositive += counts.falsePositive;
    total.falseNegative += counts.falseNegative;
  }
  return total;
}

/** The headline figures of a set of items: what the targets are stated in. */
export interface Figures {
  statements: number;
  found: FoundCounts;
  recall: number;
  precision: number;
  checkRight: Tally;
  citationsRight: Tally;
}

export function figuresOf(results: ItemResult[]): Figures {
  const found: FoundCounts = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  const checkRight = emptyTally();
  const citationsRight = emptyTally();
  for (const result of results) {
    found.truePositive += result.found.truePositive;
    found.falsePositive += result.found.falsePositive;
    found.falseNegative += result.found.falseNegative;
    checkRight.asserted += 1;
    if (!result.mismatches.some((mismatch) => mismatch.kind === 'check')) checkRight.met += 1;
    citationsRight.asserted += result.cites.asserted;
    citationsRight.met += result.cites.met;
  }
  const recall = found.truePositive / Math.max(1, found.truePositive + found.falseNegative);
  const precision = found.truePositive / Math.max(1, found.truePositive + found.falsePositive);
  return { statements: results.length, found, recall, precision, checkRight, citationsRight };
}

/** Figures per expected language (en, nl, ...), in the order the languages first appear sorted. */
export function figuresByLanguage(report: CorpusReport): Map<string, Figures> {
  const langs = [...new Set(report.items.map((result) => result.item.expectation.lang))].sort();
  return new Map(langs.map((lang) => [lang, figuresOf(report.items.filter((result) => result.item.expectation.lang === lang))]));
}
