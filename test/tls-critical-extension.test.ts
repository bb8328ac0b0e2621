/**
 * A certificate with a critical extension nobody knows (issue 14): Node says 'UNSPECIFIED' and
 * a raw-flight verifier would blame the issuer; the evidence names the extension and
 * web.cert.trust says what is wrong, against a real TLS server on 127.0.114.2.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTls } from '../src/scan/collect/tls/probe.js';
import { verifyChain } from '../src/scan/collect/tls/raw-certificate.js';
import { judge } from '../src/scan/checks/web/tls/cert-trust.js';
import { mailCertTrust } from '../src/scan/checks/mail/transport/tls.js';
import { testPki, type TestPki } from './fixtures/pki.js';

const ADDRESS = '127.0.114.2';
let pki: TestPki;
let server: Server;
let chainPem: string;

beforeAll(async () => {
  pki = await testPki();
  const leaf = await pki.issue({ names: ['critical.test'], unknownCriticalExtension: true });
  chainPem = leaf.chainPem;
  server = createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (_request, response) => response.end('ok'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, ADDRESS, () => resolve());
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a certificate with an unknown critical extension', () => {
  it('is untrusted for its extension, named, not for its issuer', async () => {
    const tls = await probeTls({ host: 'critical.test', address: ADDRESS, port: 443, ca: [pki.root.certPem], timeoutMs: 2_000, signal: new AbortController().signal });
    expect(tls.certificate?.trusted).toBe(false);
    expect(tls.certificate?.trustError).toBe('UNHANDLED_CRITICAL_EXTENSION');
    expect(tls.certificate?.unknownCriticalExtensions).toEqual(['1.3.6.1.4.1.55555.14.1']);
    const verdict = judge('critical.test', tls);
    expect(verdict.status).toBe('fail');
    expect(verdict.summary).toEqual({ key: 'criticalExtension', params: { host: 'critical.test', reason: '1.3.6.1.4.1.55555.14.1' } });
    expect(verdict.advice.map((ref) => ref.key)).toEqual(['reissueWithoutExtension']);
    // The mail twin says it of a mail server, not of browsers.
    expect(mailCertTrust.texts.en.criticalExtension).toMatch(/mail server/);
  });

  it('the raw-flight verifier names it too', () => {
    const chain = chainPem.split(/(?=-----BEGIN CERTIFICATE-----)/).map((pem) => new X509Certificate(pem));
    expect(verifyChain(chain, [pki.root.certPem], new Date())).toBe('UNHANDLED_CRITICAL_EXTENSION');
  });

  it('an ordinary certificate from the same authority is trusted (the fixture is sound)', async () => {
    const leaf = await pki.issue({ names: ['critical.test'] });
    const chain = leaf.chainPem.split(/(?=-----BEGIN CERTIFICATE-----)/).map((pem) => new X509Certificate(pem));
    expect(verifyChain(chain, [pki.root.certPem], new Date())).toBeUndefined();
  });
});
