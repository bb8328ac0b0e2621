/**
 * Unit tests for the web HTTP checks that read content: cookies, mixed content,
 * security.txt, exposed files and version banners, and IPv6 reachability.
 */
import { describe, expect, it } from 'vitest';
import type { ExposedPathProbe } from '../src/scan/evidence/index.js';
import { parseSetCookie, sessionLike } from '../src/scan/checks/web/http/cookie-parse.js';
import { cookies } from '../src/scan/checks/web/http/cookies.js';
import { exposedKind, hasVersion } from '../src/scan/checks/web/http/exposure-signatures.js';
import { exposure } from '../src/scan/checks/web/http/exposure.js';
import { ipv6 } from '../src/scan/checks/web/http/ipv6.js';
import { findMixedContent, mixedContent } from '../src/scan/checks/web/http/mixed-content.js';
import { securityTxt } from '../src/scan/checks/web/http/security-txt.js';
import { parseSecurityTxt } from '../src/scan/checks/web/http/security-txt-parse.js';
import {
  APEX, GOOD_HEADERS, HOME, WWW, adviceKeys, chain, contentProbe, failedHop, hop, host, judge, noAddressHost, paths, replaceHeader, scan,
  securityTxtChain, softProbes, withPage,
} from './evidence/http/builders.js';

describe('web.cookies', () => {
  const withCookies = (...values: string[]) => withPage([...GOOD_HEADERS, ...values.map((v): [string, string] => ['set-cookie', v])]);
  const cookieFacts = (result: ReturnType<typeof judge>) => result.evidence.cookies as { name: string; severity: string; add: string[] }[];

  it('passes without cookies, saying so, and with well-set cookies', () => {
    expect(judge(cookies, withCookies()).summary.key).toBe('noCookies');
    const result = judge(cookies, withCookies('PHPSESSID=abc; Path=/; Secure; HttpOnly; SameSite=Lax', 'consent=1; Max-Age=86400; Secure; SameSite=Strict'));
    expect([result.status, result.summary.params?.count]).toEqual(['pass', 2]);
  });

  it('fails a cookie without Secure and names what to add', () => {
    const result = judge(cookies, withCookies('cart=1; Max-Age=3600; SameSite=Lax'));
    expect(result.status).toBe('fail');
    expect(result.advice[0]).toEqual({ key: 'fixCookie', params: { cookie: 'cart', host: APEX, add: 'Secure' } });
    expect(adviceKeys(result).at(-1)).toBe('whereToFix');
  });

  it('fails a known session cookie readable by scripts; warns for a cookie that only lacks an expiry', () => {
    const known = judge(cookies, withCookies('PHPSESSID=abc; Secure; SameSite=Lax'));
    expect([known.status, known.advice[0]?.params?.add]).toEqual(['fail', 'HttpOnly']);
    const lifetime = judge(cookies, withCookies('prefs=dark; Secure; SameSite=Lax'));
    expect([lifetime.status, lifetime.advice[0]?.params?.add]).toEqual(['warn', 'HttpOnly']);
    const lasting = judge(cookies, withCookies('prefs=dark; Max-Age=999; Secure; SameSite=Lax'));
    expect(lasting.status).toBe('pass');
  });

  it('warns for a missing or invalid SameSite', () => {
    expect(judge(cookies, withCookies('a=1; Max-Age=9; Secure')).status).toBe('warn');
    expect(judge(cookies, withCookies('a=1; Max-Age=9; Secure; SameSite=Sometimes')).advice[0]?.params?.add).toBe('SameSite=Lax');
  });

  it('fails SameSite=None without Secure with its own advice', () => {
    const result = judge(cookies, withCookies('track=1; Max-Age=9; SameSite=None'));
    expect([result.status, adviceKeys(result)]).toEqual(['fail', ['sameSiteNone', 'whereToFix']]);
  });

  it('applies the __Host- and __Secure- prefix rules', () => {
    const domain = judge(cookies, withCookies('__Host-id=1; Max-Age=9; Secure; HttpOnly; SameSite=Lax; Path=/; Domain=shop.example'));
    expect([domain.status, adviceKeys(domain)]).toEqual(['warn', ['prefixDomain', 'whereToFix']]);
    const path = judge(cookies, withCookies('__Host-id=1; Max-Age=9; Secure; HttpOnly; SameSite=Lax'));
    expect(adviceKeys(path)).toEqual(['prefixPath', 'whereToFix']);
    expect(judge(cookies, withCookies('__Secure-id=1; Max-Age=9; SameSite=Lax')).status).toBe('fail');
  });

  it('ignores deletions, uses every HTTPS hop, skips HTTP-only cookies and counts a cookie once', () => {
    const redirect = hop(`https://${APEX}/`, 302, [['location', `https://${WWW}/`], ['set-cookie', 'fromRedirect=1; Max-Age=9; SameSite=Lax']]);
    const page = hop(`https://${WWW}/`, 200, [['set-cookie', 'old=; Max-Age=0'], ['set-cookie', 'gone=; Expires=Thu, 01 Jan 1970 00:00:00 GMT']]);
    const apex = host(APEX, 'apex', {
      https: chain([redirect, page], HOME),
      http: chain([hop(`http://${APEX}/`, 200, [['set-cookie', 'plain=1']])], HOME),
    });
    const www = host(WWW, 'www', { https: chain([page], HOME) });
    const result = judge(cookies, scan(apex, www));
    expect(cookieFacts(result).map((c) => c.name)).toEqual(['fromRedirect']);
    expect(result.evidence.deleted).toEqual(['old', 'gone']);
    expect(result.status).toBe('fail');
  });

  it('lists at most ten cookies in the advice', () => {
    const many = Array.from({ length: 13 }, (_, i) => `c${i}=1; Max-Age=9; SameSite=Lax`);
    const result = judge(cookies, withCookies(...many));
    expect(adviceKeys(result).filter((k) => k === 'fixCookie')).toHaveLength(10);
    expect(result.advice.find((a) => a.key === 'moreCookies')?.params?.count).toBe(3);
    expect(cookieFacts(result)).toHaveLength(13);
  });

  it('skips when no host answers over HTTPS', () => {
    expect(judge(cookies, scan(host(APEX, 'apex', { https: chain([failedHop(`https://${APEX}/`, 'connect')]) }))).summary.key).toBe('noHttps');
  });

  it('parses Set-Cookie attributes case-insensitively and spots session names', () => {
    expect(parseSetCookie('ID=1; SECURE; httponly; samesite=STRICT; max-age=5; Domain=.Shop.Example')).toEqual({
      name: 'ID', secure: true, httpOnly: true, sameSite: 'strict', maxAge: 5, domain: 'shop.example',
    });
    for (const name of ['JSESSIONID', 'ASP.NET_SessionId', 'connect.sid', 'laravel_session', 'my_session', '__Host-sid', 'wp_woocommerce_session_ab12']) {
      expect(sessionLike({ name, secure: true, httpOnly: false, maxAge: 60 }), name).toBe('known');
    }
    expect(sessionLike({ name: 'consider', secure: true, httpOnly: false, maxAge: 60 })).toBe(false);
  });
});

