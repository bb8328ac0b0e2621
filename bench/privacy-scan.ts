/**
 * Benchmark: the privacy scan of a 25-page loopback shop behind nginx.
 *
 *   npx tsx bench/privacy-scan.ts            (npm run bench:privacy)
 *
 * The world: a DNS server on 127.0.26.53, nginx on 127.0.26.80 serving a home page, 23
 * product pages and a complete Dutch privacy statement (from the test corpus), every page
 * linking to the statement. Weerbaar runs in this process; Chromium's and nginx's CPU time
 * are in neither figure (the browser's wall time is).
 *
 * What it prints: the polite crawl alone (25 pages at <= 2 requests in flight and 100 ms
 * between request starts per host, so about 2.5 s is the floor by design), the browser
 * alone (start Chromium, load the home page, wait for the network to go idle), the whole
 * `--only privacy` scan, and the default scan (web + mail + privacy) next to `--only web`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectBeforeConsent } from '../src/scan/collect/privacy/browser.js';
import { collectCrawl } from '../src/scan/collect/privacy/crawl.js';
import { runScan, type ScanOptions } from '../src/scan/engine.js';
import { startDnsServer } from '../test/fixtures/dns-server.js';
import { startNginx } from '../test/fixtures/nginx.js';
import { testPki, writeCertFiles } from '../test/fixtures/pki.js';
import { collectContext } from '../test/fixtures/privacy-site.js';
import { runMain } from './run-main.js';
import { PRODUCT_PAGES, shopPages } from './shop-world.js';
import { median, timeInProcess } from './timing.js';

const TARGET = 'winkel.test';
const DNS_ADDRESS = '127.0.26.53';
const WEB_ADDRESS = '127.0.26.80';
const WARM_RUNS = 3;

const format = (ms: number): string => `${Math.round(ms)} ms`;

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-privacy-'));
  const pki = await testPki();
  const cert = await pki.issue({ names: [TARGET, `www.${TARGET}`] });
  const nginx = await startNginx({
    address: WEB_ADDRESS,
    sites: [
      {
        serverName: `${TARGET} www.${TARGET}`,
        ...writeCertFiles(dir, 'web', cert),
        protocols: 'TLSv1.2 TLSv1.3',
        httpConfig: 'return 301 https://$host$request_uri;',
        files: shopPages(),
      },
    ],
  });
  const dns = await startDnsServer({
    address: DNS_ADDRESS,
    port: 53,
    records: [
      { name: TARGET, type: 'A', data: WEB_ADDRESS },
      { name: `www.${TARGET}`, type: 'A', data: WEB_ADDRESS },
      { name: TARGET, type: 'SOA', data: { mname: `ns.${TARGET}`, rname: `hostmaster.${TARGET}` } },
    ],
  });
  try {
    console.log(`World: DNS on ${DNS_ADDRESS}, nginx on ${WEB_ADDRESS} with ${PRODUCT_PAGES + 2} pages\n`);
    const crawl = await timeInProcess(() => collectCrawl(TARGET, collectContext(DNS_ADDRESS, pki.root.certPem), { maxPages: 25 }));
    console.log(`crawl alone:   ${format(crawl.wallMs)} wall, ${format(crawl.cpuMs)} CPU, ${crawl.result.pages?.length ?? 0} pages`);
    const browser = await timeInProcess(() => collectBeforeConsent(TARGET, collectContext(DNS_ADDRESS, pki.root.certPem), { resolved: new Map() }));
    console.log(`browser alone: ${format(browser.wallMs)} wall, ${format(browser.cpuMs)} CPU (this process), ${browser.result.skipped ?? 'Chromium ran'}`);

    const options: ScanOptions = { resolver: { address: DNS_ADDRESS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 30_000 };
    const scenarios: [string, ScanOptions][] = [
      ['--only privacy', { ...options, only: 'privacy' }],
      ['--only web', { ...options, only: 'web' }],
      ['default (web + mail + privacy)', options],
    ];
    console.log('\n| scan | cold wall | warm wall (median of 3) | warm CPU | checks | privacy passed or n/a |\n| --- | --- | --- | --- | --- | --- |');
    for (const [label, scanOptions] of scenarios) {
      const cold = await timeInProcess(() => runScan(TARGET, scanOptions));
      const warm = [];
      for (let run = 0; run < WARM_RUNS; run += 1) warm.push(await timeInProcess(() => runScan(TARGET, scanOptions)));
      const privacy = cold.result.results.filter((result) => result.id.startsWith('privacy.'));
      // A shop without forms gets privacy.forms as a not-applicable skip, left out of the score.
      const passed = privacy.filter((result) => result.status === 'pass' || result.verdict.notApplicable).length;
      console.log(
        `| ${label} | ${format(cold.wallMs)} | ${format(median(warm.map((run) => run.wallMs)))} | ${format(median(warm.map((run) => run.cpuMs)))} | ${cold.result.results.length} | ${privacy.length ? `${passed}/${privacy.length}` : '-'} |`,
      );
    }
    return 0;
  } finally {
    await dns.close();
    await nginx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
