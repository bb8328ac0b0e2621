/**
 * trustingContext: Node's roots plus the scan's added roots, without re-parsing Node's roots and
 * without changing Node's shared store. Real handshakes with a loopback server of the test PKI.
 */
import { connect, rootCertificates, type SecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustingContext } from '../src/scan/collect/tls/trust-store.js';
import { testPki, type TestPki } from './fixtures/pki.js';
import { startTlsServer, type TestServer } from './tls/servers.js';

const ADDRESS = '127.0.43.90';
let pki: TestPki;
let server: TestServer;

beforeAll(async () => {
  pki = await testPki();
  const cert = await pki.issue({ names: ['trust.test'] });
  server = await startTlsServer(ADDRESS, { key: cert.keyPem, cert: cert.chainPem });
});
afterAll(async () => {
  await server.close();
});

function authorized(secureContext: SecureContext | undefined): Promise<{ authorized: boolean; error: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: ADDRESS, port: 443, servername: 'trust.test', rejectUnauthorized: false, ...(secureContext ? { secureContext } : {}) });
    socket.once('secureConnect', () => {
      resolve({ authorized: socket.authorized, error: String(socket.authorizationError ?? '') });
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('trust contexts', () => {
  it('trust the added root on top of Node\'s, and only in that context', async () => {
    const withTestRoot = [...rootCertificates, pki.root.certPem];
    expect(await authorized(trustingContext(withTestRoot))).toEqual({ authorized: true, error: '' });
    // Node's shared store is untouched: its own roots alone, and a default context, still refuse the test PKI.
    expect((await authorized(trustingContext(rootCertificates))).authorized).toBe(false);
    expect((await authorized(undefined)).authorized).toBe(false);
  });

  it('trust exactly the given roots when the store is not Node\'s list plus more', async () => {
    expect((await authorized(trustingContext([pki.root.certPem]))).authorized).toBe(true);
    expect((await authorized(trustingContext([rootCertificates[0] as string]))).authorized).toBe(false);
  });

  it('keep one context per store and options', () => {
    const store = [...rootCertificates, pki.root.certPem];
    expect(trustingContext(store, { minVersion: 'TLSv1.2' })).toBe(trustingContext(store, { minVersion: 'TLSv1.2' }));
    expect(trustingContext(store, { minVersion: 'TLSv1.2' })).not.toBe(trustingContext(store, { minVersion: 'TLSv1.3' }));
  });
});
