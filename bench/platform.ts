/**
 * Benchmark: the platform's dashboard page and scan-history API under load, with 10,000
 * stored scans, on SQLite and PostgreSQL side by side.
 *
 *   npm run bench:platform                      # 10 s per measurement, about 2 minutes
 *   npx tsx bench/platform.ts --quick           # 2 s per measurement: a smoke run
 *   npx tsx bench/platform.ts --scans 1000 --dialect sqlite
 *
 * Per dialect: a fresh database seeded with one owner, one organisation, 20 domains and
 * the scans (each with a real ScanResult JSON from a runScan of a loopback shop), and the
 * real app (buildWeerbaarApp) in a child process (bench/platform-server.ts), so autocannon's load
 * generation and the server do not share an event loop. Per endpoint: a short warm-up, an
 * unthrottled run (10 connections) for the maximum rate, a fixed-rate run at 200
 * requests/s (autocannon's overallRate, bursty), and an open-loop steady 200 requests/s
 * (bench/steady-rate.ts). Target: p99 < 50 ms at 200 requests/s, no errors.
 *
 * Addresses (loopback range 127.0.7.0/24): servers on 127.0.7.1 (SQLite) and 127.0.7.2
 * (PostgreSQL), port 0; the scanned shop on 127.0.7.10 (:80, :443), its DNS on 127.0.7.53.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Dialect } from '../src/db/connect.js';
import { SESSION_COOKIE } from '../src/web/sessions.js';
import { createTestDatabase } from '../test/web/harness.js';
import { realScanResult } from './platform-scan-result.js';
import { seedPlatform, type SeededPlatform } from './platform-seed.js';
import { runMain } from './run-main.js';
import { steadyRate } from './steady-rate.js';

export const TARGET_RATE = 200;
export const TARGET_P99_MS = 50;
const CONNECTIONS = 10;
const SERVER_SCRIPT = fileURLToPath(new URL('./platform-server.ts', import.meta.url));
/** `--import tsx` resolves from the working directory: the repository root. */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_ADDRESS: Record<Dialect, string> = { sqlite: '127.0.7.1', postgres: '127.0.7.2' };

export interface PlatformBenchOptions {
  dialects: readonly Dialect[];
  scans: number;
  /** Seconds per measured run (the warm-up is a tenth of it, at least half a second). */
  seconds: number;
  /** Where the scanned shop and its DNS server listen while the seed result is made. */
  shopAddress: string;
  dnsAddress: string;
  log: (line: string) => void;
}

export const FULL_OPTIONS: PlatformBenchOptions = {
  dialects: ['sqlite', 'postgres'],
  scans: 10_000,
  seconds: 10,
  shopAddress: '127.0.7.10',
  dnsAddress: '127.0.7.53',
  log: (line) => console.log(line),
};

interface Endpoint {
  name: 'dashboard' | 'scan history API';
  path: string;
  headers: Record<string, string>;
  /** Measured instead while the real route does not exist yet. */
  standIn: string;
}

export interface RunFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  total: number;
}

export interface EndpointResult {
  dialect: Dialect;
  endpoint: Endpoint['name'];
  /** The path measured: the endpoint's own, or its stand-in when the route answered 404. */
  path: string;
  standIn: boolean;
  probe: { status: number; bytes: number; contentType: string };
  max: RunFigures;
  /** autocannon overallRate: each second's quota sent back to back (bursts of 10 in flight). */
  atRate: RunFigures;
  /** Open loop: one request every 1/rate s, latency from its scheduled start (bench/steady-rate.ts). */
  steady: RunFigures;
}

export interface PlatformBenchReport {
  machine: string;
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  load: { before: number; after: number };
  seeding: { dialect: Dialect; scans: number; ms: number; resultJsonBytes: number }[];
  results: EndpointResult[];
}

function endpoints(seed: SeededPlatform): Endpoint[] {
  return [
    { name: 'dashboard', path: `/orgs/${seed.orgId}`, headers: { cookie: `${SESSION_COOKIE}=${seed.sessionToken}`, 'accept-language': 'nl' }, standIn: '/login' },
    { name: 'scan history API', path: '/api/v1/scans?limit=50', headers: { authorization: `Bearer ${seed.apiToken}` }, standIn: '/healthz' },
  ];
}

