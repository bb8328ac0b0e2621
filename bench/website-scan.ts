/**
 * Benchmark: Weerbaar's website scan against testssl.sh 3.0.8's default run and sslscan,
 * all on the same well-configured loopback nginx (127.0.90.80) in the same run.
 *
 *   npx tsx bench/website-scan.ts           # full comparison (testssl takes ~75 s)
 *   npx tsx bench/website-scan.ts --quick   # skip testssl
 *
 * Targets: a full Weerbaar website scan under 2 s wall on loopback, and at least 20x
 * faster than testssl.sh's default run. Weerbaar runs in this process, so its CPU time is
 * this process's user+sys (which also includes the tiny in-process DNS fixture); the tools'
 * CPU time is their own plus their children's (GNU time), nginx's time is in neither.
 * What cannot be measured fails the run (exit 1): an engine that does not load, checks that
 * could not run, a missing sslscan (or testssl.sh without --quick).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDnsServer, type DnsTestServer } from '../test/fixtures/dns-server.js';
import { startNginx, type RunningNginx } from '../test/fixtures/nginx.js';
import { testPki, writeCertFiles } from '../test/fixtures/pki.js';
import { runTool } from '../test/fixtures/run-tool.js';
import { SSLSCAN_BINARY, TESTSSL_BINARY, sslscanAvailable, testsslAvailable } from '../test/fixtures/testssl.js';
import { runScan } from '../src/scan/engine.js';
import { probeTls } from '../src/scan/collect/tls/probe.js';
import { runMain } from './run-main.js';
import { median, timeInProcess } from './timing.js';

const SITE_ADDRESS = '127.0.90.80';
const DNS_ADDRESS = '127.0.90.53';
const TARGET = 'shop.test';
const WARM_RUNS = 4;
const TARGET_WALL_MS = 2_000;
const TARGET_SPEEDUP = 20;

interface Measurement {
  label: string;
  wallMs: number;
  /** user+sys CPU in ms; undefined when it could not be measured. */
  cpuMs?: number;
  note?: string;
}

const MOZILLA_INTERMEDIATE_CIPHERS =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';

const SECURITY_HEADERS = `
add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" always;
add_header X-Content-Type-Options "nosniff" always;
add_header X-Frame-Options "DENY" always;
add_header Referrer-Policy "strict-origin-when-cross-origin" always;
add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;`;

function securityTxt(): string {
  const expires = new Date(Date.now() + 180 * 86_400_000).toISOString();
  return `Contact: mailto:security@${TARGET}\nExpires: ${expires}\nPreferred-Languages: en, nl\n`;
}

