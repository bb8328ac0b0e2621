/**
 * Interop: Weerbaar's mail-server collector (SMTP dialogue, TLS probe over STARTTLS, TLSA
 * lookup with its own DNSSEC validation) against a real Debian postfix on 127.0.14.25:25,
 * with mail.secure.test resolved through the interop DNS world (knot + unbound, zones signed
 * by ldns-signzone; the TLSA at _25._tcp.mail.secure.test is the certificate's 3 1 1 digest).
 * openssl s_client is the reference for STARTTLS and for which TLS versions postfix accepts;
 * postfix's own maillog proves the prober never sent MAIL, RCPT or DATA.
 *
 * Without the Debian tools the suite is skipped locally but FAILS in CI (CI=true).
 */
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { DEFAULT_LIMITS, type CollectContext } from '../../src/scan/collect/context.js';
import { DnsClient } from '../../src/scan/collect/dns/client.js';
import { createHostResolver } from '../../src/scan/collect/dns/resolve.js';
import { collectMailServer } from '../../src/scan/collect/mail/server.js';
import { parseTrustAnchors } from '../../src/scan/dnssec/trust-anchor.js';
import { createValidator } from '../../src/scan/dnssec/validator.js';
import type { MailServerEvidence } from '../../src/scan/evidence/mail.js';
import { INTEROP_ADDRESSES, interopWorldTools, startInteropWorld, type InteropWorld } from '../fixtures/interop-world.js';
import { testPki, writeCertFiles, type TestPki } from '../fixtures/pki.js';
import { postfixAvailable, startPostfix, type RunningPostfix } from '../fixtures/postfix.js';
import { suiteRuns } from '../fixtures/required-tools.js';
import { runTool } from '../fixtures/run-tool.js';

const TOOLS = { ...interopWorldTools(), postfix: postfixAvailable() };
const MX_HOST = 'mail.secure.test';
const SMTP = `${INTEROP_ADDRESSES.mail}:25`;

/** openssl s_client over STARTTLS, optionally pinned to one TLS version; verifies against the test root. */
async function sClient(pki: TestPki, versionFlag?: string): Promise<{ established: boolean; verified: boolean; output: string }> {
  const args = ['s_client', '-starttls', 'smtp', '-connect', SMTP, '-servername', MX_HOST, '-CAfile', pki.rootFile];
  // SECLEVEL=0 on our side, so the client is not what refuses TLS 1.0/1.1 (Debian's OpenSSL default would).
  args.push('-verify_hostname', MX_HOST, '-brief', '-cipher', 'DEFAULT:@SECLEVEL=0', ...(versionFlag ? [versionFlag] : []));
  const run = await runTool('openssl', args, { timeoutMs: 15_000 });
  const output = `${run.stdout}\n${run.stderr}`;
  return { established: /CONNECTION ESTABLISHED/.test(output), verified: /Verification: OK/.test(output), output };
}