describe('web.mixed-content', () => {
  const page = (body: string, headers = GOOD_HEADERS) => withPage(headers, `<html><head></head><body>${body}</body></html>`);

  it('passes a clean page and protocol-relative or https references', () => {
    expect(judge(mixedContent, page('<script src="//cdn.example/a.js"></script><img src="https://x.example/a.png">')).status).toBe('pass');
  });

  it('fails active mixed content: scripts, stylesheets, frames, objects, forms', () => {
    const result = judge(
      mixedContent,
      page(
        '<script src="http://cdn.example/a.js"></script><link rel="Stylesheet preload" href="http://cdn.example/a.css"><iframe src="http://v.example/"></iframe><object data="http://o.example/x.swf"></object><embed src="http://e.example/x"><form action="http://shop.example/login"></form>',
      ),
    );
    expect([result.status, result.summary.params?.count]).toEqual(['fail', 6]);
    expect(adviceKeys(result)).toEqual(['fixActive', 'whereToFix']);
  });

  it('warns for passive mixed content: images, srcset, audio, video', () => {
    const result = judge(
      mixedContent,
      page('<img src="http://i.example/a.png"><img srcset="https://i.example/b.png 1x, http://i.example/c.png 2x"><video poster="http://i.example/p.jpg"><source src="http://m.example/v.mp4"></video>'),
    );
    expect([result.status, result.summary.params?.count]).toEqual(['warn', 4]);
  });

  it('resolves relative references against <base href>', () => {
    const found = findMixedContent('<base href="http://static.example/"><script src="app.js"></script><img src="/a.png">', 'https://shop.example/');
    expect(found).toEqual({ active: ['http://static.example/app.js'], passive: ['http://static.example/a.png'] });
  });

  it('reads the page as a browser with scripts on does: nothing inside <noscript> or <template> loads', () => {
    // A browser with JavaScript parses <noscript> as text and keeps <template> inert, so these
    // load nothing; an HTML parser that treats them as markup would report mixed content that is not there.
    const html =
      '<head><noscript><img src="http://a.example/x.png"></noscript></head><body><template><script src="http://b.example/y.js"></script></template>' +
      '<noscript><img src="http://c.example/z.png"></noscript><table><img src="http://d.example/w.png"></table><!-- <img src="http://e.example/v.png"> --></body>';
    expect(findMixedContent(html, 'https://shop.example/')).toEqual({ active: [], passive: ['http://d.example/w.png'] });
  });

  it('notes upgrade-insecure-requests and lowers the verdict to warn', () => {
    const headers = replaceHeader('content-security-policy', "default-src 'self'; upgrade-insecure-requests");
    const result = judge(mixedContent, page('<script src="http://cdn.example/a.js"></script>', headers));
    expect([result.status, result.summary.key]).toEqual(['warn', 'upgraded']);
    expect((result.evidence.hosts as Record<string, unknown>[])[0]?.upgradeInsecureRequests).toBe(true);
  });

  it('lists at most ten URLs in the advice and all in the evidence', () => {
    const images = Array.from({ length: 14 }, (_, i) => `<img src="http://i.example/${i}.png">`).join('');
    const result = judge(mixedContent, page(images));
    expect(String(result.advice[0]?.params?.urls).split(', ')).toHaveLength(10);
    expect(result.advice[1]).toMatchObject({ key: 'moreUrls', params: { count: 4 } });
    expect((result.evidence.hosts as { passive: string[] }[])[0]?.passive).toHaveLength(14);
  });

  it('skips a non-HTML page or a page that ends on http://', () => {
    expect(judge(mixedContent, withPage(replaceHeader('content-type', 'application/json'), '{}')).summary.key).toBe('notHtml');
    const downgraded = chain([hop(`https://${APEX}/`, 301, [['location', `http://${APEX}/`]]), hop(`http://${APEX}/`, 200, GOOD_HEADERS)], HOME);
    expect(judge(mixedContent, scan(host(APEX, 'apex', { https: downgraded }))).summary.key).toBe('finalNotHttps');
  });
});