export function machineInfo(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

interface RunningServer {
  url: string;
  stderr: string[];
  stop(): Promise<void>;
}

async function startServer(dialect: Dialect, dataDir: string, databaseUrl: string | undefined): Promise<RunningServer> {
  const args = ['--import', 'tsx', SERVER_SCRIPT, '--address', SERVER_ADDRESS[dialect], '--data', dataDir];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (text: string) => stderr.push(text));
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    void exited.then(([code]) => reject(new Error(`bench server exited (${String(code)}) before listening: ${stderr.join('').slice(-2000)}`)));
  });
  return {
    url,
    stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function probe(url: string, headers: Record<string, string>): Promise<EndpointResult['probe']> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength, contentType: response.headers.get('content-type') ?? '' };
}

async function load(url: string, headers: Record<string, string>, seconds: number, rate?: number): Promise<RunFigures> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: seconds,
    ...(rate
      ? {
          overallRate: rate,
          // autocannon 9 corrects coordinated omission with an expected interval of
          // ceil(1 / rate) ms, i.e. 1 ms, which turns every t-ms response into t samples
          // (1..t ms) and makes the percentiles meaningless; record what was measured.
          ignoreCoordinatedOmission: true,
        }
      : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

async function benchDialect(dialect: Dialect, options: PlatformBenchOptions, scanResult: Awaited<ReturnType<typeof realScanResult>>, report: PlatformBenchReport): Promise<void> {
  const database = await createTestDatabase(dialect);
  let server: RunningServer | undefined;
  try {
    options.log(`[${dialect}] seeding ${options.scans} scans...`);
    const seed = await seedPlatform(database.handle.db, dialect, options.scans, scanResult);
    report.seeding.push({ dialect, scans: seed.scanCount, ms: seed.seedMs, resultJsonBytes: seed.resultJsonBytes });
    options.log(`[${dialect}] seeded in ${(seed.seedMs / 1000).toFixed(1)} s (${Math.round(seed.resultJsonBytes / 1024)} KiB result_json per scan)`);
    server = await startServer(dialect, database.dataDir, database.url);
    const warmUp = Math.max(0.5, options.seconds / 10);
    for (const endpoint of endpoints(seed)) {
      let path = endpoint.path;
      let found = await probe(server.url + path, endpoint.headers);
      const standIn = found.status === 404;
      if (standIn) {
        options.log(`[${dialect}] ${endpoint.name}: GET ${path} answers 404 (route not built yet); measuring stand-in ${endpoint.standIn}`);
        path = endpoint.standIn;
        found = await probe(server.url + path, endpoint.headers);
      }
      options.log(`[${dialect}] ${endpoint.name}: GET ${path} -> ${found.status} ${found.contentType}, ${found.bytes} bytes`);
      await load(server.url + path, endpoint.headers, warmUp);
      const max = await load(server.url + path, endpoint.headers, options.seconds);
      const atRate = await load(server.url + path, endpoint.headers, options.seconds, TARGET_RATE);
      const steady = await steadyRate(server.url + path, endpoint.headers, TARGET_RATE, options.seconds);
      report.results.push({ dialect, endpoint: endpoint.name, path, standIn, probe: found, max, atRate, steady });
    }
    if (server.stderr.length > 0) options.log(`[${dialect}] server warnings/errors:\n${server.stderr.join('').slice(-3000)}`);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

export async function runPlatformBench(options: PlatformBenchOptions): Promise<PlatformBenchReport> {
  const report: PlatformBenchReport = { machine: machineInfo(), load: { before: loadavg()[0]!, after: 0 }, seeding: [], results: [] };
  options.log(`Machine: ${report.machine}; load average ${report.load.before.toFixed(2)}`);
  const scanResult = await realScanResult(options.shopAddress, options.dnsAddress);
  options.log(`Seed result: runScan of a loopback shop, ${scanResult.results.length} checks, web score ${String(scanResult.score.scores.web)}`);
  for (const dialect of options.dialects) await benchDialect(dialect, options, scanResult, report);
  report.load.after = loadavg()[0]!;
  return report;
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function printReport(report: PlatformBenchReport, log: (line: string) => void = console.log): boolean {
  const header = ['database', 'endpoint', 'max req/s', 'p50 @max', 'p99 @max', `p50 burst ${TARGET_RATE}`, `p99 burst ${TARGET_RATE}`, `p50 steady ${TARGET_RATE}`, `p99 steady ${TARGET_RATE}`, 'errors', 'non-2xx', 'response'];
  const lines = report.results.map((row) => [
    row.dialect,
    row.standIn ? `${row.endpoint} (stand-in ${row.path})` : row.endpoint,
    Math.round(row.max.requestsPerSecond).toString(),
    ms(row.max.p50),
    ms(row.max.p99),
    ms(row.atRate.p50),
    ms(row.atRate.p99),
    ms(row.steady.p50),
    ms(row.steady.p99),
    String(row.max.errors + row.atRate.errors + row.steady.errors),
    String(row.max.non2xx + row.atRate.non2xx + row.steady.non2xx),
    `${row.probe.status}, ${(row.probe.bytes / 1024).toFixed(1)} KiB`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  log('');
  log(`Machine: ${report.machine}`);
  const busy = report.load.before > 1 ? ' (the machine was busy: figures are low)' : '';
  log(`Load average (1 min): ${report.load.before.toFixed(2)} before, ${report.load.after.toFixed(2)} after, with the benchmark's own load${busy}`);
  for (const seeding of report.seeding) {
    log(`Seeding ${seeding.dialect}: ${seeding.scans} scans (${Math.round(seeding.resultJsonBytes / 1024)} KiB result_json each) in ${(seeding.ms / 1000).toFixed(1)} s`);
  }
  log('');
  log(render(header));
  log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) log(render(line));
  log(`\n"@max": autocannon unthrottled, ${CONNECTIONS} connections. "burst": autocannon overallRate ${TARGET_RATE}, which sends each second's quota back to back over ${CONNECTIONS} connections.`);
  log(`"steady": open loop, one request every ${1000 / TARGET_RATE} ms, latency from the scheduled start (bench/steady-rate.ts); the target is judged on this one.`);

  const verdicts = report.results.map((row) => {
    const label = `${row.dialect} ${row.endpoint}`;
    if (row.standIn) return { ok: false, text: `${label} NOT MEASURED (route missing)` };
    const clean = row.max.errors + row.atRate.errors + row.steady.errors + row.max.non2xx + row.atRate.non2xx + row.steady.non2xx === 0;
    const ok = clean && row.steady.p99 < TARGET_P99_MS && row.max.requestsPerSecond >= TARGET_RATE;
    return { ok, text: `${label} ${ms(row.steady.p99)} (burst ${ms(row.atRate.p99)})${clean ? '' : ' with errors'}` };
  });
  const met = verdicts.length > 0 && verdicts.every((verdict) => verdict.ok);
  log(`Target: p99 < ${TARGET_P99_MS} ms at ${TARGET_RATE} req/s, 0 errors: ${verdicts.map((verdict) => verdict.text).join('; ')} -> ${met ? 'MET' : 'NOT MET'}`);
  return met;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, scans: { type: 'string' }, dialect: { type: 'string' }, seconds: { type: 'string' } },
  });
  const dialects = values.dialect ? (values.dialect.split(',') as Dialect[]) : FULL_OPTIONS.dialects;
  if (dialects.some((dialect) => dialect !== 'sqlite' && dialect !== 'postgres')) throw new Error('--dialect takes sqlite, postgres or both (comma-separated)');
  const options: PlatformBenchOptions = {
    ...FULL_OPTIONS,
    dialects,
    scans: values.scans ? Number(values.scans) : FULL_OPTIONS.scans,
    seconds: values.seconds ? Number(values.seconds) : values.quick ? 2 : FULL_OPTIONS.seconds,
  };
  const started = performance.now();
  const report = await runPlatformBench(options);
  printReport(report);
  console.log(`Total run time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // The verdict is a figure, not a failure: exit 0 either way. Errors or non-2xx answers
  // mean the benchmark did not measure what it claims (e.g. a 401), so those exit 1.
  return report.results.some((row) => row.max.errors + row.atRate.errors + row.steady.errors + row.max.non2xx + row.atRate.non2xx + row.steady.non2xx > 0) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(main);
}
