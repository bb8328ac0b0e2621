/**
 * collectMailServer against real smtp-server instances on 127.0.13.x:25: one with STARTTLS
 * and a certificate from the test PKI, one without STARTTLS. The full TLS probe runs over
 * STARTTLS (every connection banner → EHLO → STARTTLS); TLSA records come from a small
 * fake DnssecValidator (the real one is another part's). DANE verdicts are checked on
 * the real presented chain, against digests computed here independently.
 */
import { createHash, X509Certificate } from 'node:crypto';
import net from 'node:net';
import type { TlsaAnswer } from 'dns-packet';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDane } from '../src/scan/checks/mail/transport/dane.js';
import { mailTransportChecks } from '../src/scan/checks/mail/transport/index.js';
import { mailStarttls } from '../src/scan/checks/mail/transport/starttls.js';
import { mailTlsVersion } from '../src/scan/checks/mail/transport/tls.js';
import { DEFAULT_LIMITS, type CollectContext } from '../src/scan/collect/context.js';
import type { DnsClient } from '../src/scan/collect/dns/client.js';
import { collectMailServer } from '../src/scan/collect/mail/server.js';
import type { DnssecValidator } from '../src/scan/dnssec/types.js';
import type { DnssecStatus } from '../src/scan/evidence/dnssec.js';
import type { MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { testPki, type IssuedCert } from './fixtures/pki.js';

const STARTTLS_HOST = { host: 'mx1.shop.test', address: '127.0.13.30' };
const PLAIN_HOST = { host: 'mx2.shop.test', address: '127.0.13.31' };

interface Seen {
  connections: number;
  transactions: string[];
}
const seen: Seen = { connections: 0, transactions: [] };
const servers: SMTPServer[] = [];
const MODERN = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305';
let leaf: IssuedCert;

async function startServer(address: string, tls?: IssuedCert): Promise<void> {
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    // A modern setting, as a well-run mail server has (the default list still has CBC suites).
    ...(tls ? { key: tls.keyPem, cert: tls.chainPem, minVersion: 'TLSv1.2', ciphers: MODERN, honorCipherOrder: true } : {}),
    onConnect(_session, callback) {
      seen.connections += 1;
      callback();
    },
    onMailFrom(address, _session, callback) {
      seen.transactions.push(`MAIL FROM ${address.address}`);
      callback();
    },
    onRcptTo(address, _session, callback) {
      seen.transactions.push(`RCPT TO ${address.address}`);
      callback();
    },
    onData(stream, _session, callback) {
      seen.transactions.push('DATA');
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(25, address, resolve));
  servers.push(server);
}

/** A fake validator: TLSA records per name with a given DNSSEC status. */
function validator(records: Record<string, { status: DnssecStatus; tlsa: [number, number, number, string][] }>): DnssecValidator {
  return {
    lookup(name, type) {
      const entry = records[name] ?? { status: 'secure' as DnssecStatus, tlsa: [] };
      const answers: TlsaAnswer[] = entry.tlsa.map(([usage, selector, matchingType, hex]) => ({
        type: 'TLSA',
        name,
        ttl: 300,
        class: 'IN',
        data: { usage, selector, matchingType, certificate: Buffer.from(hex, 'hex') },
      }));
      return Promise.resolve({ rcode: answers.length ? 'NOERROR' : 'NXDOMAIN', answers, result: { name, type, status: entry.status } });
    },
  };
}

function context(ca: string[]): CollectContext {
  const addresses = new Map([STARTTLS_HOST, PLAIN_HOST].map(({ host, address }) => [host, address]));
  return {
    dns: {} as DnsClient,
    resolveHost(host) {
      const address = addresses.get(host);
      return Promise.resolve({ usable: address ? [address] : [], refused: [], evidence: { a: address ? [address] : [], aaaa: [], cnames: [], ...(address ? {} : { error: 'NXDOMAIN' }) } });
    },
    allowPrivate: true,
    ca,
    limits: { ...DEFAULT_LIMITS, connectTimeoutMs: 2000, requestTimeoutMs: 2000 },
    signal: new AbortController().signal,
  };
}

const sha = (algorithm: string, data: Buffer): string => createHash(algorithm).update(data).digest('hex');
const derOf = (pem: string): Buffer => Buffer.from(new X509Certificate(pem).raw);
const spkiOf = (pem: string): Buffer => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });

function scanOf(...servers: MailServerEvidence[]): ScanEvidence {
  return {
    target: 'shop.test',
    collectedAt: new Date().toISOString(),
    mail: {
      domain: 'shop.test',
      mx: { records: servers.map((server) => ({ preference: server.preference, exchange: server.host })), nullMx: false },
      servers,
      spf: {},
      dmarc: {},
      dkim: {},
      mtaSts: {},
      tlsRpt: {},
    } as NonNullable<ScanEvidence['mail']>,
  };
}