describe('web.security-txt', () => {
  const withTxt = (body: string, status = 200, type = 'text/plain; charset=utf-8') =>
    scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: securityTxtChain(APEX, body, status, type) }) }));

  it('passes a complete file with an Expires date within a year', () => {
    const result = judge(securityTxt, withTxt('# hello\nContact: mailto:security@shop.example\nContact: https://shop.example/report\nExpires: 2026-12-31T23:00:00Z\n'));
    expect([result.status, result.summary.params?.date]).toEqual(['pass', '2026-12-31']);
  });

  it('accepts a PGP-signed file', () => {
    const signed = [
      '-----BEGIN PGP SIGNED MESSAGE-----', 'Hash: SHA256', '', 'Contact: mailto:security@shop.example', 'Expires: 2026-12-31T23:00:00.000Z',
      '- -not-a-field-after-unescaping', '-----BEGIN PGP SIGNATURE-----', 'iQIzBAEBCAAdFiEE', '-----END PGP SIGNATURE-----',
    ].join('\r\n');
    expect(parseSecurityTxt(signed)).toMatchObject({ signed: true, fields: [{ name: 'contact' }, { name: 'expires' }], badLines: [6] });
    expect(judge(securityTxt, withTxt(signed)).status).toBe('pass');
  });

  it('fails when missing, served as a web page (soft 404), or unreachable', () => {
    expect(judge(securityTxt, withTxt('nope', 404)).summary.key).toBe('missing');
    const soft = judge(securityTxt, withTxt(HOME, 200, 'text/html'));
    expect([soft.summary.key, adviceKeys(soft)]).toEqual(['wrongType', ['publish']]);
    const loop = chain([hop(`https://${APEX}/.well-known/security.txt`, 301, [['location', '/x']])], undefined, { error: { kind: 'redirect-loop', message: 'loop' } });
    expect(judge(securityTxt, scan(host(APEX, 'apex', { paths: paths(APEX, { securityTxt: loop }) }))).summary.key).toBe('broken');
  });

  it.each([
    ['noContact', 'Expires: 2026-12-31T23:00:00Z'],
    ['noExpires', 'Contact: mailto:a@shop.example'],
    ['multipleExpires', 'Contact: mailto:a@shop.example\nExpires: 2026-12-31T23:00:00Z\nExpires: 2026-11-30T23:00:00Z'],
    ['badExpires', 'Contact: mailto:a@shop.example\nExpires: 31 December 2026'],
    ['expired', 'Contact: mailto:a@shop.example\nExpires: 2026-01-01T00:00:00Z'],
  ])('fails with %s', (key, body) => {
    const result = judge(securityTxt, withTxt(body));
    expect([result.status, adviceKeys(result)]).toEqual(['fail', [key]]);
  });

  it('warns for an Expires more than a year away, a Contact that is not a URI, or a non-UTF-8 charset', () => {
    expect(adviceKeys(judge(securityTxt, withTxt('Contact: mailto:a@shop.example\nExpires: 2028-01-01T00:00:00Z')))).toEqual(['expiresFar']);
    expect(adviceKeys(judge(securityTxt, withTxt('Contact: security@shop.example\nExpires: 2026-12-01T00:00:00Z')))).toEqual(['contactNotUri']);
    const latin = judge(securityTxt, withTxt('Contact: mailto:a@shop.example\nExpires: 2026-12-01T00:00:00Z', 200, 'text/plain; charset=ISO-8859-1'));
    expect([latin.status, adviceKeys(latin)]).toEqual(['warn', ['charset']]);
  });

  it('skips without HTTPS or address, errors when the paths were not collected', () => {
    const noHttps = paths(APEX, { securityTxt: chain([failedHop(`https://${APEX}/.well-known/security.txt`, 'connect')]) });
    expect(judge(securityTxt, scan(host(APEX, 'apex', { paths: noHttps }))).summary.key).toBe('noHttps');
    expect(judge(securityTxt, scan(noAddressHost(APEX, 'apex'))).status).toBe('skip');
    const { paths: _dropped, ...withoutPaths } = host(APEX, 'apex');
    expect(judge(securityTxt, scan(withoutPaths)).status).toBe('error');
  });
});

