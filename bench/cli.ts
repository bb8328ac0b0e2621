/**
 * Benchmark: the `weerbaar` command as a user runs it, every run a whole process
 * (`node bin/weerbaar.js ...`, the installed bundle), timed with GNU time: wall clock and
 * user+sys CPU of the process and everything it waited for (Chromium too). `node -e 0` in
 * the same run is the floor, and sslscan on the same server the reference for the web scan.
 *
 *   npm run build && npx tsx bench/cli.ts [--runs N] [--compare DIR]     (npm run bench:cli)
 *
 * --compare DIR times another checkout's build too (its bin/weerbaar.js), side by side:
 * `git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npm run build)`.
 *
 * The world (bench/shop-world.ts): signed DNS on 127.0.46.53, nginx on 127.0.46.80 with a
 * 25-page shop, postfix on 127.0.46.25/.26. Targets (issue 12): `--version` within 100 ms
 * wall of the floor; `scan --only web` under 0.6 s CPU and within 2x of sslscan's wall
 * time plus the floor. Exit code 1 when something could not be measured (no build, a tool
 * missing, a scan that did not run), 3 when it measured and a target was not met.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTool, type ToolRun } from '../test/fixtures/run-tool.js';
import { SSLSCAN_BINARY, sslscanAvailable } from '../test/fixtures/testssl.js';
import { runMain } from './run-main.js';
import { SHOP, startShopWorld } from './shop-world.js';
import { median } from './timing.js';

const AT = { dns: '127.0.46.53', web: '127.0.46.80', mx: ['127.0.46.25', '127.0.46.26'] as const };
const TARGETS = { versionOverFloorMs: 100, webCpuMs: 600, webWallFactor: 2 };

class CannotMeasure extends Error {}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

interface Measured extends Timing {
  label: string;
  note?: string;
}

/** Median wall and CPU of `runs` runs; every run must succeed and pass `check`. */
async function measure(label: string, command: string, args: string[], runs: number, options: { env?: Record<string, string>; check?: (run: ToolRun) => string } = {}): Promise<Measured> {
  const timings: Timing[] = [];
  let note: string | undefined;
  for (let run = 0; run < runs; run += 1) {
    const result = await runTool(command, args, { timeoutMs: 120_000, ...(options.env ? { env: options.env } : {}) });
    if (result.timedOut || result.exitCode !== 0) {
      throw new CannotMeasure(`${label}: exit ${result.exitCode ?? 'by signal'}${result.timedOut ? ' (timed out)' : ''}: ${(result.stderr || result.stdout).slice(0, 400)}`);
    }
    if (!result.cpuMs) throw new CannotMeasure(`${label}: no CPU figure (GNU time at /usr/bin/time is needed: apt-get install time)`);
    note = options.check?.(result);
    timings.push({ wallMs: result.wallMs, cpuMs: result.cpuMs.user + result.cpuMs.system });
  }
  return { label, wallMs: median(timings.map((t) => t.wallMs)), cpuMs: median(timings.map((t) => t.cpuMs)), ...(note ? { note } : {}) };
}

/** The scan must have run and judged: parse its JSON and say what it found. */
function scanOutcome(expectChecks: (ids: string[]) => boolean): (run: ToolRun) => string {
  return (run) => {
    let report: { scores: Record<string, number | null>; checks: { id: string; status: string }[] };
    try {
      report = JSON.parse(run.stdout) as typeof report;
    } catch {
      throw new CannotMeasure(`the scan printed no JSON report: ${run.stdout.slice(0, 200)}`);
    }
    const ids = report.checks.map((check) => check.id);
    if (!expectChecks(ids)) throw new CannotMeasure(`the scan did not run the expected checks (got ${ids.length}: ${ids.slice(0, 8).join(', ')} ...)`);
    const failing = report.checks.filter((check) => check.status === 'error').map((check) => check.id);
    if (failing.length > 0) throw new CannotMeasure(`checks that could not run: ${failing.join(', ')}`);
    return `${ids.length} checks, scores ${JSON.stringify(report.scores)}`;
  };
}

