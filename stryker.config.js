// Mutation testing (StrykerJS 9.6.1, the last line that runs on Node 20; 10.x needs Node 22).
// `npm run mutation` runs it and prints the score per folder (scripts/mutation-summary.js).
// What is mutated is listed once, in mutationTargets: move a file, edit its line here.

/** The mutated code, by the name the score summary prints. Globs as Stryker's `mutate` takes them. */
export const mutationTargets = {
  'pure checks': ['src/scan/checks/**/*.ts', 'src/scan/collect/http/exposure-signatures.ts'],
  scoring: ['src/scan/score.ts'],
  dnssec: ['src/scan/dnssec/**/*.ts'],
  spf: ['src/scan/spf/**/*.ts'],
  'private-address policy': ['src/scan/target.ts'],
  authorization: ['src/web/context.ts', 'src/web/api-auth.ts', 'src/web/sessions.ts'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    ...Object.values(mutationTargets).flat(),
    // Files of user-facing prose only (key and placeholder parity is checked by the texts tests).
    '!src/**/*texts*.ts',
  ],
  // Prose inside a check's `texts: {...}` property is left out by this ignorer, and only that.
  // StringLiteral mutations stay on everywhere else: status strings, regexes and record names are logic.
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-texts-ignorer.js'],
  ignorers: ['texts'],
  coverageAnalysis: 'perTest',
  // Re-runs only test mutants whose code or tests changed. The cache is each clone's own (gitignored);
  // it does not re-test static mutants (module-level tables) when only tests changed: use --force then.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two cores. Parallel test processes are safe: loopback DNS servers take free ports in this run.
  concurrency: 2,
  // A mutant's tests may take this much longer than without mutation before it counts as a
  // timeout (Stryker's default is 5 s). Other suites on the same 2 cores made the default
  // report timeouts that were only waiting for CPU; a timeout counts as detected, so false
  // ones would flatter the score.
  timeoutMS: 15_000,
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
};
