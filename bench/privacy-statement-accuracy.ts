/**
 * Accuracy of the privacy-statement analyser and the privacy.statement.contents check on the tuned
 * corpus (test/privacy-corpus/) and the blind-written corpus (test/privacy-corpus-blind/), per batch
 * next to that batch's first-sight figures (batches.json).
 *
 *   npx tsx bench/privacy-statement-accuracy.ts [--json] [--batch b4]
 *   npx tsx bench/privacy-statement-accuracy.ts --record-first-sight b4
 *
 * --batch PREFIX: measure only the blind items of that batch (or whose name starts with PREFIX).
 * --record-first-sight BATCH: run a new batch once, before anything is changed for it, and record
 * its figures (in total and per language) as its first sight (status 'held-out') in batches.json;
 * refused for a batch that already has them, so they cannot be overwritten after tuning.
 *
 * Prints per corpus: precision and recall of "found" per element (a found element is a true positive
 * when the expectation says found, a false positive when it says missing or denied), accuracy of every
 * asserted status and note, of the check status, of language detection and of the cited sentences
 * (`cites` in an expectation), the headline figures per language, and every mismatch with the
 * sentence the analyser gave as evidence. Loading and evaluation live in privacy-statement-corpus.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runMain } from './run-main.js';
import {
  BLIND_CORPUS,
  evaluateCorpus,
  figuresByLanguage,
  figuresOf,
  loadCorpus,
  totalFound,
  TUNED_CORPUS,
  type CorpusItem,
  type CorpusReport,
  type Figures,
  type Tally,
} from './privacy-statement-corpus.js';

export * from './privacy-statement-corpus.js';

function ratio(numerator: number, denominator: number): string {
  return denominator === 0 ? '   -  ' : `${((100 * numerator) / denominator).toFixed(1).padStart(5)}%`;
}

const tally = (counts: Tally): string => `${counts.met}/${counts.asserted} (${ratio(counts.met, counts.asserted).trim()})`;

function printFigures(label: string, figures: Figures): void {
  const { found } = figures;
  const recall = ratio(found.truePositive, found.truePositive + found.falseNegative).trim();
  const precision = ratio(found.truePositive, found.truePositive + found.falsePositive).trim();
  console.log(
    `${label.padEnd(6)} ${String(figures.statements).padStart(3)} statements  recall ${recall.padStart(6)}  precision ${precision.padStart(6)}` +
      `  check right ${tally(figures.checkRight)}  citations right ${tally(figures.citationsRight)}`,
  );
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
  console.log(`asserted statuses met: ${tally(report.statuses)}`);
  console.log(`notes met:             ${tally(report.notes)}`);
  console.log(`check status correct:  ${tally(report.check)}`);
  console.log(`language correct:      ${tally(report.language)}`);
  console.log(`citations right:       ${tally(report.cites)}`);
  console.log('per language:');
  for (const [lang, figures] of figuresByLanguage(report)) printFigures(`  ${lang}`, figures);
  printFigures('  all', figuresOf(report.items));
  const mismatches = report.items.flatMap((result) => result.mismatches);
  console.log(`mismatches: ${mismatches.length}`);
  for (const mismatch of mismatches) {
    const evidence = mismatch.evidence ? `  « ${mismatch.evidence.slice(0, 140)} »` : '';
    console.log(`  ${mismatch.item} ${mismatch.element}: expected ${mismatch.expected}, got ${mismatch.got}${evidence}`);
  }
}

/** Figures as stored and printed in JSON: ratios rounded, tallies as "met/asserted". */
function figuresRecord(figures: Figures): FirstSightFigures {
  return {
    elementRecall: Number(figures.recall.toFixed(3)),
    elementPrecision: Number(figures.precision.toFixed(3)),
    checkRight: `${figures.checkRight.met}/${figures.checkRight.asserted}`,
    citationsRight: `${figures.citationsRight.met}/${figures.citationsRight.asserted}`,
  };
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
    citations: report.cites,
    perLanguage: Object.fromEntries([...figuresByLanguage(report)].map(([lang, figures]) => [lang, { ...figuresRecord(figures), statements: figures.statements }])),
    mismatches: report.items.flatMap((result) => result.mismatches),
  };
}

