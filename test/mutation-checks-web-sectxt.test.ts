/**
 * security.txt (RFC 9116) and web.ipv6 in detail: the parser (fields, comments, signed
 * files, line numbers), RFC 3339 dates, and each verdict of web.security-txt at its
 * boundaries (expiry now and in a year, content type and charset, contact URIs).
 * test/checks-web-http-content.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import { ipv6 } from '../src/scan/checks/web/http/ipv6.js';
import { securityTxt } from '../src/scan/checks/web/http/security-txt.js';
import { parseRfc3339, parseSecurityTxt } from '../src/scan/checks/web/http/security-txt-parse.js';
import type { FetchChain } from '../src/scan/evidence/index.js';
import { APEX, NOW, chain, failedHop, hop, host, judge, noAddressHost, paths, scan, securityTxtChain } from './evidence/http/builders.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const withFile = (body: string, type = 'text/plain; charset=utf-8', status = 200) => scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: securityTxtChain(APEX, body, status, type) }) }));
const withChain = (securityTxtFetch: FetchChain) => scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: securityTxtFetch }) }));
const CONTACT = 'Contact: mailto:security@shop.example';
const file = (...lines: string[]) => `${lines.join('\n')}\n`;
const expiresIn = (days: number, ms = 0) => `Expires: ${iso(NOW.getTime() + days * DAY + ms)}`;
const EXAMPLE = `${new Date(NOW.getTime() + 330 * DAY).toISOString().slice(0, 10)}T00:00:00Z`;

describe('parseSecurityTxt', () => {
  it('reads fields (names lower-cased, values trimmed), skips comments and blank lines, numbers bad lines', () => {
    expect(parseSecurityTxt('\uFEFF# comment\r\nContact:  mailto:a@b.example  \r\n\r\nPREFERRED-Languages:nl\nnot a field\n  # indented comment\nx y: z\n')).toEqual({
      fields: [{ name: 'contact', value: 'mailto:a@b.example' }, { name: 'preferred-languages', value: 'nl' }],
      signed: false,
      badLines: [5, 7],
    });
    expect(parseSecurityTxt('Empty:').fields).toEqual([{ name: 'empty', value: '' }]);
  });

  it('unwraps a cleartext-signed file, restores dash-escaped lines and numbers lines in the whole file', () => {
    const signed = ['', '-----BEGIN PGP SIGNED MESSAGE-----', 'Hash: SHA256', '', 'Contact: mailto:a@b.example', '- Expires: 2027-01-01T00:00:00Z', 'oops', '-----BEGIN PGP SIGNATURE-----', 'abc', '-----END PGP SIGNATURE-----'].join('\n');
    expect(parseSecurityTxt(signed)).toEqual({
      fields: [{ name: 'contact', value: 'mailto:a@b.example' }, { name: 'expires', value: '2027-01-01T00:00:00Z' }],
      signed: true,
      badLines: [7],
    });
    expect(parseSecurityTxt('Contact: x\n-----BEGIN PGP SIGNED MESSAGE-----').signed).toBe(false);
  });

  it('RFC 3339 date-times only', () => {
    expect(parseRfc3339('2027-01-01T00:00:00Z')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseRfc3339('2027-01-01 10:00:00.5+02:00')?.toISOString()).toBe('2027-01-01T08:00:00.500Z');
    expect(parseRfc3339('2027-01-01t00:00:00z')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    for (const bad of ['2027-01-01', '2027-01-01T00:00Z', 'x2027-01-01T00:00:00Z', '2027-01-01T00:00:00Zx', '2027-13-45T00:00:00Z', '2027-01-01T00:00:00+0200']) expect(parseRfc3339(bad), bad).toBeUndefined();
  });
});

describe('web.security-txt', () => {
  it('passes a valid file, naming the expiry date, with the facts', () => {
    const body = file(CONTACT, expiresIn(100), '# hi', 'bad line');
    const result = judge(securityTxt, withFile(body));
    expect(result.status).toBe('pass');
    expect(result.summary).toEqual({ key: 'pass', params: { host: APEX, date: new Date(NOW.getTime() + 100 * DAY).toISOString().slice(0, 10) } });
    expect(result.evidence).toEqual({
      url: `https://${APEX}/.well-known/security.txt`, status: 200, contentType: 'text/plain; charset=utf-8', signed: false,
      contacts: ['mailto:security@shop.example'], expires: [iso(NOW.getTime() + 100 * DAY)],
      fields: [{ name: 'contact', value: 'mailto:security@shop.example' }, { name: 'expires', value: iso(NOW.getTime() + 100 * DAY) }], badLines: [4],
    });
  });

  it('expiry: now or before fails, within a year passes, more than a year warns', () => {
    expect(judge(securityTxt, withFile(file(CONTACT, expiresIn(0)))).advice).toEqual([{ key: 'expired', params: { date: NOW.toISOString().slice(0, 10), example: EXAMPLE } }]);
    expect(judge(securityTxt, withFile(file(CONTACT, expiresIn(0, 1000)))).status).toBe('pass');
    expect(judge(securityTxt, withFile(file(CONTACT, expiresIn(365)))).status).toBe('pass');
    const far = judge(securityTxt, withFile(file(CONTACT, expiresIn(365, 1000))));
    expect(far).toMatchObject({ status: 'warn', summary: { key: 'warn', params: { host: APEX } }, advice: [{ key: 'expiresFar', params: { date: new Date(NOW.getTime() + 365 * DAY).toISOString().slice(0, 10) } }] });
  });

  it('Contact and Expires problems fail, each named; warnings follow the failures', () => {
    const result = judge(securityTxt, withFile(file('Contact: security@shop.example', 'Expires: soon'), 'text/plain; charset=latin1'));
    expect(result).toMatchObject({ status: 'fail', summary: { key: 'invalid', params: { host: APEX } } });
    expect(result.advice).toEqual([
      { key: 'badExpires', params: { value: 'soon', example: EXAMPLE } },
      { key: 'contactNotUri', params: { values: 'security@shop.example' } },
      { key: 'charset', params: { charset: 'latin1' } },
    ]);
    expect(judge(securityTxt, withFile(file(expiresIn(10)))).advice).toEqual([{ key: 'noContact', params: { host: APEX } }]);
    expect(judge(securityTxt, withFile(file(CONTACT))).advice).toEqual([{ key: 'noExpires', params: { example: EXAMPLE } }]);
    expect(judge(securityTxt, withFile(file(CONTACT, expiresIn(10), expiresIn(20)))).advice).toEqual([{ key: 'multipleExpires' }]);
  });

  it('contact URIs: mailto:, https:// and tel: in any case are fine', () => {
    const contacts = ['Contact: MAILTO:a@b.example', 'Contact: https://shop.example/security', 'Contact: tel:+31201234567', 'Contact: HTTPS://x.example'];
    expect(judge(securityTxt, withFile(file(...contacts, expiresIn(10)))).status).toBe('pass');
    expect(judge(securityTxt, withFile(file('Contact: http://shop.example/security', expiresIn(10)))).advice).toEqual([{ key: 'contactNotUri', params: { values: 'http://shop.example/security' } }]);
  });

  it('the content type must be text/plain; utf-8 in either spelling and quoted is fine', () => {
    const ok = file(CONTACT, expiresIn(10));
    expect(judge(securityTxt, withFile(ok, 'TEXT/PLAIN')).status).toBe('pass');
    expect(judge(securityTxt, withFile(ok, 'text/plain; charset="UTF8"')).status).toBe('pass');
    expect(judge(securityTxt, withFile(ok, 'text/plain; format=flowed; charset=utf-8')).status).toBe('pass');
    expect(judge(securityTxt, withFile(ok, 'text/html; charset=utf-8'))).toMatchObject({ status: 'fail', summary: { key: 'wrongType', params: { host: APEX, type: 'text/html' } }, advice: [{ key: 'publish', params: { host: APEX, example: EXAMPLE } }] });
    const untyped = withChain(chain([hop(`https://${APEX}/.well-known/security.txt`, 200, [])], ok));
    expect(judge(securityTxt, untyped).summary.params).toEqual({ host: APEX, type: '-' });
  });

  it('not found, a broken fetch, no HTTPS, a refused address', () => {
    expect(judge(securityTxt, withFile('', 'text/html', 404))).toMatchObject({ status: 'fail', summary: { key: 'missing', params: { host: APEX, status: 404 } }, advice: [{ key: 'publish' }] });
    const loop = withChain(chain([hop(`https://${APEX}/.well-known/security.txt`, 301, [['location', '/x']])], undefined, { error: { kind: 'redirect-loop', message: 'loop' } }));
    expect(judge(securityTxt, loop)).toMatchObject({ status: 'fail', summary: { key: 'broken', params: { host: APEX, reason: 'loop' } } });
    const noAnswer = withChain(chain([hop(`https://${APEX}/.well-known/security.txt`, 301), { url: `https://${APEX}/x`, headers: [], durationMs: 1 }]));
    expect(judge(securityTxt, noAnswer).summary.params).toEqual({ host: APEX, reason: 'no response' });
    expect(judge(securityTxt, withChain(chain([failedHop(`https://${APEX}/.well-known/security.txt`, 'connect')]))).summary).toEqual({ key: 'noHttps', params: { host: APEX } });
    expect(judge(securityTxt, withChain(chain([failedHop(`https://${APEX}/.well-known/security.txt`, 'refused-private')]))).summary).toEqual({ key: 'refused', params: { host: APEX } });
    expect(judge(securityTxt, { target: APEX, collectedAt: '' }).summary.key).toBe('noWeb');
    expect(judge(securityTxt, scan(noAddressHost(APEX, 'apex'))).summary.key).toBe('noAddress');
  });
});

describe('web.ipv6', () => {
  const first = (result: ReturnType<typeof judge>) => (result.evidence.hosts as Record<string, unknown>[])[0];
  it('passes when HTTPS answers over IPv6, naming the address, and keeps the facts', () => {
    const result = judge(ipv6, scan(host(APEX, 'apex')));
    expect(result.summary).toEqual({ key: 'pass', params: { host: APEX, address: '2001:db8::10' } });
    expect(first(result)).toEqual({ host: APEX, status: 'pass', a: ['192.0.2.10'], aaaa: ['2001:db8::10'], httpsIpv6: { address: '2001:db8::10', ok: true, status: 200 } });
  });

  it('no AAAA fails; HTTPS not answering over IPv6 fails with the reason', () => {
    expect(judge(ipv6, scan(host(APEX, 'apex', { dns: { a: ['192.0.2.10'], aaaa: [], cnames: [] } })))).toMatchObject({ status: 'fail', summary: { key: 'noAaaa' }, advice: [{ key: 'addAaaa', params: { host: APEX } }] });
    const down = judge(ipv6, scan(host(APEX, 'apex', { httpsIpv6: { address: '2001:db8::10', ok: false, error: 'timeout' } })));
    expect(down).toMatchObject({ status: 'fail', summary: { key: 'noAnswer', params: { host: APEX, address: '2001:db8::10', reason: 'timeout' } }, advice: [{ key: 'fixIpv6', params: { host: APEX, address: '2001:db8::10' } }] });
    expect(judge(ipv6, scan(host(APEX, 'apex', { httpsIpv6: { address: '2001:db8::10', ok: false } }))).summary.params?.reason).toBe('no response');
  });

  it('no IPv6 test: skipped when its address was refused as private, else not collected; no address at all is skipped', () => {
    const untested = (refused: { address: string; range: string }[]) => judge(ipv6, scan(host(APEX, 'apex', { httpsIpv6: undefined, refused })));
    expect(untested([{ address: 'fd00::1', range: 'uniqueLocal' }])).toMatchObject({ status: 'skip', summary: { key: 'refused' } });
    expect(untested([{ address: '10.0.0.1', range: 'private' }])).toMatchObject({ status: 'error', summary: { key: 'notCollected' } });
    expect(judge(ipv6, scan(host(APEX, 'apex', { dns: { a: [], aaaa: [], cnames: [], error: 'NXDOMAIN' } }))).summary).toEqual({ key: 'noAddressDns', params: { host: APEX, reason: 'NXDOMAIN' } });
    expect(judge(ipv6, scan(host(APEX, 'apex', { dns: { a: [], aaaa: [], cnames: [] } }))).summary).toEqual({ key: 'noAddress', params: { host: APEX } });
    expect(judge(ipv6, scan(host(APEX, 'apex', { dns: { a: [], aaaa: ['2001:db8::1'], cnames: [] } }))).status).toBe('pass');
  });
});
