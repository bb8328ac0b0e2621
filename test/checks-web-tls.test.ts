/**
 * Unit tests for the web TLS and certificate checks on recorded probe output
 * (test/evidence/tls/*.json) and hand-varied copies of it: every verdict path.
 */
import { describe, expect, it } from 'vitest';
import { certExpiry } from '../src/scan/checks/web/tls/cert-expiry.js';
import { certHostname } from '../src/scan/checks/web/tls/cert-hostname.js';
import { certKey } from '../src/scan/checks/web/tls/cert-key.js';
import { certSignature } from '../src/scan/checks/web/tls/cert-signature.js';
import { certTrust } from '../src/scan/checks/web/tls/cert-trust.js';
import { tlsCipherOrder } from '../src/scan/checks/web/tls/cipher-order.js';
import { tlsCiphers } from '../src/scan/checks/web/tls/ciphers.js';
import { webTlsChecks } from '../src/scan/checks/web/tls/index.js';
import { tlsKeyExchange } from '../src/scan/checks/web/tls/key-exchange.js';
import { tlsRenegotiation } from '../src/scan/checks/web/tls/renegotiation.js';
import { tlsVersion } from '../src/scan/checks/web/tls/version.js';
import type { CipherSuiteSeen, TlsEvidence } from '../src/scan/evidence/index.js';
import { GOOD, NOW, WEAK, adviceKeys, apex, cert, host, judge, scan, tls } from './evidence/tls/builders.js';

const suite = (iana: string, version: CipherSuiteSeen['version'] = 'TLSv1.2'): CipherSuiteSeen => ({ code: 0, iana, version });
const withSuites = (...names: string[]): TlsEvidence =>
  tls(GOOD, (evidence) => {
    evidence.ciphers = [...evidence.ciphers.filter((seen) => seen.version === 'TLSv1.3'), ...names.map((name) => suite(name))];
  });

describe('all web TLS checks', () => {
  it('pass on the recorded well-configured server', () => {
    for (const check of webTlsChecks) expect(judge(check, apex(GOOD)).status, check.id).toBe('pass');
  });

  it('error without web evidence, skip when no host has TLS, error when the probe failed', () => {
    const failed = tls(GOOD, (evidence) => {
      evidence.error = 'The server did not answer within 5000 ms.';
    });
    for (const check of webTlsChecks) {
      expect(judge(check, { target: 'shop.test', collectedAt: '' }).summary.key, check.id).toBe('noWeb');
      const none = judge(check, scan(host('shop.test', 'apex'), host('www.shop.test', 'www')));
      expect(none.status, check.id).toBe('skip');
      expect(none.summary.key).toBe('noTls');
      const broken = judge(check, apex(failed));
      expect(broken.status, check.id).toBe('error');
      expect(broken.summary).toEqual({ key: 'probeFailed', params: { host: 'shop.test', reason: 'The server did not answer within 5000 ms.' } });
    }
  });

  it('skip a host whose port 443 refuses connections (no HTTPS there)', () => {
    const refused = tls(GOOD, (evidence) => {
      evidence.error = 'Could not connect: connect ECONNREFUSED 192.0.2.10:443.';
    });
    const https = { hops: [{ url: 'https://shop.test/', headers: [], durationMs: 1, error: { kind: 'connect' as const, message: 'refused' } }], bodyBytes: 0, bodyTruncated: false };
    const verdict = judge(tlsVersion, scan(host('shop.test', 'apex', refused, { https })));
    expect(verdict).toMatchObject({ status: 'skip', summary: { key: 'noHttpsHost' } });
  });

  it('judge apex and www, report the worst and name the host', () => {
    const verdict = judge(tlsVersion, scan(host('shop.test', 'apex', GOOD), host('www.shop.test', 'www', WEAK)));
    expect(verdict.status).toBe('fail');
    expect(verdict.summary.params?.host).toBe('www.shop.test');
    expect(verdict.advice[0]?.params?.host).toBe('www.shop.test');
    expect((verdict.evidence.hosts as { host: string; status: string }[]).map((entry) => [entry.host, entry.status])).toEqual([
      ['shop.test', 'pass'],
      ['www.shop.test', 'fail'],
    ]);
    // The same finding on both hosts is said once, naming both.
    const both = judge(tlsVersion, scan(host('shop.test', 'apex', WEAK), host('www.shop.test', 'www', WEAK)));
    expect(both.summary.params?.host).toBe('shop.test, www.shop.test');
    expect(both.advice.filter((message) => message.key === 'disableOld')).toHaveLength(1);
  });
});

