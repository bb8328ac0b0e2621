/**
 * Interop: Weerbaar's TLS prober against a real Debian nginx (system OpenSSL 3), with
 * testssl.sh 3.0.8 as the reference and sslscan as a second opinion. For each nginx
 * configuration, the protocol versions and the accepted cipher suites per version must
 * agree, suite by suite (compared by IANA code point).
 *
 * Without nginx or testssl the suite is skipped locally but FAILS in CI (CI=true).
 * Debian's OpenSSL 3 has no SSLv3, 3DES or RC4 at all, so nginx cannot serve them and
 * a DES-CBC3-SHA in the legacy cipher string is silently dropped (asserted below).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTls } from '../../src/scan/collect/tls/probe.js';
import { TLS_VERSIONS, type TlsEvidence } from '../../src/scan/evidence/index.js';
import { nginxAvailable, startNginx, writeDhParams, type NginxSite, type RunningNginx } from '../fixtures/nginx.js';
import { testPki, writeCertFiles, type IssueOptions } from '../fixtures/pki.js';
import { suiteRuns } from '../fixtures/required-tools.js';
import { runSslscan, runTestssl, sslscanAvailable, testsslAvailable, type ScanFindings } from '../fixtures/testssl.js';

const TOOLS = { nginx: nginxAvailable(), 'testssl.sh': testsslAvailable(), sslscan: sslscanAvailable() };
const SERVER_NAME = 'shop.test';
const TESTSSL_TIMEOUT_MS = 240_000;

/** Mozilla's "old" nginx cipher list (for TLS 1.0+ clients), 3DES included as the generator writes it. */
const MOZILLA_OLD_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA256',
  'DHE-RSA-AES256-SHA256:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA',
  '@SECLEVEL=0',
].join(':');

interface Scenario {
  name: string;
  address: string;
  key: IssueOptions['key'];
  site: (files: { certFile: string; keyFile: string; dhparamFile: string }) => NginxSite;
  /** Facts about this configuration that hold whatever the tools say. */
  expectVersions: Partial<Record<(typeof TLS_VERSIONS)[number], boolean>>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'modern: TLS 1.2 + 1.3, ECDHE AEAD only, server order, two TLS 1.3 suites',
    address: '127.0.90.11',
    key: 'rsa2048',
    site: (files) => ({
      serverName: SERVER_NAME,
      ...files,
      dhparamFile: undefined,
      protocols: 'TLSv1.2 TLSv1.3',
      ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20',
      tls13Ciphersuites: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
      preferServerCiphers: true,
    }),
    expectVersions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true },
  },
  {
    name: "legacy: TLS 1.0-1.2, Mozilla 'old' suites (CBC, static RSA, DHE), client order",
    address: '127.0.90.12',
    key: 'rsa2048',
    site: (files) => ({
      serverName: SERVER_NAME,
      ...files,
      protocols: 'TLSv1 TLSv1.1 TLSv1.2',
      ciphers: MOZILLA_OLD_CIPHERS,
      preferServerCiphers: false,
    }),
    expectVersions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false },
  },
  {
    name: 'DHE only, TLS 1.2 only (ffdhe2048)',
    address: '127.0.90.13',
    key: 'rsa2048',
    site: (files) => ({
      serverName: SERVER_NAME,
      ...files,
      protocols: 'TLSv1.2',
      ciphers: 'DHE+AESGCM:DHE+CHACHA20:DHE+AES:!SHA1:@SECLEVEL=0',
      preferServerCiphers: true,
    }),
    expectVersions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false },
  },
  {
    name: 'EC P-256 certificate, groups P-384 and P-256 only, TLS 1.2 + 1.3',
    address: '127.0.90.14',
    key: 'ec256',
    site: (files) => ({
      serverName: SERVER_NAME,
      certFile: files.certFile,
      keyFile: files.keyFile,
      protocols: 'TLSv1.2 TLSv1.3',
      ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-SHA',
      ecdhCurve: 'secp384r1:prime256v1',
      preferServerCiphers: true,
    }),
    expectVersions: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true },
  },
  {
    name: "everything this OpenSSL can serve: 'ALL:@SECLEVEL=0' (anonymous, CAMELLIA, ARIA, CCM), TLS 1.0-1.3",
    address: '127.0.90.15',
    key: 'rsa2048',
    site: (files) => ({
      serverName: SERVER_NAME,
      ...files,
      protocols: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
      ciphers: 'ALL:@SECLEVEL=0',
      tls13Ciphersuites: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256',
    }),
    expectVersions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true },
  },
];

