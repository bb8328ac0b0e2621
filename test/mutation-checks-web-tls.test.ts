/**
 * The web TLS protocol checks' per-host judgements in detail (version, ciphers, cipher
 * order, key exchange, renegotiation) and their shared plumbing: each verdict's
 * parameters, advice and facts, on recorded evidence varied one fact at a time.
 * test/checks-web-tls.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import { judge as judgeCipherOrder } from '../src/scan/checks/web/tls/cipher-order.js';
import { judge as judgeCiphers } from '../src/scan/checks/web/tls/ciphers.js';
import { belowRoot, certName, certificateOf } from '../src/scan/checks/web/tls/hosts.js';
import { judge as judgeKeyExchange } from '../src/scan/checks/web/tls/key-exchange.js';
import { judge as judgeRenegotiation, tlsRenegotiation } from '../src/scan/checks/web/tls/renegotiation.js';
import { judge as judgeVersion, tlsVersion } from '../src/scan/checks/web/tls/version.js';
import type { TlsEvidence } from '../src/scan/evidence/index.js';
import { GOOD, NOW, cert, host, scan, tls as vary } from './evidence/tls/builders.js';

const H = 'shop.test';
/** sslv2: null leaves it out of the evidence (not tested). */
const versions = (on: Partial<TlsEvidence['versions']>, sslv2: boolean | null = false) =>
  vary(GOOD, (evidence) => {
    evidence.versions = { SSLv3: false, TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false, ...on };
    if (sslv2 === null) delete evidence.sslv2;
    else evidence.sslv2 = sslv2;
  });

describe('web.tls.version', () => {
  it('passes 1.2 + 1.3, listing them; 1.2 alone passes with the advice to add 1.3', () => {
    expect(judgeVersion(H, GOOD)).toEqual({ host: H, status: 'pass', summary: { key: 'pass', params: { host: H, versions: 'TLS 1.2, TLS 1.3' } }, advice: [], evidence: { accepted: ['TLS 1.2', 'TLS 1.3'], untested: [] } });
    expect(judgeVersion(H, versions({ 'TLSv1.2': true }))).toEqual({
      host: H, status: 'pass', summary: { key: 'passNo13', params: { host: H } }, advice: [{ key: 'enable13', params: { host: H } }], evidence: { accepted: ['TLS 1.2'], untested: [] },
    });
  });

  it('fails every old version it accepts, SSLv2 included, naming them', () => {
    const old = judgeVersion(H, versions({ SSLv3: true, TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true }, true));
    expect(old.status).toBe('fail');
    expect(old.summary).toEqual({ key: 'fail', params: { host: H, old: 'SSLv2, SSLv3, TLS 1.0, TLS 1.1' } });
    expect(old.advice).toEqual([{ key: 'disableOld', params: { host: H, old: 'SSLv2, SSLv3, TLS 1.0, TLS 1.1' } }, { key: 'enable13', params: { host: H } }]);
    const withModern = judgeVersion(H, versions({ 'TLSv1.1': true, 'TLSv1.3': true }));
    expect(withModern.advice).toEqual([{ key: 'disableOld', params: { host: H, old: 'TLS 1.1' } }]);
  });

  it('an old version it could not test is no pass; an untested modern one is only listed', () => {
    const unknown = judgeVersion(H, versions({ TLSv1: null, 'TLSv1.2': true, 'TLSv1.3': true }, null));
    expect(unknown).toEqual({
      host: H, status: 'error', summary: { key: 'untestedOld', params: { host: H, versions: 'TLS 1.2, TLS 1.3', untested: 'SSLv2, TLS 1.0' } }, advice: [], evidence: { accepted: ['TLS 1.2', 'TLS 1.3'], untested: ['SSLv2', 'TLS 1.0'] },
    });
    const modernUnknown = judgeVersion(H, versions({ 'TLSv1.2': true, 'TLSv1.3': null }));
    expect(modernUnknown).toMatchObject({ status: 'pass', summary: { key: 'passNo13' }, evidence: { untested: ['TLS 1.3'] } });
  });
});

