/**
 * probeTls against real peers on 127.0.43.x:443: Node TLS servers in the configurations
 * the checks must judge, a scripted legacy server (SSLv3/RC4/3DES, which this OpenSSL
 * cannot serve), and hostile servers that never speak, stall, send garbage or reset.
 */
import { constants, getDiffieHellman, X509Certificate } from 'node:crypto';
import net from 'node:net';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTls, type ProbeTlsOptions } from '../src/scan/collect/tls/probe.js';
import type { TlsEvidence } from '../src/scan/evidence/index.js';
import { testPki, type IssuedCert, type TestPki } from './fixtures/pki.js';
import { startLegacyServer, startRawServer, startTlsServer, type TestServer } from './tls/servers.js';
import { FFDHE2048_PEM } from './fixtures/nginx.js';

/** PEM DH parameters { p, g = 2 } for a prime, e.g. the 1024-bit RFC 2409 group. */
function dhParamsPem(prime: Buffer): string {
  const integer = (value: Buffer): Buffer => {
    const body = (value[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value;
    return Buffer.concat([Buffer.from([0x02, 0x82, body.length >> 8, body.length & 0xff]), body]);
  };
  const content = Buffer.concat([integer(prime), Buffer.from([0x02, 0x01, 0x02])]);
  const der = Buffer.concat([Buffer.from([0x30, 0x82, content.length >> 8, content.length & 0xff]), content]);
  return `-----BEGIN DH PARAMETERS-----\n${der.toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END DH PARAMETERS-----\n`;
}

const ADDRESS = (n: number): string => `127.0.43.${n}`;
const MODERN = 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305';
const NO_CLIENT_RENEG = constants.SSL_OP_NO_RENEGOTIATION;

let pki: TestPki;
const servers: TestServer[] = [];
let good: IssuedCert;

async function serve(n: number, cert: IssuedCert, options: Record<string, unknown> = {}): Promise<TestServer> {
  const server = await startTlsServer(ADDRESS(n), { key: cert.keyPem, cert: cert.chainPem, ...options });
  servers.push(server);
  return server;
}

function probe(n: number, overrides: Partial<ProbeTlsOptions> = {}): Promise<TlsEvidence> {
  return probeTls({ host: 'good.test', address: ADDRESS(n), port: 443, ca: [pki.root.certPem], timeoutMs: 2000, signal: new AbortController().signal, ...overrides });
}

const suitesAt = (evidence: TlsEvidence, version: string): string[] => evidence.ciphers.filter((suite) => suite.version === version).map((suite) => suite.iana);

beforeAll(async () => {
  pki = await testPki();
  good = await pki.issue({ names: ['good.test'] });
  const DAY = 86_400_000;
  await serve(10, good, { minVersion: 'TLSv1.2', ciphers: MODERN, honorCipherOrder: true, ecdhCurve: 'X25519:prime256v1:secp384r1', secureOptions: NO_CLIENT_RENEG });
  await serve(11, good, {
    minVersion: 'TLSv1',
    maxVersion: 'TLSv1.2',
    ciphers: 'ECDHE-RSA-AES128-SHA:AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0',
    honorCipherOrder: false,
  });
  await serve(12, await pki.issue({ names: ['good.test'], notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - DAY) }));
  await serve(13, await pki.issue({ names: ['other.test'] }));
  await serve(14, await pki.issue({ names: ['good.test'], signer: 'self' }));
  await serve(15, await pki.issue({ names: ['good.test'], key: 'rsa1024' }), { ciphers: 'DEFAULT@SECLEVEL=0' });
  await serve(16, await pki.issue({ names: ['good.test'], signer: 'intermediate-sha1' }), { ciphers: 'DEFAULT@SECLEVEL=0' });
  const ecLeaf = await pki.issue({ names: ['good.test'], key: 'ec256' });
  await serve(17, ecLeaf);
  await serve(26, ecLeaf, { maxVersion: 'TLSv1.2', honorCipherOrder: false, ecdhCurve: 'X25519:prime256v1:secp384r1:secp521r1' });
  const modp2 = getDiffieHellman('modp2').getPrime();
  await serve(18, good, { maxVersion: 'TLSv1.2', ciphers: 'DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0', dhparam: dhParamsPem(modp2), honorCipherOrder: true });
  await serve(19, good, { maxVersion: 'TLSv1.2', ciphers: 'DHE-RSA-AES256-GCM-SHA384', dhparam: FFDHE2048_PEM });
  // Hostile peers.
  // Both read (and drop) what arrives, so they notice when the prober hangs up: that is what the leak test counts.
  servers.push(await startRawServer(ADDRESS(20), (socket) => socket.resume()));
  servers.push(await startRawServer(ADDRESS(21), (socket) => socket.on('data', () => undefined)));
  servers.push(await startRawServer(ADDRESS(22), (socket) => socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'))));
  servers.push(await startRawServer(ADDRESS(23), (socket) => socket.once('data', () => socket.resetAndDestroy())));
  servers.push(
    await startTlsServer(ADDRESS(28), { key: good.keyPem, cert: good.chainPem }, (server) => {
      // Staple a (fake) OCSP response: the prober only notes that one was stapled.
      server.on('OCSPRequest', (_certificate: Buffer, _issuer: Buffer, callback: (error: Error | null, response: Buffer) => void) =>
        callback(null, Buffer.from('stapled OCSP response')),
      );
    }),
  );
  // A tarpit: the first three connections reach the good server, later ones hang.
  let accepted = 0;
  servers.push(
    await startRawServer(ADDRESS(27), (socket) => {
      accepted += 1;
      if (accepted > 3) return void socket.resume();
      const upstream = net.connect({ host: ADDRESS(10), port: 443 });
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      socket.pipe(upstream).pipe(socket);
    }),
  );
  servers.push(
    await startLegacyServer(ADDRESS(25), {
      versions: [0x0300, 0x0301],
      suites: [0x0005, 0x000a, 0x0004],
      secureRenegotiation: false,
      sslv2: true,
      certificate: new X509Certificate(good.certPem).raw,
    }),
  );
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('probeTls on a well-configured server (TLS 1.2 + 1.3, ECDHE + AEAD, server order)', () => {
  let evidence: TlsEvidence;
  let elapsed = 0;
  beforeAll(async () => {
    await probe(10); // warm-up: the first handshake in a process pays for OpenSSL's setup
    const started = performance.now();
    evidence = await probe(10);
    elapsed = performance.now() - started;
  });

  it('is fast: well under a second on loopback', () => {
    expect(evidence.error).toBeUndefined();
    expect(elapsed).toBeLessThan(1000);
  });

  it('tests each version separately', () => {
    expect(evidence.versions).toEqual({ SSLv3: false, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    expect(evidence.sslv2).toBe(false);
    expect(evidence.handshake).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
  });

  it('finds exactly the configured TLS 1.2 suites in the server order, and the TLS 1.3 suites', () => {
    const expected = ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'];
    expect(suitesAt(evidence, 'TLSv1.2')).toEqual(expected);
    expect(evidence.cipherOrder['TLSv1.2']).toEqual({ serverEnforced: true, preferred: expected });
    expect(suitesAt(evidence, 'TLSv1.3').sort()).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']);
    expect(evidence.ciphers.find((suite) => suite.iana === 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toMatchObject({
      code: 0xc02f,
      openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
    });
  });

  it('lists the ECDHE groups the server accepts', () => {
    expect([...evidence.keyExchange.groups].sort()).toEqual(['X25519', 'prime256v1', 'secp384r1']);
    expect(evidence.keyExchange.dhBits).toBeUndefined();
  });

  it('reports the certificate chain as sent, trust, hostname and OCSP', () => {
    const certificate = evidence.certificate;
    expect(certificate).toMatchObject({ trusted: true, hostnameMatches: true, ocspStapled: false });
    expect(certificate?.chain.map((cert) => cert.commonName)).toEqual(['good.test', 'Weerbaar Test Intermediate']);
    expect(certificate?.chain[0]).toMatchObject({
      keyType: 'rsa',
      keyBits: 2048,
      signatureAlgorithm: 'ecdsa-with-SHA256',
      selfSigned: false,
      isCA: false,
      subjectAltNames: ['DNS:good.test'],
    });
    expect(certificate?.chain[1]).toMatchObject({ isCA: true, keyType: 'ec', curve: 'secp384r1', signatureAlgorithm: 'sha256WithRSAEncryption' });
  });

  it('sees secure renegotiation and a refused client-initiated one', () => {
    expect(evidence.renegotiation).toEqual({ secure: true, clientInitiated: false });
  });

  it('says what it could not test', () => {
    expect(evidence.untested.map((entry) => entry.what).join(' ')).toMatch(/PSK/);
  });
});

describe('probeTls on other configurations', () => {
  it('finds TLS 1.0 and 1.1 with CBC suites, and client-initiated renegotiation on a Node server', async () => {
    const evidence = await probe(11);
    expect(evidence.versions).toEqual({ SSLv3: false, TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': false });
    expect(suitesAt(evidence, 'TLSv1')).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
    expect(suitesAt(evidence, 'TLSv1.2').sort()).toEqual([
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_RSA_WITH_AES_128_CBC_SHA',
    ]);
    // honorCipherOrder: false makes Node's server follow the client's order.
    expect(evidence.cipherOrder['TLSv1.2']?.serverEnforced).toBe(false);
    expect(evidence.renegotiation).toEqual({ secure: true, clientInitiated: true });
  });

  it('notices a stapled OCSP response', async () => {
    expect((await probe(28)).certificate?.ocspStapled).toBe(true);
  });

  it('judges trust against Node\'s own roots when no root is added (the store a real scan uses)', async () => {
    // The engine passes tls.rootCertificates itself when there is no --ca-file; the test PKI is
    // not in it, so the same good server is untrusted, for the missing issuer, not for anything else.
    const evidence = await probe(10, { ca: rootCertificates as string[] });
    expect(evidence.certificate).toMatchObject({ trusted: false, hostnameMatches: true });
    expect(evidence.certificate?.trustError).toMatch(/ISSUER|SELF_SIGNED_CERT_IN_CHAIN/);
    expect((await probe(10)).certificate?.trusted).toBe(true);
  });

  it('reports an expired certificate', async () => {
    const evidence = await probe(12);
    expect(evidence.certificate?.trusted).toBe(false);
    expect(evidence.certificate?.trustError).toBe('CERT_HAS_EXPIRED');
    expect(new Date(evidence.certificate?.chain[0]?.notAfter ?? '').getTime()).toBeLessThan(Date.now());
  });

  it('reports a certificate for another name', async () => {
    const evidence = await probe(13);
    expect(evidence.certificate).toMatchObject({ trusted: true, hostnameMatches: false });
    expect(evidence.certificate?.hostnameError).toMatch(/good\.test/);
  });

  it('reports a self-signed certificate', async () => {
    const evidence = await probe(14);
    expect(evidence.certificate?.trusted).toBe(false);
    expect(evidence.certificate?.trustError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(evidence.certificate?.chain).toHaveLength(1);
    expect(evidence.certificate?.chain[0]?.selfSigned).toBe(true);
  });

  it('reports an RSA 1024 key', async () => {
    const evidence = await probe(15);
    expect(evidence.certificate?.chain[0]).toMatchObject({ keyType: 'rsa', keyBits: 1024 });
  });

  it('reports a SHA-1 signed intermediate and leaf', async () => {
    const evidence = await probe(16);
    expect(evidence.certificate?.chain.map((cert) => cert.signatureAlgorithm)).toEqual(['sha1WithRSAEncryption', 'sha256WithRSAEncryption']);
    expect(evidence.certificate?.chain[1]?.commonName).toBe('Weerbaar Test SHA1 Intermediate');
  });

  it('reports an EC P-256 key', async () => {
    const evidence = await probe(17);
    expect(evidence.certificate?.chain[0]).toMatchObject({ keyType: 'ec', curve: 'prime256v1', keyBits: 256 });
    expect(evidence.ciphers.some((suite) => suite.iana.startsWith('TLS_ECDHE_ECDSA_'))).toBe(true);
  });

  it('finds every ECDHE curve over TLS 1.2 with an ECDSA certificate (whose curve the client must keep offering)', async () => {
    const evidence = await probe(26);
    expect(evidence.versions['TLSv1.3']).toBe(false);
    expect([...evidence.keyExchange.groups].sort()).toEqual(['X25519', 'prime256v1', 'secp384r1', 'secp521r1']);
  });

  it('measures a 1024-bit home-made DHE group', async () => {
    const evidence = await probe(18);
    expect(evidence.keyExchange).toMatchObject({ dhBits: 1024, dhGroup: 'custom' });
    expect(suitesAt(evidence, 'TLSv1.2')).toEqual(['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
  });

  it('recognises the RFC 7919 group ffdhe2048', async () => {
    const evidence = await probe(19);
    expect(evidence.keyExchange).toMatchObject({ dhBits: 2048, dhGroup: 'ffdhe2048', groups: [] });
  });

  it('detects SSLv2, SSLv3, RC4 and 3DES and missing secure renegotiation with hand-built hellos', async () => {
    const evidence = await probe(25);
    expect(evidence.sslv2).toBe(true);
    expect(evidence.versions).toEqual({ SSLv3: true, TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false });
    expect(suitesAt(evidence, 'SSLv3')).toEqual(['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_RC4_128_MD5']);
    expect(evidence.cipherOrder.TLSv1).toEqual({
      serverEnforced: true,
      preferred: ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_RC4_128_MD5'],
    });
    expect(evidence.renegotiation.secure).toBe(false);
    // Node cannot speak to it at all; the certificate comes from the raw flight and is verified by us.
    expect(evidence.handshake.ok).toBe(false);
    expect(evidence.certificate?.chain[0]?.commonName).toBe('good.test');
    expect(evidence.certificate?.hostnameMatches).toBe(true);
    // The server sends the leaf without its intermediate, so it cannot chain to the root.
    expect(evidence.certificate).toMatchObject({ trusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    expect(evidence.untested.map((entry) => entry.what)).toContain('OCSP stapling');
    expect(evidence.error).toBeUndefined();
  });
});

describe('probeTls against hostile or absent peers', () => {
  const hostile: [string, number][] = [
    ['accepts TCP and never speaks', 20],
    ['reads the ClientHello and stalls', 21],
    ['answers with garbage', 22],
    ['resets the connection', 23],
  ];
  for (const [label, n] of hostile) {
    it(`ends with an error, within about the timeout, without leaking sockets, when the server ${label}`, async () => {
      const started = performance.now();
      const evidence = await probe(n, { timeoutMs: 800 });
      expect(evidence.error).toEqual(expect.any(String));
      expect(performance.now() - started).toBeLessThan(2500);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(servers.find((server) => server.address === ADDRESS(n))?.open()).toBe(0);
    });
  }

  it('gives up after a few timeouts when the server starts stalling mid-probe', async () => {
    const started = performance.now();
    const evidence = await probe(27, { timeoutMs: 500 });
    expect(performance.now() - started).toBeLessThan(2500);
    expect(evidence.untested.map((entry) => entry.what)).toContain('Some tests');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(servers.find((server) => server.address === ADDRESS(27))?.open()).toBe(0);
  });

  it('fails fast when nothing listens', async () => {
    const started = performance.now();
    const evidence = await probe(24, { timeoutMs: 5000 });
    expect(evidence.error).toMatch(/connect/i);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops promptly when the scan is aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const evidence = await probe(20, { timeoutMs: 5000, signal: controller.signal });
    expect(evidence.error).toMatch(/stopped/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('works over a caller-supplied socket (the STARTTLS hook)', async () => {
    let calls = 0;
    const connect = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        calls += 1;
        const socket = net.connect({ host: ADDRESS(10), port: 443 }, () => resolve(socket));
        socket.once('error', reject);
      });
    const evidence = await probe(99, { connect });
    expect(evidence.versions['TLSv1.3']).toBe(true);
    expect(evidence.certificate?.trusted).toBe(true);
    expect(calls).toBeGreaterThan(10);
  });
});