interface FirstSightFigures {
  elementRecall: number;
  elementPrecision: number | null;
  checkRight: string | null;
  citationsRight?: string;
}

/** A batch's record in batches.json. */
export interface BatchRecord {
  batch: string;
  statements: number;
  status: 'held-out' | 'tuned';
  /** What the batch is for, e.g. a tuning set or one held out for good. */
  note?: string;
  tunedIn?: string;
  firstSight: FirstSightFigures & { source: string; perLanguage?: Record<string, FirstSightFigures & { statements: number }> };
}

export const BATCHES_FILE = join(BLIND_CORPUS, 'batches.json');

export function readBatches(): { about: string; batches: BatchRecord[] } {
  return JSON.parse(readFileSync(BATCHES_FILE, 'utf8')) as { about: string; batches: BatchRecord[] };
}

/** Record a new batch's first run as its first sight; refuses when the batch has one already. */
function recordFirstSight(batch: string, report: CorpusReport): void {
  const file = readBatches();
  if (file.batches.some((record) => record.batch === batch)) throw new Error(`${batch} has first-sight figures already; they are not overwritten`);
  const perLanguage = Object.fromEntries([...figuresByLanguage(report)].map(([lang, figures]) => [lang, { statements: figures.statements, ...figuresRecord(figures) }]));
  file.batches.push({
    batch,
    statements: report.items.length,
    status: 'held-out',
    firstSight: {
      ...figuresRecord(figuresOf(report.items)),
      perLanguage,
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

/** `--batch b4`: the items of that batch, or whose name starts with the prefix. */
function inBatch(item: CorpusItem, prefix: string): boolean {
  return batchOf(item.name) === prefix || item.name.startsWith(prefix);
}

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value, e.g. ${name} b4`);
  return value;
}

async function main(): Promise<number> {
  await Promise.resolve();
  const only = optionValue('--batch');
  const record = optionValue('--record-first-sight');
  const blindItems = loadCorpus(BLIND_CORPUS).filter((item) => !only || inBatch(item, only));
  if (only && blindItems.length === 0) throw new Error(`--batch: no statements of '${only}' in ${BLIND_CORPUS}`);
  const batches = [...new Set(blindItems.map((item) => batchOf(item.name)))].sort();
  const perBatch = batches.map((batch) => [batch, evaluateCorpus(blindItems.filter((item) => batchOf(item.name) === batch))] as const);
  if (record !== undefined) {
    const report = perBatch.find(([name]) => name === record)?.[1];
    if (!report) throw new Error(`--record-first-sight: no statements of batch '${record}' in ${BLIND_CORPUS}`);
    recordFirstSight(record, report);
    printReport(`${record}, first sight (recorded in batches.json)`, report);
    return 0;
  }
  const tuned = only ? undefined : evaluateCorpus(loadCorpus(TUNED_CORPUS));
  if (process.argv.includes('--json')) {
    const blind = Object.fromEntries(perBatch.map(([batch, report]) => [batch, summary(report)]));
    console.log(JSON.stringify({ ...(tuned ? { tuned: summary(tuned) } : {}), blind }, null, 2));
    return 0;
  }
  if (tuned) printReport('tuned corpus (test/privacy-corpus)', tuned);
  const records = readBatches().batches;
  for (const [batch, report] of perBatch) {
    const batchRecord = records.find((candidate) => candidate.batch === batch);
    printReport(`blind-written corpus (test/privacy-corpus-blind), batch ${batch}, ${batchRecord?.status ?? 'NO RECORD in batches.json'}`, report);
    if (batchRecord) {
      if (batchRecord.note) console.log(batchRecord.note);
      const first = batchRecord.firstSight;
      const citations = first.citationsRight ? `, citations right ${first.citationsRight}` : '';
      console.log(`first sight: recall ${first.elementRecall}, precision ${first.elementPrecision ?? 'not recorded'}, check right ${first.checkRight ?? 'not recorded'}${citations} (${first.source})`);
      for (const [lang, figures] of Object.entries(first.perLanguage ?? {})) {
        console.log(`  ${lang}: recall ${figures.elementRecall}, precision ${figures.elementPrecision}, check right ${figures.checkRight}, citations right ${figures.citationsRight}`);
      }
    }
  }
  return 0;
}

// Run only when started as a script: the corpus tests import the functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain(main);