type Suites = Record<string, string[]>;

/** Accepted suites per version as sorted "0xc02f TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" strings. */
function suitesByVersion(ciphers: { version: string; code: number; iana: string }[]): Suites {
  const byVersion: Suites = {};
  for (const cipher of ciphers) {
    const label = `0x${cipher.code.toString(16).padStart(4, '0')} ${cipher.iana}`;
    (byVersion[cipher.version] ??= []).push(label);
  }
  for (const list of Object.values(byVersion)) list.sort();
  return byVersion;
}

/** Per version, what only one side saw: empty lists when they agree. Compared by code, labelled with names. */
function suiteDifferences(left: Suites, right: Suites): Record<string, { onlyLeft: string[]; onlyRight: string[] }> {
  const code = (label: string): string => label.split(' ')[0] ?? label;
  const differences: Record<string, { onlyLeft: string[]; onlyRight: string[] }> = {};
  for (const version of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const leftCodes = new Set((left[version] ?? []).map(code));
    const rightCodes = new Set((right[version] ?? []).map(code));
    differences[version] = {
      onlyLeft: (left[version] ?? []).filter((label) => !rightCodes.has(code(label))),
      onlyRight: (right[version] ?? []).filter((label) => !leftCodes.has(code(label))),
    };
  }
  return differences;
}

function agreeing(differences: ReturnType<typeof suiteDifferences>): typeof differences {
  return Object.fromEntries(Object.keys(differences).map((version) => [version, { onlyLeft: [], onlyRight: [] }]));
}