/** The newest file under a folder, to tell a stale build from a fresh one. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const ms = (value: number): string => `${Math.round(value)} ms`;

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, compare: { type: 'string' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new CannotMeasure('--runs must be a whole number of at least 1');
  const bins: { name: string; bin: string }[] = [{ name: 'this build', bin: resolve('bin/weerbaar.js') }];
  if (values.compare) bins.push({ name: `--compare ${values.compare}`, bin: resolve(values.compare, 'bin/weerbaar.js') });
  if (!existsSync('dist/bundle/main.js') || newest('src') > statSync('dist/bundle/main.js').mtimeMs) throw new CannotMeasure('the build is missing or older than src/: run `npm run build` first');
  for (const { bin } of bins) if (!existsSync(bin)) throw new CannotMeasure(`${bin} does not exist`);
  if (!sslscanAvailable()) throw new CannotMeasure('sslscan is not installed (apt-get install sslscan): the web-scan target is relative to it');

  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-cli-'));
  const world = await startShopWorld(dir, AT);
  try {
    const caFile = join(dir, 'ca.pem');
    const anchorFile = join(dir, 'anchor.txt');
    writeFileSync(caFile, world.rootPem);
    writeFileSync(anchorFile, world.anchorText);
    const scanFlags = ['--json', '--resolver', AT.dns, '--ca-file', caFile, '--trust-anchor', anchorFile, '--dkim-selector', 'mail', '--allow-private'];
    const has = (prefix: string) => (ids: string[]) => ids.some((id) => id.startsWith(prefix));
    const only = (prefix: string) => (ids: string[]) => ids.length > 0 && ids.every((id) => id.startsWith(prefix) || (prefix === 'mail.' && id.startsWith('dns.')));
    console.log(`World: signed DNS on ${AT.dns}, nginx on ${AT.web} (25 pages), postfix on ${AT.mx.join(' and ')}; ${runs} runs each, medians\n`);

    const floor = await measure('node -e 0 (the floor)', process.execPath, ['-e', '0'], runs);
    const sslscan = await measure('sslscan (default run, same server)', SSLSCAN_BINARY, ['--no-colour', `${AT.web}:443`], runs);
    const rows: string[][] = [['command', ...bins.flatMap(({ name }) => [`wall (${name})`, `cpu (${name})`]), 'note']];
    const results = new Map<string, Measured[]>();
    const commands: [string, string[], Parameters<typeof measure>[4]?][] = [
      ['--version', ['--version']],
      ['--help', ['--help']],
      ['scan --help', ['scan', '--help']],
      ['checks', ['checks']],
      ['privacy-statement --example', ['privacy-statement', '--example']],
      ['scan (a name that does not exist: start-up and report)', ['scan', `nothing-here.${SHOP}`, '--only', 'web', ...scanFlags], { check: scanOutcome(has('web.')) }],
      ['scan --only web', ['scan', SHOP, '--only', 'web', ...scanFlags], { check: scanOutcome(only('web.')) }],
      ['scan --only mail', ['scan', SHOP, '--only', 'mail', ...scanFlags], { check: scanOutcome(only('mail.')) }],
      ['scan --only privacy, no browser (the crawl)', ['scan', SHOP, '--only', 'privacy', ...scanFlags], { env: { WEERBAAR_CHROMIUM: '/nonexistent/chromium' }, check: scanOutcome(only('privacy.')) }],
      ['scan --only privacy', ['scan', SHOP, '--only', 'privacy', ...scanFlags], { check: scanOutcome(only('privacy.')) }],
      ['scan (web + mail + privacy)', ['scan', SHOP, ...scanFlags], { check: scanOutcome((ids) => has('web.')(ids) && has('mail.')(ids) && has('privacy.')(ids)) }],
    ];
    for (const [label, args, options] of commands) {
      const measured: (Measured | undefined)[] = [];
      for (const [index, { bin }] of bins.entries()) {
        try {
          measured.push(await measure(label, process.execPath, [bin, ...args], runs, options));
        } catch (error) {
          // This build must measure; the build compared against may simply not have the command (scan --help).
          if (index === 0 || !(error instanceof CannotMeasure)) throw error;
          measured.push(undefined);
        }
      }
      results.set(label, measured.filter((m): m is Measured => m !== undefined));
      rows.push([label, ...measured.flatMap((m) => (m ? [ms(m.wallMs), ms(m.cpuMs)] : ['fails', 'fails'])), measured[0]?.note ?? '']);
    }
    rows.push([floor.label, ms(floor.wallMs), ms(floor.cpuMs), ...bins.slice(1).flatMap(() => ['', '']), '']);
    rows.push([sslscan.label, ms(sslscan.wallMs), ms(sslscan.cpuMs), ...bins.slice(1).flatMap(() => ['', '']), '']);
    table(rows);

    const at = (label: string, index = 0): Measured => results.get(label)![index]!;
    const startup = at('scan (a name that does not exist: start-up and report)');
    const crawl = at('scan --only privacy, no browser (the crawl)');
    console.log('\nCPU split of a whole scan (this build; each area as its own process, minus the start-up):');
    table([
      ['part', 'cpu', 'how'],
      ['start-up and report', ms(startup.cpuMs), 'a scan of a name that does not exist'],
      ['web', ms(at('scan --only web').cpuMs - startup.cpuMs), '--only web minus start-up'],
      ['mail (with DNSSEC)', ms(at('scan --only mail').cpuMs - startup.cpuMs), '--only mail minus start-up'],
      ['privacy crawl', ms(crawl.cpuMs - startup.cpuMs), '--only privacy without Chromium, minus start-up'],
      ['browser (Chromium and its driver)', ms(at('scan --only privacy').cpuMs - crawl.cpuMs), '--only privacy minus the crawl-only run'],
      ['all three side by side', ms(at('scan (web + mail + privacy)').cpuMs), 'the default scan, whole process'],
    ]);

    const version = at('--version');
    const web = at('scan --only web');
    const wallLimit = TARGETS.webWallFactor * sslscan.wallMs + floor.wallMs;
    const verdicts = [
      [`--version within ${TARGETS.versionOverFloorMs} ms wall of the floor`, `${ms(version.wallMs - floor.wallMs)} over`, version.wallMs - floor.wallMs <= TARGETS.versionOverFloorMs],
      [`scan --only web under ${TARGETS.webCpuMs} ms CPU`, ms(web.cpuMs), web.cpuMs < TARGETS.webCpuMs],
      [`scan --only web within ${TARGETS.webWallFactor}x sslscan's wall + the floor (${ms(wallLimit)})`, ms(web.wallMs), web.wallMs <= wallLimit],
    ] as const;
    console.log('');
    for (const [target, figure, met] of verdicts) console.log(`Target: ${target}: ${figure} -> ${met ? 'MET' : 'NOT MET'}`);
    return verdicts.every(([, , met]) => met) ? 0 : 3;
  } finally {
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(async () => {
  try {
    return await main();
  } catch (error) {
    if (!(error instanceof CannotMeasure)) throw error;
    console.error(`bench:cli cannot measure: ${error.message}`);
    return 1;
  }
});
