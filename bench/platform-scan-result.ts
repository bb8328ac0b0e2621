/**
 * One real ScanResult for the platform benchmark's seed data: a whole runScan of a
 * loopback shop (HTTPS with a test PKI, a few headers missing, so the result has a mix
 * of pass, warn and fail like a real webshop) resolved through a loopback DNS server.
 * Made fresh on every run, so the stored JSON always has today's shape.
 */
import { constants } from 'node:crypto';
import { runScan, type ScanResult } from '../src/scan/engine.js';
import { startDnsServer } from '../test/fixtures/dns-server.js';
import { testPki } from '../test/fixtures/pki.js';
import { startSite } from '../test/fixtures/site.js';

const TARGET = 'shop.test';

/** `siteAddress` gets :80 and :443, `dnsAddress` a DNS server on a free port; both on our loopback range. */
export async function realScanResult(siteAddress: string, dnsAddress: string): Promise<ScanResult> {
  const pki = await testPki();
  const cert = await pki.issue({ names: [TARGET, `www.${TARGET}`], key: 'ec256' });
  const site = await startSite({
    address: siteAddress,
    cert,
    tls: {
      minVersion: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256',
      ecdhCurve: 'X25519:prime256v1',
      secureOptions: constants.SSL_OP_NO_RENEGOTIATION,
    },
    // A typical shop: HSTS and nosniff, but no CSP and a session cookie without flags.
    headers: {
      'strict-transport-security': 'max-age=31536000',
      'x-content-type-options': 'nosniff',
      'set-cookie': ['PHPSESSID=4f0c2a9e1b; Path=/'],
    },
    body: '<!doctype html><html lang="nl"><head><title>Shop</title><script src="/app.js"></script></head><body><h1>Shop</h1></body></html>',
  });
  const dns = await startDnsServer({
    address: dnsAddress,
    port: 0,
    records: [
      { name: TARGET, type: 'SOA', data: { mname: `ns.${TARGET}`, rname: `hostmaster.${TARGET}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 300 } },
      { name: TARGET, type: 'A', ttl: 300, data: siteAddress },
      { name: `www.${TARGET}`, type: 'CNAME', ttl: 300, data: TARGET },
    ],
  });
  try {
    return await runScan(TARGET, {
      resolver: { address: dnsAddress, port: dns.port },
      extraCa: [pki.root.certPem],
      allowPrivate: true,
      timeoutMs: 20_000,
    });
  } finally {
    await site.close();
    await dns.close();
  }
}
