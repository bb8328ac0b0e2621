/** Chain verification for certificates read from a raw first flight (no Node handshake). */
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFromFlight, verifyChain } from '../src/scan/collect/tls/raw-certificate.js';
import { testPki, type TestPki } from './fixtures/pki.js';

let pki: TestPki;
const DAY = 86_400_000;
const der = (pem: string): Buffer[] =>
  (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((block) => new X509Certificate(block).raw);

beforeAll(async () => {
  pki = await testPki();
});

describe('verifyChain', () => {
  it('trusts a leaf plus intermediate that chain to a root in the store', async () => {
    const leaf = await pki.issue({ names: ['shop.test'] });
    const chain = der(leaf.chainPem).map((raw) => new X509Certificate(raw));
    expect(verifyChain(chain, [pki.root.certPem], new Date())).toBeUndefined();
    expect(verifyChain(chain, [], new Date())).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });

  it('names expired, self-signed and missing-intermediate chains the way Node does', async () => {
    const expired = await pki.issue({ names: ['old.test'], notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) });
    const self = await pki.issue({ names: ['self.test'], signer: 'self' });
    const toChain = (pem: string) => der(pem).map((raw) => new X509Certificate(raw));
    expect(verifyChain(toChain(expired.chainPem), [pki.root.certPem], new Date())).toBe('CERT_HAS_EXPIRED');
    expect(verifyChain(toChain(self.chainPem), [pki.root.certPem], new Date())).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(verifyChain(toChain(expired.certPem), [pki.root.certPem], new Date(Date.now() - 10 * DAY))).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });

  it('catches a chain whose certificates do not sign each other', async () => {
    const a = await pki.issue({ names: ['a.test'] });
    const b = await pki.issue({ names: ['b.test'], signer: 'self' });
    const mixed = [new X509Certificate(a.certPem), new X509Certificate(b.certPem)];
    expect(verifyChain(mixed, [pki.root.certPem], new Date())).toBe('CERT_SIGNATURE_FAILURE');
  });
});

describe('certificateFromFlight', () => {
  it('reports trust and the hostname match', async () => {
    const leaf = await pki.issue({ names: ['shop.test'] });
    expect(certificateFromFlight(der(leaf.chainPem), 'shop.test', [pki.root.certPem])).toMatchObject({ trusted: true, hostnameMatches: true });
    expect(certificateFromFlight(der(leaf.chainPem), 'other.test', [pki.root.certPem])).toMatchObject({ trusted: true, hostnameMatches: false });
  });

  it('gives up on bytes that are not a certificate', () => {
    expect(certificateFromFlight([Buffer.from('not a certificate')], 'shop.test', [])).toBeUndefined();
  });
});
