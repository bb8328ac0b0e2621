/**
 * The configuration lines TLS advice quotes, in each server's own syntax: one setting per
 * line, each a complete directive that can be pasted as it is (nginx and Apache into the
 * TLS server block or virtual host, Postfix into main.cf or through `postconf -e`).
 *
 * Together they pass every protocol-level TLS check (version, ciphers, cipher order, key
 * exchange), and each check's own lines pass that check on their own: the interop suite
 * (test/interop/tls-advice-*.test.ts) applies the lines as rendered in the advice to a real
 * nginx and postfix and rescans. Cipher suites are named in OpenSSL's cipher-string syntax,
 * the only one these servers read (OpenSSL silently ignores IANA names in a cipher list).
 *
 * Why these values:
 * - `ECDHE+AESGCM:ECDHE+CHACHA20` selects only authenticated ECDHE suites with AES-GCM or
 *   ChaCha20-Poly1305: exactly NCSC's "sufficient" TLS 1.2 suites, no phase-out suite (so the
 *   cipher order cannot be wrong), no DHE (so no Diffie-Hellman group to get wrong) and no
 *   anonymous suite (Postfix offers those by default for opportunistic TLS, hence its aNULL).
 * - TLS 1.3 suites are not touched by the cipher list: OpenSSL's defaults are all good or
 *   sufficient; `tls13` restores them where a server added one that is not (CCM_8). There the
 *   IANA names are right: OpenSSL names TLS 1.3 suites that way (nginx 1.19.4+, Apache 2.4.43+).
 * - Postfix's protocol lists use the `!` form, which every Postfix version reads
 *   (`>=TLSv1.2` needs Postfix 3.6).
 */

/** Each line in backticks, separated by spaces: the form every advice text uses for config. */
export function quoteConfig(lines: readonly string[]): string {
  return lines.map((line) => `\`${line}\``).join(' ');
}

const CIPHER_STRING = 'ECDHE+AESGCM:ECDHE+CHACHA20';
/** OpenSSL's default TLS 1.3 suites (TLS 1.3 suites are set apart from the cipher list, by their IANA names). */
const TLS13_SUITES = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';
const CURVES = 'X25519:prime256v1:secp384r1';

export const NGINX_TLS = {
  protocols: ['ssl_protocols TLSv1.2 TLSv1.3;'],
  ciphers: [`ssl_ciphers ${CIPHER_STRING};`],
  cipherOrder: ['ssl_prefer_server_ciphers on;', `ssl_ciphers ${CIPHER_STRING};`],
  curves: [`ssl_ecdh_curve ${CURVES};`],
  tls13: [`ssl_conf_command Ciphersuites ${TLS13_SUITES};`],
} as const;

/** Apache httpd 2.4 with mod_ssl (SSLOpenSSLConfCmd needs OpenSSL 1.0.2 or newer). */
export const APACHE_TLS = {
  protocols: ['SSLProtocol -all +TLSv1.2 +TLSv1.3'],
  ciphers: [`SSLCipherSuite ${CIPHER_STRING}`],
  cipherOrder: ['SSLHonorCipherOrder on', `SSLCipherSuite ${CIPHER_STRING}`],
  curves: [`SSLOpenSSLConfCmd Curves ${CURVES}`],
  tls13: [`SSLCipherSuite TLSv1.3 ${TLS13_SUITES}`],
} as const;

const POSTFIX_PROTOCOLS = '!SSLv2, !SSLv3, !TLSv1, !TLSv1.1';
const POSTFIX_CIPHERS = [
  'smtpd_tls_ciphers = high',
  'smtpd_tls_mandatory_ciphers = high',
  `tls_high_cipherlist = ${CIPHER_STRING}`,
  'smtpd_tls_exclude_ciphers = aNULL',
];

export const POSTFIX_TLS = {
  protocols: [`smtpd_tls_protocols = ${POSTFIX_PROTOCOLS}`, `smtpd_tls_mandatory_protocols = ${POSTFIX_PROTOCOLS}`],
  ciphers: POSTFIX_CIPHERS,
  cipherOrder: ['tls_preempt_cipherlist = yes', ...POSTFIX_CIPHERS],
  curves: [`tls_eecdh_auto_curves = ${CURVES.replaceAll(':', ' ')}`],
} as const;