describe('web.exposure', () => {
  const probe = contentProbe;
  const exposing = (...probes: ExposedPathProbe[]) => {
    const byPath = new Map(probes.map((p) => [p.path, p]));
    return scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: softProbes().map((p) => byPath.get(p.path) ?? p) }) }));
  };

  it('passes a soft-404 site that answers 200 with the home page everywhere', () => {
    expect(judge(exposure, scan(host(APEX, 'apex'))).summary).toMatchObject({ key: 'pass', params: { count: 12 } });
  });

  it('fails a .git folder exposed over plain HTTP on a shop without HTTPS', () => {
    const exposures = softProbes().map((p) => (p.path === '/.git/HEAD' ? probe('/.git/HEAD', 'ref: refs/heads/main\n') : p));
    const httpOnly = host(APEX, 'apex', {
      https: chain([failedHop(`https://${APEX}/`, 'connect')]),
      paths: paths(APEX, { exposure: exposures, exposureOrigin: `http://${APEX}` }),
    });
    const result = judge(exposure, scan(httpOnly));
    expect([result.status, result.summary.params?.paths]).toEqual(['fail', '/.git/HEAD']);
  });

  it('fails a file exposed on www when the apex only redirects there', () => {
    const exposures = softProbes().map((p) => (p.path === '/.env' ? probe('/.env', 'DB_PASSWORD=hunter2\nAPP_KEY=base64:abc\n') : p));
    const result = judge(exposure, scan(host(APEX, 'apex'), host(WWW, 'www', { paths: paths(WWW, { exposure: exposures }) })));
    expect([result.status, result.summary.params?.host]).toEqual(['fail', WWW]);
  });

  it('fails an exposed /.git/HEAD, naming it, with the fix', () => {
    const result = judge(exposure, exposing(probe('/.git/HEAD', 'ref: refs/heads/main\n')));
    expect([result.status, result.summary.params?.paths]).toEqual(['fail', '/.git/HEAD']);
    expect(adviceKeys(result)).toEqual(['exposedGit', 'blockPaths']);
  });

  it.each([
    ['/.git/HEAD', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3\n', '<html>ref: refs/heads/main</html>'],
    ['/.git/config', '[core]\n\trepositoryformatversion = 0\n', '<!doctype html><p>[core]</p>'],
    ['/.env', 'APP_KEY=base64:abc\nDB_PASSWORD=secret\nexport MAIL_HOST=smtp\n', 'Not found: the page you asked for = gone\nSorry\nTry again\n'],
    ['/.svn/entries', '12\n', '<html>12</html>'],
    ['/.DS_Store', '\u0000\u0000\u0000\u0001Bud1\u0000\u0000', 'Bud1'],
    ['/.htpasswd', 'admin:$apr1$abc$defghijklmnopqrstuv\n', 'admin: please log in'],
    ['/dump.sql', '-- MySQL dump 10.13\nCREATE TABLE `users` (\n', '<html><body>CREATE TABLE tutorial</body></html>'],
    ['/wp-config.php.bak', "<?php\ndefine( 'DB_NAME', 'shop' );\n", '<?php // nothing here'],
    ['/server-status', 'Active connections: 3 \nserver accepts handled requests\n', 'Server status: all good'],
  ])('recognises %s by content, not by status', (path, real, lookalike) => {
    expect(exposedKind(probe(path, real))).toBeDefined();
    expect(exposedKind(probe(path, lookalike))).toBeUndefined();
    expect(exposedKind(probe(path, real, { status: 403 }))).toBeUndefined();
  });

  it('recognises phpinfo() by the title read beyond the snippet', () => {
    expect(exposedKind(probe('/phpinfo.php', '<!DOCTYPE html><html><head><style>body{}', { title: 'PHP 8.2.7 - phpinfo()' }))).toBe('phpinfo');
    expect(exposedKind(probe('/phpinfo.php', HOME, { title: 'Shop' }))).toBeUndefined();
  });

  it('warns for version banners in headers or a generator tag, not for a bare product name', () => {
    const banner = judge(exposure, withPage([...replaceHeader('server', 'nginx/1.18.0 (Ubuntu)'), ['x-powered-by', 'PHP/8.1.2']]));
    expect([banner.status, banner.summary.key]).toEqual(['warn', 'banner']);
    expect(adviceKeys(banner)).toEqual(['hideBanner', 'hideBanner', 'hideBannerHow']);
    const generator = judge(exposure, withPage(GOOD_HEADERS, '<html><head><meta name="Generator" content="WordPress 6.4.2"></head></html>'));
    expect(generator.advice[0]?.params).toMatchObject({ header: '<meta name="generator">', value: 'WordPress 6.4.2' });
    for (const value of ['nginx', 'cloudflare', 'AmazonS3', 'ECS (dcb/7F84)', 'Microsoft-IIS']) expect(hasVersion(value), value).toBe(false);
    for (const value of ['Apache/2.4.41', 'Drupal 10 (https://www.drupal.org)', '4.0.30319', 'Microsoft-IIS/10.0']) expect(hasVersion(value), value).toBe(true);
  });

  it('skips when neither HTTPS nor HTTP answers, and errors when one did but no probe did', () => {
    const down = Array.from(softProbes(), (p) => ({ path: p.path, bodyBytes: 0, error: 'not probed: HTTPS did not answer' }));
    const noWeb = host(APEX, 'apex', {
      https: chain([failedHop(`https://${APEX}/`, 'connect')]),
      http: chain([failedHop(`http://${APEX}/`, 'connect')]),
      paths: paths(APEX, { exposure: down }),
    });
    expect(judge(exposure, scan(noWeb)).summary.key).toBe('noHttps');
    expect(judge(exposure, scan(host(APEX, 'apex', { paths: paths(APEX, { exposure: down }) }))).summary.key).toBe('pathsUnchecked');
  });
});

