/**
 * Issue 14 on recorded evidence: half a page is never judged as a whole one, a redirect chain
 * that crosses plain http:// after HTTPS is named, counts are per shop (apex and www are one
 * shop), headers over the browsers' limit and a legacy-only security.txt are named as such.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { cookies } from '../src/scan/checks/web/http/cookies.js';
import { csp } from '../src/scan/checks/web/http/csp.js';
import { exposure } from '../src/scan/checks/web/http/exposure.js';
import { httpsAvailable } from '../src/scan/checks/web/http/https-available.js';
import { httpsRedirect } from '../src/scan/checks/web/http/https-redirect.js';
import { mixedContent } from '../src/scan/checks/web/http/mixed-content.js';
import { securityTxt } from '../src/scan/checks/web/http/security-txt.js';
import { statementLinked } from '../src/scan/checks/privacy/linked.js';
import { privacyForms } from '../src/scan/checks/privacy/forms.js';
import type { CrawlEvidence, PageEvidence } from '../src/scan/evidence/privacy-crawl.js';
import type { BodyIncomplete, ScanEvidence } from '../src/scan/evidence/index.js';
import { renderMessage } from '../src/scan/texts.js';
import { APEX, GOOD_HEADERS, HOME, SECURITY_TXT, WWW, chain, contentProbe, failedHop, hop, host, httpsPage, judge, paths, scan, securityTxtChain, softProbes } from './evidence/http/builders.js';

const CUT: BodyIncomplete = { kind: 'broken', message: 'the connection closed after 40 of the 10000 announced bytes of the body, before the page was complete' };
const MIXED = '<html><head><title>Shop</title></head><body><script src="http://cdn.example/a.js"></script>';

function cutPage(name: string, body: string, incomplete = CUT): ReturnType<typeof httpsPage> {
  return { ...httpsPage(name, GOOD_HEADERS, body), bodyTruncated: true, bodyIncomplete: incomplete };
}

describe('web.mixed-content on a page that did not arrive whole', () => {
  it('no http:// in half a page is an error naming the reason, not a pass', () => {
    const result = judge(mixedContent, scan(host(APEX, 'apex', { https: cutPage(APEX, '<html><head><title>Shop</title>') })));
    expect(result.status).toBe('error');
    expect(result.summary).toEqual({ key: 'incomplete', params: { host: APEX, reason: CUT.message } });
    expect(result.advice.map((ref) => ref.key)).toEqual(['checkComplete']);
  });

  it('a page over the byte cap is not judged clean either', () => {
    const capped = { kind: 'cap' as const, message: 'the body is larger than 1048576 bytes; only the first 1048576 were read' };
    expect(judge(mixedContent, scan(host(APEX, 'apex', { https: cutPage(APEX, HOME, capped) }))).status).toBe('error');
  });

  it('scans stored before the reason was recorded still say the page was cut', () => {
    const old = { ...httpsPage(APEX, GOOD_HEADERS, '<html>'), bodyTruncated: true };
    expect(judge(mixedContent, scan(host(APEX, 'apex', { https: old }))).summary.params?.reason).toBe('the body was cut off before its end');
  });

  it('http:// found in the part that arrived, after the <head>, still fails', () => {
    expect(judge(mixedContent, scan(host(APEX, 'apex', { https: cutPage(APEX, MIXED) }))).status).toBe('fail');
  });

  it('but not when the <head>, where a policy could upgrade them, never ended', () => {
    const body = '<html><head><script src="http://cdn.example/a.js"></script>';
    expect(judge(mixedContent, scan(host(APEX, 'apex', { https: cutPage(APEX, body) }))).status).toBe('error');
  });

  it('a whole page is judged as before', () => {
    expect(judge(mixedContent, scan(host(APEX, 'apex'))).status).toBe('pass');
  });
});

describe('web.headers.csp on a page whose <head> did not arrive whole', () => {
  const noCsp = GOOD_HEADERS.filter(([name]) => name !== 'content-security-policy');
  const cut = (body: string) => ({ ...httpsPage(APEX, noCsp, body), bodyTruncated: true, bodyIncomplete: CUT });

  it('no header still fails, but it does not claim the page has no policy at all', () => {
    const result = judge(csp, scan(host(APEX, 'apex', { https: cut('<html><head><title>Shop</title>') })));
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'noHeaderHeadUnread', params: { host: APEX, reason: CUT.message } });
  });

  it('once the <head> is over, "missing" is said as before', () => {
    expect(judge(csp, scan(host(APEX, 'apex', { https: cut('<html><head></head><body>') }))).summary.key).toBe('missing');
  });
});

describe('web.security-txt', () => {
  const legacyChain = chain([hop(`https://${APEX}/security.txt`, 200, [['content-type', 'text/plain; charset=utf-8']])], SECURITY_TXT);
  const missingWellKnown = securityTxtChain(APEX, 'not found', 404, 'text/html');

  it('a file only at the legacy /security.txt warns and is judged', () => {
    const result = judge(securityTxt, scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: missingWellKnown, securityTxtLegacy: legacyChain }) })));
    expect(result.status).toBe('warn');
    expect(result.summary).toEqual({ key: 'legacyOnly', params: { host: APEX } });
    expect(result.advice.map((ref) => ref.key)).toEqual(['moveToWellKnown']);
    expect(result.evidence).toMatchObject({ url: `https://${APEX}/security.txt`, legacyLocation: true, contacts: ['mailto:security@shop.example'] });
  });

  it('a bad legacy file fails for its contents, still asking to move it', () => {
    const bad = chain([hop(`https://${APEX}/security.txt`, 200, [['content-type', 'text/plain']])], 'Contact: mailto:a@shop.example\n');
    const result = judge(securityTxt, scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: missingWellKnown, securityTxtLegacy: bad }) })));
    expect(result.status).toBe('fail');
    expect(result.advice.map((ref) => ref.key)).toEqual(['noExpires', 'moveToWellKnown']);
  });

  it('a legacy answer that is a web page is not a file: still missing', () => {
    const page = chain([hop(`https://${APEX}/security.txt`, 200, [['content-type', 'text/html']])], HOME);
    const result = judge(securityTxt, scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: missingWellKnown, securityTxtLegacy: page }) })));
    expect(result.summary.key).toBe('missing');
  });

  it('a file that did not arrive whole is an error, not a verdict on half its lines', () => {
    const cut = { ...securityTxtChain(APEX, 'Contact: mailto:sec'), bodyTruncated: true, bodyIncomplete: CUT };
    const result = judge(securityTxt, scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: cut }) })));
    expect(result.status).toBe('error');
    expect(result.summary).toEqual({ key: 'incomplete', params: { host: APEX, reason: CUT.message } });
  });
});

describe('web.https.redirect: plain http:// inside a chain', () => {
  const downgrade = chain(
    [hop(`https://${APEX}/`, 301, [['location', `http://${WWW}/`]]), hop(`http://${WWW}/`, 301, [['location', `https://${WWW}/`]]), hop(`https://${WWW}/`, 200, GOOD_HEADERS)],
    HOME,
  );

  it('https -> http -> https fails, naming the plain hop', () => {
    const result = judge(httpsRedirect, scan(host(APEX, 'apex', { https: downgrade })));
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'plainHopInChain', params: { host: APEX, url: `http://${WWW}/`, from: `https://${APEX}/` } });
    expect(result.advice[0]).toEqual({ key: 'keepHttps', params: { host: APEX, url: `http://${WWW}/` } });
  });

  it('also in the http:// chain once it reached HTTPS', () => {
    const http = chain([hop(`http://${APEX}/`, 301, [['location', `https://${APEX}/`]]), hop(`https://${APEX}/`, 302, [['location', `http://${APEX}/shop`]]), failedHop(`http://${APEX}/shop`, 'timeout')]);
    const result = judge(httpsRedirect, scan(host(APEX, 'apex', { http })));
    expect(result.summary.key).toBe('plainHopInChain');
    expect(result.evidence).toMatchObject({ hosts: [{ plainHttpHop: `http://${APEX}/shop` }] });
  });

  it('the usual http -> https -> https on another host passes', () => {
    const http = chain([hop(`http://${APEX}/`, 301, [['location', `https://${APEX}/`]]), hop(`https://${APEX}/`, 301, [['location', `https://${WWW}/`]]), hop(`https://${WWW}/`, 200)]);
    expect(judge(httpsRedirect, scan(host(APEX, 'apex', { http }))).status).toBe('pass');
  });
});

describe('counts per shop, not per host', () => {
  const env = contentProbe('/.env', 'DB_PASSWORD=secret\nAPP_KEY=base64:abc\n');

  it('the same exposed file on apex and www is one file, hosts named once', () => {
    const probes = softProbes().map((probe) => (probe.path === '/.env' ? env : probe));
    const evidence = scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: probes }) }), host(WWW, 'www', { paths: paths(WWW, { exposure: probes }) }));
    const result = judge(exposure, evidence);
    expect(result.summary).toEqual({ key: 'exposed', params: { host: `${APEX}, ${WWW}`, count: 1, paths: '/.env' } });
    expect(result.advice.filter((ref) => ref.key === 'exposedEnv')).toEqual([{ key: 'exposedEnv', params: { host: `${APEX}, ${WWW}`, path: '/.env' } }]);
    expect(renderMessage([exposure], exposure, result.summary, 'en')).toBe(`1 sensitive file can be downloaded from ${APEX}, ${WWW}: /.env.`);
  });

  it('files on only one of the hosts are named with their host', () => {
    const git = contentProbe('/.git/HEAD', 'ref: refs/heads/main\n');
    const apexProbes = softProbes().map((probe) => (probe.path === '/.env' ? env : probe.path === '/.git/HEAD' ? git : probe));
    const wwwProbes = softProbes().map((probe) => (probe.path === '/.env' ? env : probe));
    const evidence = scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: apexProbes }) }), host(WWW, 'www', { paths: paths(WWW, { exposure: wwwProbes }) }));
    expect(judge(exposure, evidence).summary.params).toEqual({ host: `${APEX}, ${WWW}`, count: 2, paths: `/.git/HEAD (${APEX}), /.env (${APEX}, ${WWW})` });
  });

  it('twelve paths on two hosts are twelve files checked', () => {
    const evidence = scan(host(APEX, 'apex'), host(WWW, 'www', { paths: paths(WWW) }));
    expect(judge(exposure, evidence).summary).toEqual({ key: 'pass', params: { host: `${APEX}, ${WWW}`, count: 12 } });
  });

  it('an answer that broke off before its signature was read is not proven safe', () => {
    const probes = softProbes().map((probe) => (probe.path === '/.env' ? { ...probe, bodyBytes: 3, incomplete: CUT.message } : probe));
    const result = judge(exposure, scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: probes }) })));
    expect(result.status).toBe('warn');
    expect(result.summary).toEqual({ key: 'partlyUnread', params: { host: APEX, count: 1, paths: '/.env', reason: CUT.message } });
  });

  it('two cookies set by both apex and www are two cookies, each advice naming both hosts', () => {
    const headers: [string, string][] = [...GOOD_HEADERS, ['set-cookie', 'PHPSESSID=abc; Path=/'], ['set-cookie', 'cart=1; Secure; SameSite=Lax']];
    const evidence = scan(host(APEX, 'apex', { https: httpsPage(APEX, headers) }), host(WWW, 'www', { https: httpsPage(WWW, headers) }));
    const result = judge(cookies, evidence);
    expect(result.summary).toEqual({ key: 'fail', params: { count: 1, total: 2 } });
    expect(result.advice[0]).toEqual({ key: 'fixCookie', params: { cookie: 'PHPSESSID', host: `${APEX}, ${WWW}`, add: 'Secure; HttpOnly; SameSite=Lax' } });
  });

  it('a cookie that differs between the hosts is named per host, and still counted once', () => {
    const apexHeaders: [string, string][] = [...GOOD_HEADERS, ['set-cookie', 'cart=1; Secure; SameSite=Lax']];
    const wwwHeaders: [string, string][] = [...GOOD_HEADERS, ['set-cookie', 'cart=1; SameSite=Lax']];
    const result = judge(cookies, scan(host(APEX, 'apex', { https: httpsPage(APEX, apexHeaders) }), host(WWW, 'www', { https: httpsPage(WWW, wwwHeaders) })));
    expect(result.summary).toEqual({ key: 'failAll', params: { count: 1 } });
    expect(result.advice[0]?.params?.host).toBe(WWW);
  });
});

describe('web.https.available: headers larger than browsers accept', () => {
  it('says the headers are too large, not that the page did not answer', () => {
    const https = chain([failedHop(`https://${APEX}/`, 'headers-too-large', 'the response headers are larger than 256 KB, more than browsers accept')]);
    const result = judge(httpsAvailable, scan(host(APEX, 'apex', { https })));
    expect(result.status).toBe('warn');
    expect(result.summary).toEqual({ key: 'headersTooLarge', params: { host: APEX, reason: 'the response headers are larger than 256 KB, more than browsers accept' } });
    expect(result.advice.map((ref) => ref.key)).toEqual(['shrinkHeaders']);
  });
});

describe('the privacy crawl with a page that did not arrive whole', () => {
  const STATEMENT = 'https://shop.test/privacy';
  const page = (url: string, extra: Partial<PageEvidence> = {}): PageEvidence => ({ url, status: 200, statementCandidates: [], forms: [], ...extra });
  const run = (check: typeof statementLinked, crawl: CrawlEvidence): CheckVerdict =>
    check.run({ target: 'shop.test', collectedAt: '', privacy: { crawl } } as unknown as ScanEvidence, { now: new Date(0) });

  it('"no page links to a privacy statement" is not concluded from a cut page', () => {
    const crawl: CrawlEvidence = { pages: [page('https://shop.test/', { incomplete: CUT.message }), page('https://shop.test/a')] };
    const result = run(statementLinked, crawl);
    expect(result.status).toBe('error');
    expect(result.summary).toEqual({ key: 'noStatementIncomplete', params: { count: 1, reason: CUT.message } });
  });

  it('a cut page without the link is not counted as missing it', () => {
    const link = { statementLink: { url: STATEMENT, text: 'Privacy' } };
    const statement = { url: STATEMENT, linkedUrl: STATEMENT, format: 'html' as const, text: 'x', status: 200 };
    const result = run(statementLinked, { statement, pages: [page('https://shop.test/', link), page('https://shop.test/b', { incomplete: CUT.message })] });
    expect(result.status).toBe('warn');
    expect(result.summary.key).toBe('partlyUnread');
  });

  it('no insecure form on whole pages but a cut page: no clean verdict', () => {
    const result = run(privacyForms, { pages: [page('https://shop.test/', { incomplete: CUT.message })] });
    expect(result.status).toBe('warn');
    expect(result.summary).toEqual({ key: 'partlyUnread', params: { count: 1, reason: CUT.message } });
  });
});
