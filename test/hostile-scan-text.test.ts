/**
 * Hostile text from a scanned site, end to end (issue 13): a loopback shop that serves
 * its .env with a secret, and puts terminal escapes and a direction override in its DNS
 * TXT record and its page. The secret must appear nowhere (scan evidence, stored result,
 * CLI JSON, CLI text, the result page, the download); the CLI text must carry no raw
 * control character. Loopback: DNS on 127.0.113.53, the shop on 127.0.113.1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { terminalSafe, terminalSafeLines } from '../src/cli/terminal.js';
import { runScan, type ScanOptions } from '../src/scan/engine.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { testPki, type TestPki } from './fixtures/pki.js';
import { startSite, type RunningSite } from './fixtures/site.js';
import { createOrgVia } from './web/org-helpers.js';
import { signUp, startTestApp, TestClient, type TestApp } from './web/harness.js';

const DNS = '127.0.113.53';
const SHOP = '127.0.113.1';
const SECRET = 'hunter2-DO-NOT-LEAK-7f3a9c';
const ENV_FILE = `APP_NAME=shop\nDB_PASSWORD=${SECRET}\nSTRIPE_KEY=sk_live_${SECRET}\n`;
/** ESC[2J (clear screen), a C1 CSI (U+009B) and a right-to-left override, as a hostile site would send them. */
const HOSTILE = '\u001b[2J\u009b31m\u202e';
/** The same in a DNS record's bytes (the scanner reads TXT data as Latin-1, so no U+202E there). */
const TXT_HOSTILE = '\u001b[2J\u009b31m';

let pki: TestPki;
let dns: DnsTestServer;
let site: RunningSite;
let caFile: string;
let scanOptions: ScanOptions;

beforeAll(async () => {
  pki = await testPki();
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: [
      { name: 'shop.test', type: 'A', ttl: 60, data: SHOP },
      // An SPF record whose one bad term is ESC[2J and a C1 CSI byte (TXT data are bytes): the SPF check quotes it.
      { name: 'shop.test', type: 'TXT', ttl: 60, data: Buffer.from(`v=spf1 ${TXT_HOSTILE}evil -all`, 'latin1') },
    ],
  });
  const cert = await pki.issue({ names: ['shop.test'], key: 'ec256' });
  site = await startSite({
    address: SHOP,
    cert,
    // A version banner in a generator tag: the exposure check quotes it.
    body: `<!doctype html><html><head><title>Shop${HOSTILE}</title><meta name="generator" content="ShopSoft 1.2${HOSTILE}"></head><body><h1>Shop</h1></body></html>`,
    paths: { '/.env': { headers: { 'content-type': 'text/plain' }, body: ENV_FILE } },
  });
  caFile = join(mkdtempSync(join(tmpdir(), 'weerbaar-hostile-')), 'root.pem');
  writeFileSync(caFile, pki.root.certPem);
  scanOptions = { resolver: { address: DNS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 20_000 };
}, 60_000);