describe.runIf(suiteRuns('interop', TOOLS))('interop: collectMailServer against Debian postfix with STARTTLS', () => {
  let world: InteropWorld | undefined;
  let postfix: RunningPostfix | undefined;
  let pki: TestPki;
  let certDir: string | undefined;
  let spkiSha256 = '';
  let evidence: MailServerEvidence;
  let collectMs = 0;

  beforeAll(async () => {
    pki = await testPki();
    certDir = mkdtempSync(join(tmpdir(), 'weerbaar-postfix-cert-'));
    const cert = await pki.issue({ names: [MX_HOST], key: 'ec256' });
    const files = writeCertFiles(certDir, 'mail', cert);
    const spki = new X509Certificate(cert.certPem).publicKey.export({ type: 'spki', format: 'der' });
    spkiSha256 = createHash('sha256').update(spki).digest('hex');
    world = await startInteropWorld({
      tlsa: `3 1 1 ${spkiSha256}`,
      extraRecords: {
        'secure-13': ['@ TXT "v=spf1 mx -all"', '_dmarc TXT "v=DMARC1; p=reject"', '_smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls@secure.test"'],
      },
    });
    postfix = await startPostfix({ address: INTEROP_ADDRESSES.mail, hostname: MX_HOST, ...files });

    const signal = AbortSignal.timeout(60_000);
    const dns = new DnsClient({ servers: [{ address: world.unbound.address, port: 53 }], signal });
    const context: CollectContext = {
      dns,
      resolveHost: createHostResolver(dns, { allowPrivate: true }),
      allowPrivate: true,
      ca: [...rootCertificates, pki.root.certPem],
      limits: DEFAULT_LIMITS,
      signal,
    };
    const validator = createValidator(dns, parseTrustAnchors(world.anchorText));
    const started = performance.now();
    evidence = await collectMailServer({ preference: 10, exchange: MX_HOST }, context, validator);
    collectMs = Math.round(performance.now() - started);
  }, 120_000);

  afterAll(async () => {
    console.log(`postfix interop: world setup ${world?.setupMs ?? '-'} ms, collectMailServer ${collectMs} ms`);
    await postfix?.stop();
    await world?.stop();
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  });

  it('has ldnsutils, knot, unbound and postfix installed (required in CI)', () => {
    expect(TOOLS).toEqual({ ldnsutils: true, knot: true, unbound: true, postfix: true });
  });

  it('postfix speaks STARTTLS with the test certificate (openssl s_client, the reference)', async () => {
    const result = await sClient(pki);
    expect(result.established, result.output).toBe(true);
    expect(result.verified, result.output).toBe(true);
  });

  it('resolves the MX host through unbound and talks SMTP to postfix', () => {
    expect(evidence.dns.a).toEqual([INTEROP_ADDRESSES.mail]);
    expect(evidence.smtp?.error).toBeUndefined();
    expect(evidence.smtp?.banner?.code).toBe(220);
    expect(evidence.smtp?.banner?.text).toContain(MX_HOST);
    expect(evidence.smtp?.ehlo?.code).toBe(250);
  });

  it('sees STARTTLS offered and upgrades', () => {
    expect(evidence.smtp?.ehlo?.extensions).toContain('STARTTLS');
    expect(evidence.smtp?.starttlsOffered).toBe(true);
    expect(evidence.smtp?.starttls?.code).toBe(220);
    expect(evidence.smtp?.readyForTls).toBe(true);
  });

  it('sends only EHLO, STARTTLS and QUIT in its own dialogue', () => {
    const commands = (evidence.smtp?.transcript ?? []).filter((line) => line.from === 'C').map((line) => line.line.split(' ')[0]?.toUpperCase());
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(['EHLO', 'STARTTLS', 'QUIT']).toContain(command);
  });

  it('probes TLS over STARTTLS: the versions agree with openssl s_client, ciphers are recorded', async () => {
    const tls = evidence.tls;
    expect(tls?.error).toBeUndefined();
    expect(tls?.handshake.ok).toBe(true);
    const flags = { TLSv1: '-tls1', 'TLSv1.1': '-tls1_1', 'TLSv1.2': '-tls1_2', 'TLSv1.3': '-tls1_3' } as const;
    for (const [version, flag] of Object.entries(flags)) {
      const reference = await sClient(pki, flag);
      expect(tls?.versions[version as keyof typeof flags], `${version}: openssl says ${reference.established}`).toBe(reference.established);
    }
    expect(tls?.versions['TLSv1.2']).toBe(true);
    expect(tls?.versions['TLSv1.3']).toBe(true);
    // Suites were recorded for exactly the versions postfix accepts.
    const seen = new Set(tls?.ciphers.map((cipher) => cipher.version));
    const accepted = Object.entries(tls?.versions ?? {}).filter(([, ok]) => ok === true).map(([version]) => version);
    expect(seen).toEqual(new Set(accepted));
    // An ECDSA certificate: every pre-1.3 suite is ECDSA-authenticated, or anonymous: postfix at security level
    // 'may' (opportunistic TLS, its default) also accepts aNULL suites, and the probe must see those.
    const pre13 = tls?.ciphers.filter((cipher) => cipher.version !== 'TLSv1.3') ?? [];
    expect(pre13.filter((cipher) => !/_ECDSA_|_anon_/.test(cipher.iana)).map((cipher) => `${cipher.version} ${cipher.iana}`)).toEqual([]);
    expect(pre13.some((cipher) => cipher.iana.includes('_anon_'))).toBe(true);
  });

  it('records the certificate chain, trusted via the test root, with the DANE digests', () => {
    const certificate = evidence.tls?.certificate;
    expect(certificate?.chain.length).toBe(2);
    expect(certificate?.chain[0]?.subjectAltNames).toContain(`DNS:${MX_HOST}`);
    expect(certificate?.trusted).toBe(true);
    expect(certificate?.hostnameMatches).toBe(true);
    expect(certificate?.chain[0]?.dane?.spkiSha256).toBe(spkiSha256);
  });

  it('finds the TLSA record, DNSSEC-secure by its own validation', () => {
    expect(evidence.tlsa?.error).toBeUndefined();
    expect(evidence.tlsa?.dnssec).toBe('secure');
    expect(evidence.tlsa?.records).toEqual([{ usage: 3, selector: 1, matchingType: 1, data: spkiSha256 }]);
  });

  it("postfix's maillog shows many STARTTLS sessions and not one MAIL, RCPT or DATA", async () => {
    // postlogd writes asynchronously; give the last disconnect lines a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const log = postfix?.maillog() ?? '';
    const disconnects = log.split('\n').filter((line) => /postfix\/smtpd\[\d+\]: disconnect from/.test(line));
    expect(disconnects.length, log).toBeGreaterThan(2);
    expect(log).toMatch(/ starttls=1/);
    for (const line of disconnects) expect(line).not.toMatch(/ (mail|rcpt|data|bdat|auth)=/);
    expect(log).not.toMatch(/NOQUEUE|MAIL FROM|: from=</i);
  });

  describe('weerbaar scan --only mail, end to end (knot + unbound + postfix)', () => {
    async function scan(domain: string, resolver: string): Promise<Map<string, string>> {
      let out = '';
      const io: Io = { out: (text) => (out += text), err: () => undefined, env: {}, isTty: false };
      const args = ['scan', domain, '--only', 'mail', '--json', '--resolver', `${resolver}:53`, '--trust-anchor', world?.anchorFile ?? ''];
      const code = await main([...args, '--ca-file', pki.rootFile, '--allow-private', '--timeout', '30'], io);
      expect(code).toBe(0);
      const report = JSON.parse(out) as { checks: { id: string; status: string }[] };
      return new Map(report.checks.map((check) => [check.id, check.status]));
    }

    it('passes DNSSEC, DANE, SPF, DMARC and TLS-RPT on the secure zone, and sees postfix accept TLS 1.0', async () => {
      const verdicts = await scan('secure.test', INTEROP_ADDRESSES.unbound);
      const wanted = ['dns.dnssec', 'mail.dnssec.mx', 'mail.mx', 'mail.starttls', 'mail.dane', 'mail.spf', 'mail.dmarc', 'mail.tls-rpt'];
      expect(Object.fromEntries(wanted.map((id) => [id, verdicts.get(id)]))).toEqual(Object.fromEntries(wanted.map((id) => [id, 'pass'])));
      // Debian's postfix at security level "may" still accepts TLS 1.0 and 1.1 (see above).
      expect(verdicts.get('mail.tls.version')).toBe('fail');
    });

    it('gives the same DNSSEC verdicts asking knot directly as through unbound', async () => {
      for (const domain of ['secure.test', 'unsigned.test', 'expired.test']) {
        const [viaUnbound, viaKnot] = [await scan(domain, INTEROP_ADDRESSES.unbound), await scan(domain, INTEROP_ADDRESSES.knot)];
        for (const id of ['dns.dnssec', 'mail.dnssec.mx', 'mail.dane']) expect(viaKnot.get(id), `${domain} ${id}`).toBe(viaUnbound.get(id));
      }
    });

    it('fails DNSSEC and DANE for the unsigned, expired and broken-DS zones', async () => {
      for (const domain of ['unsigned.test', 'expired.test', 'badds.test']) {
        const verdicts = await scan(domain, INTEROP_ADDRESSES.unbound);
        expect(verdicts.get('dns.dnssec'), domain).toBe('fail');
        expect(verdicts.get('mail.dane'), domain).toBe('fail');
      }
    });
  });
});
