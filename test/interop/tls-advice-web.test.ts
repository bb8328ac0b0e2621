/**
 * Interop: the TLS advice for web servers works when it is followed, on a real Debian nginx
 * and a real Debian Apache httpd (mod_ssl), both on the system OpenSSL 3. Each is set up
 * weakly (TLS 1.0 and 1.1, every cipher suite OpenSSL can serve, CCM_8 in TLS 1.3, the
 * client's order, DHE with ffdhe2048, the phase-out curve P-224), `weerbaar scan --only web` reports each finding, and
 * the lines quoted for that server in the finding's rendered advice (read out of the advice,
 * never re-typed here) replace the same-named lines of its TLS server block or virtual host.
 * The server validates the result (`nginx -t`, `apache2 -t`), restarts, and the rescan must
 * pass that check: first each check's advice on its own, then all of it together.
 *
 * Without nginx or Apache the suite is skipped locally but FAILS in CI (CI=true).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configLines, type Software } from '../fixtures/advice-config.js';
import { scanChecks, verdictOf, type ReportedCheck } from '../fixtures/advice-scan.js';
import { apacheAvailable, startApache } from '../fixtures/apache.js';
import { startDnsServer, type DnsTestServer } from '../fixtures/dns-server.js';
import { nginxAvailable, startNginx, writeDhParams } from '../fixtures/nginx.js';
import { testPki, writeCertFiles } from '../fixtures/pki.js';
import { suiteRuns } from '../fixtures/required-tools.js';

const TOOLS = { nginx: nginxAvailable(), apache2: apacheAvailable() };
const DNS = '127.0.96.53';
/** TLS 1.3 with the short-tag CCM_8 suite, which only the TLS 1.3 setting removes. */
const WEAK_TLS13 = 'TLS_AES_128_CCM_8_SHA256:TLS_AES_128_GCM_SHA256';

/** The checks whose advice quotes web server configuration, each of which the weak servers fail or warn on. */
const CHECKS = ['web.tls.version', 'web.tls.ciphers', 'web.tls.cipher-order', 'web.tls.key-exchange'] as const;

interface Files {
  certFile: string;
  keyFile: string;
  dhparamFile: string;
}

interface WebServer {
  software: Software;
  domain: string;
  address: string;
  /** Start the weak server with `directives` replacing its same-named lines; returns its close(). */
  start(files: Files, directives: string[]): Promise<() => Promise<void>>;
}

const SERVERS: WebServer[] = [
  {
    software: 'nginx',
    domain: 'weak-nginx.test',
    address: '127.0.96.11',
    start: async (files, directives) => {
      const site = {
        serverName: 'weak-nginx.test',
        ...files,
        protocols: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
        ciphers: 'ALL:@SECLEVEL=0',
        tls13Ciphersuites: WEAK_TLS13,
        preferServerCiphers: false,
        ecdhCurve: 'secp224r1:prime256v1',
        directives,
      };
      const nginx = await startNginx({ address: '127.0.96.11', sites: [site] });
      return () => nginx.close();
    },
  },
  {
    software: 'Apache',
    domain: 'weak-apache.test',
    address: '127.0.96.12',
    start: async (files, directives) => {
      const ssl = [
        'SSLProtocol all',
        'SSLCipherSuite ALL:@SECLEVEL=0',
        `SSLCipherSuite TLSv1.3 ${WEAK_TLS13}`,
        'SSLHonorCipherOrder off',
        'SSLOpenSSLConfCmd Curves secp224r1:prime256v1',
        `SSLOpenSSLConfCmd DHParameters ${files.dhparamFile}`,
      ];
      const apache = await startApache('127.0.96.12', { serverName: 'weak-apache.test', certFile: files.certFile, keyFile: files.keyFile, ssl, directives });
      return () => apache.close();
    },
  },
];

describe.runIf(suiteRuns('interop', TOOLS))('interop: web server advice applied to a weak server makes each TLS finding pass', () => {
  let dns: DnsTestServer | undefined;
  let dir = '';
  let caFile = '';
  const files = new Map<Software, Files>();

  beforeAll(async () => {
    const pki = await testPki();
    dir = mkdtempSync(join(tmpdir(), 'weerbaar-advice-web-'));
    caFile = join(dir, 'root.pem');
    writeFileSync(caFile, pki.root.certPem);
    const dhparamFile = writeDhParams(dir);
    for (const server of SERVERS) {
      const cert = await pki.issue({ names: [server.domain, `www.${server.domain}`], key: 'rsa2048' });
      files.set(server.software, { ...writeCertFiles(dir, server.software, cert), dhparamFile });
    }
    const records = SERVERS.flatMap((server) => [server.domain, `www.${server.domain}`].map((name) => ({ name, type: 'A' as const, ttl: 60, data: server.address })));
    dns = await startDnsServer({ address: DNS, port: 53, records });
  }, 60_000);

  afterAll(async () => {
    await dns?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const server of SERVERS) {
    describe(server.software, () => {
      let close: (() => Promise<void>) | undefined;
      let before: Map<string, ReportedCheck>;

      async function restart(directives: string[]): Promise<Map<string, ReportedCheck>> {
        await close?.();
        close = undefined;
        close = await server.start(files.get(server.software) as Files, directives);
        return scanChecks({ domain: server.domain, only: 'web', resolver: DNS, caFile });
      }

      beforeAll(async () => {
        before = await restart([]);
      }, 120_000);

      afterAll(async () => {
        await close?.();
      });

      it(`the weak server gets a finding with ${server.software} lines in its advice, for every check`, () => {
        for (const id of CHECKS) {
          const verdict = verdictOf(before, id);
          expect(verdict.status, `${id}: ${verdict.summary}`).not.toBe('pass');
          expect(configLines(verdict.advice, server.software), `${id}: ${verdict.advice}`).not.toEqual([]);
        }
        // The weak setting is what it says: old versions, the client's order, a DHE group and P-224.
        expect(verdictOf(before, 'web.tls.version').summary).toMatch(/TLS 1\.0/);
        expect(verdictOf(before, 'web.tls.ciphers').advice).toMatch(/TLS_AES_128_CCM_8_SHA256 over TLS 1\.3/);
        expect(verdictOf(before, 'web.tls.cipher-order').summary).toMatch(/lets the visitor's software choose/);
        expect(verdictOf(before, 'web.tls.key-exchange').summary).toMatch(/DHE/);
        expect(verdictOf(before, 'web.tls.key-exchange').advice).toMatch(/secp224r1/);
      });

      for (const id of CHECKS) {
        it(`${id}: its own ${server.software} lines, applied, make it pass`, async () => {
          const lines = configLines(verdictOf(before, id).advice, server.software);
          const after = verdictOf(await restart(lines), id);
          expect(after.status, `${id} after ${lines.join(' | ')}: ${after.summary}`).toBe('pass');
        }, 120_000);
      }

      it('all the advice together makes every check pass (the lines do not conflict)', async () => {
        const lines = CHECKS.flatMap((id) => configLines(verdictOf(before, id).advice, server.software));
        const after = await restart([...new Set(lines)]);
        for (const id of CHECKS) expect(verdictOf(after, id).status, `${id}: ${verdictOf(after, id).summary}`).toBe('pass');
      }, 120_000);
    });
  }
});