describe('web.tls.version', () => {
  it('fails TLS 1.0 and 1.1, advising to turn them off and TLS 1.3 on', () => {
    const verdict = judge(tlsVersion, apex(WEAK));
    expect(verdict.status).toBe('fail');
    expect(verdict.summary.params?.old).toBe('TLS 1.0, TLS 1.1');
    expect(adviceKeys(verdict)).toEqual(['disableOld', 'enable13']);
  });

  it('fails SSLv2 and SSLv3', () => {
    const verdict = judge(tlsVersion, apex(tls(GOOD, (evidence) => {
      evidence.sslv2 = true;
      evidence.versions.SSLv3 = true;
    })));
    expect(verdict.summary.params?.old).toBe('SSLv2, SSLv3');
  });

  it('passes TLS 1.2 alone, suggesting TLS 1.3', () => {
    const verdict = judge(tlsVersion, apex(tls(GOOD, (evidence) => {
      evidence.versions['TLSv1.3'] = false;
    })));
    expect(verdict).toMatchObject({ status: 'pass', summary: { key: 'passNo13' } });
    expect(adviceKeys(verdict)).toEqual(['enable13']);
  });

  it('does not pass when an old version could not be tested, and says which', () => {
    const verdict = judge(tlsVersion, apex(tls(GOOD, (evidence) => {
      evidence.versions.TLSv1 = null;
    })));
    expect(verdict).toMatchObject({ status: 'error', summary: { key: 'untestedOld', params: { untested: 'TLS 1.0' } } });
  });
});