describe('web.ipv6', () => {
  it('passes when HTTPS answers on the AAAA address', () => {
    expect(judge(ipv6, scan(host(APEX, 'apex'))).summary.params?.address).toBe('2001:db8::10');
  });

  it('fails without AAAA, and when HTTPS does not answer on it, with the reason', () => {
    const noAaaa = judge(ipv6, scan(host(APEX, 'apex', { dns: { a: ['192.0.2.10'], aaaa: [], cnames: [] } })));
    expect([noAaaa.status, noAaaa.summary.key, adviceKeys(noAaaa)]).toEqual(['fail', 'noAaaa', ['addAaaa']]);
    const silent = judge(ipv6, scan(host(APEX, 'apex', { httpsIpv6: { address: '2001:db8::10', ok: false, error: 'connect ECONNREFUSED' } })));
    expect([silent.status, silent.summary.params?.reason]).toEqual(['fail', 'connect ECONNREFUSED']);
  });

  it('skips without addresses, errors when the IPv6 test is missing', () => {
    expect(judge(ipv6, scan(noAddressHost(APEX, 'apex', 'NXDOMAIN'))).summary.key).toBe('noAddressDns');
    const { httpsIpv6: _dropped, ...untested } = host(APEX, 'apex');
    expect(judge(ipv6, scan(untested)).status).toBe('error');
  });
});
