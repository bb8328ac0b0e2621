/**
 * The testssl.sh and sslscan parsers on output recorded from testssl 3.0.8 and sslscan 2.0.7
 * against Debian nginx, so a format slip shows up even where the tools are not installed.
 */
import { describe, expect, it } from 'vitest';
import { parseSslscanXml, parseTestsslJson } from '../fixtures/testssl.js';

const finding = (id: string, text: string, severity = 'INFO'): string =>
  JSON.stringify({ id, ip: '127.0.90.12/127.0.90.12', port: '443', severity, finding: text });

const TESTSSL_JSON = `[
${[
  finding('service', 'HTTP'),
  finding('SSLv2', 'not offered', 'OK'),
  finding('SSLv3', 'not offered', 'OK'),
  finding('TLS1', 'offered (deprecated)', 'LOW'),
  finding('TLS1_1', 'offered (deprecated)', 'LOW'),
  finding('TLS1_2', 'offered', 'OK'),
  finding('TLS1_3', 'offered with final', 'OK'),
  finding('cipher-tls1_xc014', 'TLS 1   xc014   ECDHE-RSA-AES256-SHA              ECDH 521   AES         256      TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA'),
  finding('cipher-tls1_1_x2f', 'TLS 1.1   x2f     AES128-SHA                        RSA        AES         128      TLS_RSA_WITH_AES_128_CBC_SHA'),
  finding('cipher-tls1_2_xc02f', 'TLS 1.2   xc02f   ECDHE-RSA-AES128-GCM-SHA256       ECDH 253   AESGCM      128      TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'),
  finding('cipher-tls1_3_x1302', 'TLS 1.3   x1302   TLS_AES_256_GCM_SHA384            ECDH 253   AESGCM      256      TLS_AES_256_GCM_SHA384'),
  finding('cipher_order', 'server'),
  finding('PFS_ECDHE_curves', 'prime256v1 secp384r1 X25519'),
  finding('DH_groups', 'ffdhe2048', 'OK'),
].join('\n,')}
]`;

const SSLSCAN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<document title="SSLScan Results" version="2.0.7" web="http://github.com/rbsec/sslscan">
 <ssltest host="127.0.90.12" sniname="shop.test" port="443">
  <protocol type="ssl" version="2" enabled="0" />
  <protocol type="ssl" version="3" enabled="0" />
  <protocol type="tls" version="1.0" enabled="1" />
  <protocol type="tls" version="1.1" enabled="0" />
  <protocol type="tls" version="1.2" enabled="1" />
  <protocol type="tls" version="1.3" enabled="1" />
  <cipher status="preferred" sslversion="TLSv1.3" bits="256" cipher="TLS_AES_256_GCM_SHA384" id="0x1302" strength="strong" curve="25519" ecdhebits="253" />
  <cipher status="preferred" sslversion="TLSv1.2" bits="128" cipher="ECDHE-RSA-AES128-GCM-SHA256" id="0xC02F" strength="strong" curve="25519" ecdhebits="253" />
  <cipher status="accepted" sslversion="TLSv1.0" bits="256" cipher="ECDHE-RSA-AES256-SHA" id="0xC014" strength="acceptable" curve="25519" ecdhebits="253" />
  <group sslversion="TLSv1.2" bits="128" name="secp256r1 (NIST P-256)" id="0x0017" />
 </ssltest>
</document>`;

describe('parseTestsslJson', () => {
  const parsed = parseTestsslJson(TESTSSL_JSON);

  it('reads the protocol findings by their ids (TLS1, TLS1_1, ...)', () => {
    expect(parsed.protocols).toEqual({ SSLv2: false, SSLv3: false, TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
    expect(parsed.protocolFindings['TLSv1.3']).toBe('offered with final');
  });

  it('reads the per-protocol suites with code, IANA and OpenSSL names, and ignores other cipher ids', () => {
    expect(parsed.ciphers).toEqual([
      { version: 'TLSv1', code: 0xc014, iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', openssl: 'ECDHE-RSA-AES256-SHA' },
      { version: 'TLSv1.1', code: 0x2f, iana: 'TLS_RSA_WITH_AES_128_CBC_SHA', openssl: 'AES128-SHA' },
      { version: 'TLSv1.2', code: 0xc02f, iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-RSA-AES128-GCM-SHA256' },
      { version: 'TLSv1.3', code: 0x1302, iana: 'TLS_AES_256_GCM_SHA384' },
    ]);
  });

  it('reads the ECDHE groups and the DH group from the forward-secrecy findings', () => {
    expect(parsed.groups).toEqual(['prime256v1', 'secp384r1', 'X25519']);
    expect(parsed.dhGroup).toBe('ffdhe2048');
  });

  it('treats "offered, no cipher" as not usable, and rejects JSON that is not a findings list', () => {
    const noCipher = parseTestsslJson(`[${finding('SSLv3', 'offered, no cipher', 'HIGH')}]`);
    expect(noCipher.protocols.SSLv3).toBe(false);
    expect(() => parseTestsslJson('{"id":"x"}')).toThrow(/not an array/);
  });
});

describe('parseSslscanXml', () => {
  it('reads enabled protocols and accepted suites, filling IANA names from the code map', () => {
    const parsed = parseSslscanXml(SSLSCAN_XML, new Map([[0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']]));
    expect(parsed.protocols).toEqual({ SSLv2: false, SSLv3: false, TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    expect(parsed.ciphers).toEqual([
      { version: 'TLSv1.3', code: 0x1302, iana: 'TLS_AES_256_GCM_SHA384' },
      { version: 'TLSv1.2', code: 0xc02f, iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-RSA-AES128-GCM-SHA256' },
      { version: 'TLSv1', code: 0xc014, iana: '', openssl: 'ECDHE-RSA-AES256-SHA' },
    ]);
  });

  it('refuses output that is not an sslscan report', () => {
    expect(() => parseSslscanXml('Connection refused')).toThrow(/no <ssltest>/);
  });
});
