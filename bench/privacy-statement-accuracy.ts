/**
 * Accuracy of the privacy-statement analyser and the privacy.statement.contents check on the tuned
 * corpus (test/privacy-corpus/) and the blind-written corpus (test/privacy-corpus-blind/), per batch
 * next to that batch's first-sight figures (batches.json).
 *
 *   npx tsx bench/privacy-statement-accuracy.ts [--json]
 *   npx tsx bench/privacy-statement-accuracy.ts --record-first-sight b4
 *
 * --record-first-sight BATCH: run a new batch once, before anything is changed for it, and record
 * its figures as its first sight (status 'held-out') in batches.json; refused for a batch that
 * already has them, so they cannot be overwritten after tuning.
 *
 * Prints per corpus: precision and recall of "found" per element (a found element is a true positive
 * when the expectation says found, a false positive when it says missing or denied), accuracy of every
 * asserted status and note, of the check status and of language detection, and every mismatch with
 * the sentence the analyser gave as evidence. The functions are exported for the corpus tests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { analyseStatement, ELEMENT_IDS, type ElementId, type ElementStatus, type StatementAnalysis } from '../src/scan/privacy/statement/index.js';
import { runMain } from './run-main.js';

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
  check: 'pass' | 'warn' | 'fail';
}

export interface CorpusItem {
  name: string;
  text: string;
  expectation: Expectation;
}

/** One expectation the analyser did not meet. `element` is 'language' or 'check' for those. */
export interface Mismatch {
  item: string;
  element: ElementId | 'language' | 'check';
  kind: 'status' | 'note' | 'language' | 'check';
  expected: string;
  got: string;
  evidence?: string;
}

export interface ItemResult {
  item: CorpusItem;
  analysis: StatementAnalysis;
  checkStatus: string;
  mismatches: Mismatch[];
}

export interface FoundCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface CorpusReport {
  items: ItemResult[];
  perElement: Map<ElementId, FoundCounts>;
  statuses: { asserted: number; met: number };
  notes: { asserted: number; met: number };
  check: { asserted: number; met: number };
  language: { asserted: number; met: number };
}

export const TUNED_CORPUS = join(import.meta.dirname, '..', 'test', 'privacy-corpus');
export const BLIND_CORPUS = join(import.meta.dirname, '..', 'test', 'privacy-corpus-blind');

