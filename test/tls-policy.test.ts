/** The pure TLS policy tables (src/scan/tls-policy.ts), shared by web and (later) mail checks. */
import { describe, expect, it } from 'vitest';
import { LEGACY_SUITES, TLS13_SUITES } from '../src/scan/collect/tls/suites.js';
import {
  certKeyGrade,
  cipherOrderResult,
  dhGrade,
  ecGroupGrade,
  signatureGrade,
  signatureHash,
  suiteGrade,
  suiteWeaknesses,
  versionGrade,
  worstGrade,
} from '../src/scan/tls-policy.js';

describe('tls-policy', () => {
  it('grades versions: 1.3 good, 1.2 sufficient, the rest insufficient', () => {
    expect(['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3', 'SSLv2'].map((version) => versionGrade(version as 'TLSv1'))).toEqual([
      'good',
      'sufficient',
      'insufficient',
      'insufficient',
      'insufficient',
      'insufficient',
    ]);
  });

  it('grades suites as internet.nl does', () => {
    expect(suiteGrade('TLS_AES_256_GCM_SHA384')).toBe('good');
    expect(suiteGrade('TLS_CHACHA20_POLY1305_SHA256')).toBe('good');
    expect(suiteGrade('TLS_AES_128_GCM_SHA256')).toBe('sufficient');
    expect(suiteGrade('TLS_AES_128_CCM_8_SHA256')).toBe('insufficient');
    expect(suiteGrade('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toBe('sufficient');
    expect(suiteGrade('TLS_ECDHE_ECDSA_WITH_AES_256_CCM')).toBe('sufficient');
    expect(suiteGrade('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384')).toBe('phase-out');
    expect(suiteGrade('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')).toBe('phase-out');
    expect(suiteGrade('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA')).toBe('insufficient');
    expect(suiteGrade('TLS_DHE_DSS_WITH_AES_256_GCM_SHA384')).toBe('insufficient');
  });

  it('fails every RC4, 3DES, NULL, EXPORT, anonymous and static-RSA suite the prober knows', () => {
    const forbidden = /RC4|3DES|_NULL_|EXPORT|_anon_|^TLS_RSA_WITH/;
    const matching = [...LEGACY_SUITES, ...TLS13_SUITES].filter((suite) => forbidden.test(suite.iana));
    expect(matching.length).toBeGreaterThan(40);
    for (const suite of matching) expect(suiteGrade(suite.iana), suite.iana).toBe('insufficient');
  });

  it('says why a suite is insufficient, most serious first', () => {
    expect(suiteWeaknesses('TLS_RSA_WITH_3DES_EDE_CBC_SHA')).toEqual(['3des', 'static-rsa']);
    expect(suiteWeaknesses('TLS_RSA_EXPORT_WITH_RC4_40_MD5')).toEqual(['export', 'rc4', 'static-rsa', 'md5']);
    expect(suiteWeaknesses('TLS_ECDH_anon_WITH_NULL_SHA')).toEqual(['no-encryption', 'anonymous']);
    expect(suiteWeaknesses('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA')).toEqual(['sha1-cbc']);
    expect(suiteWeaknesses('TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256')).toEqual(['static-dh']);
    expect(suiteWeaknesses('TLS_AES_128_CCM_8_SHA256')).toEqual(['short-tag']);
    expect(suiteWeaknesses('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toEqual([]);
  });

  describe('cipher order (internet.nl test_cipher_order)', () => {
    const sufficient = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
    const phaseOut = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256';
    const bad = 'TLS_RSA_WITH_AES_128_CBC_SHA';

    it('is good when the server ranks every better suite above every phase-out one', () => {
      expect(cipherOrderResult({ accepted: [sufficient, phaseOut, bad], serverEnforced: true, preferred: [sufficient, phaseOut, bad] })).toEqual({ status: 'good' });
      // Insufficient suites are the cipher check's business, not the order's.
      expect(cipherOrderResult({ accepted: [sufficient, phaseOut, bad], serverEnforced: true, preferred: [bad, sufficient, phaseOut] })).toEqual({ status: 'good' });
    });

    it('is bad when a phase-out suite comes first, or the client decides', () => {
      expect(cipherOrderResult({ accepted: [sufficient, phaseOut], serverEnforced: true, preferred: [phaseOut, sufficient] })).toEqual({
        status: 'bad',
        chosen: phaseOut,
        expected: sufficient,
      });
      expect(cipherOrderResult({ accepted: [sufficient, phaseOut], serverEnforced: false, preferred: [] }).status).toBe('bad');
    });

    it('needs no order without phase-out suites, and says so when enforcement is unknown', () => {
      // Not 'good': that state says the server prefers its better suites, and here the client chooses.
      expect(cipherOrderResult({ accepted: [sufficient, bad], serverEnforced: false, preferred: [] })).toEqual({ status: 'no-phase-out' });
      expect(cipherOrderResult({ accepted: [sufficient], serverEnforced: true, preferred: [sufficient] })).toEqual({ status: 'no-phase-out' });
      expect(cipherOrderResult({ accepted: [phaseOut, bad], serverEnforced: false, preferred: [] })).toEqual({ status: 'no-better' });
      expect(cipherOrderResult({ accepted: [bad], serverEnforced: true, preferred: [bad] })).toEqual({ status: 'no-better' });
      expect(cipherOrderResult({ accepted: ['TLS_AES_256_GCM_SHA384'], serverEnforced: null, preferred: [] })).toEqual({ status: 'not-applicable' });
      expect(cipherOrderResult({ accepted: [sufficient, phaseOut], serverEnforced: null, preferred: [] })).toEqual({ status: 'unknown' });
    });
  });

  it('grades ECDHE groups and DHE groups', () => {
    expect(['X25519', 'x25519', 'prime256v1', 'secp256r1', 'secp384r1', 'secp521r1', 'X448', 'brainpoolP256r1'].map(ecGroupGrade)).toEqual(Array(8).fill('good'));
    expect(ecGroupGrade('secp224r1')).toBe('phase-out');
    expect(ecGroupGrade('prime192v1')).toBe('insufficient');
    expect(ecGroupGrade('sect163k1')).toBe('insufficient');
    expect(dhGrade({ bits: 1024, group: 'custom' })).toBe('insufficient');
    expect(dhGrade({ bits: 2048, group: 'ffdhe2048' })).toBe('insufficient');
    expect(dhGrade({ bits: 4096, group: 'custom' })).toBe('insufficient');
    expect(dhGrade({ bits: 3072, group: 'ffdhe3072' })).toBe('phase-out');
    expect(dhGrade({ bits: 4096 })).toBe('phase-out');
    expect(dhGrade({ bits: 2048 })).toBe('insufficient');
  });

  it('grades certificate keys', () => {
    expect(certKeyGrade({ keyType: 'rsa', keyBits: 4096 })).toBe('good');
    expect(certKeyGrade({ keyType: 'rsa', keyBits: 3072 })).toBe('good');
    expect(certKeyGrade({ keyType: 'rsa', keyBits: 2048 })).toBe('phase-out');
    expect(certKeyGrade({ keyType: 'rsa', keyBits: 1024 })).toBe('insufficient');
    expect(certKeyGrade({ keyType: 'ec', curve: 'prime256v1' })).toBe('good');
    expect(certKeyGrade({ keyType: 'ec', curve: 'secp224r1' })).toBe('insufficient');
    expect(certKeyGrade({ keyType: 'ed25519' })).toBe('good');
    expect(certKeyGrade({ keyType: 'dsa', keyBits: 2048 })).toBe('insufficient');
  });

  it('grades signature algorithms by their hash', () => {
    expect(signatureHash('sha256WithRSAEncryption')).toBe('sha256');
    expect(signatureHash('ecdsa-with-SHA384')).toBe('sha384');
    expect(signatureHash('rsassaPss-sha512')).toBe('sha512');
    expect(signatureHash('dsa-with-SHA1')).toBe('sha1');
    expect(['sha1WithRSAEncryption', 'md5WithRSAEncryption', 'md2WithRSAEncryption', 'ecdsa-with-SHA1'].map(signatureGrade)).toEqual(Array(4).fill('insufficient'));
    expect(signatureGrade('sha224WithRSAEncryption')).toBe('phase-out');
    expect(signatureGrade('1.2.3.4')).toBe('phase-out');
    expect(['ED25519', 'ED448', 'ecdsa-with-SHA256', 'sha512WithRSAEncryption'].map(signatureGrade)).toEqual(Array(4).fill('good'));
  });

  it('finds the worst grade', () => {
    expect(worstGrade([])).toBe('good');
    expect(worstGrade(['good', 'phase-out', 'sufficient'])).toBe('phase-out');
  });
});
