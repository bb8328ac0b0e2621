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
import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, type ScanResult } from '../src/scan/engine.js';
import type { DnsFixtureRecord, DnsTestServer } from '../test/fixtures/dns-server.js';
import { startSignedDnsServer } from '../test/fixtures/dnssec/server.js';
import { buildSignedWorld } from '../test/fixtures/dnssec/world.js';
import { startNginx, type RunningNginx } from '../test/fixtures/nginx.js';
import { testPki, writeCertFiles } from '../test/fixtures/pki.js';
import { startPostfix, type RunningPostfix } from '../test/fixtures/postfix.js';
import { runMain } from './run-main.js';
import { median, timeInProcess } from './timing.js';

const TARGET = 'shop.test';
const DNS_ADDRESS = '127.0.16.53';
const WEB_ADDRESS = '127.0.16.80';
const MX_ADDRESSES = ['127.0.16.25', '127.0.16.26'] as const;
const WARM_RUNS = 4;
const TARGET_WALL_MS = 2_000;

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', data: address });
/** TXT strings are at most 255 bytes each; a DKIM key needs several. */
const txt = (name: string, text: string): DnsFixtureRecord => ({ name, type: 'TXT', data: text.match(/.{1,255}/g) ?? [''] });

const SECURITY_HEADERS = `
add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" always;
add_header X-Content-Type-Options "nosniff" always;
add_header X-Frame-Options "DENY" always;
add_header Referrer-Policy "strict-origin-when-cross-origin" always;`;

/** A well-run postfix: TLS 1.2+ only, strong ciphers, as the Dutch NCSC guidelines ask. */
const POSTFIX_TLS = [
  'smtpd_tls_protocols = >=TLSv1.2',
  'smtpd_tls_mandatory_protocols = >=TLSv1.2',
  'smtpd_tls_ciphers = high',
  'smtpd_tls_exclude_ciphers = aNULL, CBC, SHA1, RSA, DHE',
  'tls_preempt_cipherlist = yes',
];

interface World {
  dns: DnsTestServer;
  nginx: RunningNginx;
  postfixes: RunningPostfix[];
  rootPem: string;
  anchorText: string;
}

async function startWorld(dir: string): Promise<World> {
  const pki = await testPki();
  const web = await pki.issue({ names: [TARGET, `www.${TARGET}`, `mta-sts.${TARGET}`] });
  const webFiles = writeCertFiles(dir, 'web', web);
  const mxCerts = await Promise.all(MX_ADDRESSES.map((_, index) => pki.issue({ names: [`mx${index + 1}.${TARGET}`] })));
  const postfixes = await Promise.all(
    MX_ADDRESSES.map((address, index) => {
      const files = writeCertFiles(dir, `mx${index + 1}`, mxCerts[index]!);
      return startPostfix({ address, hostname: `mx${index + 1}.${TARGET}`, ...files, extraMainCf: POSTFIX_TLS });
    }),
  );
  const nginx = await startNginx({
    address: WEB_ADDRESS,
    sites: [
      {
        serverName: `${TARGET} www.${TARGET} mta-sts.${TARGET}`,
        ...webFiles,
        protocols: 'TLSv1.2 TLSv1.3',
        ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
        ecdhCurve: 'X25519:prime256v1:secp384r1',
        extraHttpsConfig: SECURITY_HEADERS,
        httpConfig: 'return 301 https://$host$request_uri;',
        files: {
          'index.html': '<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1></body></html>\n',
          '.well-known/security.txt': `Contact: mailto:security@${TARGET}\nExpires: ${new Date(Date.now() + 180 * 86_400_000).toISOString()}\n`,
          '.well-known/mta-sts.txt': `version: STSv1\nmode: enforce\nmx: *.${TARGET}\nmax_age: 604800\n`,
        },
      },
    ],
  });
  const spki = (pem: string): Buffer =>
    createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest();
  const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const records: DnsFixtureRecord[] = [
    a(TARGET, WEB_ADDRESS),
    a(`www.${TARGET}`, WEB_ADDRESS),
    a(`mta-sts.${TARGET}`, WEB_ADDRESS),
    { name: TARGET, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
    txt(TARGET, 'v=spf1 mx -all'),
    txt(`_dmarc.${TARGET}`, `v=DMARC1; p=reject; rua=mailto:dmarc@${TARGET}`),
    txt(`mail._domainkey.${TARGET}`, `v=DKIM1; k=rsa; p=${dkim}`),
    txt(`_mta-sts.${TARGET}`, 'v=STSv1; id=1'),
    txt(`_smtp._tls.${TARGET}`, `v=TLSRPTv1; rua=mailto:tlsrpt@${TARGET}`),
    ...MX_ADDRESSES.flatMap((address, index): DnsFixtureRecord[] => [
      { name: TARGET, type: 'MX', data: { preference: 10 * (index + 1), exchange: `mx${index + 1}.${TARGET}` } },
      a(`mx${index + 1}.${TARGET}`, address),
      {
        name: `_25._tcp.mx${index + 1}.${TARGET}`,
        type: 'TLSA',
        data: { usage: 3, selector: 1, matchingType: 1, certificate: spki(mxCerts[index]!.certPem) },
      },
    ]),
  ];
  const world = buildSignedWorld({ zones: [{ name: '' }, { name: 'test' }, { name: TARGET, records }] });
  const dns = await startSignedDnsServer({ address: DNS_ADDRESS, port: 53, world });
  return { dns, nginx, postfixes, rootPem: pki.root.certPem, anchorText: world.trustAnchorText };
}

async function main(): Promise<number> {
  const { parseTrustAnchors } = await import('../src/scan/dnssec/trust-anchor.js');
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-mail-'));
  const world = await startWorld(dir);
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
    await Promise.all(world.postfixes.map((postfix) => postfix.stop()));
    await world.nginx.close();
    await world.dns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
