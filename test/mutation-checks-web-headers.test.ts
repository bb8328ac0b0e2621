/**
 * HTTPS availability and redirect, framing, nosniff and Referrer-Policy verdict by verdict,
 * and the shared HTTP plumbing (which hosts are judged, why one cannot be): the parameters
 * each verdict names and the facts it keeps. test/checks-web-http.test.ts has the main cases.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { contentTypeOptions } from '../src/scan/checks/web/http/content-type-options.js';
import { frame } from '../src/scan/checks/web/http/frame.js';
import { finalHttpsResponse, firstHeaderValue, headerValues, judgedHosts, unreachable } from '../src/scan/checks/web/http/hosts.js';
import { httpsAvailable } from '../src/scan/checks/web/http/https-available.js';
import { httpsRedirect } from '../src/scan/checks/web/http/https-redirect.js';
import { effectiveReferrerPolicy, referrerPolicy } from '../src/scan/checks/web/http/referrer-policy.js';
import type { TlsEvidence, WebHostEvidence } from '../src/scan/evidence/index.js';
import { APEX, WWW, chain, failedHop, hop, host, judge, noAddressHost, replaceHeader, scan, withPage } from './evidence/http/builders.js';

const first = (result: CheckVerdict) => (result.evidence.hosts as Record<string, unknown>[])[0];
const withHttp = (hops: Parameters<typeof chain>[0]) => scan(host(APEX, 'apex', { http: chain(hops) }));

describe('the HTTP plumbing', () => {
  it('judges the apex always and www only with an address', () => {
    const evidence = scan(host(APEX, 'apex'), noAddressHost(WWW, 'www'));
    expect(judgedHosts(evidence)?.map((h) => h.host)).toEqual([APEX]);
    expect(judgedHosts(scan(host(APEX, 'apex'), host(WWW, 'www', { dns: { a: [], aaaa: ['2001:db8::1'], cnames: [] } })))?.map((h) => h.host)).toEqual([APEX, WWW]);
    expect(judgedHosts({ target: APEX, collectedAt: '' })).toBeUndefined();
  });

  it('a host that was not fetched: skipped without address (with the DNS error), skipped when refused, else not collected', () => {
    expect(unreachable(host(APEX, 'apex'), {})).toBeUndefined();
    expect(unreachable(noAddressHost(APEX, 'apex', 'NXDOMAIN'), undefined)).toEqual({ host: APEX, status: 'skip', summary: { key: 'noAddressDns', params: { host: APEX, reason: 'NXDOMAIN' } }, advice: [], evidence: {} });
    expect(unreachable(noAddressHost(APEX, 'apex'), undefined)?.summary.key).toBe('noAddress');
    expect(unreachable(host(APEX, 'apex', { refused: [{ address: '10.0.0.1', range: 'private' }] }), undefined)).toMatchObject({ status: 'skip', summary: { key: 'refused' } });
    expect(unreachable(host(APEX, 'apex'), undefined)).toMatchObject({ status: 'error', summary: { key: 'notCollected' } });
    expect(unreachable(host(APEX, 'apex', { dns: { a: ['192.0.2.1'], aaaa: [], cnames: [] } }), undefined)?.summary.key).toBe('notCollected');
  });

  it('reads header values by exact name, the first one separately', () => {
    const h = hop('https://x/', 200, [['a', '1'], ['b', '2'], ['a', '3']]);
    expect(headerValues(h, 'a')).toEqual(['1', '3']);
    expect(headerValues(undefined, 'a')).toEqual([]);
    expect(firstHeaderValue(h, 'a')).toBe('1');
    expect(firstHeaderValue(h, 'c')).toBeUndefined();
  });

  it('the final answer: a broken chain is an error with the chain error, the last hop error, or no response', () => {
    const broken = (https: WebHostEvidence['https']) => finalHttpsResponse(host(APEX, 'apex', { https }));
    expect(broken(chain([hop(`https://${APEX}/`, 301), failedHop(`https://${APEX}/a`, 'timeout', 'slow')]))).toMatchObject({ status: 'error', summary: { key: 'chainBroken', params: { reason: 'slow' } } });
    expect(broken(chain([hop(`https://${APEX}/`, 301)], undefined, { error: { kind: 'redirect-loop', message: 'loop' } }))).toMatchObject({ summary: { params: { reason: 'loop' } } });
    expect(broken(chain([hop(`https://${APEX}/`, 301), { url: `https://${APEX}/a`, headers: [], durationMs: 1 }]))).toMatchObject({ summary: { params: { reason: 'no response' } } });
    expect(broken(chain([failedHop(`https://${APEX}/`, 'refused-private')]))).toMatchObject({ status: 'skip', summary: { key: 'refused' } });
    expect(broken(chain([failedHop(`https://${APEX}/`, 'headers-too-large', 'big')]))).toMatchObject({ status: 'error', summary: { key: 'chainBroken', params: { reason: 'big' } } });
    expect(broken(chain([failedHop(`https://${APEX}/`, 'protocol', 'garbage')]))).toMatchObject({ status: 'error', summary: { key: 'chainBroken' } });
    expect(broken(chain([failedHop(`https://${APEX}/`, 'connect')]))).toMatchObject({ status: 'skip', summary: { key: 'noHttps' } });
  });
});

describe('web.https.available', () => {
  it('passes with the negotiated protocol and keeps the facts', () => {
    const result = judge(httpsAvailable, scan(host(APEX, 'apex')));
    expect(result.summary).toEqual({ key: 'pass', params: { host: APEX, protocol: 'TLSv1.3' } });
    // The host's verdict status, and the HTTP status beside it (it once overwrote the verdict's).
    expect(first(result)).toMatchObject({ host: APEX, address: '192.0.2.10', protocol: 'TLSv1.3', status: 'pass', httpStatus: 200 });
    expect(Object.keys(first(result) ?? {}).sort()).toEqual(['address', 'error', 'handshake', 'host', 'httpStatus', 'protocol', 'status']);
    const plain = judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([hop(`https://${APEX}/`, 200)]) })));
    expect(plain.summary.params?.protocol).toBe('TLS');
  });

  it('without an HTTP answer, a completed handshake passes, naming what went wrong after it', () => {
    const tls = { address: '192.0.2.10', handshake: { ok: true, protocol: 'TLSv1.2', durationMs: 3 } } as unknown as TlsEvidence;
    const result = judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, 'timeout', 'no answer in time')]), tls })));
    expect(result.summary).toEqual({ key: 'passHandshakeOnly', params: { host: APEX, reason: 'no answer in time' } });
    expect(first(result)).toMatchObject({ protocol: 'TLSv1.2', handshake: true, error: 'no answer in time' });
    const tlsOnly = judge(httpsAvailable, scan(host(APEX, 'apex', { https: undefined, tls })));
    expect(tlsOnly.summary).toEqual({ key: 'passHandshakeOnly', params: { host: APEX, reason: 'no response' } });
  });

  it('fails closed and broken handshakes with their reasons; unreadable answers are errors', () => {
    const failed = (kind: NonNullable<Parameters<typeof failedHop>[1]>, message = 'm') => judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, kind, message)]) })));
    expect(failed('connect', 'refused')).toMatchObject({ status: 'fail', summary: { key: 'failClosed', params: { host: APEX, reason: 'refused' } }, advice: [{ key: 'enableHttps', params: { host: APEX } }] });
    expect(failed('tls', 'bad alert')).toMatchObject({ status: 'fail', summary: { key: 'failHandshake', params: { reason: 'bad alert' } }, advice: [{ key: 'fixHandshake', params: { host: APEX } }] });
    for (const kind of ['timeout', 'protocol'] as const) {
      expect(failed(kind, 'x'), kind).toMatchObject({ status: 'error', summary: { key: 'unanswered', params: { reason: 'x' } }, advice: [{ key: 'checkServer', params: { host: APEX } }] });
    }
    // It did answer: with more header bytes than browsers accept (issue 14).
    expect(failed('headers-too-large', 'x')).toMatchObject({ status: 'warn', summary: { key: 'headersTooLarge', params: { reason: 'x' } }, advice: [{ key: 'shrinkHeaders', params: { host: APEX } }] });
    expect(failed('refused-private')).toMatchObject({ status: 'skip', summary: { key: 'refused' } });
    const tlsError = { handshake: { ok: false, error: 'handshake failure' } } as unknown as TlsEvidence;
    expect(judge(httpsAvailable, scan(host(APEX, 'apex', { https: undefined, tls: tlsError }))).summary.params?.reason).toBe('handshake failure');
    const probeError = { handshake: { ok: false }, error: 'probe broke' } as unknown as TlsEvidence;
    expect(judge(httpsAvailable, scan(host(APEX, 'apex', { https: undefined, tls: probeError }))).summary.params?.reason).toBe('probe broke');
    expect(judge(httpsAvailable, scan(host(APEX, 'apex', { https: chain([]) }))).summary.params?.reason).toBe('no response');
  });
});

describe('web.https.redirect', () => {
  it('passes a redirect to https on the same host with any redirect status, naming the target', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const result = judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, status, [['location', ` https://${APEX}/shop `]])]));
      expect(result.summary, `${status}`).toEqual({ key: 'pass', params: { host: APEX, target: `https://${APEX}/shop` } });
    }
    expect(first(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', `https://${APEX}/`]])])))).toMatchObject({ host: APEX, location: `https://${APEX}/` });
  });

  it('other statuses and redirects without a location are no redirect; unparsable targets are bad ones', () => {
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 300, [['location', `https://${APEX}/`]])]))).toMatchObject({ status: 'fail', summary: { key: 'noRedirect', params: { host: APEX, status: 300 } }, advice: [{ key: 'addRedirect', params: { host: APEX } }] });
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 304, [['location', `https://${APEX}/`]])])).summary.key).toBe('noRedirect');
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301)])).summary.key).toBe('noRedirect');
    const bad = judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', `https://[bad${'x'.repeat(300)}`]])]));
    expect(bad).toMatchObject({ status: 'fail', summary: { key: 'badRedirect' }, advice: [{ key: 'addRedirect' }] });
    expect(String(bad.summary.params?.target)).toHaveLength(200);
  });

  it('https on another host skips HSTS of the typed host; http anywhere is no upgrade', () => {
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', `https://${WWW}/`]])]))).toMatchObject({ status: 'fail', summary: { key: 'otherHost', params: { target: `https://${WWW}/` } }, advice: [{ key: 'redirectSameHostFirst', params: { host: APEX } }] });
    expect(judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', '/shop']])]))).toMatchObject({ status: 'fail', summary: { key: 'notToHttps', params: { target: `http://${APEX}/shop` } }, advice: [{ key: 'addRedirect' }] });
    const long = judge(httpsRedirect, withHttp([hop(`http://${APEX}/`, 301, [['location', `http://${APEX}/${'y'.repeat(300)}`]])]));
    expect(String(long.summary.params?.target)).toHaveLength(200);
  });

  it('plain HTTP closed passes; refused is skipped; anything else broken is an error with its reason', () => {
    expect(judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'connect', 'refused')]))).toMatchObject({ status: 'pass', summary: { key: 'httpClosed' } });
    expect(first(judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'connect', 'refused')])))).toMatchObject({ error: 'refused' });
    expect(judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'refused-private')])).status).toBe('skip');
    expect(judge(httpsRedirect, withHttp([failedHop(`http://${APEX}/`, 'timeout', 'slow')]))).toMatchObject({ status: 'error', summary: { key: 'httpBroken', params: { reason: 'slow' } } });
    expect(judge(httpsRedirect, withHttp([])).summary).toEqual({ key: 'httpBroken', params: { host: APEX, reason: 'no response' } });
  });
});

describe('web.headers.frame', () => {
  const framing = (headers: [string, string][]) => judge(frame, withPage([...replaceHeader('x-frame-options', undefined).filter(([name]) => name !== 'content-security-policy'), ...headers]));

  it('a restrictive frame-ancestors passes whatever X-Frame-Options says; an open one fails', () => {
    expect(framing([['content-security-policy', "frame-ancestors 'self'"], ['x-frame-options', 'ALLOWALL']])).toMatchObject({ status: 'pass', summary: { key: 'passCsp' } });
    expect(framing([['content-security-policy', 'frame-ancestors *'], ['x-frame-options', 'DENY']])).toMatchObject({ status: 'fail', summary: { key: 'cspOpen' }, advice: [{ key: 'addFrameProtection', params: { host: APEX } }] });
    expect(first(framing([['content-security-policy', 'frame-ancestors *']]))).toMatchObject({ frameAncestors: 'open', xFrameOptions: [] });
  });

  it('X-Frame-Options DENY or SAMEORIGIN passes, upper-cased; conflicting values pass with a clean-up; others fail', () => {
    expect(framing([['x-frame-options', ' sameorigin ']]).summary).toEqual({ key: 'pass', params: { host: APEX, value: 'SAMEORIGIN' } });
    expect(framing([['x-frame-options', 'DENY'], ['x-frame-options', 'deny']]).summary).toEqual({ key: 'pass', params: { host: APEX, value: 'DENY' } });
    expect(framing([['x-frame-options', 'DENY, SAMEORIGIN']])).toMatchObject({ status: 'pass', summary: { key: 'passConflicting', params: { values: 'DENY, SAMEORIGIN' } }, advice: [{ key: 'cleanUpXfo', params: { host: APEX } }] });
    expect(framing([['x-frame-options', 'ALLOWALL'], ['x-frame-options', 'foo']]).summary.key).toBe('passConflicting');
    expect(framing([['x-frame-options', 'ALLOW-FROM https://x'], ['x-frame-options', 'foo']])).toMatchObject({ status: 'fail', summary: { key: 'invalid', params: { values: 'ALLOW-FROM https://x, foo' } } });
    expect(framing([['x-frame-options', 'ALLOWALL']]).summary.key).toBe('invalid');
    expect(framing([['x-frame-options', ' , ']])).toMatchObject({ status: 'fail', summary: { key: 'missing' } });
    expect(framing([])).toMatchObject({ status: 'fail', summary: { key: 'missing' }, advice: [{ key: 'addFrameProtection' }] });
  });
});

describe('web.headers.content-type-options', () => {
  const nosniff = (...values: string[]) => judge(contentTypeOptions, withPage([...replaceHeader('x-content-type-options', undefined), ...values.map((v): [string, string] => ['x-content-type-options', v])]));
  it('only the first value counts, in any case', () => {
    expect(nosniff('NoSniff')).toMatchObject({ status: 'pass', summary: { key: 'pass' }, advice: [] });
    expect(first(nosniff('nosniff', 'x'))).toMatchObject({ values: ['nosniff', 'x'] });
    expect(nosniff(' nosniff , other').status).toBe('pass');
    expect(nosniff('other, nosniff')).toMatchObject({ status: 'fail', summary: { key: 'invalid', params: { host: APEX, value: 'other' } }, advice: [{ key: 'addNosniff', params: { host: APEX } }] });
    expect(nosniff('')).toMatchObject({ status: 'fail', summary: { key: 'missing' } });
    expect(nosniff()).toMatchObject({ status: 'fail', summary: { key: 'missing' }, advice: [{ key: 'addNosniff' }] });
  });
});

describe('web.headers.referrer-policy', () => {
  it('the last recognised value wins; unknown ones are skipped', () => {
    expect(effectiveReferrerPolicy(['no-referrer, unsafe-url'])).toBe('unsafe-url');
    expect(effectiveReferrerPolicy(['unsafe-url', ' Same-Origin ', 'made-up'])).toBe('same-origin');
    expect(effectiveReferrerPolicy(['made-up'])).toBeUndefined();
    expect(effectiveReferrerPolicy([])).toBeUndefined();
  });

  it('grades every policy: strict ones pass, origin ones warn, leaky ones fail', () => {
    const grade = (value: string) => judge(referrerPolicy, withPage(replaceHeader('referrer-policy', value)));
    for (const policy of ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']) expect(grade(policy).summary, policy).toEqual({ key: 'pass', params: { host: APEX, policy } });
    for (const policy of ['origin', 'origin-when-cross-origin']) expect(grade(policy), policy).toMatchObject({ status: 'warn', summary: { key: 'loose', params: { policy } }, advice: [{ key: 'setPolicy', params: { host: APEX } }] });
    for (const policy of ['unsafe-url', 'no-referrer-when-downgrade']) expect(grade(policy), policy).toMatchObject({ status: 'fail', summary: { key: 'leaky', params: { policy } }, advice: [{ key: 'setPolicy' }] });
    expect(grade('whatever')).toMatchObject({ status: 'warn', summary: { key: 'unrecognised' } });
    expect(first(grade('whatever'))).toMatchObject({ values: ['whatever'], effective: undefined });
    expect(judge(referrerPolicy, withPage(replaceHeader('referrer-policy', undefined)))).toMatchObject({ status: 'warn', summary: { key: 'missing' }, advice: [{ key: 'setPolicy' }] });
  });
});