describe('web.tls.ciphers', () => {
  it('fails weak suites and names each one under what is wrong with it', () => {
    const verdict = judge(tlsCiphers, apex(WEAK));
    expect(verdict.status).toBe('fail');
    const byKey = Object.fromEntries(verdict.advice.map((message) => [message.key, message.params?.suites]));
    expect(byKey.offStaticKx).toBe('TLS_RSA_WITH_AES_128_CBC_SHA');
    expect(byKey.offSha1Cbc).toBe('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA');
    expect(byKey.offPhaseOut).toBe('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256');
    expect(adviceKeys(verdict).at(-1)).toBe('where');
  });

  it('groups RC4, 3DES, NULL, EXPORT and anonymous suites', () => {
    const verdict = judge(
      tlsCiphers,
      apex(withSuites('TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_NULL_SHA', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', 'TLS_DH_anon_WITH_AES_128_CBC_SHA')),
    );
    expect(verdict.summary).toMatchObject({ key: 'fail', params: { count: 5 } });
    expect(adviceKeys(verdict)).toEqual(['offNull', 'offExport', 'offAnon', 'offRc4', 'offOldCipher', 'where']);
  });

  it('warns about phase-out suites only', () => {
    const verdict = judge(tlsCiphers, apex(withSuites('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384')));
    expect(verdict).toMatchObject({ status: 'warn', summary: { params: { count: 1 } } });
    expect(adviceKeys(verdict)).toEqual(['offPhaseOut', 'where']);
  });
});

describe('web.tls.ciphers: TLS 1.3 suites', () => {
  it('names a weak TLS 1.3 suite and gives the TLS 1.3 setting, which the cipher list does not reach', () => {
    const ccm8 = tls(GOOD, (evidence) => {
      evidence.ciphers.push({ code: 0x1305, iana: 'TLS_AES_128_CCM_8_SHA256', version: 'TLSv1.3' });
    });
    const verdict = judge(tlsCiphers, apex(ccm8));
    expect(verdict.status).toBe('fail');
    expect(adviceKeys(verdict)).toEqual(['offOther', 'where', 'where13']);
    expect(verdict.advice.at(-1)?.params).toMatchObject({ suites: 'TLS_AES_128_CCM_8_SHA256' });
    expect(adviceKeys(judge(tlsCiphers, apex(WEAK)))).not.toContain('where13');
  });
});

describe('web.tls.cipher-order', () => {
  it('fails a server that lets the client pick a phase-out suite', () => {
    const verdict = judge(tlsCipherOrder, apex(WEAK));
    expect(verdict).toMatchObject({ status: 'fail', summary: { key: 'clientOrder', params: { version: 'TLS 1.2' } } });
    expect(adviceKeys(verdict)).toEqual(['enforceOrder']);
  });

  it('fails a server whose own order puts a phase-out suite first', () => {
    const evidence = tls(withSuites('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'), (changed) => {
      changed.cipherOrder['TLSv1.2'] = { serverEnforced: true, preferred: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] };
    });
    const verdict = judge(tlsCipherOrder, apex(evidence));
    expect(verdict.summary).toMatchObject({
      key: 'badOrder',
      params: { chosen: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', expected: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
    });
    expect(adviceKeys(verdict)).toEqual(['fixOrder']);
  });

  it('passes a good order, only TLS 1.3, and reports an undetermined order as info', () => {
    // GOOD offers no phase-out suite, so there is no order to praise.
    expect(judge(tlsCipherOrder, apex(GOOD))).toMatchObject({ status: 'pass', summary: { key: 'noPhaseOut' } });
    const only13 = tls(GOOD, (evidence) => {
      evidence.versions['TLSv1.2'] = false;
    });
    expect(judge(tlsCipherOrder, apex(only13))).toMatchObject({ status: 'pass', summary: { key: 'onlyTls13' } });
    const unknown = tls(WEAK, (evidence) => {
      for (const order of Object.values(evidence.cipherOrder)) order.serverEnforced = null;
    });
    expect(judge(tlsCipherOrder, apex(unknown)).status).toBe('info');
  });
});

describe('web.tls.key-exchange', () => {
  const kx = (keyExchange: TlsEvidence['keyExchange']): TlsEvidence =>
    tls(GOOD, (evidence) => {
      evidence.keyExchange = keyExchange;
    });

  it('fails a 1024-bit home-made DHE group', () => {
    const verdict = judge(tlsKeyExchange, apex(WEAK));
    expect(verdict).toMatchObject({ status: 'fail', summary: { params: { what: 'DHE 1024-bit' } } });
    expect(adviceKeys(verdict)).toEqual(['fixDh']);
  });

  it('fails ffdhe2048 and weak curves, warns on ffdhe3072 and P-224', () => {
    expect(judge(tlsKeyExchange, apex(kx({ groups: ['X25519'], dhBits: 2048, dhGroup: 'ffdhe2048' }))).status).toBe('fail');
    const curve = judge(tlsKeyExchange, apex(kx({ groups: ['X25519', 'prime192v1'] })));
    expect(curve).toMatchObject({ status: 'fail', summary: { params: { what: 'prime192v1' } } });
    expect(adviceKeys(curve)).toEqual(['offGroups']);
    expect(judge(tlsKeyExchange, apex(kx({ groups: ['X25519'], dhBits: 3072, dhGroup: 'ffdhe3072' })))).toMatchObject({
      status: 'warn',
      advice: [{ key: 'phaseOutDh' }],
    });
    expect(judge(tlsKeyExchange, apex(kx({ groups: ['X25519', 'secp224r1'] }))).status).toBe('warn');
  });

  it('reports no ephemeral key exchange, a failed probe, and a partial one', () => {
    expect(judge(tlsKeyExchange, apex(kx({ groups: [] }))).summary.key).toBe('noEphemeral');
    expect(judge(tlsKeyExchange, apex(kx({ groups: [], error: 'No answer.' }))).status).toBe('error');
    expect(judge(tlsKeyExchange, apex(kx({ groups: ['X25519'], error: 'No answer.' })))).toMatchObject({ status: 'pass', summary: { key: 'passPartial' } });
  });
});

describe('web.tls.renegotiation', () => {
  const reneg = (renegotiation: TlsEvidence['renegotiation'], only13 = false): TlsEvidence =>
    tls(GOOD, (evidence) => {
      evidence.renegotiation = renegotiation;
      if (only13) evidence.versions['TLSv1.2'] = false;
    });

  it('warns when the client may start a renegotiation', () => {
    const verdict = judge(tlsRenegotiation, apex(WEAK));
    expect(verdict).toMatchObject({ status: 'warn', summary: { key: 'clientInitiated' } });
    expect(adviceKeys(verdict)).toEqual(['fixClientInitiated']);
  });

  it('fails without secure renegotiation', () => {
    expect(judge(tlsRenegotiation, apex(reneg({ secure: false, clientInitiated: false })))).toMatchObject({ status: 'fail', advice: [{ key: 'fixInsecure' }] });
  });

  it('passes TLS 1.3 only, notes what was not tested, and is unsure without a ServerHello', () => {
    expect(judge(tlsRenegotiation, apex(reneg({ secure: null, clientInitiated: null }, true))).summary.key).toBe('onlyTls13');
    expect(judge(tlsRenegotiation, apex(reneg({ secure: true, clientInitiated: null, error: 'timeout' })))).toMatchObject({
      status: 'pass',
      summary: { key: 'passPartial', params: { reason: 'timeout' } },
    });
    expect(judge(tlsRenegotiation, apex(reneg({ secure: null, clientInitiated: false }))).status).toBe('info');
  });
});

describe('certificate checks', () => {
  const withCert = (change: (certificate: NonNullable<TlsEvidence['certificate']>) => void): TlsEvidence =>
    tls(GOOD, (evidence) => {
      if (evidence.certificate) change(evidence.certificate);
    });
  const noCert = tls(WEAK, (evidence) => {
    delete evidence.certificate;
    evidence.untested.push({ what: 'Certificate', why: 'No complete TLS handshake succeeded with the settings a current browser uses.' });
  });

  it('error when no certificate could be examined', () => {
    for (const check of [certTrust, certHostname, certExpiry, certKey, certSignature]) {
      expect(judge(check, apex(noCert)).summary, check.id).toMatchObject({ key: 'noCertificate', params: { reason: 'No complete TLS handshake succeeded with the settings a current browser uses.' } });
    }
  });

  it('web.cert.trust: names the issuer, and explains each kind of failure', () => {
    expect(judge(certTrust, apex(GOOD)).summary.params?.issuer).toBe('Weerbaar Test Intermediate');
    const failing = (trustError: string, chainLength = 2, selfSigned = false): string => {
      const verdict = judge(certTrust, apex(withCert((certificate) => {
        certificate.trusted = false;
        certificate.trustError = trustError;
        certificate.chain = certificate.chain.slice(0, chainLength);
        if (certificate.chain[0]) certificate.chain[0].selfSigned = selfSigned;
      })));
      expect(verdict.status).toBe('fail');
      return `${verdict.summary.key}/${adviceKeys(verdict).join()}`;
    };
    expect(failing('DEPTH_ZERO_SELF_SIGNED_CERT', 1, true)).toBe('selfSigned/installTrusted');
    expect(failing('CERT_HAS_EXPIRED', 1, true)).toBe('selfSigned/installTrusted');
    expect(failing('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 1)).toBe('incomplete/sendChain');
    expect(failing('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')).toBe('unknownIssuer/installTrusted');
    expect(failing('SELF_SIGNED_CERT_IN_CHAIN')).toBe('untrustedRoot/installTrusted');
    expect(failing('CERT_HAS_EXPIRED')).toBe('expired/renew');
    expect(failing('CERT_NOT_YET_VALID')).toBe('notYetValid/checkDates');
    expect(failing('CERT_SIGNATURE_FAILURE')).toBe('other/installTrusted');
  });

  it('web.cert.hostname: fails a certificate for other names and lists them', () => {
    const verdict = judge(certHostname, apex(withCert((certificate) => {
      certificate.hostnameMatches = false;
      certificate.hostnameError = "Hostname/IP does not match certificate's altnames";
      if (certificate.chain[0]) certificate.chain[0].subjectAltNames = ['DNS:other.test', 'IP Address:192.0.2.1'];
    })));
    expect(verdict).toMatchObject({ status: 'fail', summary: { params: { names: 'other.test, 192.0.2.1' } }, advice: [{ key: 'fix' }] });
  });

  it('web.cert.hostname: fails a common-name-only certificate even when Node matched the CN', () => {
    const verdict = judge(certHostname, apex(withCert((certificate) => {
      certificate.hostnameMatches = true;
      if (certificate.chain[0]) Object.assign(certificate.chain[0], { subjectAltNames: [], commonName: 'shop.test' });
    })));
    expect(verdict).toMatchObject({ status: 'fail', summary: { key: 'failNoSan', params: { names: 'shop.test' } } });
  });

  describe('web.cert.expiry', () => {
    const leafDates = (notBefore: string, notAfter: string): TlsEvidence =>
      withCert((certificate) => {
        certificate.chain[0] = cert({ notBefore, notAfter });
      });

    it('passes with the days left, warns under 14 days, fails when expired or not yet valid', () => {
      expect(judge(certExpiry, apex(GOOD)).summary).toMatchObject({ key: 'pass', params: { date: '2027-02-21', count: 82 } });
      expect(judge(certExpiry, apex(leafDates('2026-09-01T00:00:00Z', '2026-12-14T12:00:00Z'))).summary).toMatchObject({ key: 'soon', params: { count: 13 } });
      expect(judge(certExpiry, apex(leafDates('2026-09-01T00:00:00Z', '2026-12-15T12:00:00Z'))).status).toBe('pass');
      expect(judge(certExpiry, apex(leafDates('2026-09-01T00:00:00Z', '2026-11-30T00:00:00Z')))).toMatchObject({
        status: 'fail',
        summary: { key: 'expired', params: { date: '2026-11-30' } },
        advice: [{ key: 'renew' }],
      });
      expect(judge(certExpiry, apex(leafDates('2026-12-02T00:00:00Z', '2027-03-01T00:00:00Z'))).summary.key).toBe('notYetValid');
    });

    it('uses the scan clock, not the wall clock', () => {
      expect(judge(certExpiry, apex(GOOD), new Date('2027-03-01T00:00:00Z')).summary.key).toBe('expired');
    });

    it('fails an expired intermediate and warns about one about to expire', () => {
      const intermediate = (notAfter: string): TlsEvidence =>
        withCert((certificate) => {
          if (certificate.chain[1]) certificate.chain[1].notAfter = notAfter;
        });
      expect(judge(certExpiry, apex(intermediate('2026-11-01T00:00:00Z'))).summary).toMatchObject({
        key: 'intermediateExpired',
        params: { name: 'Weerbaar Test Intermediate' },
      });
      expect(judge(certExpiry, apex(intermediate('2026-12-05T00:00:00Z'))).summary.key).toBe('intermediateSoon');
    });
  });

  describe('web.cert.key', () => {
    const leafKey = (overrides: Parameters<typeof cert>[0]): TlsEvidence =>
      withCert((certificate) => {
        certificate.chain[0] = cert(overrides);
      });

    it('passes EC P-256 and Ed25519, warns RSA 2048, fails RSA 1024 and P-224', () => {
      expect(judge(certKey, apex(GOOD)).summary.params?.key).toBe('EC prime256v1');
      expect(judge(certKey, apex(leafKey({ keyType: 'ed25519', keyBits: undefined, curve: undefined }))).status).toBe('pass');
      expect(judge(certKey, apex(WEAK))).toMatchObject({ status: 'warn', advice: [{ key: 'upgrade' }] });
      expect(judge(certKey, apex(WEAK)).summary.params?.keys).toBe('shop.test (RSA 2048-bit)');
      expect(judge(certKey, apex(leafKey({ keyType: 'rsa', keyBits: 1024, curve: undefined })))).toMatchObject({ status: 'fail', advice: [{ key: 'stronger' }] });
      expect(judge(certKey, apex(leafKey({ curve: 'secp224r1', keyBits: 224 }))).status).toBe('fail');
    });

    it('leaves the root out, judges intermediates', () => {
      const root = cert({ commonName: 'Old Root', subject: 'CN=Old Root', keyType: 'rsa', keyBits: 1024, curve: undefined, selfSigned: true, isCA: true });
      expect(judge(certKey, apex(withCert((certificate) => certificate.chain.push(root)))).status).toBe('pass');
      const weakIntermediate = withCert((certificate) => {
        if (certificate.chain[1]) Object.assign(certificate.chain[1], { keyType: 'rsa', keyBits: 2048, curve: undefined });
      });
      expect(judge(certKey, apex(weakIntermediate)).summary.params?.keys).toBe('Weerbaar Test Intermediate (RSA 2048-bit)');
    });
  });

  describe('a self-signed leaf marked as CA (what `openssl req -x509` makes)', () => {
    const selfSignedLeaf = tls(GOOD, (evidence) => {
      const leaf = evidence.certificate?.chain[0];
      if (!evidence.certificate || !leaf) throw new Error('recorded evidence has no leaf');
      Object.assign(leaf, { keyType: 'rsa', keyBits: 1024, curve: undefined, signatureAlgorithm: 'sha1WithRSAEncryption', selfSigned: true, isCA: true });
      evidence.certificate.chain = [leaf];
    });

    it('is still judged: its weak key and SHA-1 signature fail', () => {
      expect(judge(certKey, apex(selfSignedLeaf)).status).toBe('fail');
      expect(judge(certSignature, apex(selfSignedLeaf)).status).toBe('fail');
    });
  });

  describe('web.cert.signature', () => {
    const signed = (leaf: string, intermediate = 'sha256WithRSAEncryption'): TlsEvidence =>
      withCert((certificate) => {
        if (certificate.chain[0]) certificate.chain[0].signatureAlgorithm = leaf;
        if (certificate.chain[1]) certificate.chain[1].signatureAlgorithm = intermediate;
      });

    it('fails SHA-1 and MD5 below the root, warns SHA-224, passes SHA-256 and up', () => {
      const sha1 = judge(certSignature, apex(signed('sha1WithRSAEncryption', 'sha1WithRSAEncryption')));
      expect(sha1).toMatchObject({ status: 'fail', advice: [{ key: 'reissue' }] });
      expect(sha1.summary.params?.certs).toBe('shop.test (sha1WithRSAEncryption), Weerbaar Test Intermediate (sha1WithRSAEncryption)');
      expect(judge(certSignature, apex(signed('md5WithRSAEncryption'))).status).toBe('fail');
      expect(judge(certSignature, apex(signed('ecdsa-with-SHA224'))).status).toBe('warn');
      expect(judge(certSignature, apex(signed('rsassaPss-sha256', 'ED25519'))).status).toBe('pass');
    });

    it("ignores a root's SHA-1 self-signature but not a self-signed leaf's", () => {
      const root = cert({ commonName: 'Old Root', subject: 'CN=Old Root', signatureAlgorithm: 'sha1WithRSAEncryption', selfSigned: true, isCA: true });
      expect(judge(certSignature, apex(withCert((certificate) => certificate.chain.push(root)))).status).toBe('pass');
      const selfSignedLeaf = withCert((certificate) => {
        certificate.chain = [cert({ signatureAlgorithm: 'sha1WithRSAEncryption', selfSigned: true })];
      });
      expect(judge(certSignature, apex(selfSignedLeaf)).status).toBe('fail');
    });
  });
});

it('the recorded evidence is what the checks were written against', () => {
  expect(GOOD.versions).toEqual({ SSLv3: false, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
  expect(WEAK.keyExchange).toMatchObject({ dhBits: 1024, dhGroup: 'custom' });
  expect(NOW.getTime()).toBeLessThan(new Date(GOOD.certificate?.chain[0]?.notAfter ?? 0).getTime());
});
