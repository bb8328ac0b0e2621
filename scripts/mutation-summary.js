// Prints the mutation score per folder of stryker.config.js's mutationTargets, from the
// JSON report of the last run (reports/mutation/mutation.json). `npm run mutation` runs it
// after Stryker. With --survivors it also lists the surviving and uncovered mutants.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker's.
import { readFileSync, statSync } from 'node:fs';
import { mutationTargets } from '../stryker.config.js';

const REPORT = 'reports/mutation/mutation.json';
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Stryker's globs here are folder/** /*.ts or plain files: turn each into a test on the path. */
function matcher(glob) {
  const star = glob.indexOf('*');
  if (star < 0) return (file) => file === glob;
  const prefix = glob.slice(0, star);
  return (file) => file.startsWith(prefix) && file.endsWith('.ts');
}

const groups = Object.entries(mutationTargets).map(([name, globs]) => ({ name, matches: globs.map(matcher), detected: 0, undetected: 0, files: 0 }));
const total = { detected: 0, undetected: 0 };
const survivors = [];

let report;
try {
  report = JSON.parse(readFileSync(REPORT, 'utf8'));
} catch (error) {
  console.error(`No mutation report at ${REPORT} (${error.message}); run npm run mutation first.`);
  process.exit(1);
}

for (const [file, { mutants, source }] of Object.entries(report.files)) {
  const group = groups.find((candidate) => candidate.matches.some((match) => match(file)));
  const lines = source.split('\n');
  if (group) group.files++;
  for (const mutant of mutants) {
    const detected = DETECTED.has(mutant.status) ? 1 : 0;
    const undetected = UNDETECTED.has(mutant.status) ? 1 : 0;
    if (group) {
      group.detected += detected;
      group.undetected += undetected;
    }
    total.detected += detected;
    total.undetected += undetected;
    if (undetected) {
      const line = mutant.location.start.line;
      survivors.push(`${file}:${line} ${mutant.status} ${mutant.mutatorName} -> ${JSON.stringify(mutant.replacement ?? '').slice(0, 80)}   | ${(lines[line - 1] ?? '').trim().slice(0, 100)}`);
    }
  }
}

const percent = ({ detected, undetected }) => (detected + undetected === 0 ? 'n/a' : `${((100 * detected) / (detected + undetected)).toFixed(2)}%`);
const width = Math.max(...groups.map((group) => group.name.length), 'all mutated code'.length);
console.log(`\nMutation score per folder (killed + timed out of all valid mutants), from ${REPORT} of ${statSync(REPORT).mtime.toISOString()}:`);
for (const group of groups) {
  console.log(`  ${group.name.padEnd(width)}  ${percent(group).padStart(7)}   ${group.detected} of ${group.detected + group.undetected} detected, ${group.files} file(s)`);
}
console.log(`  ${'all mutated code'.padEnd(width)}  ${percent(total).padStart(7)}   ${total.detected} of ${total.detected + total.undetected} detected`);
if (process.argv.includes('--survivors')) {
  console.log(`\nSurviving and uncovered mutants (${survivors.length}):`);
  for (const survivor of survivors) console.log(`  ${survivor}`);
} else if (survivors.length > 0) {
  console.log(`\n${survivors.length} mutant(s) undetected: node scripts/mutation-summary.js --survivors lists them, ${REPORT.replace('.json', '.html')} shows them.`);
}