describe.runIf(suiteRuns('interop', TOOLS))('interop: probeTls vs testssl.sh on Debian nginx', () => {
  it('has nginx, testssl.sh and sslscan installed (required in CI)', () => {
    expect({ nginx: nginxAvailable(), testssl: testsslAvailable(), sslscan: sslscanAvailable() }).toEqual({
      nginx: true,
      testssl: true,
      sslscan: true,
    });
  });

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      let nginx: RunningNginx | undefined;
      let certDir: string | undefined;
      let probe: TlsEvidence;
      let testssl: ScanFindings;
      let sslscan: ScanFindings;

      beforeAll(async () => {
        const pki = await testPki();
        certDir = mkdtempSync(join(tmpdir(), 'weerbaar-interop-'));
        const cert = await pki.issue({ names: [SERVER_NAME], ips: [scenario.address], key: scenario.key });
        const files = { ...writeCertFiles(certDir, 'leaf', cert), dhparamFile: writeDhParams(certDir) };
        try {
          nginx = await startNginx({ address: scenario.address, sites: [scenario.site(files)] });
          probe = await probeTls({
            host: SERVER_NAME,
            address: scenario.address,
            port: 443,
            ca: [pki.root.certPem],
            timeoutMs: 5_000,
            signal: AbortSignal.timeout(60_000),
          });
          sslscan = await runSslscan(scenario.address, 443, { serverName: SERVER_NAME });
          testssl = await runTestssl(scenario.address, 443, { serverName: SERVER_NAME, timeoutMs: TESTSSL_TIMEOUT_MS });
        } catch (error) {
          const log = nginx?.errorLog() ?? '';
          await nginx?.close();
          nginx = undefined;
          throw new Error(`${(error as Error).message}${log ? `\n--- nginx error log ---\n${log}` : ''}`);
        }
      }, TESTSSL_TIMEOUT_MS + 60_000);

      afterAll(async () => {
        await nginx?.close();
        if (certDir) rmSync(certDir, { recursive: true, force: true });
      });

      it('the probe handshakes and verifies the chain', () => {
        expect(probe.error).toBeUndefined();
        expect(probe.handshake.ok).toBe(true);
        expect(probe.certificate?.trusted).toBe(true);
      });

      it('testssl and sslscan agree with each other and with the configuration (the reference is sound)', () => {
        expect(testssl.protocols).toEqual(sslscan.protocols);
        expect(testssl.protocols).toMatchObject(scenario.expectVersions);
        expect(testssl.protocols.SSLv2 || testssl.protocols.SSLv3).toBe(false);
        const differences = suiteDifferences(suitesByVersion(testssl.ciphers), suitesByVersion(sslscan.ciphers));
        expect(differences).toEqual(agreeing(differences));
        // Debian's OpenSSL 3 has no 3DES: nginx drops DES-CBC3-SHA from the legacy list.
        expect(testssl.ciphers.some((cipher) => cipher.code === 0x000a)).toBe(false);
      });

      it('probeTls agrees with testssl on the protocol versions', () => {
        for (const version of TLS_VERSIONS) {
          const seen = probe.versions[version];
          if (seen === null) {
            // Untested is only honest when the probe says why, and only acceptable where nginx cannot serve it anyway.
            expect(probe.untested.map((item) => item.what).join(' ')).toContain(version);
            expect(testssl.protocols[version], `${version} untested by the probe but offered`).toBe(false);
          } else {
            expect(seen, `${version}: probe ${seen}, testssl "${testssl.protocolFindings[version]}"`).toBe(testssl.protocols[version]);
          }
        }
        for (const version of ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const) expect(probe.versions[version]).not.toBeNull();
      });

      it('probeTls agrees with testssl on the accepted cipher suites per version (by IANA code)', () => {
        const fromProbe = suitesByVersion(probe.ciphers);
        const fromTestssl = suitesByVersion(testssl.ciphers);
        const differences = suiteDifferences(fromProbe, fromTestssl);
        // onlyLeft: the probe saw it, testssl did not; onlyRight: testssl saw it, the probe did not.
        expect(differences).toEqual(agreeing(differences));
        expect(Object.values(fromTestssl).flat().length).toBeGreaterThan(0);
      });

      it('probeTls agrees with testssl on the ECDHE groups, and on the DHE group where DHE suites are served', () => {
        expect(probe.keyExchange.error).toBeUndefined();
        expect([...probe.keyExchange.groups].sort()).toEqual([...(testssl.groups ?? [])].sort());
        const servesDhe = testssl.ciphers.some((cipher) => cipher.version !== 'TLSv1.3' && /^TLS_DHE?_/.test(cipher.iana));
        if (servesDhe) {
          // Every scenario's ssl_dhparam is RFC 7919 ffdhe2048; testssl names the group, the probe gives its size.
          expect(testssl.dhGroup).toMatch(/\bffdhe2048\b/);
          expect(probe.keyExchange.dhBits).toBe(2048);
        } else {
          expect(probe.keyExchange.dhBits).toBeUndefined();
        }
        // testssl's DH_groups also lists the ffdhe groups OpenSSL 3 accepts in TLS 1.3 key shares (even with no
        // DHE suite at all). The probe does not test those; it must say so rather than stay silent.
        if (/ffdhe/.test(testssl.dhGroup ?? '') && !servesDhe) {
          expect(probe.untested.map((item) => item.what).join(' ')).toMatch(/ffdhe/);
        }
      });

      it("probeTls's IANA names match testssl's for the same code points", () => {
        const names = new Map(testssl.ciphers.map((cipher) => [cipher.code, cipher.iana]));
        const mismatched = probe.ciphers
          .filter((cipher) => names.has(cipher.code) && names.get(cipher.code) !== cipher.iana)
          .map((cipher) => `0x${cipher.code.toString(16)}: probe ${cipher.iana}, testssl ${names.get(cipher.code)}`);
        expect(mismatched).toEqual([]);
      });
    });
  }
});