async function startFixture(dir: string): Promise<{ nginx: RunningNginx; dns: DnsTestServer; rootPem: string }> {
  const pki = await testPki();
  const cert = await pki.issue({ names: [TARGET, `www.${TARGET}`] });
  const files = writeCertFiles(dir, 'shop', cert);
  const nginx = await startNginx({
    address: SITE_ADDRESS,
    sites: [
      {
        serverName: `${TARGET} www.${TARGET}`,
        ...files,
        protocols: 'TLSv1.2 TLSv1.3',
        ciphers: MOZILLA_INTERMEDIATE_CIPHERS,
        preferServerCiphers: false,
        ecdhCurve: 'X25519:prime256v1:secp384r1',
        extraHttpsConfig: SECURITY_HEADERS,
        httpConfig: 'return 301 https://$host$request_uri;',
        files: {
          'index.html': '<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1></body></html>\n',
          '.well-known/security.txt': securityTxt(),
        },
      },
    ],
  });
  const soa = {
    mname: `ns.${TARGET}`,
    rname: `hostmaster.${TARGET}`,
    serial: 1,
    refresh: 3600,
    retry: 600,
    expire: 86400,
    minimum: 300,
  };
  const dns = await startDnsServer({
    address: DNS_ADDRESS,
    port: 53,
    records: [
      { name: TARGET, type: 'SOA', data: soa },
      { name: TARGET, type: 'A', data: SITE_ADDRESS },
      { name: `www.${TARGET}`, type: 'A', data: SITE_ADDRESS },
      { name: TARGET, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
    ],
  });
  return { nginx, dns, rootPem: pki.root.certPem };
}

/** The full website scan (cold, then warm): the figure the targets are about. A scan whose checks could not run is no measurement. */
async function benchFullScan(rootPem: string): Promise<Measurement[]> {
  const scan = () =>
    runScan(TARGET, {
      resolver: { address: DNS_ADDRESS, port: 53 },
      extraCa: [rootPem],
      allowPrivate: true,
      timeoutMs: 30_000,
      // The website part only, comparable with testssl.sh and sslscan; bench/mail-scan.ts times web + mail.
      only: 'web',
    });
  const cold = await timeInProcess(scan);
  const errors = cold.result.results.filter(({ status }) => status === 'error').map(({ id }) => id);
  if (errors.length > 0) throw new Error(`the scan could not run these checks, so it measured something else: ${errors.join(', ')}`);
  const statuses: Record<string, number> = {};
  for (const { status } of cold.result.results) statuses[status] = (statuses[status] ?? 0) + 1;
  const notPassing = cold.result.results.filter(({ status }) => status !== 'pass').map(({ id, status }) => `${id}=${status}`);
  const tally = Object.entries(statuses)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  if (notPassing.length > 0) console.log(`Full scan, checks not passing on the well-configured fixture: ${notPassing.join(', ')}`);
  const warm: { wallMs: number; cpuMs: number }[] = [];
  for (let run = 0; run < WARM_RUNS; run += 1) warm.push(await timeInProcess(scan));
  return [
    { label: 'weerbaar full scan (cold)', wallMs: cold.wallMs, cpuMs: cold.cpuMs, note: `${cold.result.results.length} checks: ${tally}` },
    {
      label: `weerbaar full scan (warm, median of ${WARM_RUNS})`,
      wallMs: median(warm.map((run) => run.wallMs)),
      cpuMs: median(warm.map((run) => run.cpuMs)),
    },
  ];
}

/** probeTls alone on the same host: the part that does what sslscan does (for comparison, not a target). */
async function benchProbe(rootPem: string): Promise<Measurement> {
  const probe = () =>
    probeTls({
      host: TARGET,
      address: SITE_ADDRESS,
      port: 443,
      ca: [rootPem],
      timeoutMs: 5_000,
      signal: AbortSignal.timeout(30_000),
    });
  const timed = await timeInProcess(probe);
  const evidence = timed.result;
  const accepted = Object.entries(evidence.versions)
    .filter(([, accepted]) => accepted === true)
    .map(([version]) => version)
    .join(' ');
  return { label: 'weerbaar probeTls only (warm)', wallMs: timed.wallMs, cpuMs: timed.cpuMs, note: `${accepted}; ${evidence.ciphers.length} suites` };
}

async function benchTool(label: string, command: string, args: string[], timeoutMs: number): Promise<Measurement> {
  const run = await runTool(command, args, { timeoutMs });
  const cpuMs = run.cpuMs ? run.cpuMs.user + run.cpuMs.system : undefined;
  const note = run.timedOut ? `TIMED OUT after ${timeoutMs} ms` : `exit ${run.exitCode}`;
  return { label, wallMs: run.wallMs, ...(cpuMs === undefined ? {} : { cpuMs }), note };
}

function formatMs(ms: number | undefined): string {
  if (ms === undefined) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function printTable(rows: Measurement[], reference: Measurement | undefined): void {
  const header = ['run', 'wall', 'cpu (user+sys)', 'wall vs ref', 'cpu vs ref', 'note'];
  const lines = rows.map((row) => {
    const wallRatio = reference ? `${(row.wallMs / reference.wallMs).toFixed(1)}x` : '';
    const cpuRatio = reference?.cpuMs && row.cpuMs !== undefined ? `${(row.cpuMs / reference.cpuMs).toFixed(1)}x` : '';
    return [row.label, formatMs(row.wallMs), formatMs(row.cpuMs), wallRatio, cpuRatio, row.note ?? ''];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log('');
  console.log(render(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(render(line));
  if (reference) console.log(`\nRatios are relative to "${reference.label}".`);
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-'));
  const fixture = await startFixture(dir);
  try {
    console.log(`Fixture: nginx on ${SITE_ADDRESS}:443/:80 (TLS 1.2+1.3, HSTS and security headers), DNS on ${DNS_ADDRESS}:53`);
    const rows: Measurement[] = [];
    const full = await benchFullScan(fixture.rootPem);
    rows.push(...full, await benchProbe(fixture.rootPem));
    // The comparison is the point of this benchmark: without the tools it cannot be made.
    if (!sslscanAvailable()) throw new Error('sslscan is not installed (apt-get install sslscan, or npm run test:all)');
    rows.push(await benchTool('sslscan (default run)', SSLSCAN_BINARY, ['--no-colour', `${SITE_ADDRESS}:443`], 60_000));
    let testssl: Measurement | undefined;
    if (quick) console.log('(--quick: testssl.sh skipped)');
    else if (!testsslAvailable()) throw new Error('testssl.sh is not installed (apt-get install testssl.sh), or run with --quick');
    else {
      console.log('Running testssl.sh default run (about 75 s)...');
      const args = ['--quiet', '--color', '0', '--warnings', 'off', `${SITE_ADDRESS}:443`];
      testssl = await benchTool('testssl.sh 3.0.8 (default run)', TESTSSL_BINARY, args, 600_000);
      rows.push(testssl);
    }
    const ours = full[0]!;
    printTable(rows, ours);
    const wallOk = ours.wallMs < TARGET_WALL_MS;
    console.log(`Target: ${ours.label} < ${TARGET_WALL_MS} ms wall: ${formatMs(ours.wallMs)} -> ${wallOk ? 'MET' : 'NOT MET'}`);
    if (testssl) {
      const speedup = testssl.wallMs / ours.wallMs;
      const met = speedup >= TARGET_SPEEDUP ? 'MET' : 'NOT MET';
      console.log(`Target: >= ${TARGET_SPEEDUP}x faster than testssl.sh's default run: ${speedup.toFixed(0)}x -> ${met}`);
    }
    return 0;
  } finally {
    await fixture.nginx.close();
    await fixture.dns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