afterAll(async () => {
  await site?.close();
  await dns?.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (text) => (out += text), err: (text) => (err += text), env: {}, isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

const scanArgs = (): string[] => ['scan', 'shop.test', '--resolver', `${DNS}:53`, '--ca-file', caFile, '--allow-private', '--timeout', '20'];

describe('an exposed .env: the signature and the size, never the content', () => {
  it('keeps no byte of the file in the evidence, only which signature matched and how big it was', async () => {
    const result = await runScan('shop.test', { ...scanOptions, only: 'web' });
    const exposure = result.results.find((check) => check.id === 'web.exposure')?.verdict;
    expect(exposure?.status).toBe('fail');
    expect(exposure?.evidence.exposed).toEqual([
      { host: 'shop.test', path: '/.env', url: 'https://shop.test/.env', kind: 'env', status: 200, bytes: Buffer.byteLength(ENV_FILE) },
    ]);
    const probe = result.evidence.web?.hosts.find((host) => host.host === 'shop.test')?.paths?.exposure.find((p) => p.path === '/.env');
    expect(probe).toEqual({ path: '/.env', status: 200, contentType: 'text/plain', bodyBytes: Buffer.byteLength(ENV_FILE), signature: 'env' });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain('DB_PASSWORD');
  }, 60_000);

  it('prints no byte of it in the CLI JSON or text', async () => {
    const json = await cli(...scanArgs(), '--only', 'web', '--json');
    expect(json.code, json.err).toBe(0);
    expect(json.out).toContain('/.env');
    expect(json.out).not.toContain(SECRET);
    const text = await cli(...scanArgs(), '--only', 'web');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('/.env');
    expect(text.out).not.toContain(SECRET);
  }, 60_000);

  describe('in the app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('sqlite', { scanOptions: { ...scanOptions, only: 'web' } });
    });
    afterAll(async () => t?.close());

    it('stores, shows and downloads no byte of it', async () => {
      const owner = new TestClient(t.app);
      await signUp(owner, 'owner@shop.test', 'Owner');
      const orgId = await createOrgVia(owner, 'Shop BV');
      const added = await owner.post(`/orgs/${orgId}/domains`, { name: 'shop.test' });
      const domainId = /\/domains\/([0-9a-f-]{36})/.exec(String(added.headers.location))?.[1];
      const started = await owner.post(`/orgs/${orgId}/domains/${domainId}/scans`);
      const scanId = /\/scans\/([0-9a-f-]{36})$/.exec(String(started.headers.location))?.[1] ?? '';
      const db = t.database.handle.db;
      let row = await db.selectFrom('scans').select(['status', 'result_json']).where('id', '=', scanId).executeTakeFirstOrThrow();
      for (let i = 0; i < 200 && row.status !== 'done' && row.status !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        row = await db.selectFrom('scans').select(['status', 'result_json']).where('id', '=', scanId).executeTakeFirstOrThrow();
      }
      expect(row.status).toBe('done');
      expect(row.result_json).toContain('"signature":"env"');
      expect(row.result_json).not.toContain(SECRET);
      const page = await owner.get(`/orgs/${orgId}/scans/${scanId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('/.env');
      expect(page.body).not.toContain(SECRET);
      const download = await owner.get(`/orgs/${orgId}/scans/${scanId}/report.json`);
      expect(download.statusCode).toBe(200);
      expect(download.body).not.toContain(SECRET);
    }, 60_000);
  });
});

describe('terminal escapes from DNS and web pages', () => {
  // Raw C0 (newline apart: the report's own layout), DEL, C1 and bidi controls.
  // eslint-disable-next-line no-control-regex
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    ['mail', 'mail.spf', TXT_HOSTILE, '\\x1B[2J\\x9B31m'],
    ['web', 'web.exposure', HOSTILE, '\\x1B[2J\\x9B31m\\u202E'],
  ])('the text report of --only %s shows them escaped (%s quotes them)', async (area, checkId, raw, escaped) => {
    const text = await cli(...scanArgs(), '--only', area);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`[${checkId}]`);
    expect(text.out).toContain(escaped);
    expect(text.out).not.toMatch(RAW_CONTROL);
    // The JSON stays exact: C0 escaped by JSON itself, C1 and bidi characters as they came.
    const json = await cli(...scanArgs(), '--only', area, '--json');
    expect(json.out).toContain(JSON.stringify(raw).slice(1, -1));
    expect(json.out).toContain('\u009b31m');
    const report = JSON.parse(json.out) as { checks: { id: string; summary: string; advice: string }[] };
    const check = report.checks.find((c) => c.id === checkId);
    expect(`${check?.summary ?? ''}\n${check?.advice ?? ''}`).toContain(raw);
  }, 60_000);
});

describe('terminalSafe', () => {
  it('escapes C0, DEL, C1 and every bidi control, and leaves other text alone', () => {
    expect(terminalSafe('a\u0000b\tc\nd\re\u001b]8;;x\u0007f\u007fg\u0080h\u009fi')).toBe('a\\x00b\\tc\\nd\\re\\x1B]8;;x\\x07f\\x7Fg\\x80h\\x9Fi');
    expect(terminalSafe('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe('\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069');
    expect(terminalSafe('Zoë’s shop — Ω \u200f \u2029 \\x41')).toBe('Zoë’s shop — Ω \u200f \u2029 \\x41');
    expect(terminalSafeLines('one\u001b[2J\ntwo\u202e')).toBe('one\\x1B[2J\ntwo\\u202E');
  });
});