describe('the TLS plumbing', () => {
  it('skips a host without TLS evidence, reports a failed probe, and no HTTPS at all as skip', () => {
    expect(tlsVersion.run(scan(host(H, 'apex')), { now: NOW })).toEqual({ status: 'skip', summary: { key: 'noTls' }, advice: [], evidence: {} });
    expect(tlsVersion.run({ target: H, collectedAt: '' }, { now: NOW })).toEqual({ status: 'error', summary: { key: 'noWeb' }, advice: [], evidence: {} });
    const failed = vary(GOOD, (evidence) => { evidence.error = 'timeout'; });
    expect(tlsVersion.run(scan(host(H, 'apex', failed)), { now: NOW }).summary).toEqual({ key: 'probeFailed', params: { host: H, reason: 'timeout' } });
    const closed = host(H, 'apex', failed, { https: { hops: [{ url: `https://${H}/`, error: { kind: 'connect', message: 'refused' } }] } as never });
    expect(tlsVersion.run(scan(closed), { now: NOW }).summary).toEqual({ key: 'noHttpsHost', params: { host: H } });
    const answeredOnce = host(H, 'apex', failed, { https: { hops: [{ url: `https://${H}/`, status: 200, error: { kind: 'connect', message: 'x' } }] } as never });
    expect(tlsVersion.run(scan(answeredOnce), { now: NOW }).summary.key).toBe('probeFailed');
    const otherError = host(H, 'apex', failed, { https: { hops: [{ url: `https://${H}/`, error: { kind: 'tls', message: 'x' } }] } as never });
    expect(tlsVersion.run(scan(otherError), { now: NOW }).summary.key).toBe('probeFailed');
  });

  it('certificateOf: the certificate, or why there is none', () => {
    expect(certificateOf(H, GOOD)).toBe(GOOD.certificate);
    const none = vary(GOOD, (evidence) => {
      delete evidence.certificate;
      evidence.untested = [{ what: 'Certificate', why: 'no handshake' }];
      evidence.handshake.error = 'alert';
    });
    expect(certificateOf(H, none)).toEqual({ host: H, status: 'error', summary: { key: 'noCertificate', params: { host: H, reason: 'no handshake' } }, advice: [], evidence: {} });
    const empty = vary(none, (evidence) => {
      evidence.certificate = { ...GOOD.certificate!, chain: [] };
      evidence.untested = [];
    });
    expect(certificateOf(H, empty)).toMatchObject({ summary: { params: { reason: 'alert' } } });
    expect(certificateOf(H, vary(empty, (evidence) => { delete evidence.handshake.error; }))).toMatchObject({ summary: { params: { reason: 'no handshake completed' } } });
  });

  it('belowRoot leaves out a self-signed CA, except as the leaf; certName prefers the common name', () => {
    const leaf = cert({ selfSigned: true, isCA: true, subject: 'CN=leaf' });
    const root = cert({ selfSigned: true, isCA: true, subject: 'CN=root' });
    const selfSignedNonCa = cert({ selfSigned: true, isCA: false, subject: 'CN=odd' });
    const intermediate = cert({ selfSigned: false, isCA: true, subject: 'CN=mid' });
    expect(belowRoot([leaf, intermediate, selfSignedNonCa, root]).map((c) => c.subject)).toEqual(['CN=leaf', 'CN=mid', 'CN=odd']);
    expect(certName({ commonName: 'shop.test', subject: 'CN=shop.test, O=Shop' })).toBe('shop.test');
    expect(certName({ subject: 'O=Shop' })).toBe('O=Shop');
  });
});