export function loadCorpus(dir: string): CorpusItem[] {
  return readdirSync(dir)
    .filter((name) => (name.endsWith('.txt') || name.endsWith('.md')) && name !== 'README.md')
    .sort()
    .map((name) => ({
      name: name.replace(/\.(txt|md)$/, ''),
      text: readFileSync(join(dir, name), 'utf8'),
      expectation: JSON.parse(readFileSync(join(dir, name.replace(/\.(txt|md)$/, '.json')), 'utf8')) as Expectation,
    }));
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

export function evaluateItem(item: CorpusItem): ItemResult {
  const { expectation } = item;
  const options = expectation.declaredLang ? { declaredLang: expectation.declaredLang } : {};
  const analysis = analyseStatement(item.text, options);
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
  const result = privacyContents.run(evidenceFor(item.text, expectation.declaredLang), { now: new Date('2026-01-01T00:00:00Z') });
  if (result.status !== expectation.check) mismatches.push({ item: item.name, element: 'check', kind: 'check', expected: expectation.check, got: result.status });
  return { item, analysis, checkStatus: result.status, mismatches };
}

export function evaluateCorpus(items: CorpusItem[]): CorpusReport {
  const perElement = new Map<ElementId, FoundCounts>(ELEMENT_IDS.map((id) => [id, { truePositive: 0, falsePositive: 0, falseNegative: 0 }]));
  const report: CorpusReport = {
    items: [],
    perElement,
    statuses: { asserted: 0, met: 0 },
    notes: { asserted: 0, met: 0 },
    check: { asserted: 0, met: 0 },
    language: { asserted: 0, met: 0 },
  };
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
      const counts = perElement.get(id)!;
      report.statuses.asserted += 1;
      if (got === status) report.statuses.met += 1;
      if (status === 'found' && got === 'found') counts.truePositive += 1;
      else if (status === 'found') counts.falseNegative += 1;
      else if (got === 'found' && (status === 'missing' || status === 'denied')) counts.falsePositive += 1;
    }
    const noteCount = Object.keys(item.expectation.notes ?? {}).length;
    report.notes.asserted += noteCount;
    report.notes.met += noteCount - result.mismatches.filter((mismatch) => mismatch.kind === 'note').length;
    report.check.asserted += 1;
    if (!result.mismatches.some((mismatch) => mismatch.kind === 'check')) report.check.met += 1;
    report.language.asserted += 1;
    if (!result.mismatches.some((mismatch) => mismatch.kind === 'language')) report.language.met += 1;
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

function ratio(numerator: number, denominator: number): string {
  return denominator === 0 ? '   -  ' : `${((100 * numerator) / denominator).toFixed(1).padStart(5)}%`;
}

function printReport(title: string, report: CorpusReport): void {
  const total = totalFound(report);
  console.log(`\n=== ${title}: ${report.items.length} statements ===`);
  console.log('element                 TP  FP  FN  precision  recall');
  for (const [id, counts] of report.perElement) {
    if (counts.truePositive + counts.falsePositive + counts.falseNegative === 0) continue;
    const precision = ratio(counts.truePositive, counts.truePositive + counts.falsePositive);
    const recall = ratio(counts.truePositive, counts.truePositive + counts.falseNegative);
    console.log(`${id.padEnd(22)} ${[counts.truePositive, counts.falsePositive, counts.falseNegative].map((n) => String(n).padStart(3)).join(' ')}     ${precision}  ${recall}`);
  }
  const precision = ratio(total.truePositive, total.truePositive + total.falsePositive);
  const recall = ratio(total.truePositive, total.truePositive + total.falseNegative);
  console.log(`${'ALL (micro)'.padEnd(22)} ${[total.truePositive, total.falsePositive, total.falseNegative].map((n) => String(n).padStart(3)).join(' ')}     ${precision}  ${recall}`);
  console.log(`asserted statuses met: ${report.statuses.met}/${report.statuses.asserted} (${ratio(report.statuses.met, report.statuses.asserted).trim()})`);
  console.log(`notes met:             ${report.notes.met}/${report.notes.asserted} (${ratio(report.notes.met, report.notes.asserted).trim()})`);
  console.log(`check status correct:  ${report.check.met}/${report.check.asserted} (${ratio(report.check.met, report.check.asserted).trim()})`);
  console.log(`language correct:      ${report.language.met}/${report.language.asserted} (${ratio(report.language.met, report.language.asserted).trim()})`);
  const mismatches = report.items.flatMap((result) => result.mismatches);
  console.log(`mismatches: ${mismatches.length}`);
  for (const mismatch of mismatches) {
    const evidence = mismatch.evidence ? `  « ${mismatch.evidence.slice(0, 140)} »` : '';
    console.log(`  ${mismatch.item} ${mismatch.element}: expected ${mismatch.expected}, got ${mismatch.got}${evidence}`);
  }
}

function summary(report: CorpusReport): Record<string, unknown> {
  const total = totalFound(report);
  return {
    statements: report.items.length,
    found: total,
    precision: total.truePositive / Math.max(1, total.truePositive + total.falsePositive),
    recall: total.truePositive / Math.max(1, total.truePositive + total.falseNegative),
    statuses: report.statuses,
    notes: report.notes,
    check: report.check,
    language: report.language,
    mismatches: report.items.flatMap((result) => result.mismatches),
  };
}

/** A batch's record in batches.json. */
export interface BatchRecord {
  batch: string;
  statements: number;
  status: 'held-out' | 'tuned';
  tunedIn?: string;
  firstSight: { elementRecall: number; elementPrecision: number | null; checkRight: string | null; source: string };
}

export const BATCHES_FILE = join(BLIND_CORPUS, 'batches.json');

export function readBatches(): { about: string; batches: BatchRecord[] } {
  return JSON.parse(readFileSync(BATCHES_FILE, 'utf8')) as { about: string; batches: BatchRecord[] };
}

/** Record a new batch's first run as its first sight; refuses when the batch has one already. */
function recordFirstSight(batch: string, report: CorpusReport): void {
  const file = readBatches();
  if (file.batches.some((record) => record.batch === batch)) throw new Error(`${batch} has first-sight figures already; they are not overwritten`);
  const total = totalFound(report);
  file.batches.push({
    batch,
    statements: report.items.length,
    status: 'held-out',
    firstSight: {
      elementRecall: Number((total.truePositive / Math.max(1, total.truePositive + total.falseNegative)).toFixed(3)),
      elementPrecision: Number((total.truePositive / Math.max(1, total.truePositive + total.falsePositive)).toFixed(3)),
      checkRight: `${report.check.met}/${report.check.asserted}`,
      source: `bench/privacy-statement-accuracy.ts --record-first-sight, ${new Date().toISOString().slice(0, 10)}`,
    },
  });
  writeFileSync(BATCHES_FILE, `${JSON.stringify(file, null, 2)}\n`);
}

/**
 * Blind-written items are written in batches: "b2-..." was written after the fixes made for batch 1, so
 * each batch is unseen by the fixes made before it was written. Items without a prefix are batch 1.
 */
export function batchOf(name: string): string {
  return /^(b\d+)-/.exec(name)?.[1] ?? 'b1';
}

async function main(): Promise<number> {
  await Promise.resolve();
  const tuned = evaluateCorpus(loadCorpus(TUNED_CORPUS));
  const blindItems = loadCorpus(BLIND_CORPUS);
  const batches = [...new Set(blindItems.map((item) => batchOf(item.name)))].sort();
  const perBatch = batches.map((batch) => [batch, evaluateCorpus(blindItems.filter((item) => batchOf(item.name) === batch))] as const);
  const recordIndex = process.argv.indexOf('--record-first-sight');
  if (recordIndex !== -1) {
    const batch = process.argv[recordIndex + 1] ?? '';
    const report = perBatch.find(([name]) => name === batch)?.[1];
    if (!report) throw new Error(`--record-first-sight: no statements of batch '${batch}' in ${BLIND_CORPUS}`);
    recordFirstSight(batch, report);
    printReport(`${batch}, first sight (recorded in batches.json)`, report);
    return 0;
  }
  if (process.argv.includes('--json')) {
    const blind = Object.fromEntries(perBatch.map(([batch, report]) => [batch, summary(report)]));
    console.log(JSON.stringify({ tuned: summary(tuned), blind }, null, 2));
    return 0;
  }
  printReport('tuned corpus (test/privacy-corpus)', tuned);
  const records = readBatches().batches;
  for (const [batch, report] of perBatch) {
    const record = records.find((candidate) => candidate.batch === batch);
    printReport(`blind-written corpus (test/privacy-corpus-blind), batch ${batch}, ${record?.status ?? 'NO RECORD in batches.json'}`, report);
    if (record) {
      const first = record.firstSight;
      console.log(`first sight: recall ${first.elementRecall}, precision ${first.elementPrecision ?? 'not recorded'}, check right ${first.checkRight ?? 'not recorded'} (${first.source})`);
    }
  }
  return 0;
}

// Run only when started as a script: the corpus tests import the functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain(main);
