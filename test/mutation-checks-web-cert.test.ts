/**
 * The web certificate checks' per-host judgements in detail: expiry at the 14-day and
 * zero-day boundaries (leaf and intermediates), names shown for a hostname mismatch,
 * key and signature grades with the names they list, and each trust problem with its
 * advice. test/checks-web-tls.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import { judge as judgeExpiry } from '../src/scan/checks/web/tls/cert-expiry.js';
import { judge as judgeHostname } from '../src/scan/checks/web/tls/cert-hostname.js';
import { describeKey, judge as judgeKey } from '../src/scan/checks/web/tls/cert-key.js';
import { judge as judgeSignature } from '../src/scan/checks/web/tls/cert-signature.js';
import { judge as judgeTrust } from '../src/scan/checks/web/tls/cert-trust.js';
import type { CertInfo, TlsEvidence } from '../src/scan/evidence/index.js';
import { GOOD, cert, tls as vary } from './evidence/tls/builders.js';

const H = 'shop.test';
const DAY = 86_400_000;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const at = (days: number, ms = 0) => new Date(NOW.getTime() + days * DAY + ms).toISOString();

const withChain = (chain: CertInfo[], extra: Partial<NonNullable<TlsEvidence['certificate']>> = {}) =>
  vary(GOOD, (evidence) => {
    evidence.certificate = { ...evidence.certificate!, chain, ...extra };
  });
const leaf = (extra: Partial<CertInfo> = {}) => cert({ notBefore: at(-30), notAfter: at(60), ...extra });
const intermediate = (extra: Partial<CertInfo> = {}) => cert({ subject: 'CN=Mid CA', commonName: 'Mid CA', isCA: true, notBefore: at(-300), notAfter: at(300), ...extra });

describe('web.cert.expiry', () => {
  it('passes with the whole days left and the date', () => {
    expect(judgeExpiry(H, withChain([leaf({ notAfter: at(14, 1) }), intermediate()]), NOW)).toEqual({
      host: H, status: 'pass', summary: { key: 'pass', params: { host: H, count: 14, date: at(14).slice(0, 10) } }, advice: [],
      evidence: { notBefore: at(-30), notAfter: at(14, 1), daysLeft: 14 },
    });
  });

  it('fewer than 14 whole days warns; expiring now or before fails', () => {
    expect(judgeExpiry(H, withChain([leaf({ notAfter: at(14, -1) })]), NOW)).toMatchObject({ status: 'warn', summary: { key: 'soon', params: { count: 13 } }, advice: [{ key: 'renew', params: { host: H } }] });
    expect(judgeExpiry(H, withChain([leaf({ notAfter: at(0, 1) })]), NOW)).toMatchObject({ status: 'warn', summary: { params: { count: 0 } } });
    expect(judgeExpiry(H, withChain([leaf({ notAfter: at(0) })]), NOW)).toMatchObject({ status: 'fail', summary: { key: 'expired', params: { host: H, date: at(0).slice(0, 10) } }, advice: [{ key: 'renew', params: { host: H } }] });
  });

  it('not yet valid fails with its start date, valid from this very moment passes', () => {
    expect(judgeExpiry(H, withChain([leaf({ notBefore: at(0, 1) })]), NOW)).toMatchObject({ status: 'fail', summary: { key: 'notYetValid', params: { date: at(0).slice(0, 10) } }, advice: [{ key: 'checkClock', params: { host: H } }] });
    expect(judgeExpiry(H, withChain([leaf({ notBefore: at(0) })]), NOW).status).toBe('pass');
  });

  it('an expired or soon-expiring intermediate is named; a root is not judged', () => {
    const expired = judgeExpiry(H, withChain([leaf(), intermediate({ notAfter: at(0) })]), NOW);
    expect(expired).toMatchObject({ status: 'fail', summary: { key: 'intermediateExpired', params: { host: H, name: 'Mid CA', date: at(0).slice(0, 10) } }, advice: [{ key: 'updateChain', params: { host: H } }] });
    expect(expired.evidence).toMatchObject({ intermediate: { name: 'Mid CA', date: at(0).slice(0, 10) } });
    const soon = judgeExpiry(H, withChain([leaf(), intermediate({ notAfter: at(14, -1) })]), NOW);
    expect(soon).toMatchObject({ status: 'warn', summary: { key: 'intermediateSoon', params: { name: 'Mid CA' } }, advice: [{ key: 'updateChain' }] });
    expect(judgeExpiry(H, withChain([leaf(), intermediate({ notAfter: at(14) })]), NOW).status).toBe('pass');
    const root = intermediate({ subject: 'CN=Root', commonName: 'Root', selfSigned: true, notAfter: at(-1) });
    expect(judgeExpiry(H, withChain([leaf(), intermediate(), root]), NOW).status).toBe('pass');
    // The leaf's own expiry comes first.
    expect(judgeExpiry(H, withChain([leaf({ notAfter: at(5) }), intermediate({ notAfter: at(-1) })]), NOW).summary.key).toBe('intermediateExpired');
    expect(judgeExpiry(H, withChain([leaf({ notAfter: at(5) }), intermediate({ notAfter: at(6) })]), NOW).summary.key).toBe('soon');
  });
});

describe('web.cert.hostname', () => {
  const names = (subjectAltNames: string[], extra: Partial<CertInfo> = {}, hostnameMatches = false) => judgeHostname(H, withChain([leaf({ subjectAltNames, ...extra })], { hostnameMatches, hostnameError: hostnameMatches ? undefined : 'mismatch' }));

  it('passes a match, with the facts', () => {
    expect(names(['DNS:shop.test'], {}, true)).toEqual({ host: H, status: 'pass', summary: { key: 'pass', params: { host: H } }, advice: [], evidence: { hostnameMatches: true, hostnameError: undefined, names: ['DNS:shop.test'] } });
  });

  it('a mismatch names what the certificate is for: DNS names and IP addresses, at most five', () => {
    expect(names(['DNS:other.test', 'IP Address:192.0.2.1'])).toMatchObject({ status: 'fail', summary: { key: 'fail', params: { host: H, names: 'other.test, 192.0.2.1' } }, advice: [{ key: 'fix', params: { host: H } }] });
    const many = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `DNS:${name}.test`);
    expect(names(many).summary.params?.names).toBe('a.test, b.test, c.test, d.test, e.test, …');
    expect(names(many.slice(0, 5)).summary.params?.names).toBe('a.test, b.test, c.test, d.test, e.test');
  });

  it('no subjectAltName fails even when the common name matches (as in browsers)', () => {
    expect(names([], { commonName: 'shop.test' }, true)).toMatchObject({ status: 'fail', summary: { key: 'failNoSan', params: { names: 'shop.test' } } });
    expect(names(['email:x@shop.test'], { commonName: undefined }, true)).toMatchObject({ status: 'fail', summary: { key: 'failNoSan', params: { names: 'email:x@shop.test' } } });
    expect(names([], { commonName: undefined }, true).summary.params?.names).toBe('-');
  });
});

describe('web.cert.key', () => {
  it('describes keys by type and size or curve', () => {
    expect(describeKey(cert({ keyType: 'rsa', keyBits: 2048 }))).toBe('RSA 2048-bit');
    expect(describeKey(cert({ keyType: 'rsa-pss', keyBits: 3072 }))).toBe('RSA-PSS 3072-bit');
    expect(describeKey(cert({ keyType: 'dsa', keyBits: undefined }))).toBe('DSA ?-bit');
    expect(describeKey(cert({ keyType: 'ec', curve: 'secp384r1' }))).toBe('EC secp384r1');
    expect(describeKey(cert({ keyType: 'ec', curve: undefined }))).toBe('EC ?');
    expect(describeKey(cert({ keyType: 'ed25519' }))).toBe('Ed25519');
    expect(describeKey(cert({ keyType: 'ed448' }))).toBe('Ed448');
    expect(describeKey(cert({ keyType: 'x25519' }))).toBe('x25519');
  });

  it('passes strong keys naming the leaf key; warns RSA 2048 to 3071; fails weaker, listing each', () => {
    expect(judgeKey(H, withChain([leaf(), intermediate({ keyType: 'rsa', keyBits: 4096 })]))).toEqual({
      host: H, status: 'pass', summary: { key: 'pass', params: { host: H, key: 'EC prime256v1' } }, advice: [],
      evidence: { keys: [{ name: 'shop.test', key: 'EC prime256v1', grade: 'good' }, { name: 'Mid CA', key: 'RSA 4096-bit', grade: 'good' }] },
    });
    expect(judgeKey(H, withChain([leaf({ keyType: 'rsa', keyBits: 2048 }), intermediate({ keyType: 'rsa', keyBits: 3071 })]))).toMatchObject({
      status: 'warn', summary: { key: 'warn', params: { keys: 'shop.test (RSA 2048-bit), Mid CA (RSA 3071-bit)' } }, advice: [{ key: 'upgrade', params: { host: H } }],
    });
    expect(judgeKey(H, withChain([leaf({ keyType: 'rsa', keyBits: 2047 }), intermediate({ keyType: 'rsa', keyBits: 2048 })]))).toMatchObject({
      status: 'fail', summary: { key: 'fail', params: { keys: 'shop.test (RSA 2047-bit)' } }, advice: [{ key: 'stronger', params: { host: H } }],
    });
    // A weak root is the root's business, not the site's.
    const root = intermediate({ subject: 'CN=Root', commonName: 'Root', selfSigned: true, keyType: 'rsa', keyBits: 1024 });
    expect(judgeKey(H, withChain([leaf(), root])).status).toBe('pass');
  });
});

describe('web.cert.signature', () => {
  it('passes, naming the leaf algorithm; SHA-1 or MD5 below the root fails; SHA-224 or unknown warns', () => {
    expect(judgeSignature(H, withChain([leaf({ signatureAlgorithm: 'sha384WithRSAEncryption' }), intermediate()]))).toEqual({
      host: H, status: 'pass', summary: { key: 'pass', params: { host: H, algorithm: 'sha384WithRSAEncryption' } }, advice: [],
      evidence: { signatures: [{ name: 'shop.test', algorithm: 'sha384WithRSAEncryption', grade: 'good' }, { name: 'Mid CA', algorithm: 'ecdsa-with-SHA256', grade: 'good' }] },
    });
    expect(judgeSignature(H, withChain([leaf(), intermediate({ signatureAlgorithm: 'sha1WithRSAEncryption' })]))).toMatchObject({
      status: 'fail', summary: { key: 'fail', params: { certs: 'Mid CA (sha1WithRSAEncryption)' } }, advice: [{ key: 'reissue', params: { host: H } }],
    });
    expect(judgeSignature(H, withChain([leaf({ signatureAlgorithm: 'sha224WithRSAEncryption' })]))).toMatchObject({
      status: 'warn', summary: { key: 'warn', params: { certs: 'shop.test (sha224WithRSAEncryption)' } }, advice: [{ key: 'reissue', params: { host: H } }],
    });
    const root = intermediate({ subject: 'CN=Root', commonName: 'Root', selfSigned: true, signatureAlgorithm: 'md5WithRSAEncryption' });
    expect(judgeSignature(H, withChain([leaf(), root])).status).toBe('pass');
  });
});

describe('web.cert.trust', () => {
  const untrusted = (trustError: string | undefined, chain: CertInfo[] = [leaf(), intermediate()]) => judgeTrust(H, withChain(chain, { trusted: false, trustError }));

  it('passes, naming the issuer common name, or the whole issuer without one', () => {
    expect(judgeTrust(H, withChain([leaf({ issuer: 'C=NL, O=Test, CN=Test CA, OU=x' })]))).toEqual({
      host: H, status: 'pass', summary: { key: 'pass', params: { host: H, issuer: 'Test CA' } }, advice: [], evidence: { trusted: true, trustError: undefined, chain: ['CN=shop.test'] },
    });
    expect(judgeTrust(H, withChain([leaf({ issuer: 'CN=First CA, O=Org' })])).summary.params?.issuer).toBe('First CA');
    expect(judgeTrust(H, withChain([leaf({ issuer: 'O=No Common Name' })])).summary.params?.issuer).toBe('O=No Common Name');
    expect(judgeTrust(H, withChain([leaf({ issuer: 'O=x, XCN=y' })])).summary.params?.issuer).toBe('O=x, XCN=y');
  });

  it('names each OpenSSL problem with its advice', () => {
    const cases: [string, string, string][] = [
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'selfSigned', 'installTrusted'],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'untrustedRoot', 'installTrusted'],
      ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unknownIssuer', 'installTrusted'],
      ['UNABLE_TO_GET_ISSUER_CERT', 'unknownIssuer', 'installTrusted'],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unknownIssuer', 'installTrusted'],
      ['CERT_HAS_EXPIRED', 'expired', 'renew'],
      ['CERT_NOT_YET_VALID', 'notYetValid', 'checkDates'],
      ['CERT_REVOKED', 'revoked', 'installTrusted'],
      ['SOMETHING_ELSE', 'other', 'installTrusted'],
    ];
    for (const [code, key, advice] of cases) {
      expect(untrusted(code), code).toMatchObject({ status: 'fail', summary: { key, params: { host: H, reason: code } }, advice: [{ key: advice, params: { host: H } }] });
    }
    expect(untrusted(undefined)).toMatchObject({ summary: { key: 'other', params: { reason: 'unknown' } } });
  });

  it('a chain of only the leaf: a missing issuer means the chain is incomplete; a self-signed leaf alone is self-signed', () => {
    for (const code of ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']) {
      expect(untrusted(code, [leaf()]), code).toMatchObject({ summary: { key: 'incomplete' }, advice: [{ key: 'sendChain', params: { host: H } }] });
    }
    expect(untrusted('CERT_HAS_EXPIRED', [leaf({ selfSigned: true })]).summary.key).toBe('selfSigned');
    expect(untrusted('CERT_HAS_EXPIRED', [leaf({ selfSigned: true }), intermediate()]).summary.key).toBe('expired');
    expect(untrusted('x', [leaf(), intermediate()]).evidence).toEqual({ trusted: false, trustError: 'x', chain: ['CN=shop.test', 'CN=Mid CA'] });
  });
});