describe('web.tls.ciphers', () => {
  const withSuites = (suites: string[]) => vary(GOOD, (evidence) => {
    evidence.ciphers = suites.map((iana) => ({ iana, version: 'TLSv1.2' }) as TlsEvidence['ciphers'][number]);
  });

  it('passes, counting each suite once', () => {
    const result = judgeCiphers(H, withSuites(['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256']));
    expect(result).toEqual({ host: H, status: 'pass', summary: { key: 'pass', params: { host: H, count: 2 } }, advice: [], evidence: { accepted: ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256'], insufficient: [], phaseOut: [] } });
  });

  it('groups insufficient suites under their most serious weakness, in a fixed order, then phase-out, then where', () => {
    const suites = ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_NULL_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'];
    const result = judgeCiphers(H, withSuites(suites));
    expect(result.status).toBe('fail');
    expect(result.summary.params?.count).toBe((result.evidence.insufficient as string[]).length);
    const keys = result.advice.map((ref) => ref.key);
    expect(keys.at(-1)).toBe('where');
    expect(keys.indexOf('offNull')).toBeLessThan(keys.indexOf('offRc4'));
    expect(keys.indexOf('offRc4')).toBeLessThan(keys.indexOf('offOldCipher'));
    expect(keys.indexOf('offOldCipher')).toBeLessThan(keys.indexOf('offStaticKx'));
    expect(result.advice.find((ref) => ref.key === 'offNull')?.params).toEqual({ host: H, suites: 'TLS_RSA_WITH_NULL_SHA' });
    expect(result.advice.find((ref) => ref.key === 'offStaticKx')?.params?.suites).toContain('TLS_RSA_WITH_AES_128_GCM_SHA256');
    expect(result.evidence).toMatchObject({ phaseOut: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'] });
    expect(result.advice.find((ref) => ref.key === 'offPhaseOut')?.params).toEqual({ host: H, suites: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256' });
    expect(keys.indexOf('offSha1Cbc')).toBeLessThan(keys.indexOf('offPhaseOut'));
  });

  it('phase-out suites alone warn, with their count, the advice and where', () => {
    const good = judgeCiphers(H, GOOD);
    expect(good.status).toBe('pass');
    const phaseOut = withSuites(['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384']);
    const result = judgeCiphers(H, phaseOut);
    expect(result).toMatchObject({ status: 'warn', summary: { key: 'warn', params: { host: H, count: 1 } }, evidence: { insufficient: [], phaseOut: ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'] } });
    expect(result.advice.map((ref) => ref.key)).toEqual(['offPhaseOut', 'where']);
  });
});

describe('web.tls.cipher-order', () => {
  it('only TLS 1.3: pass without judging an order', () => {
    expect(judgeCipherOrder(H, versions({ 'TLSv1.3': true }))).toEqual({ host: H, status: 'pass', summary: { key: 'onlyTls13', params: { host: H } }, advice: [], evidence: {} });
  });

  it('judges the highest version below 1.3 and records what the server does', () => {
    const result = judgeCipherOrder(H, GOOD);
    // GOOD offers no phase-out suite: no order to praise, whoever chooses.
    expect(result.summary).toEqual({ key: 'noPhaseOut', params: { host: H, version: 'TLS 1.2' } });
    expect(result.evidence).toEqual({ version: 'TLS 1.2', serverEnforced: true, preferred: GOOD.cipherOrder['TLSv1.2']?.preferred, result: 'no-phase-out' });
    const onlyGood = vary(GOOD, (evidence) => {
      // No suite recorded for TLS 1.2 besides TLS 1.3's good ones: nothing to order.
      evidence.ciphers = [{ iana: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3' }, { iana: 'TLS_RSA_WITH_NULL_SHA', version: 'TLSv1.3' }] as TlsEvidence['ciphers'];
    });
    expect(judgeCipherOrder(H, onlyGood)).toMatchObject({ status: 'pass', summary: { key: 'onlyGood', params: { host: H, version: 'TLS 1.2' } }, evidence: { result: 'not-applicable' } });
    const tls11 = vary(versions({ TLSv1: true, 'TLSv1.1': true, 'TLSv1.3': true }), (evidence) => { evidence.cipherOrder = {}; });
    expect(judgeCipherOrder(H, tls11).evidence).toMatchObject({ version: 'TLS 1.1' });
  });

  it('a phase-out suite preferred: badOrder when the server chooses, clientOrder when the client does', () => {
    const mixed = (serverEnforced: boolean | null, preferred: string[]) => vary(GOOD, (evidence) => {
      evidence.versions = { ...evidence.versions, TLSv1: true };
      evidence.ciphers = [
        { iana: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', version: 'TLSv1.2' },
        { iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', version: 'TLSv1.2' },
        { iana: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', version: 'TLSv1' },
      ] as TlsEvidence['ciphers'];
      evidence.cipherOrder = { 'TLSv1.2': { serverEnforced, preferred } };
    });
    const bad = judgeCipherOrder(H, mixed(true, ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']));
    expect(bad.summary).toEqual({ key: 'badOrder', params: { host: H, version: 'TLS 1.2', chosen: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', expected: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' } });
    expect(bad.advice).toEqual([{ key: 'fixOrder', params: { host: H } }]);
    expect(bad.evidence).toMatchObject({ version: 'TLS 1.2', result: 'bad', chosen: bad.summary.params?.chosen, expected: bad.summary.params?.expected });
    const client = judgeCipherOrder(H, mixed(false, ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']));
    expect(client).toMatchObject({ status: 'fail', summary: { key: 'clientOrder' }, advice: [{ key: 'enforceOrder', params: { host: H } }] });
    const good = judgeCipherOrder(H, mixed(true, ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256']));
    expect(good).toMatchObject({ status: 'pass', summary: { key: 'pass', params: { host: H, version: 'TLS 1.2' } } });
    const unknown = judgeCipherOrder(H, mixed(null, []));
    expect(unknown).toMatchObject({ status: 'info', summary: { key: 'unknown', params: { host: H, version: 'TLS 1.2' } } });
    const noOrder = vary(mixed(true, []), (evidence) => { evidence.cipherOrder = {}; });
    expect(judgeCipherOrder(H, noOrder).evidence).toMatchObject({ serverEnforced: null, preferred: [] });
  });
});

describe('web.tls.key-exchange', () => {
  const kx = (keyExchange: TlsEvidence['keyExchange']) => judgeKeyExchange(H, vary(GOOD, (evidence) => { evidence.keyExchange = keyExchange; }));

  it('passes good groups, naming them; with a probe error, passes partially', () => {
    expect(kx({ groups: ['X25519', 'prime256v1'] })).toEqual({
      host: H, status: 'pass', summary: { key: 'pass', params: { host: H, groups: 'X25519, prime256v1' } }, advice: [],
      evidence: { groups: ['X25519', 'prime256v1'], dhBits: undefined, dhGroup: undefined, weakGroups: [], phaseOutGroups: [], dhGrade: undefined },
    });
    expect(kx({ groups: ['X25519'], error: 'DHE not tested' }).summary).toEqual({ key: 'passPartial', params: { host: H, groups: 'X25519', reason: 'DHE not tested' } });
  });

  it('fails an RFC 7919 2048-bit or home-made DH group, naming it', () => {
    const ffdhe2048 = kx({ groups: ['X25519'], dhBits: 2048, dhGroup: 'ffdhe2048' });
    expect(ffdhe2048).toMatchObject({ status: 'fail', summary: { key: 'fail', params: { what: 'DHE ffdhe2048' } }, advice: [{ key: 'fixDh', params: { host: H, dh: 'ffdhe2048' } }] });
    const custom = kx({ groups: [], dhBits: 1024, dhGroup: 'custom' });
    expect(custom).toMatchObject({ status: 'fail', summary: { params: { what: 'DHE 1024-bit' } }, advice: [{ key: 'fixDh', params: { dh: '1024-bit' } }] });
    expect(kx({ groups: [], dhBits: 1024 }).advice).toEqual([{ key: 'fixDh', params: { host: H, dh: '1024-bit' } }]);
  });

  it('ffdhe3072 and up are phase-out: a warning with the advice', () => {
    const result = kx({ groups: ['X25519'], dhBits: 3072, dhGroup: 'ffdhe3072' });
    expect(result).toMatchObject({ status: 'warn', summary: { key: 'warn', params: { host: H, what: 'DHE ffdhe3072' } }, advice: [{ key: 'phaseOutDh', params: { host: H, dh: 'ffdhe3072' } }] });
    expect(result.evidence).toMatchObject({ dhBits: 3072, dhGroup: 'ffdhe3072', dhGrade: 'phase-out' });
  });

  it('nothing ephemeral: information, or an error when the probe failed', () => {
    expect(kx({ groups: [] })).toMatchObject({ status: 'info', summary: { key: 'noEphemeral', params: { host: H } }, advice: [] });
    expect(kx({ groups: [], error: 'reset' })).toMatchObject({ status: 'error', summary: { key: 'error', params: { host: H, reason: 'reset' } } });
  });
});

describe('web.tls.renegotiation', () => {
  const reneg = (renegotiation: TlsEvidence['renegotiation'], on: Partial<TlsEvidence['versions']> = { 'TLSv1.2': true, 'TLSv1.3': true }) =>
    judgeRenegotiation(H, vary(versions(on), (evidence) => { evidence.renegotiation = renegotiation; }));

  it('only TLS 1.3: nothing to renegotiate', () => {
    expect(reneg({ secure: false, clientInitiated: true }, { 'TLSv1.3': true })).toEqual({ host: H, status: 'pass', summary: { key: 'onlyTls13', params: { host: H } }, advice: [], evidence: { secure: false, clientInitiated: true } });
  });

  it('any version below 1.3 counts: SSLv3, 1.0, 1.1 or 1.2', () => {
    for (const version of ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] as const) {
      expect(reneg({ secure: false, clientInitiated: false }, { [version]: true }).status, version).toBe('fail');
    }
  });

  it('insecure fails, client-initiated warns, unknown is information, partial passes with the reason', () => {
    expect(reneg({ secure: false, clientInitiated: true })).toMatchObject({ status: 'fail', summary: { key: 'insecure' }, advice: [{ key: 'fixInsecure', params: { host: H } }] });
    expect(reneg({ secure: true, clientInitiated: true })).toMatchObject({ status: 'warn', summary: { key: 'clientInitiated' }, advice: [{ key: 'fixClientInitiated', params: { host: H } }] });
    expect(reneg({ secure: null, clientInitiated: false })).toMatchObject({ status: 'info', summary: { key: 'unknown' } });
    expect(reneg({ secure: true, clientInitiated: null, error: 'closed' })).toEqual({ host: H, status: 'pass', summary: { key: 'passPartial', params: { host: H, reason: 'closed' } }, advice: [], evidence: { secure: true, clientInitiated: null, error: 'closed' } });
    expect(reneg({ secure: true, clientInitiated: null }).summary.params?.reason).toBe('not determined');
    expect(reneg({ secure: true, clientInitiated: false })).toMatchObject({ status: 'pass', summary: { key: 'pass' }, advice: [] });
    expect(tlsRenegotiation.run(scan(host(H, 'apex', GOOD)), { now: NOW }).status).toBe('pass');
  });
});