let ca: string[];
let intermediatePem: string;
let probed: MailServerEvidence;
let probeMs = 0;
let probeConnections = 0;

beforeAll(async () => {
  const pki = await testPki();
  ca = [pki.root.certPem];
  leaf = await pki.issue({ names: [STARTTLS_HOST.host] });
  intermediatePem = leaf.chainPem.slice(leaf.certPem.length);
  await startServer(STARTTLS_HOST.address, leaf);
  await startServer(PLAIN_HOST.address);
  const tlsa = `_25._tcp.${STARTTLS_HOST.host}`;
  const before = seen.connections;
  const started = performance.now();
  probed = await collectMailServer(
    { preference: 10, exchange: STARTTLS_HOST.host },
    context(ca),
    validator({ [tlsa]: { status: 'secure', tlsa: [[3, 1, 1, sha('sha256', spkiOf(leaf.certPem))]] } }),
  );
  probeMs = performance.now() - started;
  probeConnections = seen.connections - before;
}, 60_000);

/** A raw server that says 220 to STARTTLS and then does not speak TLS: `after` decides what it does instead. */
async function brokenAfterStarttls(address: string, after: (socket: net.Socket) => void): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('220 mx.shop.test ESMTP\r\n');
    let upgraded = false;
    socket.on('data', (chunk: Buffer) => {
      if (upgraded) return;
      const text = chunk.toString('latin1');
      if (/^MAIL|^RCPT|^DATA/im.test(text)) seen.transactions.push(text);
      if (text.startsWith('EHLO')) socket.write('250-mx.shop.test\r\n250 STARTTLS\r\n');
      else if (text.startsWith('STARTTLS')) {
        socket.write('220 Go ahead\r\n');
        upgraded = true;
        after(socket);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(25, address, resolve));
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('collectMailServer over STARTTLS', () => {
  it('records the dialogue and runs the full TLS probe through STARTTLS', () => {
    console.log(`probe over STARTTLS: ${probeConnections} connections, ${Math.round(probeMs)} ms`);
    expect(probed.smtp?.readyForTls).toBe(true);
    expect(probed.smtp?.ehlo?.extensions).toContain('STARTTLS');
    expect(probed.tls?.error).toBeUndefined();
    expect(probed.tls?.versions['TLSv1.3']).toBe(true);
    expect(probed.tls?.versions.TLSv1).toBe(false);
    expect(probed.tls?.ciphers.length).toBeGreaterThan(3);
    expect(probed.tls?.certificate?.trusted).toBe(true);
    expect(probed.tls?.certificate?.hostnameMatches).toBe(true);
    // Bounded: a few dozen STARTTLS connections, well within the test's time.
    expect(probeConnections).toBeGreaterThan(5);
    expect(probeConnections).toBeLessThan(150);
    expect(probeMs).toBeLessThan(20_000);
  });

  it('records the DANE digests of every certificate, and the DER only when a record needs it', () => {
    const chain = probed.tls?.certificate?.chain ?? [];
    expect(chain.length).toBe(2);
    const [first, second] = chain;
    expect(first?.dane).toEqual({
      certSha256: sha('sha256', derOf(leaf.certPem)),
      certSha512: sha('sha512', derOf(leaf.certPem)),
      spkiSha256: sha('sha256', spkiOf(leaf.certPem)),
      spkiSha512: sha('sha512', spkiOf(leaf.certPem)),
      signedByNext: true,
    });
    expect(second?.dane?.spkiSha256).toBe(sha('sha256', spkiOf(intermediatePem)));
    expect(probed.tlsa).toMatchObject({ name: '_25._tcp.mx1.shop.test', dnssec: 'secure', records: [{ usage: 3, selector: 1, matchingType: 1 }] });
  });

  it('passes STARTTLS, the TLS checks and DANE on the recorded evidence', () => {
    const evidence = scanOf(probed);
    const now = new Date();
    expect(mailStarttls.run(evidence, { now }).status).toBe('pass');
    expect(mailTlsVersion.run(evidence, { now }).status).toBe('pass');
    const dane = mailDane.run(evidence, { now });
    expect(dane.status).toBe('pass');
    expect(dane.summary.key).toBe('pass');
    for (const check of mailTransportChecks) expect(['pass', 'info', 'warn'], check.id).toContain(check.run(evidence, { now }).status);
  });

  it('judges DANE against the real chain: matching, wrong, DANE-TA, exact DER, insecure and bogus records', async () => {
    const tlsa = `_25._tcp.${STARTTLS_HOST.host}`;
    const run = async (status: DnssecStatus, records: [number, number, number, string][]): Promise<{ status: string; key: string; server: MailServerEvidence }> => {
      const server = await collectMailServer({ preference: 10, exchange: STARTTLS_HOST.host }, context(ca), validator({ [tlsa]: { status, tlsa: records } }));
      const verdict = mailDane.run(scanOf(server), { now: new Date() });
      return { status: verdict.status, key: verdict.summary.key, server };
    };
    const wrong = await run('secure', [[3, 1, 1, 'ab'.repeat(32)]]);
    expect([wrong.status, wrong.key]).toEqual(['fail', 'noMatch']);
    const ta = await run('secure', [[2, 1, 2, sha('sha512', spkiOf(intermediatePem))], [3, 1, 1, sha('sha256', spkiOf(leaf.certPem))]]);
    expect([ta.status, ta.key]).toEqual(['pass', 'passRollover']);
    const exact = await run('secure', [[3, 0, 0, derOf(leaf.certPem).toString('hex')]]);
    expect([exact.status, exact.key]).toEqual(['pass', 'pass']);
    expect(exact.server.tls?.certificate?.chain[0]?.dane?.certDer).toBe(derOf(leaf.certPem).toString('base64'));
    const insecure = await run('insecure', [[3, 1, 1, sha('sha256', spkiOf(leaf.certPem))]]);
    expect([insecure.status, insecure.key]).toEqual(['fail', 'insecure']);
    const bogus = await run('bogus', [[3, 1, 1, sha('sha256', spkiOf(leaf.certPem))]]);
    expect([bogus.status, bogus.key]).toEqual(['fail', 'bogus']);
  }, 60_000);
});

describe('collectMailServer without STARTTLS', () => {
  it('records that STARTTLS is not offered and probes no TLS', async () => {
    const server = await collectMailServer({ preference: 20, exchange: PLAIN_HOST.host }, context(ca), validator({}));
    expect(server.smtp?.starttlsOffered).toBe(false);
    expect(server.smtp?.error).toBeUndefined();
    expect(server.tls).toBeUndefined();
    const evidence = scanOf(server);
    const starttls = mailStarttls.run(evidence, { now: new Date() });
    expect([starttls.status, starttls.summary.key]).toEqual(['fail', 'notOffered']);
    const version = mailTlsVersion.run(evidence, { now: new Date() });
    expect([version.status, version.summary.key, version.notApplicable]).toEqual(['skip', 'noStarttls', undefined]);
    const dane = mailDane.run(evidence, { now: new Date() });
    expect([dane.status, dane.summary.key]).toEqual(['fail', 'none']);
  });

  it('records a host without a usable address, and one whose port 25 is closed', async () => {
    const nowhere = await collectMailServer({ preference: 30, exchange: 'mx9.shop.test' }, context(ca), validator({}));
    expect(nowhere.smtp).toBeUndefined();
    expect(mailStarttls.run(scanOf(nowhere), { now: new Date() }).summary).toEqual({ key: 'noAddress', params: { host: 'mx9.shop.test', reason: 'NXDOMAIN' } });
    const closed = await collectMailServer({ preference: 30, exchange: STARTTLS_HOST.host }, context(ca), validator({}), { port: 2 });
    expect(closed.smtp?.failure).toBe('connect');
    const verdict = mailStarttls.run(scanOf(closed), { now: new Date() });
    expect([verdict.status, verdict.summary.key]).toEqual(['error', 'smtpFailed']);
  });

  it('fails the upgrade, bounded in time, when the server answers STARTTLS with garbage or silence', async () => {
    const garbage = await brokenAfterStarttls('127.0.13.32', (socket) => socket.end('this is not TLS\r\n'));
    const silent = await brokenAfterStarttls('127.0.13.33', () => undefined);
    try {
      const fast = { ...context(ca), limits: { ...DEFAULT_LIMITS, connectTimeoutMs: 500, requestTimeoutMs: 500 } };
      const addresses: Record<string, string> = { 'mx7.shop.test': '127.0.13.32', 'mx8.shop.test': '127.0.13.33' };
      fast.resolveHost = (host) => Promise.resolve({ usable: [addresses[host] ?? ''], refused: [], evidence: { a: [addresses[host] ?? ''], aaaa: [], cnames: [] } });
      for (const host of Object.keys(addresses)) {
        const started = performance.now();
        const server = await collectMailServer({ preference: 10, exchange: host }, fast, validator({}));
        expect(performance.now() - started, host).toBeLessThan(10_000);
        expect(server.smtp?.readyForTls).toBe(true);
        expect(server.tls?.error, host).toBeDefined();
        const verdict = mailStarttls.run(scanOf(server), { now: new Date() });
        expect([verdict.status, verdict.summary.key], host).toEqual(['fail', 'upgradeFailed']);
        expect(mailTlsVersion.run(scanOf(server), { now: new Date() }).status).toBe('error');
      }
    } finally {
      await Promise.all([garbage, silent].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    }
  }, 30_000);

  it('never started a mail transaction on any server', () => {
    expect(seen.connections).toBeGreaterThan(0);
    expect(seen.transactions).toEqual([]);
  });
});
