/**
 * The prober's building blocks without a network: the hand-built ClientHello, the
 * flight parser (fragmented records, warnings, garbage), DH group recognition, the
 * enumeration algorithm against simulated server policies, and certificate facts.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { certInfo, signatureAlgorithmName } from '../src/scan/collect/tls/cert-info.js';
import { AttemptError } from '../src/scan/collect/tls/connection.js';
import { enumerateSuites, type Picker } from '../src/scan/collect/tls/enumerate.js';
import { identifyDhGroup, primeBits } from '../src/scan/collect/tls/groups.js';
import { FlightReader, RAW_VERSIONS, buildClientHello, buildSslv2Hello } from '../src/scan/collect/tls/raw-hello.js';
import { LEGACY_SUITES, suiteByCode, suiteByName, type SuiteInfo } from '../src/scan/collect/tls/suites.js';

function extensionsOf(hello: Buffer): number[] {
  const body = hello.subarray(9);
  let offset = 34;
  offset += 1 + (body[offset] ?? 0);
  offset += 2 + body.readUInt16BE(offset);
  offset += 1 + (body[offset] ?? 0);
  const types: number[] = [];
  if (offset >= body.length) return types;
  const end = offset + 2 + body.readUInt16BE(offset);
  offset += 2;
  while (offset < end) {
    types.push(body.readUInt16BE(offset));
    offset += 4 + body.readUInt16BE(offset + 2);
  }
  return types;
}

function record(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type, 3, 3, body.length >> 8, body.length & 0xff]), body]);
}

function handshake(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type, 0, body.length >> 8, body.length & 0xff]), body]);
}

const serverHello = (suite: number, extensions = Buffer.alloc(0)): Buffer =>
  handshake(2, Buffer.concat([Buffer.from([3, 3]), Buffer.alloc(32), Buffer.from([0, suite >> 8, suite & 0xff, 0]), extensions.length ? Buffer.concat([Buffer.from([0, extensions.length]), extensions]) : Buffer.alloc(0)]));

describe('ClientHello', () => {
  it('carries SNI, groups, point formats, signature algorithms (TLS 1.2), EMS and renegotiation_info', () => {
    const hello = buildClientHello({ version: RAW_VERSIONS['TLSv1.2'], suites: [0xc02f], serverName: 'shop.test', groups: [29, 23] });
    expect(hello[0]).toBe(22);
    expect(hello.readUInt16BE(3)).toBe(hello.length - 5);
    expect(hello.subarray(9, 11).readUInt16BE()).toBe(0x0303);
    expect(extensionsOf(hello)).toEqual([0x0000, 0x000a, 0x000b, 0x000d, 0x0017, 0xff01]);
  });

  it('leaves out SNI for IP addresses and signature algorithms before TLS 1.2', () => {
    const hello = buildClientHello({ version: RAW_VERSIONS.TLSv1, suites: [0x002f], serverName: '192.0.2.1', groups: [23] });
    expect(extensionsOf(hello)).toEqual([0x000a, 0x000b, 0x0017, 0xff01]);
  });

  it('pads hellos of 256-511 bytes to 512, and sends SSLv3 hellos without extensions but with the SCSV', () => {
    const suites = LEGACY_SUITES.slice(0, 90).map((suite) => suite.code);
    const hello = buildClientHello({ version: RAW_VERSIONS['TLSv1.2'], suites, serverName: 'shop.test', groups: [29] });
    expect(hello.length - 5).toBeGreaterThanOrEqual(512);
    expect(extensionsOf(hello)).toContain(0x0015);
    const sslv3 = buildClientHello({ version: RAW_VERSIONS.SSLv3, suites: [0x000a], serverName: 'shop.test', groups: [] });
    expect(sslv3.readUInt16BE(1)).toBe(0x0300);
    expect(extensionsOf(sslv3)).toEqual([]);
    expect(sslv3.subarray(-6, -2).equals(Buffer.from([0x00, 0x0a, 0x00, 0xff]))).toBe(true);
  });

  it('builds an SSLv2 CLIENT-HELLO', () => {
    const hello = buildSslv2Hello();
    expect(hello[0]! & 0x80).toBe(0x80);
    expect(hello[2]).toBe(1);
    expect(hello.readUInt16BE(3)).toBe(0x0002);
  });
});

describe('FlightReader', () => {
  it('reads a flight split across records and TCP chunks', () => {
    const certificate = Buffer.from('not really DER');
    const certMessage = handshake(11, Buffer.concat([Buffer.from([0, 0, certificate.length + 3, 0, 0, certificate.length]), certificate]));
    const flight = Buffer.concat([
      record(22, serverHello(0xc02f, Buffer.from([0xff, 0x01, 0, 1, 0]))),
      record(22, certMessage.subarray(0, 5)),
      record(22, Buffer.concat([certMessage.subarray(5), handshake(12, Buffer.from([3, 0, 23, 65])), handshake(14, Buffer.alloc(0))])),
    ]);
    const reader = new FlightReader('flight');
    let done = false;
    for (let offset = 0; offset < flight.length; offset += 7) done = reader.push(flight.subarray(offset, offset + 7));
    expect(done).toBe(true);
    expect(reader.flight.hello).toEqual({ version: 0x0303, suite: 0xc02f, extensions: [0xff01] });
    expect(reader.flight.certificates?.[0]?.toString()).toBe('not really DER');
    expect(reader.flight.keyExchange).toEqual({ group: 23 });
  });

  it('stops at the ServerHello when asked, skips warnings, ends on fatal alerts', () => {
    const reader = new FlightReader('hello');
    expect(reader.push(record(21, Buffer.from([1, 112])))).toBe(false);
    expect(reader.push(record(22, serverHello(0x002f)))).toBe(true);
    const refused = new FlightReader('hello');
    expect(refused.push(record(21, Buffer.from([2, 70])))).toBe(true);
    expect(refused.flight.alert).toEqual({ level: 2, description: 70 });
  });

  it('rejects garbage and oversized answers as protocol errors', () => {
    expect(() => new FlightReader('hello').push(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toThrow(AttemptError);
    expect(() => new FlightReader('hello').push(Buffer.from([22, 3, 3, 0xff, 0xff]))).toThrow(/not TLS/);
    expect(() => new FlightReader('hello').push(record(22, handshake(11, Buffer.alloc(3))))).toThrow(/ServerHello/);
  });
});

describe('DH groups', () => {
  it('measures primes and recognises only the RFC 7919 ones', () => {
    const ffdhe2048 = Buffer.from(
      'ffffffffffffffffadf85458a2bb4a9aafdc5620273d3cf1d8b9c583ce2d3695a9e13641146433fbcc939dce249b3ef97d2fe363630c75d8f681b202aec4617ad3df1ed5d5fd65612433f51f5f066ed0856365553ded1af3b557135e7f57c935984f0c70e0e68b77e2a689daf3efe8721df158a136ade73530acca4f483a797abc0ab182b324fb61d108a94bb2c8e3fbb96adab760d7f4681d4f42a3de394df4ae56ede76372bb190b07a7c8ee0a6d709e02fce1cdf7e2ecc03404cd28342f619172fe9ce98583ff8e4f1232eef28183c3fe3b1b4c6fad733bb5fcbc2ec22005c58ef1837d1683b2c6f34a26c1b2effa886b423861285c97ffffffffffffffff',
      'hex',
    );
    expect(primeBits(ffdhe2048)).toBe(2048);
    expect(primeBits(Buffer.concat([Buffer.from([0]), ffdhe2048]))).toBe(2048);
    expect(identifyDhGroup(ffdhe2048, Buffer.from([2]))).toBe('ffdhe2048');
    expect(identifyDhGroup(ffdhe2048, Buffer.from([5]))).toBe('custom');
    expect(identifyDhGroup(Buffer.from([0x7f, 0xff]), Buffer.from([2]))).toBe('custom');
    expect(primeBits(Buffer.from([0x01, 0x00]))).toBe(9);
  });
});

describe('suite enumeration', () => {
  const named = (...names: string[]): SuiteInfo[] => names.map((name) => suiteByName(name) as SuiteInfo);
  const candidates = named(
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_128_CBC_SHA',
    'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  );
  const server = (accepted: SuiteInfo[], mode: 'server' | 'client' | 'prioritize-chacha'): Picker & { offers: number } => {
    const pick = (offer: readonly SuiteInfo[]): Promise<SuiteInfo | null> => {
      pick.offers += 1;
      const clientDecides = mode === 'client' || (mode === 'prioritize-chacha' && offer[0]?.iana.includes('CHACHA20'));
      return Promise.resolve((clientDecides ? offer.find((suite) => accepted.includes(suite)) : accepted.find((suite) => offer.includes(suite))) ?? null);
    };
    pick.offers = 0;
    return pick;
  };

  it('finds every accepted suite in n+1 offers, in the server order, and sees that it is enforced', async () => {
    const accepted = named('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA');
    const pick = server(accepted, 'server');
    const result = await enumerateSuites(candidates, pick);
    expect(result.accepted).toEqual(accepted);
    expect(result.serverEnforced).toBe(true);
    expect(pick.offers).toBe(accepted.length + 1 + 1);
  });

  it('sees a server that follows the client', async () => {
    const accepted = named('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_CBC_SHA');
    const result = await enumerateSuites(candidates, server(accepted, 'client'));
    expect(result.accepted?.map((suite) => suite.iana).sort()).toEqual(accepted.map((suite) => suite.iana).sort());
    expect(result.serverEnforced).toBe(false);
  });

  it('is not fooled by a server that prioritises ChaCha20 when the client lists it first', async () => {
    const accepted = named('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
    const result = await enumerateSuites(candidates, server(accepted, 'prioritize-chacha'));
    expect(result.accepted).toEqual(accepted);
    expect(result.serverEnforced).toBe(true);
  });

  it('merges suites found in different offers into one server order', async () => {
    const many = LEGACY_SUITES.slice(0, 200);
    const accepted = [many[150] as SuiteInfo, many[3] as SuiteInfo, many[140] as SuiteInfo];
    const result = await enumerateSuites(many, server(accepted, 'server'));
    expect(result.accepted).toEqual(accepted);
  });

  it('reports null when the very first offer fails, and a partial list when a later one does', async () => {
    const failing: Picker = () => Promise.reject(new AttemptError('timeout', 'No answer within 10 ms.'));
    expect(await enumerateSuites(candidates, failing)).toEqual({ accepted: null, serverEnforced: null, error: 'No answer within 10 ms.' });
    let calls = 0;
    const flaky: Picker = (offer) => {
      calls += 1;
      if (calls > 1) return Promise.reject(new AttemptError('closed', 'The server reset the connection.'));
      return Promise.resolve(offer[0] ?? null);
    };
    const partial = await enumerateSuites(candidates, flaky);
    expect(partial.accepted).toHaveLength(1);
    expect(partial.error).toMatch(/reset/);
  });
});

describe('certificate facts', () => {
  it('names RSA-PSS signatures with their hash', async () => {
    x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
    const algorithm = { name: 'RSA-PSS', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048, saltLength: 32 };
    const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=pss.test',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      keys,
      signingAlgorithm: algorithm,
    });
    const der = Buffer.from(cert.rawData);
    expect(signatureAlgorithmName(der)).toBe('rsassaPss-sha256');
    expect(certInfo(der)).toMatchObject({ commonName: 'pss.test', selfSigned: true, notAfter: '2027-01-01T00:00:00.000Z' });
    expect(signatureAlgorithmName(Buffer.from('garbage'))).toBe('unparseable');
  });

  it('looks suites up by code and by either name', () => {
    expect(suiteByCode(0x000a)).toMatchObject({ iana: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', openssl: 'DES-CBC3-SHA', tls12Only: false, kx: 'RSA' });
    expect(suiteByName('ECDHE-RSA-AES128-GCM-SHA256')?.code).toBe(0xc02f);
    expect(suiteByName('TLS_AES_128_CCM_8_SHA256')).toMatchObject({ code: 0x1305, tls13: true });
  });
});
