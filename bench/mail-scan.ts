/**
 * Benchmark: a full Weerbaar scan (web + mail, one run) of a DNSSEC-signed loopback
 * domain with two MX hosts.
 *
 *   npx tsx bench/mail-scan.ts            (npm run bench:mail)
 *
 * The world: a DNS server on 127.0.16.53 serving a test root, the TLD `test` and
 * `shop.test`, all signed by the test signer (ECDSA P-256, NSEC); nginx on 127.0.16.80
 * for the shop and its MTA-STS policy; two postfix instances with STARTTLS on
 * 127.0.16.25 and .26 as mx1/mx2, each with a matching TLSA record. Weerbaar runs in
 * this process, so its CPU time is this process's user+sys (which also includes the
 * small in-process DNS server); nginx's and postfix's CPU is in neither.
 *
 * Target (issue 4): under 2 s wall on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, type ScanResult } from '../src/scan/engine.js';
import { runMain } from './run-main.js';
import { SHOP as TARGET, startShopWorld } from './shop-world.js';
import { median, timeInProcess } from './timing.js';

const DNS_ADDRESS = '127.0.16.53';
const WEB_ADDRESS = '127.0.16.80';
const MX_ADDRESSES = ['127.0.16.25', '127.0.16.26'] as const;
const WARM_RUNS = 4;
const TARGET_WALL_MS = 2_000;

async function main(): Promise<number> {
  const { parseTrustAnchors } = await import('../src/scan/dnssec/trust-anchor.js');
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-mail-'));
  const world = await startShopWorld(dir, { dns: DNS_ADDRESS, web: WEB_ADDRESS, mx: MX_ADDRESSES, pages: 'home' });
  try {
    console.log(`World: signed DNS on ${DNS_ADDRESS}, nginx on ${WEB_ADDRESS}, postfix on ${MX_ADDRESSES.join(' and ')}`);
    const scan = (): Promise<ScanResult> =>
      runScan(TARGET, {
        resolver: { address: DNS_ADDRESS, port: 53 },
        extraCa: [world.rootPem],
        trustAnchors: parseTrustAnchors(world.anchorText),
        dkimSelectors: ['mail'],
        allowPrivate: true,
        timeoutMs: 30_000,
      });
    const cold = await timeInProcess(scan);
    const warm = [];
    for (let run = 0; run < WARM_RUNS; run += 1) warm.push(await timeInProcess(scan));
    const notPassing = cold.result.results.filter(({ status }) => status !== 'pass').map(({ id, status }) => `${id}=${status}`);
    const servers = cold.result.evidence.mail?.servers ?? [];
    console.log(`Checks: ${cold.result.results.length} (${notPassing.length} not passing: ${notPassing.join(', ') || 'none'})`);
    console.log(`Scores: web ${cold.result.score.scores.web}, mail ${cold.result.score.scores.mail}, overall ${cold.result.score.scores.overall}`);
    console.log(`MX probed: ${servers.map((server) => `${server.host} (${server.tls?.durationMs ?? '?'} ms TLS probe)`).join(', ')}`);
    console.log('');
    console.log('run                              wall       cpu (user+sys)');
    console.log(`cold (first scan)                ${Math.round(cold.wallMs)} ms     ${Math.round(cold.cpuMs)} ms`);
    console.log(
      `warm (median of ${WARM_RUNS})              ${Math.round(median(warm.map((run) => run.wallMs)))} ms     ${Math.round(median(warm.map((run) => run.cpuMs)))} ms`,
    );
    const worst = Math.max(cold.wallMs, ...warm.map((run) => run.wallMs));
    console.log(`\nTarget: full web + mail scan < ${TARGET_WALL_MS} ms wall: slowest run ${Math.round(worst)} ms -> ${worst < TARGET_WALL_MS ? 'MET' : 'NOT MET'}`);
    return 0;
  } finally {
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
